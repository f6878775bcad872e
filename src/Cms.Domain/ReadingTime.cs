namespace Cms.Domain;

/// <summary>Minutes a reader needs for a markdown body, at 200 words a minute, at least one.</summary>
public static class ReadingTime
{
    public const int WordsPerMinute = 200;

    public static int Minutes(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return 1;
        var words = 0;
        var inWord = false;
        foreach (var c in body)
        {
            var isWordChar = char.IsLetterOrDigit(c);
            if (isWordChar && !inWord) words++;
            inWord = isWordChar;
        }
        return Math.Max(1, (int)Math.Ceiling(words / (double)WordsPerMinute));
    }
}
