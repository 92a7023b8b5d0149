using IntegrationTools.Rules;
using IntegrationTools.Text;
using IntegrationTools.Models;

namespace IntegrationTools.Engine.Tests;

public sealed class DisplayTextTests
{
    [Fact]
    public void ShortTextWithoutControls_IsReturnedAsIs()
    {
        const string text = "'ftp://x' is not an http(s) URL; the API doesn't accept it.";
        Assert.Same(text, DisplayText.Safe(text));
    }

    [Fact]
    public void AHugeQuotedValue_IsCutToItsStartWithItsLength()
    {
        var text = DisplayText.Safe("IntegrationUri 'https://" + new string('x', 1_000_000) + "' is not a URL. Give an https:// URL.")!;

        Assert.True(text.Length < 300, text);
        Assert.DoesNotContain(new string('x', 101), text);
        Assert.StartsWith("IntegrationUri 'https://xxx", text);
        Assert.Contains("…' (1,000,008 characters) is not a URL. Give an https:// URL.", text);
    }

    [Fact]
    public void ApostrophesInWords_AreNotTakenForQuotes()
    {
        var text = "The method doesn't declare it, and " + new string('a', 450) + " isn't quoted; 'short' is.";
        Assert.Equal(text, DisplayText.Safe(text));
    }

    [Fact]
    public void ControlCharacters_BecomeVisibleEscapes()
    {
        Assert.Equal("'\\u001b[31mred\\u0000\\u000d\\u000a' is not a method.", DisplayText.Safe("'\u001b[31mred\0\r\n' is not a method."));
    }

    [Fact]
    public void AHugeUnquotedText_IsCapped()
    {
        var text = DisplayText.Safe(new string('z', 50_000))!;
        Assert.True(text.Length < DisplayText.MaxText + 100);
        Assert.EndsWith("(cut at 4,000 of 50,000 characters)", text);
    }

    [Fact]
    public void Findings_AreMadeSafe()
    {
        var finding = new Finding("IT9999", Severity.Error, "api/\u001b[2J", "Uri\0", "'" + new string('q', 10_000) + "' is wrong.", "Fix it.");

        Assert.Equal("api/\\u001b[2J", finding.Target);
        Assert.Equal("Uri\\u0000", finding.Field);
        Assert.True(finding.Message.Length < 200);
    }
}
