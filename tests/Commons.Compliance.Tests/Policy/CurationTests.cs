// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Linq;
using Commons.Compliance.Facts;
using Commons.Compliance.Input;
using Commons.Compliance.Policy;

namespace Commons.Compliance.Tests.Policy;

/// <summary>Curations: corrected licence facts with their provenance, read from the policy file and kept apart from exceptions.</summary>
public sealed class CurationTests
{
    private const string Policy = """
        # The nuspec of Legacy.Lib names no licence; its repository is MIT.
        [curation: Legacy.Lib]
        version = [1.0.0, 2.0.0)
        license = mit
        source = https://example.org/legacy/blob/v1.0.0/LICENSE

        [Some.Gpl]
        reason = dual-licensed, we bought the commercial licence (LEGAL-42)

        [curation: Other.Lib]
        license = Apache-2.0 OR MIT
        source = e-mail from the maintainer, 2025-03-01, kept in LEGAL-7
        """;

    [Fact]
    public void TestCurationsAndExceptionsAreReadApart()
    {
        var policy = PolicyFile.Parse("p", Policy);

        Assert.Empty(policy.Errors);
        Assert.Equal(new[] { "Some.Gpl" }, policy.Exceptions.Select(e => e.PackageId));
        Assert.Equal(new[] { "Legacy.Lib", "Other.Lib" }, policy.Curations.Select(c => c.PackageId));
        var legacy = policy.Curations[0];
        Assert.Equal("MIT", legacy.License);
        Assert.Equal("https://example.org/legacy/blob/v1.0.0/LICENSE", legacy.Source);
        Assert.Equal("[1.0.0, 2.0.0)", legacy.Versions!.Text);
        Assert.Equal(2, legacy.Line);
        Assert.Null(policy.Curations[1].Versions);
        Assert.Equal("Apache-2.0 OR MIT", policy.Curations[1].License);
    }

    [Theory]
    [InlineData("[curation: A]\nlicense = MIT\n", 1, "gives no source")]
    [InlineData("[curation: A]\nsource = x\n", 1, "gives no valid license")]
    [InlineData("[curation: A]\nlicense = MIT OR\nsource = x\n", 2, "is not a valid SPDX expression")]
    [InlineData("[curation: A]\nlicense = Commercial-Foo\nsource = x\n", 2, "uses the unknown licence id 'Commercial-Foo'")]
    [InlineData("[curation: A]\nlicense = MIT\nsource = x\nversion = [2.0,1.0]\n", 4, "its lower bound is above its upper bound")]
    [InlineData("[curation: A]\nlicense = MIT\nsource = x\nversion = latest\n", 4, "is not a version")]
    [InlineData("[curation:]\nlicense = MIT\nsource = x\n", 1, "[curation: Package.Id]")]
    public void TestABadCurationIsAnErrorAtItsLine_AndCorrectsNothing(string text, int line, string message)
    {
        var policy = PolicyFile.Parse("p", text);

        Assert.Contains(policy.Errors, e => e.Line == line && e.Message.Contains(message, StringComparison.Ordinal));
        Assert.Empty(policy.Curations);
        Assert.Empty(policy.Exceptions);
    }

    [Fact]
    public void TestAnUnknownKeyIsAnError_TheRestOfTheCurationStands()
    {
        var policy = PolicyFile.Parse("p", "[curation: A]\nlicense = MIT\nsource = x\nreason = y\n");

        Assert.Contains(policy.Errors, e => e.Line == 4 && e.Message == "unknown key 'reason' in a curation (expected license, source or version)");
        Assert.Equal("MIT", Assert.Single(policy.Curations).License);
    }

    [Fact]
    public void TestACurationCorrectsTheLicenceOfTheVersionsItCovers_KeepingWhatThePackageDeclared()
    {
        var policy = PolicyFile.Parse("p", Policy);
        var covered = new PackageFact { Id = "legacy.lib", Version = "1.5.0", Source = LicenseSource.Url, LicenseUrl = "https://example.org/eula", Problem = "x" };
        var later = new PackageFact { Id = "Legacy.Lib", Version = "2.0.0", Source = LicenseSource.None };
        var wrong = new PackageFact { Id = "Other.Lib", Version = "9.9.9", License = "GPL-3.0-only", Source = LicenseSource.Expression };

        PolicyCuration.Apply(policy.Curations, new[] { covered, later, wrong });

        Assert.Equal(("MIT", LicenseSource.Curated, "https://example.org/legacy/blob/v1.0.0/LICENSE", null, "https://example.org/eula"),
            (covered.License, covered.Source, covered.Curation, covered.DeclaredLicense, covered.LicenseUrl));
        Assert.Null(covered.Problem);
        Assert.Equal((null, LicenseSource.None, null), (later.License, later.Source, later.Curation));
        Assert.Equal(("Apache-2.0 OR MIT", "GPL-3.0-only"), (wrong.License, wrong.DeclaredLicense));
    }

    [Fact]
    public void TestACuratedLicenceIsJudgedByTheRules_AsAFactNotAnException()
    {
        var facts = new ProjectFacts { ProjectPath = "/repo/App.csproj" };
        facts.Packages.Add(new PackageFact { Id = "Legacy.Lib", Version = "1.0.0", Source = LicenseSource.None, Direct = true });
        facts.Packages[0].Path.Add("Legacy.Lib");
        PolicyCuration.Apply(PolicyFile.Parse("p", "[curation: Legacy.Lib]\nlicense = GPL-3.0-only\nsource = its README\n").Curations, facts.Packages);
        var input = new ComplianceInput(new ProjectProperties(new[] { new KeyValuePair<string, string>("CommonsDeniedLicenses", "GPL-3.0-only") }), new List<TextFile>()) { Facts = facts };

        var ids = ComplianceEvaluator.Evaluate(input).Select(f => f.RuleId).ToArray();

        Assert.DoesNotContain("CMN0101", ids);
        Assert.Contains("CMN0103", ids);
    }

    [Fact]
    public void TestTheFactsFileCarriesTheCuration()
    {
        var facts = new ProjectFacts { ProjectPath = "/repo/App.csproj" };
        facts.Packages.Add(new PackageFact { Id = "Legacy.Lib", Version = "1.0.0", License = "MIT", Source = LicenseSource.Curated, Curation = "its\tREADME", DeclaredLicense = "GPL-2.0-only" });

        var read = FactsFormat.Read(FactsFormat.Write(facts)).Facts!.Packages.Single();

        Assert.Equal((LicenseSource.Curated, "its\tREADME", "GPL-2.0-only"), (read.Source, read.Curation, read.DeclaredLicense));
    }
}
