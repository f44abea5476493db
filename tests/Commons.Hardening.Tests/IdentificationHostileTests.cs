// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Linq;
using System.Text;
using Commons.Hardening.Tests.Infrastructure;
using Commons.Licensing;
using CsCheck;
using Xunit.Abstractions;

namespace Commons.Hardening.Tests;

/// <summary>Licence text identification from bytes (<see cref="LicenseIdentifier.Identify(byte[])"/>): encodings, damage, noise.</summary>
public sealed class IdentificationHostileTests
{
    private static readonly Gen<string> CommonText = Gen.OneOf(Seeds.CommonTextIds).Select(id => SpdxCatalog.Default.GetText(id)!);

    private readonly ITestOutputHelper output;

    public IdentificationHostileTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    [Fact]
    public void A_licence_text_is_identified_the_same_in_every_encoding_with_a_byte_order_mark_and_any_line_endings()
    {
        var lossless = Gen.OneOf(ByteEncoding.Utf8, ByteEncoding.Utf8Bom, ByteEncoding.Utf16LeBom, ByteEncoding.Utf16BeBom);
        var gen = Gen.Select(Gen.OneOf(Seeds.CommonTextIds), lossless, Gen.Int[0, 3]);
        Property.Check(output, "identification/encodings", gen, t =>
        {
            var (id, encoding, lineEndings) = t;
            var text = Mutations.LineEndings(SpdxCatalog.Default.GetText(id)!, lineEndings);
            var expected = LicenseIdentifier.Default.Identify(Encoding.UTF8.GetBytes(SpdxCatalog.Default.GetText(id)!)).License;
            Assert.NotNull(expected);
            Assert.Equal(expected, LicenseIdentifier.Default.Identify(Mutations.Encode(text, encoding)).License);
        }, iter: 200, print: t => t.ToString());
    }

    [Fact]
    public void Damaged_licence_bytes_give_an_expression_or_NOASSERTION_with_a_reason()
    {
        Property.Check(output, "identification/mutated", Mutations.BytesOf(CommonText), AssertClearResult, iter: 250, print: Mutations.Describe);
    }

    [Fact]
    public void Random_bytes_give_an_expression_or_NOASSERTION_with_a_reason()
    {
        Property.Check(output, "identification/noise", Mutations.Noise, AssertClearResult, iter: 1500, print: Mutations.Describe);
    }

    // UTF-16 without a byte-order mark is read since issue 13 (where ASCII text puts its NUL bytes says the byte order):
    // EncodingTests in Commons.Licensing.Tests hold that case. Text that is not UTF-8 is read as Windows-1252, which
    // ISO-8859-1 text is, but for the C1 controls (old licence files, the CeCILL texts cecill.info published).
    [Fact]
    public void A_licence_in_Latin1_is_read_as_Windows1252_and_identified()
    {
        var text = "Copyright (c) 2024 Hélène Dupré\n\n" + SpdxCatalog.Default.GetText("MIT");

        Assert.Equal("MIT", LicenseIdentifier.Default.Identify(Mutations.Encode(text, ByteEncoding.Latin1)).License);
    }

    [Fact]
    public void Damaged_rich_text_gives_an_expression_or_NOASSERTION_with_a_reason()
    {
        // An RTF header, then a licence in RTF markup, then damage: groups cut, control words broken, bytes flipped.
        var rtf = CommonText.Select(t => "{\\rtf1\\ansi\\ansicpg1252{\\fonttbl{\\f0 Arial;}}{\\*\\generator x;}\\pard "
            + t.Replace("\\", "\\\\").Replace("{", "\\{").Replace("}", "\\}").Replace("\n", "\\par\r\n") + "}\0");
        Property.Check(output, "identification/rtf", Mutations.BytesOf(rtf), AssertClearResult, iter: 250, print: Mutations.Describe);
        Property.Check(output, "identification/rtf-noise", Mutations.Noise.Select(n => Encoding.ASCII.GetBytes("{\\rtf1 ").Concat(n).ToArray()), AssertClearResult, iter: 500, print: Mutations.Describe);
    }

    [Fact]
    public void Damaged_html_gives_an_expression_or_NOASSERTION_with_a_reason()
    {
        // A licence as a page, then damage; and tag soup that never closes (regular expressions with a timeout).
        var html = CommonText.Select(t => "<!DOCTYPE html>\n<html><head><title>License</title><script>var a = '<p>';</script></head><body>\n"
            + string.Join("\n", t.Split("\n\n").Select(p => "<p>" + System.Net.WebUtility.HtmlEncode(p) + "</p>")) + "\n</body></html>\n");
        Property.Check(output, "identification/html", Mutations.BytesOf(html), AssertClearResult, iter: 250, print: Mutations.Describe);
        Property.Check(output, "identification/html-noise", Mutations.Noise.Select(n => Encoding.ASCII.GetBytes("<html><script ").Concat(n).ToArray()), AssertClearResult, iter: 500, print: Mutations.Describe);
        foreach (var soup in new[] { "<!DOCTYPE html><html>" + string.Concat(Enumerable.Repeat("<script a", 100_000)), "<html>" + new string('<', 500_000), "<html>" + string.Concat(Enumerable.Repeat("<p>x</p><!--", 50_000)) })
        {
            AssertClearResult(Encoding.UTF8.GetBytes(soup));
        }
    }

    private static void AssertClearResult(byte[] content)
    {
        var result = LicenseIdentifier.Default.Identify(content);
        Assert.InRange(result.Confidence, 0, 100);
        Assert.InRange(result.ClosestConfidence, 0, 100);
        if (result.License is null)
        {
            Assert.False(string.IsNullOrWhiteSpace(result.Reason), "NOASSERTION without a reason");
        }
        else
        {
            Assert.True(SpdxExpression.Parse(result.License).IsValid, "not an SPDX expression: " + result.License);
        }

        // Identify catches everything as a last resort; reaching that catch is a bug hidden from the user.
        Assert.DoesNotContain("identification failed", result.Reason ?? "", StringComparison.Ordinal);
    }
}
