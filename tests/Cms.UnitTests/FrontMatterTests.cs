using System.Text.Json.Nodes;
using Cms.Application.Import;

namespace Cms.UnitTests;

public sealed class FrontMatterTests
{
    private static readonly string Samples = Path.Combine(FindRoot(), "tests", "samples", "_posts");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Cms.sln"))) return dir.FullName;
        throw new InvalidOperationException("Cms.sln not found");
    }

    private static JekyllPost Read(string text, string file = "2026-01-06-hello.md", bool drafts = false) =>
        JekyllPost.Read(file, text, drafts, TimeZoneInfo.Utc);

    [Theory]
    [InlineData("2026-01-06T22:30:55", "2026-01-06T22:30:55+00:00")]
    [InlineData("2026-01-06 22:30:55", "2026-01-06T22:30:55+00:00")]
    [InlineData("2026-01-06 22:30:55 +0100", "2026-01-06T21:30:55+00:00")]
    [InlineData("2026-01-06 22:30:55 -05:00", "2026-01-07T03:30:55+00:00")]
    [InlineData("2026-01-06T22:30:55+01:00", "2026-01-06T21:30:55+00:00")]
    [InlineData("2026-01-06T22:30:55Z", "2026-01-06T22:30:55+00:00")]
    [InlineData("2026-01-06 22:30", "2026-01-06T22:30:00+00:00")]
    [InlineData("2026-01-06 22:30:55.123456 +0000", "2026-01-06T22:30:55.123456+00:00")]
    [InlineData("2026-01-06", "2026-01-06T00:00:00+00:00")]
    [InlineData("2024-02-29", "2024-02-29T00:00:00+00:00")]
    public void Jekyll_dates_in_every_form(string text, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), JekyllDates.Parse(text, TimeZoneInfo.Utc));

    [Theory]
    [InlineData("2023-02-29")]
    [InlineData("yesterday")]
    [InlineData("2026-01-06 25:00")]
    [InlineData("2026-01-06 10:00 +2500")]
    [InlineData("0001-01-01 00:00 +0100")]
    [InlineData("9999-12-31 23:59 -0100")]
    public void Not_a_date_is_null(string text) => Assert.Null(JekyllDates.Parse(text, TimeZoneInfo.Utc));

    [Fact]
    public void A_date_without_offset_is_in_the_configured_zone()
    {
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.Zero), JekyllDates.Parse("2026-07-01 10:00:00", paris));
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 9, 0, 0, TimeSpan.Zero), JekyllDates.Parse("2026-01-01 10:00:00", paris));
    }

    [Fact]
    public void The_news_sample_has_author_categories_empty_tags_excerpt_and_image()
    {
        var file = "2026-01-06-uk-and-france-to-send-troops-to-ukraine.md";
        var post = JekyllPost.Read(file, File.ReadAllText(Path.Combine(Samples, file)), false, TimeZoneInfo.Utc);
        Assert.Equal("uk-and-france-to-send-troops-to-ukraine", post.Slug);
        Assert.Equal("Breaking: UK and France to send troops to Ukraine if peace deal agreed", post.Title);
        Assert.Equal(new DateTimeOffset(2026, 1, 6, 22, 30, 55, TimeSpan.Zero), post.Date);
        Assert.False(post.Draft);
        Assert.Equal(["badely"], post.Authors);
        Assert.Equal(["News"], post.Categories);
        Assert.Empty(post.Tags);
        Assert.StartsWith("The announcement was made", post.Excerpt);
        Assert.Equal("assets/images/5131f2c8423467ca0485590d6236d76e.jpg", post.Image);
        Assert.Equal(["layout", "image"], post.Metadata.Select(p => p.Key));
        Assert.StartsWith("\nExperts revealed", post.Body);
        Assert.EndsWith("Zelensky said.\n\n", post.Body);
    }

    [Fact]
    public void The_gardening_sample_has_an_offset_authors_category_tag_string_and_unknown_keys()
    {
        var file = "2025-11-30-winter-gardening-notes.md";
        var post = JekyllPost.Read(file, File.ReadAllText(Path.Combine(Samples, file)), false, TimeZoneInfo.Utc);
        Assert.Equal("winter-gardening-notes", post.Slug);
        Assert.Equal("Winter gardening notes: what to plant before the frost", post.Title);
        Assert.Equal(new DateTimeOffset(2025, 11, 30, 7, 15, 0, TimeSpan.Zero), post.Date);
        Assert.Equal(["maria", "Tom Okafor"], post.Authors);
        Assert.Equal(["Lifestyle"], post.Categories);
        Assert.Equal(["gardening", "winter", "how-to"], post.Tags);
        Assert.Equal("Garlic, broad beans and hardy onions all go in **before** the ground freezes.", post.Excerpt);
        Assert.Equal(["layout", "permalink", "excerpt_separator", "comments"], post.Metadata.Select(p => p.Key));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"layout":"post","permalink":"/lifestyle/winter-gardening/","excerpt_separator":"<!--more-->","comments":true}"""),
            post.Metadata));
    }

    [Fact]
    public void The_draft_sample_is_a_draft_with_a_day_unicode_block_list_and_liquid()
    {
        var file = "2024-02-29-draft-leap-day.md";
        var post = JekyllPost.Read(file, File.ReadAllText(Path.Combine(Samples, file)), false, TimeZoneInfo.Utc);
        Assert.True(post.Draft);
        Assert.Equal("draft-leap-day", post.Slug);
        Assert.Equal("Leap day — 東京 café notes ☕", post.Title);
        Assert.Equal(new DateTimeOffset(2024, 2, 29, 0, 0, 0, TimeSpan.Zero), post.Date);
        Assert.Equal(["Travel", "Food"], post.Categories);
        Assert.Equal(["japan", "coffee", "leap year"], post.Tags);
        Assert.Contains("{% include figure.html src=\"/assets/images/leap-day.png\" %}", post.Body);
        Assert.False(post.Metadata.ContainsKey("published"));
    }

    [Theory]
    [InlineData("\uFEFF---\ntitle: Hi\n---\nBody\n")]
    [InlineData("---\r\ntitle: Hi\r\n---\r\nBody\r\n")]
    [InlineData("---  \ntitle: Hi\n--- \nBody\n")]
    [InlineData("---\ntitle: Hi\n...\nBody\n")]
    public void Bom_crlf_and_fences_are_read(string text)
    {
        var post = Read(text);
        Assert.Equal("Hi", post.Title);
        Assert.Equal("Body\n", post.Body);
    }

    [Fact]
    public void A_file_without_front_matter_is_all_body_with_slug_and_title_from_its_name()
    {
        var post = Read("# Notes\r\n\r\nText\r\n", "2026-03-01-some-notes.md");
        Assert.Equal("some-notes", post.Slug);
        Assert.Equal("Some notes", post.Title);
        Assert.Equal("# Notes\n\nText\n", post.Body);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), post.Date);
    }

    [Theory]
    [InlineData("slug: chosen-one\ntitle: T", "2026-01-06-file-name.md", "chosen-one")]
    [InlineData("slug: Not A Slug!\ntitle: T", "2026-01-06-file-name.md", "not-a-slug")]
    [InlineData("title: T", "2026-01-06-file-name.md", "file-name")]
    [InlineData("title: T", "plain-name.markdown", "plain-name")]
    [InlineData("title: Café Time", "", "cafe-time")]
    public void The_slug_comes_from_slug_then_the_file_name_then_the_title(string yaml, string file, string slug) =>
        Assert.Equal(slug, Read($"---\n{yaml}\n---\n", file).Slug);

    [Theory]
    [InlineData("categories: [A, B]", "A,B")]
    [InlineData("categories:\n  - A\n  - B", "A,B")]
    [InlineData("categories: A B", "A,B")]
    [InlineData("category: Big News", "Big News")]
    [InlineData("categories: []", "")]
    public void Categories_in_every_form(string yaml, string expected) =>
        Assert.Equal(expected, string.Join(',', Read($"---\ntitle: T\n{yaml}\n---\n").Categories));

    [Theory]
    [InlineData("tags: [a, \"b c\"]", "a,b c")]
    [InlineData("tags:\n- a\n- b", "a,b")]
    [InlineData("tags: a b  c", "a,b,c")]
    [InlineData("tag: one", "one")]
    [InlineData("tags:", "")]
    public void Tags_in_every_form(string yaml, string expected) =>
        Assert.Equal(expected, string.Join(',', Read($"---\ntitle: T\n{yaml}\n---\n").Tags));

    [Theory]
    [InlineData("author: Ann Lee", "Ann Lee")]
    [InlineData("authors: [ann, bob]", "ann,bob")]
    [InlineData("authors:\n  - ann\n  - Bob Ray", "ann,Bob Ray")]
    [InlineData("authors: ann", "ann")]
    public void Author_or_authors(string yaml, string expected) =>
        Assert.Equal(expected, string.Join(',', Read($"---\ntitle: T\n{yaml}\n---\n").Authors));

    [Theory]
    [InlineData("published: false", false, true)]
    [InlineData("published: true", false, false)]
    [InlineData("title: x", true, true)]
    public void Published_false_and_the_drafts_folder_make_drafts(string yaml, bool inDrafts, bool draft) =>
        Assert.Equal(draft, Read($"---\ntitle: T\n{yaml.Replace("title: x", "")}\n---\n", "x.md", inDrafts).Draft);

    [Fact]
    public void Other_keys_keep_their_yaml_type_and_order()
    {
        var post = Read("---\ntitle: T\nzeta: text\nint: 42\nfloat: 1.50\nbool: true\nnothing: ~\nquoted: \"42\"\nlist: [1, two]\nmap:\n  b: 1\n  a: [x]\nwhen: 2026-01-01\n---\n");
        Assert.Equal("""{"zeta":"text","int":42,"float":1.50,"bool":true,"nothing":null,"quoted":"42","list":[1,"two"],"map":{"b":1,"a":["x"]},"when":"2026-01-01"}""",
            post.Metadata.ToJsonString());
    }

    [Fact]
    public void Anchors_and_aliases_expand()
    {
        var post = Read("---\ntitle: T\nbase: &b {x: 1}\ncopy: *b\n---\n");
        Assert.Equal("""{"base":{"x":1},"copy":{"x":1}}""", post.Metadata.ToJsonString());
    }

    [Fact]
    public void An_alias_bomb_is_refused_with_a_clear_message()
    {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
        for (var i = 0; i < 9; i++) yaml += $"{(char)('b' + i)}: &{(char)('b' + i)} [{string.Join(", ", Enumerable.Repeat("*" + (char)('a' + i), 10))}]\n";
        var e = Assert.Throws<ImportFileException>(() => Read($"---\ntitle: T\n{yaml}---\n"));
        Assert.Contains("more than 10000 values", e.Message);
        Assert.Contains("line ", e.Message);
    }

    [Fact]
    public void Deep_nesting_is_refused_without_recursion()
    {
        var e = Assert.Throws<ImportFileException>(() => Read($"---\ntitle: T\ndeep: {new string('[', 20000)}{new string(']', 20000)}\n---\n"));
        Assert.Contains("nested more than 32 levels", e.Message);
    }

    [Fact]
    public void Front_matter_over_64_kib_is_refused()
    {
        var e = Assert.Throws<ImportFileException>(() => Read($"---\ntitle: T\nbig: {new string('x', 70_000)}\n---\nbody"));
        Assert.Contains("larger than 64 KiB", e.Message);
    }

    [Theory]
    [InlineData("---\ntitle: T\ntags: [a, b\n---\n", 4)]
    [InlineData("---\ntitle: T\n  bad: indent\n---\n", 3)]
    [InlineData("---\ntitle: T\ntitle: U\n---\n", 3)]
    public void Yaml_errors_name_the_line_of_the_file(string text, int line)
    {
        var e = Assert.Throws<ImportFileException>(() => Read(text));
        Assert.Contains($"line {line}", e.Message);
    }

    [Theory]
    [InlineData("---\ntitle: T\n")]
    [InlineData("---\n- a\n- b\n---\n")]
    [InlineData("---\ntitle: T\ndate: someday\n---\n")]
    [InlineData("---\ntitle: [a, b]\n---\n")]
    public void Broken_front_matter_is_an_import_error(string text) => Assert.Throws<ImportFileException>(() => Read(text));

    [Fact]
    public void The_excerpt_separator_gives_the_excerpt_when_there_is_no_excerpt()
    {
        var post = Read("---\ntitle: T\nexcerpt_separator: <!--more-->\n---\nFirst *part*.\n<!--more-->\nRest\n");
        Assert.Equal("First *part*.", post.Excerpt);
        Assert.Equal("<!--more-->", (string?)post.Metadata["excerpt_separator"]);
    }

    [Fact]
    public void Liquid_stays_text_and_the_body_is_kept_exactly()
    {
        const string body = "  {{ site.title }}\n\n{% raw %}x{% endraw %}\n\n\n  trailing  \n";
        Assert.Equal(body, Read("---\ntitle: T\n---\n" + body).Body);
    }

    [Fact]
    public void Empty_front_matter_is_no_keys()
    {
        var post = Read("---\n---\nBody", "2026-01-02-x.md");
        Assert.Equal("X", post.Title);
        Assert.Empty(post.Metadata);
    }

    [Fact]
    public void Metadata_json_can_be_reparsed() => Assert.NotNull(JsonNode.Parse(Read("---\ntitle: T\na: 1\n---\n").Metadata.ToJsonString()));
}
