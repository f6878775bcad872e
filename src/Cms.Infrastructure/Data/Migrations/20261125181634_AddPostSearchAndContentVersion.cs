using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace Cms.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddPostSearchAndContentVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "search_vector",
                table: "posts",
                type: "tsvector",
                nullable: true,
                computedColumnSql: "setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A') || setweight(to_tsvector('english'::regconfig, coalesce(excerpt, '')), 'B') || setweight(to_tsvector('english'::regconfig, coalesce(body, '')), 'C')",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_posts_search_vector",
                table: "posts",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

            // Accent-insensitive prefix search on author and tag names ("Jose" finds "José").
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS unaccent;");

            // One number that changes, in the same transaction, with every change to listed content:
            // a list's ETag is derived from it, so a 304 never needs the list query and is never stale.
            migrationBuilder.Sql("""
                CREATE TABLE content_version (id boolean PRIMARY KEY DEFAULT true CHECK (id), value bigint NOT NULL);
                INSERT INTO content_version VALUES (true, 1);
                CREATE FUNCTION bump_content_version() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    UPDATE content_version SET value = value + 1;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER posts_content_version AFTER INSERT OR UPDATE OR DELETE ON posts
                    FOR EACH STATEMENT EXECUTE FUNCTION bump_content_version();
                CREATE TRIGGER authors_content_version AFTER INSERT OR UPDATE OR DELETE ON authors
                    FOR EACH STATEMENT EXECUTE FUNCTION bump_content_version();
                CREATE TRIGGER tags_content_version AFTER INSERT OR UPDATE OR DELETE ON tags
                    FOR EACH STATEMENT EXECUTE FUNCTION bump_content_version();
                CREATE TRIGGER post_tags_content_version AFTER INSERT OR UPDATE OR DELETE ON post_tags
                    FOR EACH STATEMENT EXECUTE FUNCTION bump_content_version();
                CREATE TRIGGER post_authors_content_version AFTER INSERT OR UPDATE OR DELETE ON post_authors
                    FOR EACH STATEMENT EXECUTE FUNCTION bump_content_version();
                """);

            // Secrets the API instances share, made once per database: the key that signs list cursors.
            migrationBuilder.Sql("""
                CREATE TABLE cms_settings (key text PRIMARY KEY, value text NOT NULL);
                INSERT INTO cms_settings VALUES ('cursor_secret', replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE cms_settings;");
            migrationBuilder.Sql("""
                DROP TRIGGER posts_content_version ON posts;
                DROP TRIGGER authors_content_version ON authors;
                DROP TRIGGER tags_content_version ON tags;
                DROP TRIGGER post_tags_content_version ON post_tags;
                DROP TRIGGER post_authors_content_version ON post_authors;
                DROP FUNCTION bump_content_version();
                DROP TABLE content_version;
                """);

            migrationBuilder.DropIndex(
                name: "ix_posts_search_vector",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "search_vector",
                table: "posts");
        }
    }
}
