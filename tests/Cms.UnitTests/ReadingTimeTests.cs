using Cms.Domain;

namespace Cms.UnitTests;

public sealed class ReadingTimeTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("# --- *** ---")]
    public void A_body_without_words_takes_one_minute(string? body) =>
        Assert.Equal(1, ReadingTime.Minutes(body));

    [Theory]
    [InlineData(1, 1)]
    [InlineData(199, 1)]
    [InlineData(200, 1)]
    [InlineData(201, 2)]
    [InlineData(400, 2)]
    [InlineData(401, 3)]
    [InlineData(1000, 5)]
    [InlineData(1001, 6)]
    public void Minutes_round_up_at_two_hundred_words_a_minute(int words, int minutes) =>
        Assert.Equal(minutes, ReadingTime.Minutes(Words(words, " ")));

    [Theory]
    [InlineData("\n")]
    [InlineData("\n\n- ")]
    [InlineData(", ")]
    [InlineData(" **")]
    public void Markdown_punctuation_and_line_breaks_separate_words(string separator) =>
        Assert.Equal(2, ReadingTime.Minutes(Words(201, separator)));

    private static string Words(int count, string separator) =>
        string.Join(separator, Enumerable.Range(0, count).Select(i => "word" + i));
}
