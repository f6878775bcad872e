using Cms.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cms.Infrastructure.Data.Configurations;

public sealed class OutboxEventConfiguration : IEntityTypeConfiguration<OutboxEvent>
{
    public void Configure(EntityTypeBuilder<OutboxEvent> e)
    {
        e.ToTable("outbox_events");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Type).HasMaxLength(50);
        e.Property(x => x.Payload).HasColumnType("jsonb");
        // The dispatcher's work list: events not yet turned into deliveries. Partial, so it stays small.
        e.HasIndex(x => x.Id).HasDatabaseName("ix_outbox_events_undispatched").HasFilter("dispatched_at IS NULL");
        e.HasIndex(x => x.ResourceId);
    }
}
