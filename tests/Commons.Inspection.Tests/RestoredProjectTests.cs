// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;
using System.Linq;
using Commons.Compliance.Facts;
using Commons.Inspection.Dependencies;
using Commons.Licensing;
using Commons.Testing;

namespace Commons.Inspection.Tests;

/// <summary>The shared restored sample repository (see <see cref="RestoredSampleRepository"/>).</summary>
public sealed class RestoredRepositoryFixture : RestoredSampleRepository
{
    public RestoredRepositoryFixture()
        : base("restored", SpdxCatalog.Default.GetText("Apache-2.0")!)
    {
    }
}

public class RestoredProjectTests : IClassFixture<RestoredRepositoryFixture>
{
    private readonly RestoredRepositoryFixture fixture;

    public RestoredProjectTests(RestoredRepositoryFixture fixture)
    {
        this.fixture = fixture;
    }

    [Theory]
    [InlineData("Fix.Mit", "MIT", LicenseSource.Expression)]
    [InlineData("Fix.Gpl", "GPL-3.0-only", LicenseSource.Expression)]
    [InlineData("Fix.Lgpl", "LGPL-2.1-or-later", LicenseSource.Expression)]
    [InlineData("Fix.Dual", "MIT OR GPL-2.0-only", LicenseSource.Expression)]
    [InlineData("Fix.ApacheFile", "Apache-2.0", LicenseSource.File)]
    [InlineData("Fix.UnknownFile", null, LicenseSource.File)]
    [InlineData("Fix.UrlMit", "MIT", LicenseSource.Url)]
    [InlineData("Fix.UrlGitHub", null, LicenseSource.Url)]
    [InlineData("Fix.None", null, LicenseSource.None)]
    [InlineData("Fix.ChainC", "Apache-2.0", LicenseSource.Expression)]
    public void Each_package_gets_its_licence_and_source(string id, string? license, LicenseSource source)
    {
        var package = Collect(fixture.PlainProject, central: false).Packages.Single(p => p.Id == id);

        Assert.Equal(license, package.License);
        Assert.Equal(source, package.Source);
        Assert.Equal("1.0.0", package.Version);
    }

    [Fact]
    public void Direct_transitive_paths_and_development_only_are_recorded()
    {
        var facts = Collect(fixture.PlainProject, central: false);
        var byId = facts.Packages.ToDictionary(p => p.Id);

        Assert.Empty(facts.Problems);
        Assert.Equal(LicenseFixtureSet.DirectReferences.Count + 2, facts.Packages.Count);
        Assert.All(LicenseFixtureSet.DirectReferences, id => Assert.True(byId[id].Direct, id));
        Assert.False(byId["Fix.ChainC"].Direct);
        Assert.Equal(new[] { "Fix.ChainA", "Fix.ChainB", "Fix.ChainC" }, byId["Fix.ChainC"].Path);
        Assert.True(byId["Fix.Analyzer"].DevOnly);
        Assert.False(byId["Fix.Mit"].DevOnly);
        Assert.False(byId["Fix.ChainC"].DevOnly);
        Assert.Equal(LicenseFixtureSet.GitHubBlobUrl, byId["Fix.UrlGitHub"].LicenseUrl);
        Assert.Equal("LICENSE.txt", byId["Fix.ApacheFile"].LicenseFile);
    }

    [Fact]
    public void Locations_point_at_the_PackageReference_or_under_CPM_at_the_central_PackageVersion()
    {
        var plain = Collect(fixture.PlainProject, central: false).Packages.ToDictionary(p => p.Id);
        var central = Collect(fixture.CentralProject, central: true).Packages.ToDictionary(p => p.Id);
        var props = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(fixture.CentralProject)!)!, "Directory.Packages.props");

        Assert.Equal(fixture.PlainProject, plain["Fix.Gpl"].ReferenceLocation!.File);
        Assert.Equal(LicenseFixtureSet.LineOf(fixture.PlainProject, "\"Fix.Gpl\""), plain["Fix.Gpl"].ReferenceLocation!.Line);
        Assert.Equal(5, plain["Fix.Gpl"].ReferenceLocation!.Column);
        Assert.Equal(props, central["Fix.Gpl"].ReferenceLocation!.File);
        Assert.Equal(LicenseFixtureSet.LineOf(props, "\"Fix.Gpl\""), central["Fix.Gpl"].ReferenceLocation!.Line);

        // A transitive package points at the direct reference that brings it in.
        Assert.Equal(LicenseFixtureSet.LineOf(props, "\"Fix.ChainA\""), central["Fix.ChainC"].ReferenceLocation!.Line);
    }

    [Fact]
    public void Facts_round_trip_through_the_facts_format()
    {
        var facts = Collect(fixture.CentralProject, central: true);

        var read = FactsFormat.Read(FactsFormat.Write(facts));

        Assert.Null(read.Error);
        Assert.Equal(FactsFormat.Write(facts), FactsFormat.Write(read.Facts!));
        Assert.Equal(facts.Packages.Count, read.Facts!.Packages.Count);
    }

    [Fact]
    public void A_declared_package_the_assets_file_does_not_know_makes_it_stale()
    {
        var request = Request(fixture.PlainProject, central: false);
        request.PackageReferences.Add(new DeclaredReference("Fix.AddedLater", fixture.PlainProject));

        var facts = FactsCollector.Collect(request);

        var problem = Assert.Single(facts.Problems);
        Assert.Equal(CollectionProblemKind.AssetsFileStale, problem.Kind);
        Assert.Contains("Fix.AddedLater", problem.Message);
    }

    [Fact]
    public void A_test_project_uses_every_package_for_development_only()
    {
        var request = Request(fixture.PlainProject, central: false);
        request.IsTestProject = true;

        Assert.All(FactsCollector.Collect(request).Packages, p => Assert.True(p.DevOnly, p.Id));
    }

    [Fact]
    public void A_curation_in_the_policy_file_corrects_the_licence_of_the_versions_it_covers()
    {
        var policy = fixture.Repository.WriteFile("policies/curations-" + Guid.NewGuid().ToString("N").Substring(0, 6) + ".policy", """
            [curation: Fix.None]
            version = [1.0.0]
            license = MIT
            source = https://example.org/fix-none/LICENSE

            [curation: Fix.Gpl]
            version = [2.0,)
            license = MIT
            source = a later version only

            [Fix.UrlGitHub]
            reason = an exception, which corrects no fact
            """);
        var request = Request(fixture.PlainProject, central: false);
        request.PolicyFilePath = policy;

        var byId = FactsCollector.Collect(request).Packages.ToDictionary(p => p.Id);

        Assert.Equal(("MIT", LicenseSource.Curated, "https://example.org/fix-none/LICENSE", (string?)null),
            (byId["Fix.None"].License, byId["Fix.None"].Source, byId["Fix.None"].Curation, byId["Fix.None"].DeclaredLicense));
        Assert.Equal(("GPL-3.0-only", LicenseSource.Expression), (byId["Fix.Gpl"].License, byId["Fix.Gpl"].Source));
        Assert.Equal((null, LicenseSource.Url), (byId["Fix.UrlGitHub"].License, byId["Fix.UrlGitHub"].Source));
    }

    private ProjectFacts Collect(string project, bool central) => FactsCollector.Collect(Request(project, central));

    private CollectionRequest Request(string project, bool central)
    {
        var request = new CollectionRequest(project) { TargetFramework = "net10.0" };
        var props = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(project)!)!, "Directory.Packages.props");
        foreach (var id in LicenseFixtureSet.DirectReferences)
        {
            request.PackageReferences.Add(new DeclaredReference(id, project));
            if (central)
            {
                request.PackageVersions.Add(new DeclaredReference(id, props));
            }
        }

        return request;
    }
}
