using Cms.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cms.Infrastructure.Data.Configurations;

public sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> tag)
    {
        tag.HasKey(t => t.Id);
        tag.Property(t => t.Id).ValueGeneratedNever();
        tag.Property(t => t.Slug).HasMaxLength(Slug.MaxLength);
        tag.HasIndex(t => t.Slug).IsUnique();
        tag.Property(t => t.Name).HasMaxLength(100);
        tag.HasIndex(t => t.Name);
        tag.Property(t => t.Version).IsRowVersion();
    }
}
