using Cms.Application;
using Cms.Domain;
using Microsoft.EntityFrameworkCore;

namespace Cms.Infrastructure.Data;

public sealed class CmsDbContext(DbContextOptions<CmsDbContext> options) : DbContext(options), ICmsDb
{
    public DbSet<Post> Posts => Set<Post>();
    public DbSet<Author> Authors => Set<Author>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<PostAuthor> PostAuthors => Set<PostAuthor>();
    public DbSet<PostTag> PostTags => Set<PostTag>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Image> Images => Set<Image>();
    public DbSet<Webhook> Webhooks => Set<Webhook>();
    public DbSet<OutboxEvent> OutboxEvents => Set<OutboxEvent>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();

    public void ExpectVersion<TEntity>(TEntity entity, uint version) where TEntity : class =>
        Entry(entity).Property("Version").OriginalValue = version;

    public void MarkModified<TEntity>(TEntity entity, string property) where TEntity : class =>
        Entry(entity).Property(property).IsModified = true;

    public void ForgetTracked() => ChangeTracker.Clear();

    public async Task<IAsyncDisposable> PreferIndexScansAsync(CancellationToken ct)
    {
        // Disposed without a commit, the transaction rolls back: it only read, and SET LOCAL ends with it.
        var transaction = await Database.BeginTransactionAsync(ct);
        await Database.ExecuteSqlRawAsync("SET LOCAL enable_seqscan = off", ct);
        return transaction;
    }

    public IQueryable<TResult> SqlQuery<TResult>(FormattableString sql) => Database.SqlQuery<TResult>(sql);

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CmsDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored as their lowercase names, readable in psql and stable when members are added.
        configurationBuilder.Properties<PostStatus>().HaveConversion<LowercaseEnumConverter<PostStatus>>();
        configurationBuilder.Properties<ApiKeyScope>().HaveConversion<LowercaseEnumConverter<ApiKeyScope>>();
        configurationBuilder.Properties<DeliveryStatus>().HaveConversion<LowercaseEnumConverter<DeliveryStatus>>();
    }
}
