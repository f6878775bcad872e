using Cms.Domain;

namespace Cms.UnitTests;

public sealed class SlugTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("7")]
    [InlineData("hello-world")]
    [InlineData("2026")]
    [InlineData("a1-b2-c3")]
    [InlineData("post-2")]
    public void Lowercase_letters_and_digits_in_hyphen_separated_runs_are_valid(string slug) =>
        Assert.True(Slug.IsValid(slug));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("Hello")]
    [InlineData("hello world")]
    [InlineData(" hello")]
    [InlineData("hello ")]
    [InlineData("-hello")]
    [InlineData("hello-")]
    [InlineData("-")]
    [InlineData("hello--world")]
    [InlineData("hello_world")]
    [InlineData("hello.world")]
    [InlineData("hello/world")]
    [InlineData("café")]
    [InlineData("hello\n")]
    [InlineData("\nhello")]
    [InlineData("hello\r\n")]
    public void Anything_else_is_invalid(string? slug) =>
        Assert.False(Slug.IsValid(slug));

    [Fact]
    public void A_slug_of_the_maximum_length_is_valid_and_one_more_character_is_not()
    {
        Assert.True(Slug.IsValid(new string('a', Slug.MaxLength)));
        Assert.False(Slug.IsValid(new string('a', Slug.MaxLength + 1)));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(1)]
    public void The_first_alternative_is_the_slug_itself(int n) =>
        Assert.Equal("my-post", Slug.WithSuffix("my-post", n));

    [Theory]
    [InlineData(2, "my-post-2")]
    [InlineData(3, "my-post-3")]
    [InlineData(10, "my-post-10")]
    [InlineData(123, "my-post-123")]
    public void Later_alternatives_append_the_number(int n, string expected) =>
        Assert.Equal(expected, Slug.WithSuffix("my-post", n));

    [Theory]
    [InlineData(200, 2)]
    [InlineData(199, 2)]
    [InlineData(198, 2)]
    [InlineData(200, 10)]
    [InlineData(200, 12345)]
    [InlineData(197, 99)]
    public void An_alternative_never_exceeds_the_maximum_length(int length, int n)
    {
        var slug = new string('a', length);

        var alternative = Slug.WithSuffix(slug, n);

        Assert.True(alternative.Length <= Slug.MaxLength, $"{alternative.Length} characters");
        Assert.EndsWith("-" + n, alternative);
        Assert.True(Slug.IsValid(alternative), alternative);
    }

    [Fact]
    public void Shortening_for_a_suffix_does_not_leave_a_double_hyphen()
    {
        // Cutting 198 characters off this slug ends on its hyphen.
        var slug = new string('a', 197) + "-bc";

        var alternative = Slug.WithSuffix(slug, 2);

        Assert.Equal(new string('a', 197) + "-2", alternative);
        Assert.True(Slug.IsValid(alternative), alternative);
    }
}
