using System.Text.RegularExpressions;
using Insights.Outputs;

namespace Insights.Tests;

public class HtmlTests
{
    [Fact]
    public void Section_page_is_British_English_UTF8_and_standalone()
    {
        var page = HtmlSection.Page("Current trends relating to modern slavery", WordTests.Section);
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en-GB\">", page);
        Assert.Contains("<meta charset=\"utf-8\">", page);
        Assert.DoesNotMatch(new Regex("<(script|link)[^>]+(src|href)=", RegexOptions.IgnoreCase), page);
        Assert.DoesNotContain("\r", page);
    }

    [Fact]
    public void Section_html_has_the_same_wording_as_the_Markdown()
    {
        var html = HtmlSection.Fragment(WordTests.Section);
        Assert.Contains("<h1>Current trends relating to modern slavery</h1>", html);
        Assert.Contains("<li>Criminal exploitation (16; 44.4% of the 36).</li>", html);
        Assert.Contains("<ol start=\"3\">", html);
        // Pipe tables are tables, with the header row in <thead>.
        Assert.Contains("<th>Exploitation type</th>", html);
        Assert.Contains("<td style=\"text-align: right;\">16</td>", html);
        Assert.Contains("<blockquote>", html);
    }

    [Fact]
    public void Markup_in_a_category_name_prints_as_text_not_html()
    {
        // Review finding: a nationality "<img src=x onerror=alert(1)>" reached the page as a live element.
        var html = Insights.Outputs.HtmlSection.Page("t", "- 1 (2.9%) was <img src=x onerror=alert(1)>.\n");
        Assert.DoesNotContain("<img", html);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
    }
}
