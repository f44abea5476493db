// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using Commons.Compliance.Input;

namespace Commons.Compliance.Tests;

public sealed class PrintableTests
{
    [Theory]
    [InlineData("plain MIT text © 2024 日本 😀", "plain MIT text © 2024 日本 😀")]
    [InlineData("\u001b[2J", "\\u001B[2J")]
    [InlineData("a\r\nerror CMN0000: forged", "a\\u000D\\u000Aerror CMN0000: forged")]
    [InlineData("\u202Egnp.exe", "\\u202Egnp.exe")]
    [InlineData("\u009b31m\u0085", "\\u009B31m\\u0085")]
    [InlineData("line\u2028break", "line\\u2028break")]
    [InlineData("tab\there", "tab\\u0009here")]
    public void Escape_writes_every_control_and_bidi_character_as_an_escape(string text, string expected)
    {
        Assert.Equal(expected, Printable.Escape(text));
    }

    [Fact]
    public void A_lone_surrogate_is_escaped_and_a_pair_is_kept()
    {
        // Built in code: an attribute argument cannot carry a lone surrogate (it is stored as UTF-8).
        Assert.Equal("lone \\uD800 surrogate \\uDC00 😀", Printable.Escape("lone " + (char)0xD800 + " surrogate " + (char)0xDC00 + " \uD83D\uDE00"));
    }

    [Fact]
    public void Escaping_a_block_keeps_its_lines_and_tabs()
    {
        Assert.Equal("a\n\tb\nc\\u001B[0m\\u000D", Printable.EscapeKeepingLines("a\r\n\tb\nc\u001b[0m\r"));
    }

    [Fact]
    public void An_excerpt_is_cut_escaped_and_never_splits_a_surrogate_pair()
    {
        Assert.Equal("abc…", Printable.Excerpt("abcdef", 3));
        Assert.Equal("ab…", Printable.Excerpt("ab😀", 3));
        Assert.Equal("\\u001Ba…", Printable.Excerpt("\u001bab", 2));
        Assert.Equal("short", Printable.Excerpt("short", 40));
    }

    [Fact]
    public void A_finding_escapes_its_arguments_and_its_message()
    {
        var finding = new Finding(Rules.RuleIds.InvalidSpdxHeaderExpression, new[] { "MIT\u009b31m", "control\r\nerror CMN0000: forged" }, null);

        Assert.Equal("MIT\\u009B31m", finding.Arguments[0]);
        Assert.DoesNotContain(finding.Message, Printable.MustEscape);
        Assert.Contains("\\u000D\\u000Aerror", finding.Message, System.StringComparison.Ordinal);
    }
}
