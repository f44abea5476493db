// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Linq;
using Commons.Licensing.Identification;

namespace Commons.Licensing.Tests.Identification;

/// <summary>The SPDX templates' optional and alternative text, located on the catalogue texts' normalised words.</summary>
public sealed class TemplateRegionTests
{
    private static CatalogueIndex Index => LicenseIdentifier.Default.Index;

    private static TextRegion[] RegionsOf(string id) => Index.RegionsOf(Index.Find(id)!);

    private static string Words(string id, TextRegion region)
        => string.Join(" ", Index.Find(id)!.Text.Words.Skip(region.From).Take(region.To - region.From));

    [Fact]
    public void AnAlternativeCoversTheWordsItStandsFor()
    {
        var mit = RegionsOf("MIT");
        Assert.Contains(mit, r => r.Pattern == ".+" && Words("MIT", r) == "the authors or copyright holders");

        var bsd = RegionsOf("BSD-3-Clause");
        Assert.Contains(bsd, r => r.Pattern is { } p && p.StartsWith("(?:the ?name ?of.+may ?not)", StringComparison.Ordinal)
            && Words("BSD-3-Clause", r) == "neither the name of the copyright holder nor the names of its contributors may");
    }

    [Fact]
    public void OptionalTextCoversTheWordsTheTemplateMarks()
    {
        var cc0 = RegionsOf("CC0-1.0");
        Assert.Contains(cc0, r => r.IsOptional && Words("CC0-1.0", r).StartsWith("creative commons corporation is not a law firm", StringComparison.Ordinal));
    }

    [Fact]
    public void MostTextsHaveTheirTemplatesRegionsAndEveryRegionIsInsideItsText()
    {
        var located = Index.Entries.Select(e => (Entry: e, Regions: Index.RegionsOf(e))).ToList();
        Assert.True(located.Count(e => e.Regions.Length > 0) > 400, located.Count(e => e.Regions.Length > 0) + " texts with regions");
        Assert.All(located, e => Assert.All(e.Regions, r => Assert.InRange(r.From, 0, r.To - 1)));
        Assert.All(located, e => Assert.All(e.Regions, r => Assert.InRange(r.To, 1, e.Entry.Text.Words.Length)));
    }
}
