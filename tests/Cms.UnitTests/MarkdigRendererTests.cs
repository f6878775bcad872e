using Cms.Infrastructure.Markdown;

namespace Cms.UnitTests;

public sealed class MarkdigRendererTests
{
    private readonly MarkdigRenderer _renderer = new();

    [Theory]
    [InlineData("# Title", "<h1 id=\"title\">Title</h1>")]
    [InlineData("## Second level", "<h2 id=\"second-level\">Second level</h2>")]
    [InlineData("*em* and **strong**", "<p><em>em</em> and <strong>strong</strong></p>")]
    [InlineData("[link](https://example.com/a?b=c)", "<a href=\"https://example.com/a?b=c\">link</a>")]
    [InlineData("[relative](/posts/hello)", "<a href=\"/posts/hello\">relative</a>")]
    [InlineData("[mail](mailto:editor@example.com)", "<a href=\"mailto:editor@example.com\">mail</a>")]
    [InlineData("![alt](https://example.com/a.png)", "<img src=\"https://example.com/a.png\" alt=\"alt\">")]
    [InlineData("`inline`", "<code>inline</code>")]
    [InlineData("```csharp\nvar ok = 1 < 2;\n```", "<pre><code class=\"language-csharp\">var ok = 1 &lt; 2;\n</code></pre>")]
    [InlineData("- one\n- two", "<li>one</li>")]
    [InlineData("> quoted", "<blockquote>")]
    public void Markdown_renders_to_html(string markdown, string expected) =>
        Assert.Contains(expected, _renderer.ToSafeHtml(markdown));

    [Fact]
    public void A_table_renders_with_header_and_cells()
    {
        var html = _renderer.ToSafeHtml("| Name | Count |\n|------|------:|\n| a | 1 |\n| b | 2 |");

        Assert.Contains("<table>", html);
        Assert.Contains("<th>Name</th>", html);
        Assert.Contains("<td>b</td>", html);
        Assert.Contains("2</td>", html);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>kept", "<script", "kept")]
    [InlineData("<SCRIPT SRC=https://evil.example/x.js></SCRIPT>kept", "<script", "kept")]
    [InlineData("<img src=\"x.png\" onerror=\"alert(1)\">", "onerror", "<img src=\"x.png\">")]
    [InlineData("<a href=\"/ok\" onclick=\"alert(1)\">kept</a>", "onclick", "<a href=\"/ok\">kept</a>")]
    [InlineData("<div onmouseover=\"alert(1)\">kept</div>", "onmouseover", "kept")]
    [InlineData("[kept](javascript:alert(1))", "javascript:", "kept")]
    [InlineData("<a href=\"javascript:alert(1)\">kept</a>", "javascript:", "kept")]
    [InlineData("<a href=\"JaVaScRiPt:alert(1)\">kept</a>", "javascript:", "kept")]
    [InlineData("<a href=\"data:text/html;base64,PHNjcmlwdD4=\">kept</a>", "data:", "kept")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>kept", "<iframe", "kept")]
    [InlineData("<object data=\"x.swf\"></object>kept", "<object", "kept")]
    [InlineData("<svg onload=\"alert(1)\"></svg>kept", "onload", "kept")]
    [InlineData("<div style=\"width: expression(alert(1))\">kept</div>", "expression", "kept")]
    [InlineData("<p style=\"background:url(javascript:alert(1))\">kept</p>", "javascript:", "kept")]
    public void Anything_that_could_run_in_a_readers_browser_is_removed(string markdown, string removed, string kept)
    {
        var html = _renderer.ToSafeHtml(markdown);

        Assert.DoesNotContain(removed, html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("alert", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(kept, html);
    }

    [Fact]
    public void A_harmless_style_survives_next_to_a_removed_expression()
    {
        var html = _renderer.ToSafeHtml("<div style=\"width: expression(alert(1)); color: red\">x</div>");

        Assert.DoesNotContain("expression", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("color", html);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void An_empty_body_renders_to_an_empty_string(string? markdown) =>
        Assert.Equal("", _renderer.ToSafeHtml(markdown!));

    [Fact]
    public void Forms_and_inputs_are_removed_so_a_post_cannot_phish_its_readers()
    {
        var html = new MarkdigRenderer().ToSafeHtml("<form action=\"https://evil.example/login\"><input name=\"password\"><button>Log in</button></form>");

        Assert.DoesNotContain("<form", html);
        Assert.DoesNotContain("<input", html);
        Assert.DoesNotContain("<button", html);
    }
}
