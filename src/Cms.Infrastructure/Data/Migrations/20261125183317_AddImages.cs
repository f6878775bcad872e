using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cms.Infrastructure.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddImages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "feature_image_id",
                table: "posts",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "avatar_image_id",
                table: "authors",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "images",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    content_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    extension = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    width = table.Column<int>(type: "integer", nullable: false),
                    height = table.Column<int>(type: "integer", nullable: false),
                    byte_size = table.Column<long>(type: "bigint", nullable: false),
                    alt = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    caption = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_images", x => x.id);
                    table.CheckConstraint("ck_images_sha256", "sha256 ~ '^[0-9a-f]{64}$'");
                    table.CheckConstraint("ck_images_size", "width > 0 AND height > 0 AND byte_size > 0");
                });

            migrationBuilder.CreateIndex(
                name: "ix_posts_feature_image_id",
                table: "posts",
                column: "feature_image_id");

            migrationBuilder.CreateIndex(
                name: "ix_authors_avatar_image_id",
                table: "authors",
                column: "avatar_image_id");

            migrationBuilder.CreateIndex(
                name: "ix_images_created_at_id",
                table: "images",
                columns: new[] { "created_at", "id" },
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "ix_images_sha256",
                table: "images",
                column: "sha256",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_authors_images_avatar_image_id",
                table: "authors",
                column: "avatar_image_id",
                principalTable: "images",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "fk_posts_images_feature_image_id",
                table: "posts",
                column: "feature_image_id",
                principalTable: "images",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            // The images list's ETag moves with every change to the library, as the other lists' do.
            migrationBuilder.Sql("""
                CREATE TRIGGER images_content_version AFTER INSERT OR UPDATE OR DELETE ON images
                    FOR EACH STATEMENT EXECUTE FUNCTION bump_content_version();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER images_content_version ON images;");

            migrationBuilder.DropForeignKey(
                name: "fk_authors_images_avatar_image_id",
                table: "authors");

            migrationBuilder.DropForeignKey(
                name: "fk_posts_images_feature_image_id",
                table: "posts");

            migrationBuilder.DropTable(
                name: "images");

            migrationBuilder.DropIndex(
                name: "ix_posts_feature_image_id",
                table: "posts");

            migrationBuilder.DropIndex(
                name: "ix_authors_avatar_image_id",
                table: "authors");

            migrationBuilder.DropColumn(
                name: "feature_image_id",
                table: "posts");

            migrationBuilder.DropColumn(
                name: "avatar_image_id",
                table: "authors");
        }
    }
}
