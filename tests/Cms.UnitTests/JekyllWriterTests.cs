using System.Text.Json.Nodes;
using Cms.Application.Import;
using Cms.Domain;

namespace Cms.UnitTests;

public sealed class JekyllWriterTests
{
    [Theory]
    [InlineData("post", "post")]
    [InlineData("/lifestyle/winter-gardening/", "/lifestyle/winter-gardening/")]
    [InlineData("Tom Okafor", "Tom Okafor")]
    [InlineData("123", "\"123\"")]
    [InlineData("1.5", "\"1.5\"")]
    [InlineData("true", "\"true\"")]
    [InlineData("null", "\"null\"")]
    [InlineData("~", "\"~\"")]
    [InlineData("", "\"\"")]
    [InlineData("2026-01-06", "\"2026-01-06\"")]
    [InlineData("a: b", "\"a: b\"")]
    [InlineData("#hash", "\"#hash\"")]
    [InlineData("- dash", "\"- dash\"")]
    [InlineData("trailing ", "\"trailing \"")]
    [InlineData("say \"hi\"\\", "\"say \\\"hi\\\"\\\\\"")]
    [InlineData("two\nlines", "\"two\\nlines\"")]
    [InlineData("bell\u0007", "\"bell\\u0007\"")]
    [InlineData("東京 café", "東京 café")]
    public void Text_is_plain_only_when_it_reads_back_as_the_same_text(string text, string yaml) => Assert.Equal(yaml, JekyllWriter.Scalar(text));

    [Theory]
    [InlineData("post")]
    [InlineData("123")]
    [InlineData("a: b, [c] {d} #e 'f' \"g\" \\h")]
    [InlineData("two\nlines\ttab\r")]
    [InlineData("☕ 🎉 \u2028 \uFEFF")]
    [InlineData("yes")]
    public void Every_text_reads_back_unchanged(string text)
    {
        var post = JekyllPost.Read("x.md", $"---\ntitle: {JekyllWriter.Scalar(text)}\nm: [{JekyllWriter.Scalar(text)}]\n---\n", false, TimeZoneInfo.Utc);
        Assert.Equal(text.Trim(), post.Title);
        Assert.Equal(text, (string?)post.Metadata["m"]![0]);
    }

    [Fact]
    public void A_post_is_written_with_its_fields_then_its_metadata_in_order_and_reads_back_the_same()
    {
        var post = new ExportedPost(Guid.NewGuid(), "hello", "Hello: world", "Short", "Body\n\n{% raw %}\n", PostStatus.Published,
            new DateTimeOffset(2026, 1, 6, 21, 30, 55, TimeSpan.Zero), ["Ann", "Bob Ray"], ["a", "leap year"], ["News"],
            """{"layout":"post","n":1.50,"list":[1,"two"],"map":{"b":true,"a":null},"title":"ignored"}""", "abc.jpg");
        var (path, text) = JekyllWriter.Write(post, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));

        Assert.Equal("_posts/2026-01-06-hello.md", path);
        Assert.Equal("""
            ---
            title: "Hello: world"
            date: 2026-01-06 22:30:55 +0100
            authors: [Ann, Bob Ray]
            categories: [News]
            tags: [a, leap year]
            excerpt: Short
            image: assets/images/abc.jpg
            layout: post
            n: 1.50
            list: [1, two]
            map: {b: true, a: null}
            ---
            Body

            {% raw %}

            """.ReplaceLineEndings("\n"), text);
        var read = JekyllPost.Read(path, text, false, TimeZoneInfo.Utc);
        Assert.Equal(("hello", "Hello: world", post.PublishedAt), (read.Slug, read.Title, read.Date));
        Assert.Equal(post.Body, read.Body);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"image":"assets/images/abc.jpg","layout":"post","n":1.50,"list":[1,"two"],"map":{"b":true,"a":null}}"""), read.Metadata));
    }

    [Fact]
    public void A_draft_goes_to_drafts_with_published_false()
    {
        var post = new ExportedPost(Guid.NewGuid(), "later", "Later", null, "", PostStatus.Draft, null, [], [], [], "{}", null);
        var (path, text) = JekyllWriter.Write(post, TimeZoneInfo.Utc);
        Assert.Equal("_drafts/later.md", path);
        Assert.Equal("---\ntitle: Later\npublished: false\n---\n", text);
    }
}
