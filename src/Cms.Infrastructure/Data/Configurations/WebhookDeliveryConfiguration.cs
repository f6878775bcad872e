using Cms.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cms.Infrastructure.Data.Configurations;

public sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> d)
    {
        d.HasKey(x => x.Id);
        d.Property(x => x.Id).ValueGeneratedNever();
        d.Property(x => x.Status).HasMaxLength(16);
        d.Property(x => x.LastError).HasMaxLength(WebhookDelivery.ErrorMaxLength);
        // One delivery per (event, webhook): dispatching the same event twice adds nothing.
        d.HasIndex(x => new { x.EventId, x.WebhookId }).IsUnique();
        d.HasIndex(x => new { x.WebhookId, x.EventId });
        // What the dispatcher claims: pending deliveries by due time.
        d.HasIndex(x => x.NextAttemptAt).HasDatabaseName("ix_webhook_deliveries_due").HasFilter("status = 'pending'");
        d.HasOne<OutboxEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        d.HasOne<Webhook>().WithMany().HasForeignKey(x => x.WebhookId).OnDelete(DeleteBehavior.Cascade);
    }
}
