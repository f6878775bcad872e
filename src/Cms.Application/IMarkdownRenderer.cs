namespace Cms.Application;

/// <summary>Turns a markdown body into HTML that is safe to put on a page as it is.</summary>
public interface IMarkdownRenderer
{
    string ToSafeHtml(string markdown);
}
