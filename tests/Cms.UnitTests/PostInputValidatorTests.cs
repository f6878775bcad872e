using Cms.Application.Posts;
using Cms.Domain;
using FluentValidation.Results;

namespace Cms.UnitTests;

public sealed class PostInputValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly PostInputValidator _validator = new(new FixedClock(Now));

    [Fact]
    public void A_complete_input_is_valid()
    {
        var input = new PostInput(
            "Hello", Slug: "hello", Excerpt: "Short", Body: "# Hi", Status: PostStatus.Scheduled,
            PublishedAt: Now.AddDays(1), Authors: ["ann"], Tags: ["dotnet"], Categories: ["News"]);

        Assert.Empty(Validate(input));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_title_is_required(string? title) =>
        Assert.Contains(nameof(PostInput.Title), Validate(new PostInput(title!)).Keys);

    [Fact]
    public void A_title_may_have_300_characters_but_not_301()
    {
        Assert.Empty(Validate(new PostInput(new string('t', Post.TitleMaxLength))));
        Assert.Equal([nameof(PostInput.Title)], Validate(new PostInput(new string('t', Post.TitleMaxLength + 1))).Keys);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Hello")]
    [InlineData("hello world")]
    [InlineData("hello--world")]
    [InlineData("-hello")]
    [InlineData("hello\n")]
    public void An_invalid_slug_fails(string slug) =>
        Assert.Equal([nameof(PostInput.Slug)], Validate(new PostInput("Title", Slug: slug)).Keys);

    [Fact]
    public void A_slug_longer_than_the_maximum_fails() =>
        Assert.Equal([nameof(PostInput.Slug)], Validate(new PostInput("Title", Slug: new string('a', Slug.MaxLength + 1))).Keys);

    [Fact]
    public void A_scheduled_post_without_a_publication_time_fails()
    {
        var errors = Validate(new PostInput("Title", Status: PostStatus.Scheduled));

        Assert.Equal([nameof(PostInput.PublishedAt)], errors.Keys);
        Assert.Equal(["'publishedAt' is required when status is scheduled."], errors[nameof(PostInput.PublishedAt)]);
    }

    [Theory]
    [InlineData(-60 * 24)]
    [InlineData(-1)]
    [InlineData(0)]
    public void A_scheduled_post_with_a_publication_time_not_in_the_future_fails(int minutesFromNow)
    {
        var errors = Validate(new PostInput("Title", Status: PostStatus.Scheduled, PublishedAt: Now.AddMinutes(minutesFromNow)));

        Assert.Equal([nameof(PostInput.PublishedAt)], errors.Keys);
        Assert.Equal(["'publishedAt' must be in the future when status is scheduled."], errors[nameof(PostInput.PublishedAt)]);
    }

    [Theory]
    [InlineData(PostStatus.Draft, -60)]
    [InlineData(PostStatus.Draft, 60)]
    [InlineData(PostStatus.Published, -60)]
    [InlineData(PostStatus.Published, 60)]
    [InlineData(PostStatus.Scheduled, 1)]
    public void A_publication_time_is_only_checked_for_scheduled_posts(PostStatus status, int minutesFromNow) =>
        Assert.Empty(Validate(new PostInput("Title", Status: status, PublishedAt: Now.AddMinutes(minutesFromNow))));

    [Fact]
    public void An_undefined_status_fails() =>
        Assert.Equal([nameof(PostInput.Status)], Validate(new PostInput("Title", Status: (PostStatus)42)).Keys);

    [Theory]
    [InlineData(0, true)]
    [InlineData(50, true)]
    [InlineData(51, false)]
    [InlineData(200, false)]
    public void A_post_has_at_most_50_tags(int count, bool valid)
    {
        var errors = Validate(new PostInput("Title", Tags: [.. Enumerable.Range(0, count).Select(i => "tag" + i)]));

        Assert.Equal(valid, !errors.ContainsKey(nameof(PostInput.Tags)));
    }

    [Theory]
    [InlineData(20, true)]
    [InlineData(21, false)]
    public void A_post_has_at_most_20_authors_and_20_categories(int count, bool valid)
    {
        var names = Enumerable.Range(0, count).Select(i => "name" + i).ToList();

        var errors = Validate(new PostInput("Title", Authors: names, Categories: names));

        Assert.Equal(valid, !errors.ContainsKey(nameof(PostInput.Authors)));
        Assert.Equal(valid, !errors.ContainsKey(nameof(PostInput.Categories)));
    }

    [Fact]
    public void An_empty_or_overlong_tag_fails_at_its_index()
    {
        var errors = Validate(new PostInput("Title", Tags: ["ok", "", new string('t', 101)]));

        Assert.Equal(["Tags[1]", "Tags[2]"], errors.Keys.Order());
    }

    private Dictionary<string, string[]> Validate(PostInput input) =>
        _validator.Validate(input).Errors
            .GroupBy(e => e.PropertyName)
            .ToDictionary(g => g.Key, g => g.Select((ValidationFailure e) => e.ErrorMessage).ToArray());
}
