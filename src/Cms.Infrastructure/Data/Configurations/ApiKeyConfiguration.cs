using Cms.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cms.Infrastructure.Data.Configurations;

public sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> key)
    {
        key.HasKey(k => k.Id);
        key.Property(k => k.Id).ValueGeneratedNever();
        key.Property(k => k.Name).HasMaxLength(200);
        key.Property(k => k.Scope).HasMaxLength(16);
        key.Property(k => k.Prefix).HasMaxLength(32);
        key.HasIndex(k => k.Hash).IsUnique();
        key.Ignore(k => k.IsActive);
    }
}
