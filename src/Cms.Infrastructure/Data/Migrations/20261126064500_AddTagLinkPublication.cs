using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cms.Infrastructure.Data.Migrations
{
    /// <summary>
    /// post_tags keeps a copy of its post's publication date (<c>post_published_at</c>: the post's published_at
    /// while it is published, else null), kept by triggers whatever writes the rows, and an index on (tag_id,
    /// post_published_at DESC, post_id DESC) of published links: a tag's newest posts are the first entries of
    /// its part of the index (PostPage.NewestOfTags). Not in the EF model: no code writes or reads it but SQL.
    /// </summary>
    public partial class AddTagLinkPublication : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE post_tags ADD COLUMN post_published_at timestamp with time zone;");
            migrationBuilder.Sql("""
                UPDATE post_tags pt SET post_published_at = p.published_at
                FROM posts p WHERE p.id = pt.post_id AND p.status = 'published';
                """);
            // Every row written to post_tags takes the date from its post, whatever it was given...
            migrationBuilder.Sql("""
                CREATE FUNCTION post_tags_copy_publication() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    NEW.post_published_at := (SELECT p.published_at FROM posts p WHERE p.id = NEW.post_id AND p.status = 'published');
                    RETURN NEW;
                END $$;
                """);
            migrationBuilder.Sql("CREATE TRIGGER post_tags_copy_publication BEFORE INSERT OR UPDATE ON post_tags "
                + "FOR EACH ROW EXECUTE FUNCTION post_tags_copy_publication();");
            // ...and a post whose status or date changes rewrites its links (the trigger above reads the new row).
            migrationBuilder.Sql("""
                CREATE FUNCTION posts_publication_to_tag_links() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE post_tags SET post_published_at = CASE WHEN NEW.status = 'published' THEN NEW.published_at END WHERE post_id = NEW.id;
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql("CREATE TRIGGER posts_publication_to_tag_links AFTER UPDATE OF status, published_at ON posts FOR EACH ROW "
                + "WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.published_at IS DISTINCT FROM NEW.published_at) "
                + "EXECUTE FUNCTION posts_publication_to_tag_links();");
            migrationBuilder.Sql("CREATE INDEX ix_post_tags_newest ON post_tags (tag_id, post_published_at DESC, post_id DESC) "
                + "WHERE post_published_at IS NOT NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER posts_publication_to_tag_links ON posts;");
            migrationBuilder.Sql("DROP FUNCTION posts_publication_to_tag_links();");
            migrationBuilder.Sql("DROP TRIGGER post_tags_copy_publication ON post_tags;");
            migrationBuilder.Sql("DROP FUNCTION post_tags_copy_publication();");
            migrationBuilder.Sql("DROP INDEX ix_post_tags_newest;");
            migrationBuilder.Sql("ALTER TABLE post_tags DROP COLUMN post_published_at;");
        }
    }
}
