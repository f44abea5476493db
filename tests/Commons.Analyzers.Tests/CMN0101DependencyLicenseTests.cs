// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Threading.Tasks;
using Commons.Compliance.Facts;
using Commons.Licensing;
using static Commons.Analyzers.Tests.Fixtures;
using Test = Commons.Analyzers.Tests.AnalyzerTest<Commons.Analyzers.CMN0101DependencyLicenseAnalyzer>;

namespace Commons.Analyzers.Tests;

public sealed class CMN0101DependencyLicenseTests
{
    private const string Policy = "# reviewed\n[Foo]\nreason = bought a commercial licence (LEGAL-42)\nexpires = 2099-12-31\n";

    private static string DeniedReason(string license, params string[] denied)
        => PolicyEvaluator.Evaluate(SpdxExpression.Parse(license).Expression!, new LicensePolicy(null, denied, "CommonsAllowedLicenses/CommonsDeniedLicenses")).Reason;

    private static CompatibilityVerdict Verdict(string outbound, string inbound)
        => CompatibilityEvaluator.Evaluate(SpdxExpression.Parse(outbound).Expression!, SpdxExpression.Parse(inbound).Expression!, UseContext.DynamicLink);

    private static Test WithPackages(params PackageFact[] packages)
    {
        var facts = TidyFacts();
        facts.Packages.AddRange(packages);
        return new Test().Facts(facts).File("ProjectFile", ProjectPath, ProjectFile).Property("PackageLicenseExpression", "MIT");
    }

    [Fact]
    public async Task TestUnknownLicenceIsReportedAtTheReferenceAsync()
    {
        await WithPackages(Package("Foo", null))
            .Expect(Rule("CMN0101").WithLocation(ProjectPath, 7, 5).WithArguments("Foo", "1.0.0", ": the package declares no licence"))
            .RunAsync();
    }

    [Fact]
    public async Task TestTransitivePathIsInTheMessageAsync()
    {
        var bar = Package("Bar", null);
        bar.Direct = false;
        bar.Path.Clear();
        bar.Path.AddRange(new[] { "Foo", "Bar" });
        await WithPackages(Package("Foo", "MIT"), bar)
            .Expect(Rule("CMN0101").WithLocation(ProjectPath, 7, 5).WithArguments("Bar", "1.0.0", ": the package declares no licence (via Foo > Bar)"))
            .RunAsync();
    }

    [Fact]
    public async Task TestKnownLicenceIsNotReportedAsync()
    {
        await WithPackages(Package("Foo", "MIT")).RunAsync();
    }

    [Fact]
    public async Task TestUnmappedUrlAsync()
    {
        var foo = Package("Foo", null);
        foo.LicenseUrl = "https://example.org/eula.html";
        foo.Source = LicenseSource.Url;
        await WithPackages(foo)
            .Expect(Rule("CMN0102").WithLocation(ProjectPath, 7, 5).WithArguments("Foo", "1.0.0", "https://example.org/eula.html"))
            .RunAsync();
    }

    [Fact]
    public async Task TestIgnoredPackagesAreSkippedAsync()
    {
        await WithPackages(Package("Foo", null)).Property("CommonsIgnoredPackages", "Bar,Foo").RunAsync();
        await WithPackages(Package("Foo.Internal", null)).Property("CommonsIgnoredPackages", "Foo.*").RunAsync();
    }

    [Fact]
    public async Task TestPolicyExceptionAcceptsThePackageAsync()
    {
        await WithPackages(Package("Foo", null)).File("PolicyFile", PolicyPath, Policy).Property("CommonsPolicyFile", PolicyPath).RunAsync();
    }

    [Fact]
    public async Task TestExpiredExceptionIsStaleAndNoLongerAppliesAsync()
    {
        await WithPackages(Package("Foo", null)).File("PolicyFile", PolicyPath, Policy.Replace("2099-12-31", "2001-01-31"))
            .Expect(
                Rule("CMN0101").WithLocation(ProjectPath, 7, 5).WithArguments("Foo", "1.0.0", ": the package declares no licence"),
                Rule("CMN0107").WithLocation(PolicyPath, 2, 1).WithArguments("Foo", "expired on 2001-01-31", "exception"))
            .RunAsync();
    }

    [Fact]
    public async Task TestExceptionForAbsentPackageIsStaleAsync()
    {
        await WithPackages(Package("Bar", "MIT")).File("PolicyFile", PolicyPath, Policy)
            .Expect(Rule("CMN0107").WithLocation(PolicyPath, 2, 1).WithArguments("Foo", "matches no package of this project", "exception"))
            .RunAsync();
    }

    [Fact]
    public async Task TestCurationForAbsentPackageIsStaleAsync()
    {
        const string curation = "# the repository says MIT\n[curation: Foo]\nlicense = MIT\nsource = https://example.org/foo/LICENSE\n";
        await WithPackages(Package("Bar", "MIT")).File("PolicyFile", PolicyPath, curation)
            .Expect(Rule("CMN0107").WithLocation(PolicyPath, 2, 1).WithArguments("Foo", "matches no package of this project", "curation"))
            .RunAsync();
    }

    [Fact]
    public async Task TestCurationOfAnOlderVersionIsStaleAsync()
    {
        // Foo 1.0.0 was curated; the project moved to 2.0.0, whose own metadata gives no licence.
        const string curation = "[curation: Foo]\nversion = [1.0.0]\nlicense = MIT\nsource = https://example.org/foo/LICENSE\n";
        var upgraded = Package("Foo", null);
        upgraded.Version = "2.0.0";
        await WithPackages(upgraded).File("PolicyFile", PolicyPath, curation)
            .Expect(
                Rule("CMN0101").WithLocation(ProjectPath, 7, 5).WithArguments("Foo", "2.0.0", ": the package declares no licence"),
                Rule("CMN0107").WithLocation(PolicyPath, 1, 1).WithArguments("Foo", "covers [1.0.0] but the project uses 2.0.0", "curation"))
            .RunAsync();
    }

    [Fact]
    public async Task TestCurationOfTheUsedVersionIsNotStaleAsync()
    {
        const string curation = "[curation: Foo]\nversion = [1.0.0, 3.0.0)\nlicense = MIT\nsource = https://example.org/foo/LICENSE\n";
        var curated = Package("Foo", "MIT");
        curated.Source = LicenseSource.Curated;
        await WithPackages(curated).File("PolicyFile", PolicyPath, curation)
            .RunAsync();
    }

    [Fact]
    public async Task TestRepositoryWidePolicyFileIsNotStaleForAPackageOfAnotherProjectAsync()
    {
        // A policy file above the project folder (shared through Directory.Build.props) names other projects' packages.
        const string sharedPolicy = "/commons.policy";
        await WithPackages(Package("Bar", "MIT")).File("PolicyFile", sharedPolicy, Policy).Property("CommonsPolicyFile", sharedPolicy)
            .RunAsync();
    }

    [Fact]
    public async Task TestAttributionWithoutNoticesAsync()
    {
        var facts = TidyFacts();
        facts.Files.RemoveAll(f => f.Kind == RepositoryFileKind.ThirdPartyNotices);
        facts.Packages.Add(Package("Foo", "Apache-2.0"));
        var dev = Package("Analyzer", "MIT");
        dev.DevOnly = true;
        facts.Packages.Add(dev);
        await new Test().Facts(facts).File("ProjectFile", ProjectPath, ProjectFile).Property("IsPackable", "true").Property("PackageLicenseExpression", "MIT")
            .Expect(Rule("CMN0106").WithLocation(ProjectPath, 1, 1).WithArguments("1", "Foo (Apache-2.0)"))
            .RunAsync();
    }

    [Fact]
    public async Task TestAttributionSatisfiedByNoticesFileAsync()
    {
        var facts = TidyFacts();
        facts.Packages.Add(Package("Foo", "Apache-2.0"));
        await new Test().Facts(facts).Property("IsPackable", "true").Property("PackageLicenseExpression", "MIT").RunAsync();
    }

    [Fact]
    public async Task TestDeniedByPolicyAtTheReferenceAsync()
    {
        await WithPackages(Package("Foo", "GPL-3.0-only")).Property("CommonsDeniedLicenses", "GPL-3.0-only;AGPL-3.0-only")
            .Expect(Rule("CMN0103").WithLocation(ProjectPath, 7, 5).WithArguments("Foo", "1.0.0", "GPL-3.0-only", DeniedReason("GPL-3.0-only", "GPL-3.0-only", "AGPL-3.0-only"), ""))
            .RunAsync();
        await WithPackages(Package("Foo", "MIT")).Property("CommonsPolicy", "permissive").RunAsync();
    }

    [Fact]
    public async Task TestIncompatibleWithTheProjectLicenceAsync()
    {
        await WithPackages(Package("Foo", "GPL-3.0-only")).Property("PackageLicenseExpression", "Apache-2.0")
            .Expect(Rule("CMN0104").WithLocation(ProjectPath, 7, 5)
                .WithArguments("Foo", "1.0.0", "GPL-3.0-only", "Apache-2.0", "dynamic-link", Verdict("Apache-2.0", "GPL-3.0-only").Reason, Verdict("Apache-2.0", "GPL-3.0-only").Source, ""))
            .RunAsync();
    }

    [Fact]
    public async Task TestDevelopmentOnlyDependencyIsNotDistributedAsync()
    {
        var foo = Package("Foo", "GPL-3.0-only");
        foo.DevOnly = true;
        await WithPackages(foo).Property("PackageLicenseExpression", "Apache-2.0").RunAsync();
    }

    [Fact]
    public async Task TestOrExpressionOffersACompatibleBranchAsync()
    {
        await WithPackages(Package("Foo", "GPL-3.0-only OR MIT")).Property("PackageLicenseExpression", "Apache-2.0").RunAsync();
    }

    [Fact]
    public async Task TestPolicyExceptionAcceptsAnIncompatiblePackageAsync()
    {
        await WithPackages(Package("Foo", "GPL-3.0-only")).Property("PackageLicenseExpression", "Apache-2.0").File("PolicyFile", PolicyPath, Policy).RunAsync();
    }

    [Fact]
    public async Task TestCheckDependencyNeedsReviewAsync()
    {
        var verdict = CompatibilityEvaluator.Evaluate(SpdxExpression.Parse("AGPL-3.0-only").Expression!, SpdxExpression.Parse("GPL-3.0-only").Expression!, UseContext.DynamicLink);
        Assert.Equal(CompatibilityOutcome.Review, verdict.Outcome);
        await WithPackages(Package("Foo", "GPL-3.0-only")).Property("PackageLicenseExpression", "AGPL-3.0-only")
            .Expect(Rule("CMN0105").WithLocation(ProjectPath, 7, 5).WithArguments("Foo", "1.0.0", "GPL-3.0-only", "AGPL-3.0-only", "dynamic-link", verdict.Reason, ""))
            .RunAsync();
    }

    [Fact]
    public async Task TestANonCommercialDependencyIsCmn0109AndNoReviewNoteAsync()
    {
        // Issue 13: the compatibility engine asks for a review of CC-BY-NC-4.0 under MIT; the rule says what the problem is.
        var verdict = CompatibilityEvaluator.Evaluate(SpdxExpression.Parse("MIT").Expression!, SpdxExpression.Parse("CC-BY-NC-4.0").Expression!, UseContext.DynamicLink);
        Assert.Equal(CompatibilityOutcome.Review, verdict.Outcome);
        await WithPackages(Package("Foo", "CC-BY-NC-4.0")).Property("PackageLicenseExpression", "MIT")
            .Expect(Rule("CMN0109").WithLocation(ProjectPath, 7, 5).WithArguments("Foo", "1.0.0", "CC-BY-NC-4.0",
                "CC-BY-NC-4.0 is non-commercial or field-of-use restricted (non-commercial and/or no-derivatives: not an open licence)", ""))
            .RunAsync();
    }

    [Fact]
    public async Task TestUseContextOverrideAsync()
    {
        var copied = CompatibilityEvaluator.Evaluate(SpdxExpression.Parse("Apache-2.0").Expression!, SpdxExpression.Parse("LGPL-2.1-only").Expression!, UseContext.Copied);
        var linked = CompatibilityEvaluator.Evaluate(SpdxExpression.Parse("Apache-2.0").Expression!, SpdxExpression.Parse("LGPL-2.1-only").Expression!, UseContext.DynamicLink);
        Assert.Equal(CompatibilityOutcome.Incompatible, copied.Outcome);
        Assert.NotEqual(CompatibilityOutcome.Incompatible, linked.Outcome);
        await WithPackages(Package("Foo", "LGPL-2.1-only")).Property("PackageLicenseExpression", "Apache-2.0").Property("CommonsUseContext", "copied")
            .Expect(Rule("CMN0104").WithLocation(ProjectPath, 7, 5).WithArguments("Foo", "1.0.0", "LGPL-2.1-only", "Apache-2.0", "copied", copied.Reason, copied.Source, ""))
            .RunAsync();
    }
}
