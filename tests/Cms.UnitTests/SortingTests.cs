using Cms.Application.Common;

namespace Cms.UnitTests;

public sealed class SortingTests
{
    private static readonly string[] Allowed = ["publishedAt", "title", "updatedAt"];

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void No_sort_gives_no_keys(string? sort) =>
        Assert.Equal([], Sorting.Parse(sort, Allowed)!);

    [Fact]
    public void A_comma_list_gives_one_key_per_field_in_order()
    {
        var keys = Sorting.Parse("-publishedAt,title", Allowed);

        Assert.Equal([new SortKey("publishedAt", true), new SortKey("title", false)], keys!);
    }

    [Theory]
    [InlineData("TITLE", "title", false)]
    [InlineData("-PublishedAt", "publishedAt", true)]
    [InlineData("updatedat", "updatedAt", false)]
    [InlineData(" -title ", "title", true)]
    public void Field_names_match_case_insensitively_and_come_back_as_allowed(string sort, string field, bool descending) =>
        Assert.Equal([new SortKey(field, descending)], Sorting.Parse(sort, Allowed)!);

    [Theory]
    [InlineData("author")]
    [InlineData("title,author")]
    [InlineData("+title")]
    [InlineData("--title")]
    [InlineData("-")]
    [InlineData("title,")]
    [InlineData(",title")]
    [InlineData("title;updatedAt")]
    public void An_unknown_or_malformed_field_gives_null(string sort) =>
        Assert.Null(Sorting.Parse(sort, Allowed));

    [Theory]
    [InlineData("title,title")]
    [InlineData("title,-title")]
    [InlineData("-publishedAt,updatedAt,PUBLISHEDAT")]
    public void A_field_named_twice_gives_null(string sort) =>
        Assert.Null(Sorting.Parse(sort, Allowed));
}
