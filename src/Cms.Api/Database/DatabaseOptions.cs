namespace Cms.Api.Database;

/// <summary><c>Cms:Database</c> settings.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Cms:Database";

    /// <summary>Apply pending migrations at start; turn off where a deploy step runs <c>Cms.Api migrate</c>.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
