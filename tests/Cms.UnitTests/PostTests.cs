using Cms.Application.Common;
using Cms.Domain;

namespace Cms.UnitTests;

public sealed class PostTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_new_post_is_a_draft_with_a_uuid_v7_id()
    {
        var post = new Post("hello", Now);

        Assert.Equal(PostStatus.Draft, post.StatusAt(Now));
        Assert.Null(post.PublishedAt);
        Assert.Equal(7, post.Id.Version);
        Assert.Equal(Now, post.CreatedAt);
        Assert.Equal(Now, post.UpdatedAt);
    }

    [Theory]
    [InlineData(-365 * 24 * 60)]
    [InlineData(-1)]
    [InlineData(0)]
    public void A_post_published_at_or_before_now_is_published_and_visible(int minutesFromNow)
    {
        var post = new Post("hello", Now);
        post.Publish(Now.AddMinutes(minutesFromNow));

        Assert.Equal(PostStatus.Published, post.StatusAt(Now));
        Assert.True(post.IsVisibleToReadersAt(Now));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(60)]
    [InlineData(365 * 24 * 60)]
    public void A_post_published_in_the_future_is_scheduled_and_hidden(int minutesFromNow)
    {
        var post = new Post("hello", Now);
        post.Publish(Now.AddMinutes(minutesFromNow));

        Assert.Equal(PostStatus.Scheduled, post.StatusAt(Now));
        Assert.False(post.IsVisibleToReadersAt(Now));
        Assert.Equal(PostStatus.Published, post.Status);
    }

    [Fact]
    public void A_scheduled_post_becomes_published_once_its_time_comes()
    {
        var post = new Post("hello", Now);
        post.Publish(Now.AddHours(1));

        Assert.Equal(PostStatus.Scheduled, post.StatusAt(Now.AddMinutes(59)));
        Assert.Equal(PostStatus.Published, post.StatusAt(Now.AddHours(1)));
        Assert.True(post.IsVisibleToReadersAt(Now.AddHours(2)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(-60)]
    [InlineData(60)]
    public void An_unpublished_post_is_a_draft_whatever_its_planned_date(int? plannedMinutesFromNow)
    {
        var post = new Post("hello", Now);
        post.Publish(Now.AddDays(-1));

        post.Unpublish(plannedMinutesFromNow is { } m ? Now.AddMinutes(m) : null);

        Assert.Equal(PostStatus.Draft, post.StatusAt(Now));
        Assert.False(post.IsVisibleToReadersAt(Now));
        Assert.Equal(plannedMinutesFromNow is { } n ? Now.AddMinutes(n) : null, post.PublishedAt);
    }

    [Fact]
    public void Authors_keep_the_given_order_and_count_once()
    {
        var (ann, bob, cat) = (NewAuthor("ann"), NewAuthor("bob"), NewAuthor("cat"));
        var post = new Post("hello", Now);

        post.SetAuthors([bob, ann, bob, cat, ann]);

        Assert.Equal(["bob", "ann", "cat"], Byline(post));
        Assert.Equal([0, 1, 2], post.Authors.Select(a => a.Position).Order());
        Assert.All(post.Authors, a => Assert.Equal(post.Id, a.PostId));
    }

    [Fact]
    public void Setting_authors_again_repositions_kept_ones_and_removes_absent_ones()
    {
        var (ann, bob, cat, dan) = (NewAuthor("ann"), NewAuthor("bob"), NewAuthor("cat"), NewAuthor("dan"));
        var post = new Post("hello", Now);
        post.SetAuthors([ann, bob, cat]);
        var keptBob = post.Authors.Single(a => a.AuthorId == bob.Id);

        post.SetAuthors([cat, dan, bob]);

        Assert.Equal(["cat", "dan", "bob"], Byline(post));
        Assert.Equal(3, post.Authors.Count);
        Assert.DoesNotContain(post.Authors, a => a.AuthorId == ann.Id);
        Assert.Same(keptBob, post.Authors.Single(a => a.AuthorId == bob.Id));
    }

    [Fact]
    public void Setting_no_authors_removes_them_all()
    {
        var post = new Post("hello", Now);
        post.SetAuthors([NewAuthor("ann"), NewAuthor("bob")]);

        post.SetAuthors([]);

        Assert.Empty(post.Authors);
    }

    [Fact]
    public void Tags_keep_the_given_order_and_count_once()
    {
        var (dotnet, web, sql) = (NewTag("dotnet"), NewTag("web"), NewTag("sql"));
        var post = new Post("hello", Now);

        post.SetTags([web, dotnet, web, sql, dotnet]);

        Assert.Equal(["web", "dotnet", "sql"], TagSlugs(post));
        Assert.Equal([0, 1, 2], post.Tags.Select(t => t.Position).Order());
        Assert.All(post.Tags, t => Assert.Equal(post.Id, t.PostId));
    }

    [Fact]
    public void Setting_tags_again_repositions_kept_ones_and_removes_absent_ones()
    {
        var (dotnet, web, sql, css) = (NewTag("dotnet"), NewTag("web"), NewTag("sql"), NewTag("css"));
        var post = new Post("hello", Now);
        post.SetTags([dotnet, web, sql]);
        var keptSql = post.Tags.Single(t => t.TagId == sql.Id);

        post.SetTags([sql, css, dotnet]);

        Assert.Equal(["sql", "css", "dotnet"], TagSlugs(post));
        Assert.Equal(3, post.Tags.Count);
        Assert.DoesNotContain(post.Tags, t => t.TagId == web.Id);
        Assert.Same(keptSql, post.Tags.Single(t => t.TagId == sql.Id));
    }

    [Fact]
    public void Categories_are_trimmed_empty_ones_dropped_and_duplicates_by_slug_counted_once()
    {
        var post = new Post("hello", Now);

        post.SetCategories(["News", " news ", "", "   ", " Tech Talk ", "TECH-talk", "Café", "cafe"], ToSlug);

        Assert.Equal(["News", "Tech Talk", "Café"], post.Categories);
        Assert.Equal(["news", "tech-talk", "cafe"], post.CategorySlugs);
    }

    [Fact]
    public void Setting_categories_again_replaces_them()
    {
        var post = new Post("hello", Now);
        post.SetCategories(["News", "Tech"], ToSlug);

        post.SetCategories(["Travel"], ToSlug);

        Assert.Equal(["Travel"], post.Categories);
        Assert.Equal(["travel"], post.CategorySlugs);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Hello")]
    [InlineData("hello world")]
    [InlineData("-hello")]
    [InlineData("hello--world")]
    [InlineData("hello\n")]
    public void An_invalid_slug_is_rejected_and_the_old_one_kept(string slug)
    {
        var post = new Post("hello", Now);

        var error = Assert.Throws<ArgumentException>(() => post.SetSlug(slug));

        Assert.Equal("slug", error.ParamName);
        Assert.Equal("hello", post.Slug);
    }

    [Fact]
    public void A_valid_slug_is_set()
    {
        var post = new Post("hello", Now);

        post.SetSlug("hello-again-2");

        Assert.Equal("hello-again-2", post.Slug);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(200, 1)]
    [InlineData(201, 2)]
    [InlineData(1000, 5)]
    public void Setting_content_computes_the_reading_time_from_the_body(int words, int minutes)
    {
        var post = new Post("hello", Now);
        var body = string.Join(' ', Enumerable.Repeat("word", words));

        post.SetContent("Title", "Excerpt", body, "<p>html</p>");

        Assert.Equal(minutes, post.ReadingTimeMinutes);
        Assert.Equal("Title", post.Title);
        Assert.Equal("Excerpt", post.Excerpt);
        Assert.Equal(body, post.Body);
        Assert.Equal("<p>html</p>", post.Html);
    }

    private static string ToSlug(string name) => Slugs.From(name, "uncategorized");

    private static Author NewAuthor(string slug) => new(slug, slug.ToUpperInvariant(), Now);

    private static Tag NewTag(string slug) => new(slug, slug.ToUpperInvariant(), Now);

    private static string[] Byline(Post post) => [.. post.Authors.OrderBy(a => a.Position).Select(a => a.Author.Slug)];

    private static string[] TagSlugs(Post post) => [.. post.Tags.OrderBy(t => t.Position).Select(t => t.Tag.Slug)];
}
