using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Cms.Infrastructure.Data.Migrations
{
    /// <summary>
    /// A GIN index on rank_vector (title and excerpt): a ranked search finds the posts that can rank above 0 through
    /// it and ranks only those (PostPage.RankedMatches). SearchLanguage rebuilds it with the column.
    /// </summary>
    public partial class AddRankVectorIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.CreateIndex(name: "ix_posts_rank_vector", table: "posts", column: "rank_vector")
                .Annotation("Npgsql:IndexMethod", "gin");

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.DropIndex(name: "ix_posts_rank_vector", table: "posts");
    }
}
