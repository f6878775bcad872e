using Cms.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cms.Infrastructure.Data.Configurations;

public sealed class AuthorConfiguration : IEntityTypeConfiguration<Author>
{
    public void Configure(EntityTypeBuilder<Author> author)
    {
        author.HasKey(a => a.Id);
        author.Property(a => a.Id).ValueGeneratedNever();
        author.Property(a => a.Slug).HasMaxLength(Slug.MaxLength);
        author.HasIndex(a => a.Slug).IsUnique();
        author.Property(a => a.Name).HasMaxLength(200);
        author.HasIndex(a => a.Name);
        author.Property(a => a.Website).HasMaxLength(2000);
        author.Property(a => a.Email).HasMaxLength(320);
        author.Property(a => a.Version).IsRowVersion();
        author.HasOne(a => a.AvatarImage).WithMany().HasForeignKey(a => a.AvatarImageId).OnDelete(DeleteBehavior.Restrict);
    }
}
