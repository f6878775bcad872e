using System.Text.Json;
using System.Text.Json.Nodes;
using Cms.Application.Common;
using Cms.Application.Posts;
using Cms.Domain;
using ValidationException = Cms.Application.Common.Exceptions.ValidationException;

namespace Cms.UnitTests;

public sealed class MergePatchTests
{
    // The examples of RFC 7396, Appendix A.
    [Theory]
    [InlineData("""{"a":"b"}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"b":"c"}""", """{"a":"b","b":"c"}""")]
    [InlineData("""{"a":"b"}""", """{"a":null}""", """{}""")]
    [InlineData("""{"a":"b","b":"c"}""", """{"a":null}""", """{"b":"c"}""")]
    [InlineData("""{"a":["b"]}""", """{"a":"c"}""", """{"a":"c"}""")]
    [InlineData("""{"a":"c"}""", """{"a":["b"]}""", """{"a":["b"]}""")]
    [InlineData("""{"a":{"b":"c"}}""", """{"a":{"b":"d","c":null}}""", """{"a":{"b":"d"}}""")]
    [InlineData("""{"a":[{"b":"c"}]}""", """{"a":[1]}""", """{"a":[1]}""")]
    [InlineData("""["a","b"]""", """["c","d"]""", """["c","d"]""")]
    [InlineData("""{"a":"b"}""", """["c"]""", """["c"]""")]
    [InlineData("""{"a":"foo"}""", "null", "null")]
    [InlineData("""{"a":"foo"}""", "\"bar\"", "\"bar\"")]
    [InlineData("""{"e":null}""", """{"a":1}""", """{"e":null,"a":1}""")]
    [InlineData("""[1,2]""", """{"a":"b","c":null}""", """{"a":"b"}""")]
    [InlineData("""{}""", """{"a":{"bb":{"ccc":null}}}""", """{"a":{"bb":{}}}""")]
    public void The_examples_of_rfc_7396_give_the_specified_result(string target, string patch, string expected)
    {
        var result = MergePatch.Apply(JsonNode.Parse(target), JsonNode.Parse(patch));

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), result), result?.ToJsonString() ?? "null");
    }

    [Fact]
    public void Nested_objects_merge_member_by_member_at_every_depth()
    {
        var target = JsonNode.Parse("""{"meta":{"seo":{"title":"T","noindex":true},"layout":"wide"},"keep":1}""");
        var patch = JsonNode.Parse("""{"meta":{"seo":{"noindex":null,"canonical":"/x"}}}""");

        var result = MergePatch.Apply(target, patch);

        var expected = JsonNode.Parse("""{"meta":{"seo":{"title":"T","canonical":"/x"},"layout":"wide"},"keep":1}""");
        Assert.True(JsonNode.DeepEquals(expected, result), result?.ToJsonString());
    }

    [Fact]
    public void Applying_a_patch_changes_neither_the_target_nor_the_patch()
    {
        var target = JsonNode.Parse("""{"a":{"b":1},"c":[1]}""");
        var patch = JsonNode.Parse("""{"a":{"b":null,"d":2},"c":null,"e":[3]}""");
        var targetBefore = target!.ToJsonString();
        var patchBefore = patch!.ToJsonString();

        var result = MergePatch.Apply(target, patch);
        result!["e"]!.AsArray().Add(4);

        Assert.Equal(targetBefore, target.ToJsonString());
        Assert.Equal(patchBefore, patch.ToJsonString());
    }

    [Fact]
    public void Applying_to_a_record_changes_only_the_patched_fields()
    {
        var current = new PostInput("Old title", Slug: "old", Body: "body", Status: PostStatus.Draft, Tags: ["a", "b"]);

        var patched = MergePatch.ApplyTo(current, Json("""{"title":"New title","tags":["c"],"excerpt":"short","slug":null}"""));

        Assert.Equal("New title", patched.Title);
        Assert.Equal(["c"], patched.Tags);
        Assert.Equal("short", patched.Excerpt);
        Assert.Null(patched.Slug);
        Assert.Equal("body", patched.Body);
        Assert.Equal(PostStatus.Draft, patched.Status);
    }

    [Fact]
    public void Applying_to_a_record_reads_enums_and_timestamps_in_the_api_format()
    {
        var current = new PostInput("Title");

        var patched = MergePatch.ApplyTo(current, Json("""{"status":"scheduled","publishedAt":"2026-05-01T10:00:00+02:00"}"""));

        Assert.Equal(PostStatus.Scheduled, patched.Status);
        Assert.Equal(new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero), patched.PublishedAt);
    }

    [Theory]
    [InlineData("""{"title":5}""", "title")]
    [InlineData("""{"title":{"a":1}}""", "title")]
    [InlineData("""{"tags":"not-a-list"}""", "tags")]
    [InlineData("""{"tags":["ok",1]}""", "tags[1]")]
    [InlineData("""{"status":"bogus"}""", "status")]
    [InlineData("""{"status":1}""", "status")]
    [InlineData("""{"publishedAt":"tomorrow"}""", "publishedAt")]
    [InlineData("""{"publishedAt":5}""", "publishedAt")]
    [InlineData("""{"metadata":[]}""", "metadata")]
    public void A_value_of_the_wrong_type_is_a_validation_error_on_that_field(string patch, string field)
    {
        var error = Assert.Throws<ValidationException>(() => MergePatch.ApplyTo(new PostInput("Title", Tags: ["a"]), Json(patch)));

        Assert.Equal([field], error.Errors.Keys);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[1]")]
    [InlineData("\"text\"")]
    [InlineData("42")]
    public void A_patch_that_is_not_an_object_is_a_validation_error_on_the_body(string patch)
    {
        var error = Assert.Throws<ValidationException>(() => MergePatch.ApplyTo(new PostInput("Title"), Json(patch)));

        Assert.Equal(["$"], error.Errors.Keys);
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;
}
