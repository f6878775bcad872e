using System.Net;
using System.Text.Json.Nodes;
using Cms.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cms.IntegrationTests.Import.ImportKit;

namespace Cms.IntegrationTests.Import;

public sealed class ImportJekyllTests(CmsApiFactory api) : IClassFixture<CmsApiFactory>
{
    [Fact]
    public async Task The_three_samples_are_imported_with_every_front_matter_variant_then_again_unchanged_and_a_changed_one_updated()
    {
        var admin = api.Admin();
        var report = await admin.ImportAsync(Samples()).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(3, (int)report["created"]!);
        Assert.Empty(report["failed"]!.AsArray());
        // No images in this upload: both references are kept and reported.
        Assert.Equal(2, report["warnings"]!.AsArray().Count);
        Assert.Contains("metadata.image", (string)report["warnings"]![0]!["message"]!);
        Assert.Equal(["created", "created", "created"], report["files"]!.AsArray().Select(f => (string)f!["outcome"]!));

        var news = await admin.GetAsync("/api/v1/posts/slug/uk-and-france-to-send-troops-to-ukraine").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Breaking: UK and France to send troops to Ukraine if peace deal agreed", (string)news["title"]!);
        Assert.Equal("2026-01-06T22:30:55Z", (string)news["publishedAt"]!);
        Assert.Equal("published", (string)news["status"]!);
        Assert.Equal(["badely"], news["authors"]!.AsArray().Select(a => (string)a!["slug"]!));
        Assert.Equal(["News"], news["categories"]!.AsArray().Select(c => (string)c!));
        Assert.Empty(news["tags"]!.AsArray());
        Assert.StartsWith("The announcement", (string)news["excerpt"]!);
        Assert.Equal(["layout", "image"], news["metadata"]!.AsObject().Select(p => p.Key));
        Assert.Equal(NewsImage, (string)news["metadata"]!["image"]!);

        var garden = await admin.GetAsync("/api/v1/posts/slug/winter-gardening-notes").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("2025-11-30T07:15:00Z", (string)garden["publishedAt"]!);
        Assert.Equal(["maria", "tom-okafor"], garden["authors"]!.AsArray().Select(a => (string)a!["slug"]!));
        Assert.Equal("Tom Okafor", (string)garden["authors"]![1]!["name"]!);
        Assert.Equal(["Lifestyle"], garden["categories"]!.AsArray().Select(c => (string)c!));
        Assert.Equal(["gardening", "winter", "how-to"], garden["tags"]!.AsArray().Select(t => (string)t!["name"]!));
        Assert.Equal("Garlic, broad beans and hardy onions all go in **before** the ground freezes.", (string)garden["excerpt"]!);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"layout":"post","permalink":"/lifestyle/winter-gardening/","excerpt_separator":"<!--more-->","comments":true}"""),
            garden["metadata"]));
        Assert.Equal(["layout", "permalink", "excerpt_separator", "comments"], garden["metadata"]!.AsObject().Select(p => p.Key));
        Assert.StartsWith("\nGarlic, broad beans", (string)garden["body"]!);

        var leap = await admin.GetAsync("/api/v1/posts/slug/draft-leap-day").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("draft", (string)leap["status"]!);
        Assert.Equal("Leap day — 東京 café notes ☕", (string)leap["title"]!);
        Assert.Equal(["japan", "coffee", "leap year"], leap["tags"]!.AsArray().Select(t => (string)t!["name"]!));
        Assert.Equal(["Travel", "Food"], leap["categories"]!.AsArray().Select(c => (string)c!));
        Assert.Contains("{% include figure.html src=\"/assets/images/leap-day.png\" %}", (string)leap["body"]!);
        await api.Anonymous().GetAsync("/api/v1/posts/slug/draft-leap-day").ExpectAsync(HttpStatusCode.NotFound);

        var versions = await api.WithDbAsync(db => db.Posts.OrderBy(p => p.Slug).Select(p => p.Version).ToListAsync());
        var again = await admin.ImportAsync(Samples()).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((0, 0, 3), ((int)again["created"]!, (int)again["updated"]!, (int)again["unchanged"]!));
        Assert.Equal(versions, await api.WithDbAsync(db => db.Posts.OrderBy(p => p.Slug).Select(p => p.Version).ToListAsync()));

        var files = Samples();
        files[0].Bytes = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(files[0].Bytes) + "\nOne more line.\n");
        var changed = await admin.ImportAsync(files).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((0, 1, 2), ((int)changed["created"]!, (int)changed["updated"]!, (int)changed["unchanged"]!));
        Assert.EndsWith("One more line.\n", await api.WithDbAsync(db => db.Posts.Where(p => p.Slug == "draft-leap-day").Select(p => p.Body).SingleAsync()));
        Assert.Equal(3, await api.WithDbAsync(db => db.Authors.CountAsync()));
    }

    [Fact]
    public async Task A_broken_file_among_good_ones_fails_alone_with_its_line_and_the_others_are_imported()
    {
        var report = await api.Admin().ImportAsync(
            Text("2026-02-01-good-one.md", "---\ntitle: Good one\n---\nBody\n"),
            Text("2026-02-01-broken.md", "---\ntitle: Broken\ntags: [a, b\n---\nBody\n"),
            Text("2026-02-01-bad-date.md", "---\ntitle: Bad date\ndate: next tuesday\n---\n"),
            Text("2026-02-01-bomb.md", "---\ntitle: Bomb\na: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\n---\n"),
            Text("2026-02-01-deep.md", $"---\ntitle: Deep\nx: {new string('[', 5000)}{new string(']', 5000)}\n---\n"),
            Text("2026-02-01-huge.md", $"---\ntitle: Huge\nx: {new string('y', 70_000)}\n---\n"),
            Text("notes.txt", "not markdown"),
            Text("2026-02-01-good-two.markdown", "No front matter at all.\r\n")).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(2, (int)report["created"]!);
        var failed = report["failed"]!.AsArray().ToDictionary(f => (string)f!["file"]!, f => (string)f!["message"]!);
        Assert.Equal(6, failed.Count);
        Assert.Contains("2026-02-01-broken.md", failed["2026-02-01-broken.md"]);
        Assert.Contains("line 4", failed["2026-02-01-broken.md"]);
        Assert.Contains("next tuesday", failed["2026-02-01-bad-date.md"]);
        Assert.Contains("more than 10000 values", failed["2026-02-01-bomb.md"]);
        Assert.Contains("nested more than", failed["2026-02-01-deep.md"]);
        Assert.Contains("64 KiB", failed["2026-02-01-huge.md"]);
        Assert.Contains("Not imported", failed["notes.txt"]);
        var two = await api.Admin().GetAsync("/api/v1/posts/slug/good-two").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Good two", (string)two["title"]!);
        Assert.Equal("No front matter at all.\n", (string)two["body"]!);
        Assert.False(await api.WithDbAsync(db => db.Posts.AnyAsync(p => p.Slug == "broken" || p.Slug == "bomb")));
    }

    [Fact]
    public async Task Loose_images_are_found_by_file_name_and_the_same_name_twice_is_no_error()
    {
        var png = TestImages.Png(33, 22);
        var report = await api.Admin().ImportAsync(
            Text("2026-03-03-with-picture.md", "---\ntitle: With picture\nimage: /assets/img/pic.png\n---\nBody\n"),
            ("pic.png", png), ("pic.png", TestImages.Png(10, 10))).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, (int)report["created"]!);
        Assert.Empty(report["warnings"]!.AsArray());
        var post = await api.Admin().GetAsync("/api/v1/posts/slug/with-picture").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(33, (int)post["featureImage"]!["width"]!);
        Assert.Empty(post["metadata"]!.AsObject());
    }

    [Fact]
    public async Task An_image_that_is_not_an_image_is_a_warning_and_the_post_is_imported()
    {
        var report = await api.Admin().ImportAsync(
            Text("2026-03-04-fake-picture.md", "---\ntitle: Fake picture\nimage: fake.jpg\n---\n"),
            Text("fake.jpg", "plain text")).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, (int)report["created"]!);
        Assert.Contains("was not imported", (string)report["warnings"]![0]!["message"]!);
        var post = await api.Admin().GetAsync("/api/v1/posts/slug/fake-picture").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("fake.jpg", (string)post["metadata"]!["image"]!);
    }

    [Fact]
    public async Task A_post_the_database_refuses_fails_alone_and_a_later_change_in_the_same_batch_is_still_saved()
    {
        var admin = api.Admin();
        await admin.ImportAsync(Text("2026-04-01-kept-apart.md", "---\ntitle: Kept apart\ntags: [one]\n---\nFirst\n")).ExpectAsync(HttpStatusCode.OK);
        var report = await admin.ImportAsync(
            Text("2026-04-01-nul-title.md", "---\ntitle: \"A\\0B\"\n---\nPostgreSQL text cannot hold NUL.\n"),
            Text("2026-04-01-kept-apart.md", "---\ntitle: Kept apart\ntags: [one, two]\n---\nSecond\n")).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(1, (int)report["updated"]!);
        Assert.Contains("refused", (string)report["failed"]![0]!["message"]!);
        var post = await admin.GetAsync("/api/v1/posts/slug/kept-apart").ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Second\n", (string)post["body"]!);
        Assert.Equal(["one", "two"], post["tags"]!.AsArray().Select(t => (string)t!["name"]!));
        Assert.False(await api.WithDbAsync(db => db.Posts.AnyAsync(p => p.Slug == "nul-title")));
    }

    [Fact]
    public async Task Only_admins_import_and_export()
    {
        var reader = await api.CreateKeyAsync(Cms.Domain.ApiKeyScope.Content);
        await api.Anonymous().ImportAsync(Samples()).ExpectAsync(HttpStatusCode.Unauthorized);
        await api.WithKey(reader).ImportAsync(Samples()).ExpectAsync(HttpStatusCode.Forbidden);
        await api.Anonymous().GetAsync("/api/v1/export/jekyll").ExpectAsync(HttpStatusCode.Unauthorized);
        await api.WithKey(reader).GetAsync("/api/v1/export/jekyll").ExpectAsync(HttpStatusCode.Forbidden);
    }
}
