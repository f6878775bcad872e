using Cms.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cms.Infrastructure.Data.Configurations;

public sealed class ImageConfiguration : IEntityTypeConfiguration<Image>
{
    public void Configure(EntityTypeBuilder<Image> image)
    {
        image.HasKey(i => i.Id);
        image.Property(i => i.Id).ValueGeneratedNever();
        // One row per content: the same bytes uploaded twice (even at once) find the first image.
        image.Property(i => i.Sha256).HasMaxLength(64).IsFixedLength();
        image.HasIndex(i => i.Sha256).IsUnique();
        image.Property(i => i.ContentType).HasMaxLength(32);
        image.Property(i => i.Extension).HasMaxLength(8);
        image.Property(i => i.Alt).HasMaxLength(Image.AltMaxLength);
        image.Property(i => i.Caption).HasMaxLength(Image.CaptionMaxLength);
        image.Property(i => i.Version).IsRowVersion();
        image.Ignore(i => i.FileName);
        image.HasIndex(i => new { i.CreatedAt, i.Id }).IsDescending(true, true);
        image.ToTable(t =>
        {
            t.HasCheckConstraint("ck_images_sha256", "sha256 ~ '^[0-9a-f]{64}$'");
            t.HasCheckConstraint("ck_images_size", "width > 0 AND height > 0 AND byte_size > 0");
        });
    }
}
