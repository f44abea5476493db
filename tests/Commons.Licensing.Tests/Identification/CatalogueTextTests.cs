// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Linq;

namespace Commons.Licensing.Tests.Identification;

/// <summary>Every catalogue licence with a text, identified from its own text and from the usual variations of it (issue 2 §4).</summary>
public sealed class CatalogueTextTests
{
    private static readonly LicenseIdentifier Identifier = LicenseIdentifier.Default;

    /// <summary>
    /// Known wrong answers, each a defect to fix, listed so that no new one slips in: QPL-1.0 and QPL-1.0-INRIA-2004
    /// differ by a few words, and once re-wrapped QPL-1.0's title paragraph joins its first sentence.
    /// </summary>
    private static readonly ISet<string> KnownConfusions = new HashSet<string> { "QPL-1.0 → QPL-1.0-INRIA-2004" };

    public static IEnumerable<SpdxLicense> LicensesWithText
        => SpdxCatalog.Default.Licenses.Where(l => l.HasText && SpdxCatalog.Default.GetText(l.Id) is not null);

    [Fact]
    public void TheCatalogueHasTheTextsTheseTestsWalk()
    {
        Assert.True(LicensesWithText.Count() > 700);
    }

    [Fact]
    public void EveryTextIdentifiesAsItselfOrATwin()
        => AssertEveryVariantIdentified(text => text, requireExact: true);

    [Fact]
    public void EveryTextRewrappedAt60ColumnsIdentifiesAsItself()
        => AssertEveryVariantIdentified(text => TextVariants.Rewrap(text, 60), requireExact: false, minimumShare: 0.94);

    [Fact]
    public void EveryTextWithATitleAndCopyrightLinesIdentifiesAsItself()
        => AssertEveryVariantIdentified(text => text, requireExact: false, addTitle: true, minimumShare: 0.998);

    /// <summary>
    /// Short texts (Kastrup's 20 words) could not carry front matter's "title:" and "spdx-id:" words, which the whole-file
    /// match read as part of the text.
    /// </summary>
    [Fact]
    public void EveryTextWithFrontMatterIdentifiesAsItself()
        => AssertEveryVariantIdentified((text, license) => TextVariants.WithFrontMatter(text, license.Name, license.Id), requireExact: false);

    /// <summary>
    /// A heading with the licence's name, an introduction, copyright lines and a contact line around the text. Before:
    /// 3 wrong answers (the text's own title beside the heading cited a second licence: "Sendmail-8.23 AND Sendmail",
    /// "MIT AND FSL-1.1-MIT") and 5 missed (Sleepycat, whose three BSD texts left gaps too long to compare).
    /// </summary>
    [Fact]
    public void EveryTextInsideAProjectsOwnWordsIdentifiesAsItself()
        => AssertEveryVariantIdentified((text, license) => TextVariants.InsideProjectWords(text, license.Name), requireExact: false, minimumShare: 0.994);

    [Fact]
    public void EveryTextWithOtherBulletsAndQuotesIdentifiesAsItself()
        => AssertEveryVariantIdentified(TextVariants.WithOtherBulletsAndQuotes, requireExact: false, minimumShare: 0.995);

    [Fact]
    public void EveryTextWith75RandomWordsIsRejected()
    {
        var wrong = new List<string>();
        var seed = 0;
        foreach (var license in LicensesWithText)
        {
            var text = TextVariants.WithRandomWords(SpdxCatalog.Default.GetText(license.Id)!, 75, seed++);
            var result = Identifier.Identify(text);
            if (result.IsMatch)
            {
                wrong.Add(license.Id + " → " + result.License + " " + result.Confidence.ToString("0.00"));
            }
        }

        Assert.True(wrong.Count == 0, wrong.Count + " still matched:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void EveryTextRewrappedWith75RandomWordsIsRejected()
    {
        var wrong = new List<string>();
        var seed = 1000;
        foreach (var license in LicensesWithText)
        {
            var text = TextVariants.Rewrap(TextVariants.WithRandomWords(SpdxCatalog.Default.GetText(license.Id)!, 75, seed++), 60);
            var result = Identifier.Identify(text);
            if (result.IsMatch)
            {
                wrong.Add(license.Id + " → " + result.License + " " + result.Confidence.ToString("0.00"));
            }
        }

        Assert.True(wrong.Count == 0, wrong.Count + " still matched:\n" + string.Join("\n", wrong));
    }

    /// <summary>
    /// Every text of the catalogue, varied, must identify as itself or a twin. A variant may miss a few texts
    /// (<paramref name="minimumShare"/>: re-wrapping merges a short licence's title or notice into its first sentence),
    /// but a miss must be NOASSERTION: never another licence's id.
    /// </summary>
    private static void AssertEveryVariantIdentified(Func<string, string> variant, bool requireExact, bool addTitle = false, double minimumShare = 1.0)
        => AssertEveryVariantIdentified((text, _) => variant(text), requireExact, addTitle, minimumShare);

    private static void AssertEveryVariantIdentified(Func<string, SpdxLicense, string> variant, bool requireExact, bool addTitle = false, double minimumShare = 1.0)
    {
        var missed = new List<string>();
        var wrong = new List<string>();
        var total = 0;
        foreach (var license in LicensesWithText)
        {
            total++;
            var text = variant(SpdxCatalog.Default.GetText(license.Id)!, license);
            if (addTitle)
            {
                text = TextVariants.WithTitleAndCopyright(text, license.Name);
            }

            var result = Identifier.Identify(text);
            var acceptable = TextVariants.AcceptableAnswers(Identifier, license.Id);
            var line = license.Id + " → " + result + " closest " + result.ClosestLicense + " " + result.ClosestConfidence.ToString("0.00");
            if (result.License is not null && !acceptable.Contains(result.License) && !KnownConfusions.Contains(license.Id + " → " + result.License))
            {
                wrong.Add(line);
            }
            else if (result.License is null || (requireExact && result.Confidence != 100))
            {
                missed.Add(line);
            }
        }

        Assert.True(wrong.Count == 0, wrong.Count + " identified as another licence:\n" + string.Join("\n", wrong));
        var share = 1.0 - ((double)missed.Count / total);
        Assert.True(share >= minimumShare, missed.Count + " of " + total + " not identified (" + share.ToString("P1") + "):\n" + string.Join("\n", missed));
    }
}
