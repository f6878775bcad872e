using System.Net;
using System.Text;
using Cms.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cms.IntegrationTests.Import.ImportKit;

namespace Cms.IntegrationTests.Import;

public sealed class ZipImportTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    [Fact]
    public async Task A_site_zip_imports_posts_drafts_and_the_images_front_matter_names_as_feature_images()
    {
        var admin = api.Admin();
        var site = Zip([
            .. Unzip(SampleSite("my-site/")).Select(e => (e.Key, e.Value)),
            Text("my-site/_drafts/a-plain-draft.md", "---\ntitle: A plain draft\n---\nNot yet.\n"),
            Text("my-site/about.md", "---\ntitle: About\n---\nA page, not a post.\n"),
        ]);
        var report = await admin.ImportAsync(("site.zip", site)).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(4, (int)report["created"]!);
        Assert.Empty(report["failed"]!.AsArray());
        Assert.Empty(report["warnings"]!.AsArray());
        var news = await admin.GetAsync("/api/v1/posts/slug/uk-and-france-to-send-troops-to-ukraine").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(120, (int)news["featureImage"]!["width"]!);
        Assert.Equal(["layout"], news["metadata"]!.AsObject().Select(p => p.Key));
        var leap = await admin.GetAsync("/api/v1/posts/slug/draft-leap-day").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(64, (int)leap["featureImage"]!["width"]!);
        var draft = await admin.GetAsync("/api/v1/posts/slug/a-plain-draft").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("draft", (string)draft["status"]!);
        Assert.Equal(2, await api.WithDbAsync(db => db.Images.CountAsync()));
        Assert.False(await api.WithDbAsync(db => db.Posts.AnyAsync(p => p.Slug == "about")));

        var again = await admin.ImportAsync(("site.zip", site)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(4, (int)again["unchanged"]!);
        Assert.Equal(2, await api.WithDbAsync(db => db.Images.CountAsync()));
    }

    [Fact]
    public async Task Exporting_importing_into_an_empty_database_and_exporting_again_gives_the_same_files()
    {
        var admin = api.Admin();
        await admin.ImportAsync(("site.zip", SampleSite())).ExpectAsync(HttpStatusCode.OK);
        await admin.ImportAsync(Generated(40)).ExpectAsync(HttpStatusCode.OK);
        var first = await admin.ExportAsync();
        var files = Unzip(first);
        Assert.Contains("_posts/2026-01-06-uk-and-france-to-send-troops-to-ukraine.md", files.Keys);
        Assert.Contains("_drafts/draft-leap-day.md", files.Keys);
        Assert.Equal(2, files.Keys.Count(k => k.StartsWith("assets/images/", StringComparison.Ordinal)));
        var garden = Encoding.UTF8.GetString(files["_posts/2025-11-30-winter-gardening-notes.md"]);
        Assert.Equal("""
            ---
            title: "Winter gardening notes: what to plant before the frost"
            date: 2025-11-30 07:15:00 +0000
            authors: [maria, Tom Okafor]
            categories: [Lifestyle]
            tags: [gardening, winter, how-to]
            layout: post
            permalink: /lifestyle/winter-gardening/
            excerpt_separator: "<!--more-->"
            comments: true
            ---

            Garlic, broad beans and hardy onions all go in **before** the ground freezes.<!--more-->
            """.ReplaceLineEndings("\n"), garden[..garden.IndexOf("<!--more-->\n", StringComparison.Ordinal)] + "<!--more-->");

        var empty = new CmsApiFactory();
        await ((IAsyncLifetime)empty).InitializeAsync();
        try
        {
            var report = await empty.Admin().ImportAsync(("export.zip", first)).ExpectAsync(HttpStatusCode.OK);
            Assert.Empty(report["failed"]!.AsArray());
            Assert.Empty(report["warnings"]!.AsArray());
            Assert.Equal(files.Keys.Count(k => k.EndsWith(".md", StringComparison.Ordinal)), (int)report["created"]!);
            var second = Unzip(await empty.Admin().ExportAsync());
            Assert.Equal(files.Keys.Order(), second.Keys.Order());
            foreach (var (name, bytes) in files)
                Assert.True(bytes.AsSpan().SequenceEqual(second[name]), $"{name} differs:\n{Encoding.UTF8.GetString(bytes)}\n---- then ----\n{Encoding.UTF8.GetString(second[name])}");
        }
        finally
        {
            await ((IAsyncLifetime)empty).DisposeAsync();
        }
    }

    /// <summary>Posts with every kind of value a front matter can hold, and text that needs quoting.</summary>
    private static (string, byte[])[] Generated(int count) => [.. Enumerable.Range(1, count).Select(i => Text(
        $"2025-{1 + i % 12:00}-{1 + i % 28:00}-generated-{i}.md",
        $"""
        ---
        title: "Generated #{i}: \"quotes\", colons: and 'apostrophes' — ünïcode {i}"
        date: 2025-{1 + i % 12:00}-{1 + i % 28:00} {i % 24:00}:{i % 60:00}:00 +0{i % 10}00
        authors: [Author {i % 5}, author-{i % 3}]
        categories: Cat{i % 4} Other
        tags: [tag {i % 7}, "#hash", "yes", "123", "null"]
        {(i % 3 == 0 ? "published: false" : "")}
        {(i % 4 == 0 ? "excerpt: \"Line one\\nline two\"" : "")}
        number: {i}.50
        negative: -{i}
        flag: {(i % 2 == 0 ? "true" : "false")}
        nothing: ~
        date_text: "2025-01-01"
        nested: {"{"}a: [1, {"{"}b: c{"}"}], "key with: colon": x{"}"}
        list:
          - one
          - 2
          - "three: 3"
        multi: |
          first line
          second line
        ---
        Body {i} with {"{{"} liquid {"}}"} and {"{%"} tag {"%}"}.

        Trailing spaces   

        """.ReplaceLineEndings(i % 2 == 0 ? "\r\n" : "\n")))];
}
