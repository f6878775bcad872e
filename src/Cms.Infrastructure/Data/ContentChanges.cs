namespace Cms.Infrastructure.Data;

/// <summary>
/// The channel on which the database announces content changes: the triggers of the migration
/// <c>AddContentChangeNotifications</c> (its payload: the writer's application name), the search language rebuild
/// (<see cref="SearchLanguage"/>; empty payload, for every instance), and Cms.Api.Caching.ContentChangeListener
/// listening. The migration keeps its own copy of the name, as migrations do.
/// </summary>
public static class ContentChanges
{
    public const string Channel = "cms_content_changed";
}
