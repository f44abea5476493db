// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;
using System.Linq;
using Commons.Licensing.Identification;

namespace Commons.Licensing.Tests.Identification;

/// <summary>Thresholds, twins, guards, several licences in one file, and the comparer.</summary>
public sealed class IdentifierTests
{
    private static readonly LicenseIdentifier Identifier = LicenseIdentifier.Default;

    private static string Text(string id) => SpdxCatalog.Default.GetText(id)!;

    private static string Corpus(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Identification", "Corpus", file));

    [Fact]
    public void BelowTheThresholdTheAnswerIsNoAssertionWithTheClosestLicence()
    {
        var text = TextVariants.WithRandomWords(Text("MPL-2.0"), 75, seed: 42);
        var result = Identifier.Identify(text);
        Assert.Null(result.License);
        Assert.Equal("MPL-2.0", result.ClosestLicense);
        Assert.InRange(result.ClosestConfidence, 50, LicenseIdentifier.DefaultThresholdPercent);
        Assert.Contains("threshold", result.Reason, StringComparison.Ordinal);
    }

    /// <summary>A closest licence that shares a few words with the file tells a reader nothing ("closest: TTWL at 1.99 %" for a two-word placeholder).</summary>
    [Fact]
    public void AnUnrelatedTextNamesNoClosestLicence()
    {
        foreach (var text in new[] { "Placeholder text.\n", "The Qt Company grants commercial licensees the rights their agreement names, and no other.\n" })
        {
            var result = Identifier.Identify(text);
            Assert.Null(result.License);
            Assert.Null(result.ClosestLicense);
            Assert.Equal("no catalogue licence resembles this text", result.Reason);
        }
    }

    [Fact]
    public void TheThresholdIsConfigurable()
    {
        var text = TextVariants.WithRandomWords(Text("MPL-2.0"), 75, seed: 42);
        var closest = Identifier.Identify(text).ClosestConfidence;
        var lenient = Identifier.WithThreshold(Math.Floor(closest) - 1).Identify(text);
        Assert.Equal("MPL-2.0", lenient.License);
        Assert.Throws<ArgumentOutOfRangeException>(() => new LicenseIdentifier(SpdxCatalog.Default, 0));
    }

    /// <summary>
    /// Sleepycat's text holds three BSD texts: their runs occur thrice, so they anchor nothing, and the gaps between the
    /// anchors that remain were too long to compare. One word after the text made it NOASSERTION.
    /// </summary>
    [Fact]
    public void ATemplateThatRepeatsItselfIsFollowedThroughItsLongGaps()
    {
        var result = Identifier.Identify(Text("Sleepycat") + "\n\nThanks.\n");
        Assert.Equal("Sleepycat", result.License);
    }

    /// <summary>Prettier and editors re-wrap Markdown licences (Parity, Blue Oak) and break a link's text over two lines.</summary>
    [Fact]
    public void AMarkdownLinkBrokenOverLinesReadsAsItsText()
    {
        var text = Text("Parity-7.0.0").Replace(
            "[the Blue Oak Model License 1.0.0](https://blueoakcouncil.org/license/1.0.0), [the Apache License 2.0](https://www.apache.org/licenses/LICENSE-2.0.html)",
            "[the Blue Oak Model License\n1.0.0](https://blueoakcouncil.org/license/1.0.0), [the\nApache License\n2.0](https://www.apache.org/licenses/LICENSE-2.0.html)",
            StringComparison.Ordinal);
        Assert.Contains("[the\nApache License\n2.0](", text, StringComparison.Ordinal);
        Assert.Equal("Parity-7.0.0", Identifier.Identify(text).License);
    }

    /// <summary>A licence saved as a page (a package's license.html) reads as its text; Markdown with a few tags stays Markdown.</summary>
    [Fact]
    public void AnHtmlDocumentReadsAsItsText()
    {
        var paragraphs = Text("BSD-2-Clause").Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(p => "<p>" + System.Net.WebUtility.HtmlEncode(p) + "</p>");
        var page = "<!DOCTYPE html>\n<html><head><title>License</title><style>p { margin: 0 }</style></head>\n<body><h1>BSD 2-Clause License</h1>\n<p>Copyright &copy; 2020 Example &amp; Sons</p>\n"
            + string.Join("\n", paragraphs) + "\n</body></html>\n";
        Assert.Equal("BSD-2-Clause", Identifier.Identify(page).License);
        Assert.True(HtmlText.IsHtml(page));
        Assert.False(HtmlText.IsHtml("# License\n\n<p align=\"center\">MIT</p>\n"));
    }

    [Fact]
    public void TwinsAnswerWithTheCurrentOnlyIdAndListTheOthers()
    {
        var result = Identifier.Identify(Text("GPL-2.0-or-later"));
        Assert.Equal("GPL-2.0-only", result.License);
        Assert.Contains("GPL-2.0-or-later", result.EquivalentLicenses);
        Assert.Contains("GPL-2.0", result.EquivalentLicenses);
    }

    [Fact]
    public void EveryTwinGroupHasExactlyOneCanonicalIdAndItIsCurrentWhenOneIs()
    {
        foreach (var group in Identifier.Index.Entries.GroupBy(e => e.Text.Joined))
        {
            var canonical = group.Select(e => e.Canonical).Distinct().Single();
            if (group.Any(e => !e.License.IsDeprecated))
            {
                Assert.False(canonical.License.IsDeprecated, canonical.License.Id);
            }
        }
    }

    [Fact]
    public void ANonCommercialCreativeCommonsTitleIsNeverMatchedToAFreeLicence()
    {
        var freeText = Text("CC-BY-4.0");
        var result = Identifier.Identify("Attribution-NonCommercial 4.0 International\n\n" + freeText);
        Assert.NotEqual("CC-BY-4.0", result.License);
        Assert.Equal("CC-BY-4.0", Identifier.Identify(freeText).License);
    }

    [Fact]
    public void ADualLicenceFileGivesBothLicencesJoinedWithOr()
    {
        var text = "This project is dual-licensed: you may use it under either license at your option.\n\n"
            + "-----------------------------------------------------------------\n\n"
            + Corpus("nuget-newtonsoft.json-13.0.3-LICENSE.md")
            + "\n\n=================================================================\n\n"
            + Corpus("debian-Apache-2.0.txt");
        var result = Identifier.Identify(text);
        Assert.True(new[] { "MIT", "Apache-2.0" }.SequenceEqual(result.Licenses), result + " " + string.Join(", ", result.Licenses) + " / " + result.Reason);
        Assert.True(result.License == "MIT OR Apache-2.0", result.Reason);
    }

    [Fact]
    public void SeveralLicencesWithoutAWordOfChoiceAreJoinedWithAnd()
    {
        var text = Corpus("debian-MPL-2.0.txt") + "\n\n-------------------------------------\n\n" + Corpus("nuget-iced-1.21.0-LICENSE.txt");
        var result = Identifier.Identify(text);
        Assert.Equal("MPL-2.0 AND MIT", result.License);
        Assert.Contains("AND", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ALicenceWithItsExceptionGivesAWithExpression()
    {
        var text = Corpus("debian-GPL-2.txt") + "\n\n\"CLASSPATH\" EXCEPTION TO THE GPL\n\n"
            + "Linking this library statically or dynamically with other modules is making a combined work based on this\n"
            + "library. Thus, the terms and conditions of the GNU General Public License cover the whole combination.\n\n"
            + "As a special exception, the copyright holders of this library give you permission to link this library with\n"
            + "independent modules to produce an executable, regardless of the license terms of these independent modules.\n";
        var result = Identifier.Identify(text);
        Assert.Equal("GPL-2.0-only WITH Classpath-exception-2.0", result.License);
    }

    [Fact]
    public void ALicenceFollowedByTermsOfItsOwnIsNotThatLicence()
    {
        var extra = string.Join(" ", Enumerable.Repeat("The licensee shall also pay a yearly fee and shall not use the software in any commercial product.", 8));
        var apache = Corpus("debian-Apache-2.0.txt");
        var end = apache.IndexOf("END OF TERMS AND CONDITIONS", StringComparison.Ordinal);
        var text = apache.Substring(0, end) + "\n\nADDITIONAL LICENSE CONDITIONS\n\n" + extra + "\n\n" + apache.Substring(end);
        var result = Identifier.Identify(text);
        Assert.Null(result.License);
        Assert.Contains("Apache-2.0", result.Licenses);
    }

    [Fact]
    public void EveryIdInTheTablesIsInTheCatalogue()
    {
        foreach (var pair in IdentificationTables.ExceptionPhrases)
        {
            Assert.True(SpdxCatalog.Default.TryGetException(pair.Key, out _), pair.Key);
        }

        foreach (var pair in IdentificationTables.DeprecatedIdExpressions)
        {
            Assert.True(SpdxCatalog.Default.TryGetLicense(pair.Key, out var license) && license.IsDeprecated, pair.Key);
        }
    }

    [Fact]
    public void TheComparerFindsTheLineWhereAFileDeparts()
    {
        var lines = Corpus("nuget-system.memory-4.5.5-LICENSE.TXT").Replace("\r\n", "\n").Split('\n').ToList();
        Assert.Null(LicenseTextComparer.FirstDifferingLine(string.Join("\n", lines), "MIT"));

        var changed = lines.FindIndex(l => l.Contains("merchantability", StringComparison.OrdinalIgnoreCase));
        lines[changed] = lines[changed].Replace("MERCHANTABILITY", "USEFULNESS", StringComparison.OrdinalIgnoreCase);
        Assert.Equal(changed + 1, LicenseTextComparer.FirstDifferingLine(string.Join("\n", lines), "MIT"));
    }

    [Fact]
    public void TheComparerIgnoresTitlesCopyrightLinesAndWrapping()
    {
        var text = TextVariants.WithTitleAndCopyright(Text("BSD-2-Clause"), "BSD 2-Clause License");
        Assert.Null(LicenseTextComparer.FirstDifferingLine(text, "BSD-2-Clause"));
        Assert.Equal(1, LicenseTextComparer.FirstDifferingLine(text, "no-such-licence"));
    }

    [Fact]
    public void NormalisationIgnoresCaseQuotesDashesBulletsAndSpellingVariants()
    {
        var normalizer = Identifier.Index.FileNormalizer;
        var a = normalizer.Normalize("* The licence holder's “Software” — organisation & whilst sub-licence").Joined;
        var b = normalizer.Normalize("- the license holder's \"software\" - organization and while sublicense").Joined;
        Assert.Equal(b, a);
    }

    [Fact]
    public void CommentMarkersAroundALicenceAreIgnored()
    {
        var commented = string.Join("\n", Text("MIT").Split('\n').Select(l => "// " + l));
        Assert.Equal("MIT", Identifier.Identify(commented).License);
        Assert.Equal(100, Identifier.Identify(commented).Confidence);
    }
}
