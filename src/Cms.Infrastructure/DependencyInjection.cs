using Cms.Application;
using Cms.Application.Images;
using Cms.Infrastructure.Data;
using Cms.Infrastructure.Images;
using Cms.Infrastructure.Markdown;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cms.Infrastructure;

public static partial class DependencyInjection
{
    public const int DefaultMaxPoolSize = 16;

    /// <summary>The session setting whose value the API chooses (0) unless the connection string's Options name it.</summary>
    public const string ParallelWorkersSetting = "max_parallel_workers_per_gather";

    [System.Text.RegularExpressions.GeneratedRegex(@"max(imum)?\s*pool\s*size", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex MaxPoolSizeSetting();

    [System.Text.RegularExpressions.GeneratedRegex(@"no\s*reset\s*on\s*close", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex NoResetOnCloseSetting();

    /// <param name="prepareStatements">Prepare the statements marked <see cref="CmsSql.Prepared"/> (off behind a pooler that cannot keep them).</param>
    public static IServiceCollection AddCmsInfrastructure(this IServiceCollection services, string connectionString, bool prepareStatements = true)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        // A name of this process alone: content-change notifications carry the writer's application_name,
        // which lets the output cache tell this process's writes (already evicted) from others'.
        var name = builder.ConnectionStringBuilder.ApplicationName is { Length: > 0 } given ? given[..Math.Min(given.Length, 30)] : "cms";
        builder.ConnectionStringBuilder.ApplicationName = $"{name}-{Guid.NewGuid():N}";
        // A small pool unless the connection string says otherwise: more busy backends than cores only queue in
        // PostgreSQL. At 64 clients on 2 cores, 16 connections instead of Npgsql's 100 cut Q1's p99 from
        // 170-500 ms to 90-120 ms at the same throughput (docs/performance.md, "Pool size").
        if (!MaxPoolSizeSetting().IsMatch(connectionString)) builder.ConnectionStringBuilder.MaxPoolSize = DefaultMaxPoolSize;
        // No session reset when a connection goes back to the pool, unless the connection string says otherwise: the
        // reset (RESET ALL, UNLISTEN *, pg_advisory_unlock_all, DISCARD ...) runs in PostgreSQL before each request's
        // first statement, a cost as large as a read by slug's own. This code keeps no session state: SET LOCAL only
        // (ICmsDb.PreferIndexScansAsync), and the one LISTEN has a connection of its own (ContentChangeListener).
        if (!NoResetOnCloseSetting().IsMatch(connectionString)) builder.ConnectionStringBuilder.NoResetOnClose = true;
        // No parallel query on the API's sessions unless the connection string's Options set it. On 2 cores with
        // many requests at once, a tag list's page was planned with two parallel workers (Gather Merge), whose
        // start-up cost more than the walk they shared: pgbench ran Q2's statements at 411-439 tps with them and
        // 683-711 without (docs/performance.md, "Parallel workers"). A tag list now starts from the tag's own links,
        // but a list filtered by author or category still walks the date index that way. The API's statements read a
        // page or a post, or write a few rows: none has the work that parallel workers pay for.
        var sessionOptions = builder.ConnectionStringBuilder.Options ?? "";
        if (!sessionOptions.Contains(ParallelWorkersSetting, StringComparison.OrdinalIgnoreCase))
            builder.ConnectionStringBuilder.Options = $"{sessionOptions} -c {ParallelWorkersSetting}=0".Trim();
        var dataSource = builder.Build();
        services.AddSingleton(dataSource);
        services.AddDbContextPool<CmsDbContext>(options => Configure(options, dataSource, prepareStatements));
        services.AddScoped<ICmsDb>(sp => sp.GetRequiredService<CmsDbContext>());
        services.AddSingleton<IMarkdownRenderer, MarkdigRenderer>();
        services.AddSingleton<IImageStore, FileSystemImageStore>();
        services.AddSingleton<IImageResizer, SkiaImageResizer>();
        services.AddHostedService<StagingSweeper>();
        return services;
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, NpgsqlDataSource dataSource, bool prepareStatements = true)
    {
        options
            .UseNpgsql(dataSource, npgsql => npgsql.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
            .UseSnakeCaseNamingConvention();
        return prepareStatements ? options.AddInterceptors(PreparedStatements) : options;
    }

    private static readonly PrepareMarkedStatements PreparedStatements = new();
}
