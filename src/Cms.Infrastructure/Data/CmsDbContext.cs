using Cms.Application;
using Cms.Domain;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

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

    /// <summary>
    /// A save that has started runs to its end, commit or failure, even when the request that asked for it is
    /// aborted: cancelled half-way, its transaction was rolled back (nothing half-written) but EF logged "An error
    /// occurred using a transaction" for every client that hung up during a write, and the client could not tell
    /// which had happened either way. The command timeout still bounds it; callers check their token between saves.
    /// </summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        base.SaveChangesAsync(acceptAllChangesOnSuccess, CancellationToken.None);

    public async Task<List<T>> ReadAsync<T>(string sql, Func<DbDataReader, T> map, CancellationToken ct, params object[] parameters)
    {
        var builder = this.GetService<IRelationalCommandBuilderFactory>().Create().Append(sql);
        var values = new Dictionary<string, object?>(parameters.Length);
        var mappings = this.GetService<IRelationalTypeMappingSource>();
        for (var i = 0; i < parameters.Length; i++)
        {
            var name = "p" + i;
            var mapping = mappings.FindMapping(parameters[i].GetType())
                ?? throw new ArgumentException($"No database type for {parameters[i].GetType()}.", nameof(parameters));
            builder.AddParameter(name, "@" + name, mapping, nullable: false);
            values[name] = parameters[i];
        }
        var command = builder.Build();
        var context = new RelationalCommandParameterObject(this.GetService<IRelationalConnection>(), values, null, this,
            this.GetService<IRelationalCommandDiagnosticsLogger>(), CommandSource.FromSqlQuery);
        // The reader opens the connection when nobody has (and closes it again when disposed), and joins the open transaction.
        await using var reader = await command.ExecuteReaderAsync(context, ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct)) rows.Add(map(reader.DbDataReader));
        return rows;
    }

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
