using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cms.Infrastructure.Data.Migrations
{
    /// <summary>
    /// Every statement that changes what public reads show sends <c>NOTIFY cms_content_changed</c>,
    /// delivered when its transaction commits, so that each API instance empties its output cache
    /// after writes made elsewhere (another instance, the import command, psql).
    /// </summary>
    public partial class AddContentChangeNotifications : Migration
    {
        private static readonly string[] Tables = ["posts", "authors", "tags", "post_tags", "post_authors", "images"];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The payload names the writer (its application_name), so an API instance can skip its own
            // writes; notifications with the same payload in one transaction are delivered once.
            migrationBuilder.Sql("""
                CREATE FUNCTION notify_content_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('cms_content_changed', current_setting('application_name'));
                    RETURN NULL;
                END $$;
                """);
            foreach (var table in Tables)
                migrationBuilder.Sql($"CREATE TRIGGER {table}_notify_content_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON {table} "
                    + "FOR EACH STATEMENT EXECUTE FUNCTION notify_content_change();");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in Tables)
                migrationBuilder.Sql($"DROP TRIGGER {table}_notify_content_change ON {table};");
            migrationBuilder.Sql("DROP FUNCTION notify_content_change();");
        }
    }
}
