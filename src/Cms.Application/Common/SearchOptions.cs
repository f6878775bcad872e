namespace Cms.Application.Common;

/// <summary><c>Cms:Search</c> settings.</summary>
public sealed class SearchOptions
{
    public const string Section = "Cms:Search";

    /// <summary>The PostgreSQL text search configuration: english (default), simple, german, french, ...</summary>
    public string Language { get; set; } = "english";
}
