using Cms.Application.Common;
using Cms.Domain;

namespace Cms.UnitTests;

public sealed class SlugsTests
{
    [Fact]
    public void A_unicode_title_gives_a_transliterated_stable_slug()
    {
        var first = Slugs.From("Café Ünïcode — 東京 2026", "post");
        var second = Slugs.From("Café Ünïcode — 東京 2026", "post");

        Assert.True(Slug.IsValid(first), first);
        Assert.Equal(first, second);
        Assert.StartsWith("cafe-unicode-", first);
        Assert.EndsWith("-2026", first);
    }

    [Theory]
    [InlineData("Hello, World!", "hello-world")]
    [InlineData("MiXeD CaSe Title", "mixed-case-title")]
    [InlineData("  spaced   out  ", "spaced-out")]
    [InlineData("already-a-slug", "already-a-slug")]
    [InlineData("snake_case_title", "snake-case-title")]
    [InlineData("C# & .NET 10!", "c-sharp-net-10")]
    [InlineData("C++ and F#", "c-plus-plus-and-f-sharp")]
    [InlineData("Issue #42", "issue-42")]
    [InlineData("#metoo", "metoo")]
    [InlineData("Straße", "strasse")]
    [InlineData("Œuvre Ægir", "oeuvre-aegir")]
    [InlineData("Привет мир", "privet-mir")]
    [InlineData("Ελλάδα", "ellada")]
    public void A_title_becomes_lowercase_ascii_words_joined_by_hyphens(string title, string expected) =>
        Assert.Equal(expected, Slugs.From(title, "post"));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!!")]
    [InlineData("—")]
    [InlineData("...?!")]
    [InlineData("'''")]
    [InlineData("’")]
    [InlineData("- _ / \\ |")]
    public void A_title_without_letters_or_digits_gives_the_fallback(string title) =>
        Assert.Equal("fallback", Slugs.From(title, "fallback"));

    [Theory]
    [InlineData("Don't stop", "dont-stop")]
    [InlineData("Don’t stop", "dont-stop")]
    [InlineData("It's the author's pick", "its-the-authors-pick")]
    [InlineData("rock 'n' roll", "rock-n-roll")]
    public void Apostrophes_are_dropped_rather_than_splitting_a_word(string title, string expected) =>
        Assert.Equal(expected, Slugs.From(title, "post"));

    [Theory]
    [InlineData("  -Hello-  ")]
    [InlineData("-- leading and trailing --")]
    [InlineData("a — b")]
    [InlineData("x...y")]
    [InlineData("__init__")]
    [InlineData("(draft) 1/2 ✓")]
    [InlineData("!!!Wow!!!")]
    [InlineData("a - - - b")]
    public void A_slug_never_has_leading_trailing_or_double_hyphens(string title)
    {
        var slug = Slugs.From(title, "post");

        Assert.False(slug.StartsWith('-'), slug);
        Assert.False(slug.EndsWith('-'), slug);
        Assert.DoesNotContain("--", slug);
        Assert.True(Slug.IsValid(slug), slug);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(17)]
    [InlineData(45)]
    [InlineData(99)]
    [InlineData(150)]
    public void A_long_title_is_cut_at_a_word_boundary_within_the_maximum_length(int wordLength)
    {
        var words = Enumerable.Range(0, 600 / wordLength + 2).Select(i => Word(wordLength, i)).ToList();
        var uncut = string.Join('-', words);

        var slug = Slugs.From(string.Join(' ', words), "post");

        Assert.True(uncut.Length > Slugs.MaxGeneratedLength);
        Assert.InRange(slug.Length, Slugs.MaxGeneratedLength / 2 + 1, Slugs.MaxGeneratedLength);
        Assert.True(Slug.IsValid(slug), slug);
        Assert.StartsWith(slug + "-", uncut);
    }

    [Fact]
    public void A_single_word_longer_than_the_maximum_is_cut_to_exactly_the_generated_maximum()
    {
        var slug = Slugs.From(new string('x', 250), "post");

        Assert.Equal(new string('x', Slugs.MaxGeneratedLength), slug);
    }

    [Fact]
    public void A_long_title_without_a_late_word_boundary_is_cut_inside_a_word_rather_than_losing_half()
    {
        var title = "short " + new string('y', 300);

        var slug = Slugs.From(title, "post");

        Assert.Equal(Slugs.MaxGeneratedLength, slug.Length);
        Assert.StartsWith("short-yyy", slug);
        Assert.True(Slug.IsValid(slug), slug);
    }

    private static string Word(int length, int index) =>
        new(Enumerable.Range(0, length).Select(j => (char)('a' + (index + j) % 26)).ToArray());
}
