using Cms.Application;
using Cms.Application.Images;
using Cms.Infrastructure.Data;
using Cms.Infrastructure.Images;
using Cms.Infrastructure.Markdown;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cms.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddCmsInfrastructure(this IServiceCollection services, string connectionString)
    {
        var dataSource = new NpgsqlDataSourceBuilder(connectionString).Build();
        services.AddSingleton(dataSource);
        services.AddDbContextPool<CmsDbContext>(options => Configure(options, dataSource));
        services.AddScoped<ICmsDb>(sp => sp.GetRequiredService<CmsDbContext>());
        services.AddSingleton<IMarkdownRenderer, MarkdigRenderer>();
        services.AddSingleton<IImageStore, FileSystemImageStore>();
        services.AddSingleton<IImageResizer, SkiaImageResizer>();
        services.AddHostedService<StagingSweeper>();
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options
            .UseNpgsql(dataSource, npgsql => npgsql.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
            .UseSnakeCaseNamingConvention();
}
