using Cms.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cms.Infrastructure.Data.Configurations;

public sealed class WebhookConfiguration : IEntityTypeConfiguration<Webhook>
{
    public void Configure(EntityTypeBuilder<Webhook> webhook)
    {
        webhook.HasKey(w => w.Id);
        webhook.Property(w => w.Id).ValueGeneratedNever();
        webhook.Property(w => w.Url).HasMaxLength(Webhook.UrlMaxLength);
        webhook.Property(w => w.Secret).HasMaxLength(200);
        webhook.Property(w => w.Version).IsRowVersion();
    }
}
