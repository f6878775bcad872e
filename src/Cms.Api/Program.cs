using Cms.Api.Auth;
using Cms.Api.Caching;
using Cms.Api.Commands;
using Cms.Api.Database;
using Cms.Api.Endpoints;
using Cms.Api.Errors;
using Cms.Api.Hardening;
using Cms.Api.OpenApi;
using Cms.Api.Operations;
using Cms.Api.Webhooks;
using Cms.Application.Common;
using Cms.Application.Common.Behaviors;
using Cms.Application.Keys;
using Cms.Application.Posts;
using Cms.Application.Authors;
using Cms.Application.Tags;
using Cms.Application.Images;
using Cms.Application.Import;
using Cms.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Authentication;

// The import is a short batch job: it runs again in a child process tuned for one (see BatchRuntime).
if (args.FirstOrDefault() == "import" && BatchRuntime.RunWithoutDynamicPgo(args) is { } importExitCode) return importExitCode;

var builder = WebApplication.CreateBuilder(args);

if (StartupChecks.Problems(builder.Configuration) is { Count: > 0 } problems)
{
    foreach (var problem in problems) Console.Error.WriteLine("Cms cannot start: " + problem);
    return 2;
}
if (!builder.Environment.IsDevelopment())
{
    // One JSON object a line: what log shippers read without parsing rules.
    builder.Logging.ClearProviders();
    builder.Logging.AddJsonConsole(o =>
    {
        o.UseUtcTimestamp = true;
        o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
    });
}
// On SIGTERM, requests in flight get this long to finish before the process ends.
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(builder.Configuration.GetValue("Cms:ShutdownTimeoutSeconds", 30)));

var connectionString = builder.Configuration.GetConnectionString("Cms")!;
builder.Services.AddCmsInfrastructure(connectionString,
    prepareStatements: builder.Configuration.GetValue($"{DatabaseOptions.Section}:PrepareStatements", true));
builder.Services.AddCmsObservability(builder.Configuration);
builder.Services.AddSingleton(TimeProvider.System);

builder.Services.AddMediator(options =>
{
    options.ServiceLifetime = ServiceLifetime.Scoped;
    // Validation first; then writes wait for one of a few slots (WriteConcurrency); reads (only reads) get a second
    // chance when the database dropped a connection, each attempt on one connection held from its first statement
    // to its last.
    // Last, around the handler alone: every command evicts what it changed from the output cache once it has run.
    options.PipelineBehaviors = [typeof(ValidationBehavior<,>), typeof(BoundWrites<,>), typeof(TransientReadRetry<,>), typeof(OneConnectionPerQuery<,>), typeof(EvictContentCache<,>), typeof(RetryTagCreationRace<,>)];
    options.Assemblies = [typeof(CreatePost)];
});
// Messages name fields as the client sent them: 'title', not 'Title'.
ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
    member is null ? null : System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(member.Name);
// Singletons: a validator holds only its rules (and at most the TimeProvider), and building ListPosts' rules per
// request showed in the Q1 profile (docs/performance.md, "Warm-up and the last levers").
builder.Services.AddValidatorsFromAssembly(typeof(CreatePost).Assembly, ServiceLifetime.Singleton, includeInternalTypes: false);
builder.Services.AddSingleton<WriteConcurrency>();
builder.Services.AddScoped<PostChanges>();
builder.Services.AddScoped<UnseenPostWrites>();
builder.Services.AddScoped<AuthorChanges>();
builder.Services.AddScoped<TagChanges>();
builder.Services.AddScoped<ListVersions>();
builder.Services.AddSingleton<ListTotals>();
builder.Services.AddScoped<Cursors>();
builder.Services.AddScoped<Signing>();
builder.Services.AddScoped<PreviewTokens>();
builder.Services.Configure<PreviewOptions>(builder.Configuration.GetSection(PreviewOptions.Section));
builder.Services.Configure<ImageOptions>(builder.Configuration.GetSection(ImageOptions.Section));
builder.Services.AddSingleton<ImageLocks>();
builder.Services.AddScoped<ImageLibrary>();
builder.Services.AddScoped<PostImages>();
builder.Services.AddOptions<ImportOptions>().Bind(builder.Configuration.GetSection(ImportOptions.Section))
    .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Cms:Import:TimeZone is not a time zone id (such as UTC or Europe/Paris).")
    .ValidateOnStart();
builder.Services.AddSingleton<ImageVariants>();
builder.Services.AddSingleton<MediaCache>();
builder.Services.Configure<SearchOptions>(builder.Configuration.GetSection(SearchOptions.Section));
builder.Services.AddCmsWebhooks(builder.Configuration);

builder.Services.ConfigureHttpJsonOptions(o => CmsJson.Configure(o.SerializerOptions));
// Malformed bodies and parameters throw, so the one exception handler answers them as problem details.
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
{
    c.ProblemDetails.Instance ??= c.HttpContext.Request.Path;
    c.ProblemDetails.Detail ??= BadRequests.DetailFor(c.ProblemDetails.Status ?? 0, c.HttpContext);
    c.ProblemDetails.Extensions["traceId"] = System.Diagnostics.Activity.Current?.Id ?? c.HttpContext.TraceIdentifier;
});
builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();

builder.Services.Configure<DatabaseOptions>(builder.Configuration.GetSection(DatabaseOptions.Section));
var authOptions = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
builder.Services.Configure<AuthOptions>(builder.Configuration.GetSection(AuthOptions.Section));
builder.Services.AddMemoryCache(o => o.SizeLimit = 100_000);
builder.Services.AddScoped<ApiKeyVerifier>();
builder.Services.AddSingleton<KeyCache>();
builder.Services.AddSingleton<IKeyRevocations>(sp => sp.GetRequiredService<KeyCache>());
builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
    .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
builder.Services.AddAuthorizationBuilder()
    .AddPolicy(AuthPolicies.Admin, p => p.RequireClaim(Scopes.ClaimType, Scopes.Admin))
    .AddPolicy(AuthPolicies.Read, p =>
    {
        if (authOptions.PublicReads) p.RequireAssertion(_ => true);
        else p.RequireClaim(Scopes.ClaimType, Scopes.Content, Scopes.Admin);
    });

builder.Services.AddCmsHardening(builder.Configuration, builder.Environment);
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
builder.Services.AddCmsSwagger();
builder.Services.AddCmsOutputCache(builder.Configuration);

var app = builder.Build();

try
{
    if (args.FirstOrDefault() == "migrate")
    {
        await Migrations.ApplyAsync(app.Services);
        Console.WriteLine("The database is up to date.");
        return 0;
    }
    if (app.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.MigrateOnStartup ?? true)
        await Migrations.ApplyAsync(app.Services);
    if (args.FirstOrDefault() == "import")
        return await ImportCommand.RunAsync(app.Services, args[1..], Console.Out, Console.Error);
    await BootstrapAdminKey.EnsureAsync(app.Services, app.Environment);
}
catch (InvalidOperationException e) when (e.Message.StartsWith("Cms:", StringComparison.Ordinal))
{
    Console.Error.WriteLine("Cms cannot start: " + e.Message);
    return 2;
}
catch (Exception e) when (ProblemDetailsExceptionHandler.IsDatabaseUnavailable(e) || e is Npgsql.PostgresException { SqlState: "28P01" or "28000" or "3D000" })
{
    var target = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
    Console.Error.WriteLine($"Cms cannot start: the database {target.Database} at {target.Host}:{target.Port} cannot be used ({e.Message})");
    return 3;
}

app.UseMiddleware<RequestLog>();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseCmsTransport();
app.UseMiddleware<FailedAuthThrottle>();
app.UseAuthentication();
app.UseMiddleware<RejectInvalidKeys>();
app.UseMiddleware<RateLimitMiddleware>();
app.UseAuthorization();
app.UseCmsOutputCache();

app.UseSwagger();
app.UseSwaggerUI(o =>
{
    o.SwaggerEndpoint("/swagger/v1/swagger.json", "Cms API v1");
    o.EnablePersistAuthorization();
    o.DocumentTitle = "Cms API";
});

app.MapHealthEndpoints();
app.MapPostEndpoints();
app.MapAuthorEndpoints();
app.MapTagEndpoints();
app.MapCategoryEndpoints();
app.MapKeyEndpoints();
app.MapImageEndpoints();
app.MapMediaEndpoints();
app.MapCmsMetrics();
app.MapImportEndpoints();
app.MapWebhookEndpoints();

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
