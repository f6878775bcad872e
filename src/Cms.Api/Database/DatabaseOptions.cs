namespace Cms.Api.Database;

/// <summary><c>Cms:Database</c> settings.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Cms:Database";

    /// <summary>Apply pending migrations at start; turn off where a deploy step runs <c>Cms.Api migrate</c>.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// Prepare the hot statements on their connections (ADR 0011); read at start by <c>AddCmsInfrastructure</c>.
    /// Turn off behind a pooler in transaction mode that cannot keep prepared statements.
    /// </summary>
    public bool PrepareStatements { get; set; } = true;

    /// <summary>
    /// Commands (writes) whose handlers run at once; the others wait (<see cref="WriteConcurrency"/>). 0: no bound.
    /// </summary>
    public int MaxConcurrentWrites { get; set; } = 8;
}
