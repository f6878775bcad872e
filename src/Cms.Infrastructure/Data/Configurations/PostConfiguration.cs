using Cms.Domain;
using Microsoft.EntityFrameworkCore;
using Cms.Application.Posts;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace Cms.Infrastructure.Data.Configurations;

public sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> post)
    {
        post.HasKey(p => p.Id);
        post.Property(p => p.Id).ValueGeneratedNever();
        post.Property(p => p.Slug).HasMaxLength(Slug.MaxLength);
        post.HasIndex(p => p.Slug).IsUnique();
        post.Property(p => p.Title).HasMaxLength(Post.TitleMaxLength);
        post.Property(p => p.Status).HasMaxLength(16);
        // json, not jsonb: it keeps the keys in the order they were written, so an imported post exports back unchanged.
        post.Property(p => p.Metadata).HasColumnType("json");
        post.Property(p => p.Version).IsRowVersion();
        post.ToTable(t => t.HasCheckConstraint("ck_posts_published_has_date", "status <> 'published' OR published_at IS NOT NULL"));

        // The default list: published posts, newest first. Partial, so drafts never bloat it.
        post.HasIndex(p => new { p.PublishedAt, p.Id })
            .HasDatabaseName("ix_posts_published")
            .IsDescending(true, true)
            .HasFilter("status = 'published'");
        // What the webhook dispatcher polls for: published posts not yet announced. Partial, so it
        // holds only scheduled posts and stays tiny however many posts there are.
        post.HasIndex(p => p.PublishedAt)
            .HasDatabaseName("ix_posts_unannounced")
            .HasFilter("status = 'published' AND published_event_at IS NULL");
        post.HasIndex(p => p.UpdatedAt);
        post.HasIndex(p => p.CreatedAt);
        post.HasIndex(p => p.CategorySlugs).HasMethod("gin");

        // Full-text search: a stored, weighted vector (title A, excerpt B, body C) behind a GIN index.
        // Its text search configuration follows Cms:Search:Language (SearchLanguage rebuilds it).
        post.Property<NpgsqlTsVector>(PostSearch.VectorProperty)
            .HasComputedColumnSql(PostSearch.VectorSql("english"), stored: true);
        post.HasIndex(PostSearch.VectorProperty).HasMethod("gin");
        // Relevance is ranked on title and excerpt only, a small vector kept in the heap row (see PostSearch), with a
        // GIN index of its own: only the posts it matches can rank above 0, and only they are ranked
        // (PostPage.RankedMatches). SearchLanguage rebuilds it with the column.
        post.Property<NpgsqlTsVector>(PostSearch.RankVectorProperty)
            .HasComputedColumnSql(PostSearch.RankVectorSql("english"), stored: true);
        post.HasIndex(PostSearch.RankVectorProperty).HasMethod("gin");

        // An image in use cannot be deleted (the API answers 409 before the database has to refuse).
        post.HasOne(p => p.FeatureImage).WithMany().HasForeignKey(p => p.FeatureImageId).OnDelete(DeleteBehavior.Restrict);

        post.HasMany(p => p.Authors).WithOne().HasForeignKey(pa => pa.PostId).OnDelete(DeleteBehavior.Cascade);
        post.HasMany(p => p.Tags).WithOne().HasForeignKey(pt => pt.PostId).OnDelete(DeleteBehavior.Cascade);
        post.Navigation(p => p.Authors).UsePropertyAccessMode(PropertyAccessMode.Field);
        post.Navigation(p => p.Tags).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
