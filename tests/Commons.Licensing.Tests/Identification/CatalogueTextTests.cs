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
        => AssertEveryVariantIdentified(text => TextVariants.Rewrap(text, 60), requireExact: false);

    [Fact]
    public void EveryTextWithATitleAndCopyrightLinesIdentifiesAsItself()
        => AssertEveryVariantIdentified(text => text, requireExact: false, addTitle: true);

    [Fact]
    public void EveryTextWithOtherBulletsAndQuotesIdentifiesAsItself()
        => AssertEveryVariantIdentified(TextVariants.WithOtherBulletsAndQuotes, requireExact: false);

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

    private static void AssertEveryVariantIdentified(Func<string, string> variant, bool requireExact, bool addTitle = false)
    {
        var wrong = new List<string>();
        foreach (var license in LicensesWithText)
        {
            var text = variant(SpdxCatalog.Default.GetText(license.Id)!);
            if (addTitle)
            {
                text = TextVariants.WithTitleAndCopyright(text, license.Name);
            }

            var result = Identifier.Identify(text);
            var acceptable = TextVariants.AcceptableAnswers(Identifier, license.Id);
            if (result.License is null || !acceptable.Contains(result.License) || (requireExact && result.Confidence != 100))
            {
                wrong.Add(license.Id + " → " + result + " closest " + result.ClosestLicense + " " + result.ClosestConfidence.ToString("0.00"));
            }
        }

        Assert.True(wrong.Count == 0, wrong.Count + " not identified:\n" + string.Join("\n", wrong));
    }
}
