using Cms.Application;
using Ganss.Xss;
using Markdig;

namespace Cms.Infrastructure.Markdown;

/// <summary>
/// Markdig renders (CommonMark plus tables, footnotes, task lists...), then HtmlSanitizer removes
/// anything that could run in a reader's browser: scripts, event handlers, javascript: URLs.
/// </summary>
public sealed class MarkdigRenderer : IMarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public string ToSafeHtml(string markdown) =>
        string.IsNullOrEmpty(markdown) ? "" : _sanitizer.Sanitize(Markdig.Markdown.ToHtml(markdown, Pipeline));

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedAttributes.Add("id");
        sanitizer.AllowedAttributes.Add("class");
        sanitizer.AllowedSchemes.Add("mailto");
        // Forms in a post could phish readers ("log in again"); a CMS body has no use for them.
        foreach (var tag in new[] { "form", "input", "button", "textarea", "select", "option", "optgroup", "fieldset", "label", "legend" })
            sanitizer.AllowedTags.Remove(tag);
        return sanitizer;
    }
}
