using Cms.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cms.Infrastructure.Data.Configurations;

public sealed class PostAuthorConfiguration : IEntityTypeConfiguration<PostAuthor>
{
    public void Configure(EntityTypeBuilder<PostAuthor> postAuthor)
    {
        postAuthor.HasKey(pa => new { pa.PostId, pa.AuthorId });
        // Serves the author filter and postCount: from an author to their posts.
        postAuthor.HasIndex(pa => new { pa.AuthorId, pa.PostId });
        // Deleting an author with posts is decided by the handler (409 or reassign), never by a silent cascade.
        postAuthor.HasOne(pa => pa.Author).WithMany().HasForeignKey(pa => pa.AuthorId).OnDelete(DeleteBehavior.Restrict);
    }
}
