using System.Linq.Expressions;
using Cms.Application.Common;
using Cms.Application.Images;
using Cms.Domain;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;
using static Cms.Application.Common.Projection;

namespace Cms.Application.Posts;

/// <summary>The fields a post can be asked for, and the SQL each one costs.</summary>
public static class PostFields
{
    public static readonly string[] All =
    [
        "id", "slug", "title", "excerpt", "body", "html", "status", "publishedAt", "authors", "tags", "categories",
        "metadata", "featureImage", "readingTimeMinutes", "createdAt", "updatedAt", "version", "highlight",
    ];

    /// <summary>Lists leave out the heavy body and html (and highlight, which needs q).</summary>
    public static readonly IReadOnlySet<string> ListDefaults = All.Except(["body", "html", "highlight"]).ToHashSet();

    public static readonly IReadOnlySet<string> ItemDefaults = All.Except(["highlight"]).ToHashSet();

    /// <summary>The projection for these fields; sort keys and the id are always read, for cursors.</summary>
    public static Expression<Func<Post, PostRow>> Select(IReadOnlySet<string> fields, IEnumerable<string> sortColumns, string? q, string language)
    {
        // The id (for cursors) and the version (the ETag) are read whatever the fields.
        var bindings = new List<KeyValuePair<string, LambdaExpression>> { Bind<Post, Guid>("Id", p => p.Id), Bind<Post, uint>("Version", p => p.Version) };
        foreach (var column in sortColumns.Concat(fields))
        {
            switch (column)
            {
                case "slug": bindings.Add(Bind<Post, string>("Slug", p => p.Slug)); break;
                case "title": bindings.Add(Bind<Post, string>("Title", p => p.Title)); break;
                case "excerpt": bindings.Add(Bind<Post, string?>("Excerpt", p => p.Excerpt)); break;
                case "body": bindings.Add(Bind<Post, string>("Body", p => p.Body)); break;
                case "html": bindings.Add(Bind<Post, string>("Html", p => p.Html)); break;
                case "status":
                    bindings.Add(Bind<Post, PostStatus>("Status", p => p.Status));
                    bindings.Add(Bind<Post, DateTimeOffset?>("PublishedAt", p => p.PublishedAt));
                    break;
                case "publishedAt": bindings.Add(Bind<Post, DateTimeOffset?>("PublishedAt", p => p.PublishedAt)); break;
                case "categories": bindings.Add(Bind<Post, string[]>("Categories", p => p.Categories)); break;
                case "metadata": bindings.Add(Bind<Post, string>("Metadata", p => p.Metadata)); break;
                case "featureImage": bindings.Add(Bind("FeatureImage", ImageRefs.Of<Post>(p => p.FeatureImage))); break;
                case "readingTimeMinutes": bindings.Add(Bind<Post, int>("ReadingTimeMinutes", p => p.ReadingTimeMinutes)); break;
                case "createdAt": bindings.Add(Bind<Post, DateTimeOffset>("CreatedAt", p => p.CreatedAt)); break;
                case "updatedAt": bindings.Add(Bind<Post, DateTimeOffset>("UpdatedAt", p => p.UpdatedAt)); break;
                case "version": bindings.Add(Bind<Post, uint>("Version", p => p.Version)); break;
                case "rank" when q is not null: bindings.Add(Bind("Rank", Rank(q, language))); break;
                case "highlight" when q is not null:
                    bindings.Add(Bind<Post, string>("Highlight", p => EF.Functions.WebSearchToTsQuery(language, q)
                        .GetResultHeadline(language, p.Title + " \n" + (p.Excerpt ?? "") + " \n" + p.Body, Highlights.Options)));
                    break;
            }
        }
        return Projection.Of<Post, PostRow>(bindings);
    }

    public static Expression<Func<Post, bool>> Matches(string q, string language) =>
        p => EF.Property<NpgsqlTsVector>(p, PostSearch.VectorProperty).Matches(EF.Functions.WebSearchToTsQuery(language, q));

    /// <summary>Relevance on title and excerpt (<see cref="PostSearch.RankVectorProperty"/>): 0 for a match only in the body.</summary>
    public static Expression<Func<Post, float>> Rank(string q, string language) =>
        p => EF.Property<NpgsqlTsVector>(p, PostSearch.RankVectorProperty).RankCoverDensity(EF.Functions.WebSearchToTsQuery(language, q));
}
