using Cms.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cms.Infrastructure.Data.Configurations;

public sealed class PostTagConfiguration : IEntityTypeConfiguration<PostTag>
{
    public void Configure(EntityTypeBuilder<PostTag> postTag)
    {
        postTag.HasKey(pt => new { pt.PostId, pt.TagId });
        // Serves the tag filter and postCount: from a tag to its posts.
        postTag.HasIndex(pt => new { pt.TagId, pt.PostId });
        // post_tags also has post_published_at, its post's date while published, kept by triggers, and an index on
        // (tag_id, post_published_at DESC, post_id DESC) for a tag's newest posts: SQL only, see AddTagLinkPublication.
        // Deleting a tag removes it from its posts.
        postTag.HasOne(pt => pt.Tag).WithMany().HasForeignKey(pt => pt.TagId).OnDelete(DeleteBehavior.Cascade);
    }
}
