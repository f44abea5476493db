// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Linq;
using Commons.Licensing;

namespace Commons.Licensing.Tests.Knowledge;

public sealed class LicenseKnowledgeTests
{
    /// <summary>Common licences of NuGet packages (the brief's list plus ids often seen there; not a measured ranking).</summary>
    internal static readonly string[] CommonNuGetLicences = "MIT Apache-2.0 BSD-3-Clause BSD-2-Clause MS-PL MS-RL LGPL-2.1-only LGPL-2.1-or-later LGPL-3.0-only LGPL-3.0-or-later LGPL-2.0-only LGPL-2.0-or-later GPL-2.0-only GPL-2.0-or-later GPL-3.0-only GPL-3.0-or-later AGPL-3.0-only AGPL-3.0-or-later MPL-2.0 MPL-1.1 ISC Unlicense 0BSD Zlib BSL-1.0 PostgreSQL EPL-1.0 EPL-2.0 CDDL-1.0 CDDL-1.1 WTFPL CC0-1.0 CC-BY-4.0 CC-BY-SA-4.0 CC-BY-NC-4.0 CC-BY-NC-SA-4.0 CC-BY-ND-4.0 CC-BY-3.0 Apache-1.1 BSD-4-Clause X11 MIT-0 NCSA Python-2.0 PHP-3.01 OpenSSL ICU Unicode-3.0 Unicode-DFS-2016 Artistic-2.0 EUPL-1.2 EUPL-1.1 AFL-3.0 OSL-3.0 UPL-1.0 BlueOak-1.0.0 JSON Libpng Beerware BUSL-1.1 SSPL-1.0 Elastic-2.0 PolyForm-Noncommercial-1.0.0 Hippocratic-2.1 MulanPSL-2.0 OFL-1.1".Split(' ');

    [Fact]
    public void Covers_every_licence_of_the_osadl_matrix()
    {
        var missing = OsadlIds().Where(id => !LicenseKnowledge.Get(id).IsKnown).ToList();

        Assert.Empty(missing);
        Assert.Equal(110, OsadlIds().Length);
    }

    [Fact]
    public void Covers_the_french_public_sector_list()
    {
        Assert.Equal(68, PublicSectorLists.France.Ids.Count);
        Assert.DoesNotContain(PublicSectorLists.France.Ids, id => !LicenseKnowledge.Get(id).IsKnown);
    }

    [Fact]
    public void Covers_every_creative_commons_licence_of_the_catalogue()
    {
        var cc = SpdxCatalog.Default.Licenses.Where(l => l.Id.StartsWith("CC-", StringComparison.Ordinal) || l.Id == "CC0-1.0").ToList();

        Assert.True(cc.Count > 50);
        Assert.Empty(cc.Where(l => !LicenseKnowledge.Get(l.Id).IsKnown).Select(l => l.Id));
        Assert.All(cc, l => Assert.True(LicenseKnowledge.Get(l.Id).Suits.HasFlag(ResourceKinds.Content), l.Id));
    }

    [Fact]
    public void Covers_sixty_common_nuget_licences()
    {
        Assert.True(CommonNuGetLicences.Distinct().Count() >= 60);
        Assert.DoesNotContain(CommonNuGetLicences, id => !LicenseKnowledge.Get(id).IsKnown);
    }

    [Fact]
    public void Every_row_names_a_catalogue_id_or_an_expression_of_catalogue_ids()
    {
        foreach (var id in LicenseKnowledge.KnownIds)
        {
            var parsed = SpdxExpression.Parse(id);
            Assert.True(parsed.IsValid, id);
            Assert.False(parsed.HasUnknownIds && !id.StartsWith("LicenseRef-", StringComparison.Ordinal), id);
            if (!parsed.UsesDeprecatedIds)
            {
                Assert.Equal(id, parsed.Normalized);
            }
        }
    }

    [Theory]
    [InlineData("MIT", LicenseKind.Permissive, true, true, ResourceKinds.Software)]
    [InlineData("mit", LicenseKind.Permissive, true, true, ResourceKinds.Software)]
    [InlineData("Apache-2.0", LicenseKind.Permissive, true, true, ResourceKinds.Software)]
    [InlineData("LGPL-2.1-only", LicenseKind.WeakCopyleftLibrary, true, true, ResourceKinds.Software)]
    [InlineData("MPL-2.0", LicenseKind.WeakCopyleftFile, true, true, ResourceKinds.Software)]
    [InlineData("GPL-3.0-or-later", LicenseKind.StrongCopyleft, true, true, ResourceKinds.Software)]
    [InlineData("AGPL-3.0-only", LicenseKind.NetworkCopyleft, true, true, ResourceKinds.Software)]
    [InlineData("CC0-1.0", LicenseKind.PublicDomain, false, true, ResourceKinds.Software | ResourceKinds.Content | ResourceKinds.Data)]
    [InlineData("CC-BY-NC-4.0", LicenseKind.NonCommercialOrRestricted, false, false, ResourceKinds.Content)]
    [InlineData("OFL-1.1", LicenseKind.WeakCopyleftFile, true, true, ResourceKinds.Fonts)]
    [InlineData("ODbL-1.0", LicenseKind.StrongCopyleft, false, true, ResourceKinds.Data)]
    [InlineData("BUSL-1.1", LicenseKind.SourceAvailableOrProprietary, false, false, ResourceKinds.Software)]
    [InlineData("CERN-OHL-S-2.0", LicenseKind.StrongCopyleft, true, false, ResourceKinds.Hardware)]
    public void Gives_kind_flags_and_resources(string id, LicenseKind kind, bool osi, bool fsf, ResourceKinds suits)
    {
        var traits = LicenseKnowledge.Get(id);

        Assert.True(traits.IsKnown);
        Assert.Equal(kind, traits.Kind);
        Assert.Equal(osi, traits.IsOsiApproved);
        Assert.Equal(fsf, traits.IsFsfLibre);
        Assert.Equal(suits, traits.Suits);
    }

    [Fact]
    public void Open_excludes_restricted_and_source_available_licences()
    {
        Assert.True(LicenseKnowledge.Get("MIT").IsOpen);
        Assert.False(LicenseKnowledge.Get("CC-BY-ND-4.0").IsOpen);
        Assert.False(LicenseKnowledge.Get("JSON").IsOpen);
        Assert.False(LicenseKnowledge.Get("SSPL-1.0").IsOpen);
        Assert.False(LicenseKnowledge.Get("Nope-1.0").IsOpen);
    }

    [Fact]
    public void Deprecated_ids_get_the_traits_of_their_replacement()
    {
        var traits = LicenseKnowledge.Get("GPL-3.0");

        Assert.Equal("GPL-3.0", traits.Id);
        Assert.Equal(LicenseKind.StrongCopyleft, traits.Kind);
        Assert.True(traits.IsFsfLibre);
    }

    [Fact]
    public void With_expressions_use_their_own_row_or_the_licence_row()
    {
        Assert.Equal(LicenseKind.WeakCopyleftLibrary, LicenseKnowledge.Get("GPL-2.0-only WITH Classpath-exception-2.0").Kind);
        var gcc = LicenseKnowledge.Get("gpl-3.0-only with gcc-exception-3.1");
        Assert.Equal(LicenseKind.StrongCopyleft, gcc.Kind);
        Assert.Equal("GPL-3.0-only WITH GCC-exception-3.1", gcc.Id);
        Assert.True(gcc.IsOsiApproved);
        Assert.True(gcc.IsFsfLibre);
    }

    [Fact]
    public void Unknown_ids_are_unknown_not_permissive()
    {
        var traits = LicenseKnowledge.Get("LicenseRef-Mine");

        Assert.False(traits.IsKnown);
        Assert.Equal(LicenseKind.Unknown, traits.Kind);
        Assert.Equal(ResourceKinds.None, traits.Suits);
        Assert.Equal(LicenseKind.Unknown, LicenseKnowledge.Get(string.Empty).Kind);
        Assert.Equal(LicenseKind.Unknown, LicenseKnowledge.Get(null!).Kind);
    }

    [Fact]
    public void Fsf_flags_follow_the_published_list()
    {
        Assert.Contains("Zlib", LicenseKnowledge.FsfLibreIds);
        Assert.False(LicenseKnowledge.Get("JSON").IsFsfLibre);
        Assert.False(LicenseKnowledge.Get("CC-BY-ND-4.0").IsFsfLibre);
        Assert.True(LicenseKnowledge.FsfLibreIds.Count > 100);
    }

    internal static string[] OsadlIds() => OsadlMatrix.Default.Ids.ToArray();
}
