// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Collections.Generic;
using System.Linq;
using Commons.Compliance.Baseline;
using Commons.Compliance.Facts;
using Commons.Compliance.Input;

namespace Commons.Compliance.Tests.Baseline;

/// <summary>CMN0108: a package's licence against the licences the baseline recorded for its id.</summary>
public sealed class LicenseChangedTests
{
    private static IReadOnlyList<Finding> Evaluate(PackageFact package, IEnumerable<KeyValuePair<string, string>>? properties = null, params BaselinePackage[] recorded)
    {
        var facts = new ProjectFacts { ProjectPath = "/repo/App.csproj", RepositoryRoot = "/repo" };
        package.Path.Add(package.Id);
        package.ReferenceLocation = new SourceLocation("/repo/App.csproj", 7, 5);
        facts.Packages.Add(package);
        var text = BaselineFile.Write(recorded, new BaselineEntry[0]);
        var input = new ComplianceInput(new ProjectProperties(properties ?? new KeyValuePair<string, string>[0]), new List<TextFile>())
        {
            Facts = facts,
            Baseline = BaselineFile.Read("/repo/commons.baseline.json", text),
        };
        return ComplianceEvaluator.Evaluate(input).Where(f => f.RuleId == "CMN0108").ToArray();
    }

    private static PackageFact Package(string version, string? license) => new() { Id = "Fixture.Changing", Version = version, License = license, Direct = true };

    [Fact]
    public void TestAnUpgradeFromMitToBusl_NamesBothVersionsAndBothLicences_AtTheReference()
    {
        var finding = Assert.Single(Evaluate(Package("2.0.0", "BUSL-1.1"), null, new BaselinePackage("Fixture.Changing", "1.0.0", "MIT", "expression")));

        Assert.Equal("The licence of package 'Fixture.Changing' 2.0.0 is 'BUSL-1.1'; the baseline recorded 'MIT' for 1.0.0: review the change, then run 'commons baseline' to accept it", finding.Message);
        Assert.Equal(("/repo/App.csproj", 7, 5), (finding.Location!.Path, finding.Location.Line, finding.Location.Column));
    }

    [Fact]
    public void TestALicenceThatBecameUnknownIsAChange()
        => Assert.Contains("is unknown; the baseline recorded 'MIT' for 1.0.0", Assert.Single(Evaluate(Package("2.0.0", null), null, new BaselinePackage("fixture.changing", "1.0.0", "MIT", "expression"))).Message, System.StringComparison.Ordinal);

    [Fact]
    public void TestTheSameVersionIsComparedFirst_ElseTheHighestVersionRecorded()
    {
        var recorded = new[]
        {
            new BaselinePackage("Fixture.Changing", "1.0.0", "MIT", "expression"),
            new BaselinePackage("Fixture.Changing", "1.10.0", "Apache-2.0", "expression"),
            new BaselinePackage("Fixture.Changing", "1.9.0", "MIT", "expression"),
        };

        Assert.Contains("recorded 'MIT' for 1.0.0", Assert.Single(Evaluate(Package("1.0.0", "GPL-3.0-only"), null, recorded)).Message, System.StringComparison.Ordinal);
        Assert.Contains("recorded 'Apache-2.0' for 1.10.0", Assert.Single(Evaluate(Package("3.0.0", "BUSL-1.1"), null, recorded)).Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void TestNoChange_ANewPackage_AnyRecordedLicence_AndAnIgnoredPackage_AreNotReported()
    {
        Assert.Empty(Evaluate(Package("2.0.0", "MIT"), null, new BaselinePackage("Fixture.Changing", "1.0.0", "MIT", "expression")));
        Assert.Empty(Evaluate(Package("2.0.0", "mit"), null, new BaselinePackage("Fixture.Changing", "1.0.0", "MIT", "expression")));
        Assert.Empty(Evaluate(Package("2.0.0", "BUSL-1.1"), null, new BaselinePackage("Other", "1.0.0", "MIT", "expression")));
        Assert.Empty(Evaluate(Package("2.0.0", "BUSL-1.1"), null,
            new BaselinePackage("Fixture.Changing", "1.0.0", "MIT", "expression"), new BaselinePackage("Fixture.Changing", "1.5.0", "BUSL-1.1", "expression")));
        Assert.Empty(Evaluate(Package("2.0.0", null), null, new BaselinePackage("Fixture.Changing", "1.0.0", null, "none")));
        Assert.Empty(Evaluate(Package("2.0.0", "BUSL-1.1"), new[] { new KeyValuePair<string, string>("CommonsIgnoredPackages", "Fixture.*") },
            new BaselinePackage("Fixture.Changing", "1.0.0", "MIT", "expression")));
    }

    [Fact]
    public void TestAnUnknownLicenceThatBecameKnownIsAChangeToo()
        => Assert.Contains("is 'MIT'; the baseline recorded unknown for 1.0.0", Assert.Single(Evaluate(Package("1.0.0", "MIT"), null, new BaselinePackage("Fixture.Changing", "1.0.0", null, "none"))).Message, System.StringComparison.Ordinal);

    [Fact]
    public void TestABrokenBaselineIsCmn0902AtItsLine_AndJudgesNothing()
    {
        var input = new ComplianceInput(new ProjectProperties(new KeyValuePair<string, string>[0]), new List<TextFile>())
        {
            Facts = new ProjectFacts { ProjectPath = "/repo/App.csproj", RepositoryRoot = "/repo" },
            Baseline = BaselineFile.Read("/repo/commons.baseline.json", "{\"version\": 1,\n\"packages\": [\n<<<<<<< HEAD\n"),
        };

        var finding = Assert.Single(ComplianceEvaluator.Evaluate(input), f => f.RuleId == "CMN0902");

        Assert.Equal("The baseline file could not be read: line 3: it is not JSON: unexpected character '<'", finding.Message);
        Assert.Equal(("/repo/commons.baseline.json", 3), (finding.Location!.Path, finding.Location.Line));
    }
}
