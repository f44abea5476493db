// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Linq;
using System.Threading.Tasks;
using Commons.Compliance.Facts;
using Commons.Licensing;
using Microsoft.CodeAnalysis;
using static Commons.Analyzers.Tests.Fixtures;
using Test = Commons.Analyzers.Tests.AnalyzerTest<Commons.Analyzers.CMN0001ProjectLicenseAnalyzer>;

namespace Commons.Analyzers.Tests;

public sealed class CMN0001ProjectLicenseTests
{
    private const string PackableMit = "MIT";

    [Fact]
    public async Task TestNoLicenseFileIsReportedAtTheProjectAsync()
    {
        var facts = TidyFacts();
        facts.Files.RemoveAll(f => f.Kind == RepositoryFileKind.License);
        await new Test().Facts(facts).File("ProjectFile", ProjectPath, ProjectFile.Replace("GPL-2.0", "MIT"))
            .Property("PackageLicenseExpression", "MIT")
            .Expect(Rule("CMN0001").WithLocation(ProjectPath, 1, 1))
            .RunAsync();
    }

    [Fact]
    public async Task TestLicensesFolderCountsAsLicenceFileAsync()
    {
        var facts = TidyFacts();
        facts.Files.RemoveAll(f => f.Kind == RepositoryFileKind.License);
        facts.Files.Add(new RepositoryFile { Kind = RepositoryFileKind.License, RelativePath = "LICENSES/MIT.txt", FullPath = "/0/LICENSES/MIT.txt", IdentifiedLicense = "MIT" });
        await new Test().Facts(facts).Property("PackageLicenseExpression", "MIT").RunAsync();
    }

    [Fact]
    public async Task TestTidyProjectHasNoFindingAsync()
    {
        await new Test().Facts(TidyFacts()).Property("PackageLicenseExpression", PackableMit).Property("IsPackable", "true").RunAsync();
    }

    [Fact]
    public async Task TestUnidentifiedLicenceFileIsReportedInTheFileAsync()
    {
        var facts = TidyFacts();
        var license = facts.Files.Single(f => f.Kind == RepositoryFileKind.License);
        license.IdentifiedLicense = null;
        license.ClosestLicense = "MIT";
        license.ClosestConfidence = 91.5;
        await new Test().Facts(facts).File("License", LicensePath, "My own licence\nYou may do things.\n")
            .Expect(Rule("CMN0002").WithLocation(LicensePath, 1, 1).WithArguments("LICENSE", " (closest: MIT at 91.5 %)"))
            .RunAsync();
    }

    [Fact]
    public async Task TestPackableProjectWithoutLicenceAsync()
    {
        await new Test().Facts(TidyFacts()).Property("IsPackable", "true").Property("PackageId", "App")
            .Expect(Rule("CMN0003").WithLocation(ProjectPath, 1, 1).WithArguments("App"))
            .RunAsync();
    }

    [Fact]
    public async Task TestLicenceFileCountsAsDeclaredAndTestProjectsAreNotPackagesAsync()
    {
        await new Test().Facts(TidyFacts()).Property("IsPackable", "true").Property("PackageLicenseFile", "LICENSE").RunAsync();
        await new Test().Facts(TidyFacts()).Property("IsPackable", "true").Property("IsTestProject", "true").RunAsync();
    }

    [Fact]
    public async Task TestGateMakesLicenceRulesErrorsAsync()
    {
        await new Test().Facts(TidyFacts()).Property("IsPackable", "true").Property("PackageId", "App").Property("CommonsGate", "true")
            .Expect(Rule("CMN0003", DiagnosticSeverity.Error).WithLocation(ProjectPath, 1, 1).WithArguments("App"))
            .RunAsync();
    }

    [Fact]
    public async Task TestGlobalConfigSeverityAsync()
    {
        await new Test().Facts(TidyFacts()).Property("IsPackable", "true").Property("PackageId", "App")
            .GlobalConfig("dotnet_diagnostic.CMN0003.severity = none")
            .RunAsync();
    }

    [Fact]
    public async Task TestOnlyThePrimaryTargetFrameworkReportsAsync()
    {
        await new Test().Facts(TidyFacts()).Property("IsPackable", "true").Property("CommonsPrimaryTargetFramework", "false").RunAsync();
        await new Test().Facts(TidyFacts()).Property("IsPackable", "true").Property("CommonsEnabled", "false").RunAsync();
    }

    [Fact]
    public async Task TestDeprecatedDeclaredExpressionIsReportedAtThePropertyAsync()
    {
        var facts = TidyFacts();
        facts.Files.Single(f => f.Kind == RepositoryFileKind.License).IdentifiedLicense = "GPL-2.0-only";
        await new Test().Facts(facts).File("ProjectFile", ProjectPath, ProjectFile.Replace("    <PackageLicenseUrl>https://example.org/license</PackageLicenseUrl>\n", "    <!-- -->\n"))
            .Property("PackageLicenseExpression", "GPL-2.0")
            .Expect(Rule("CMN0004").WithLocation(ProjectPath, 3, 5)
                .WithArguments("GPL-2.0", "it uses the deprecated id 'GPL-2.0' (use 'GPL-2.0-only') (write 'GPL-2.0-only')"))
            .RunAsync();
    }

    [Fact]
    public async Task TestUnknownDeclaredIdGetsASuggestionAsync()
    {
        await new Test().Facts(TidyFacts()).Property("PackageLicenseExpression", "Apache2.0")
            .Expect(Rule("CMN0004").WithLocation(ProjectPath, 1, 1).WithArguments("Apache2.0", "it uses the unknown licence id 'Apache2.0' (did you mean 'Apache-2.0'?) (write 'Apache-2.0')"))
            .RunAsync();
    }

    [Fact]
    public async Task TestDeclaredLicenceDiffersFromFileAtTheFirstDifferingLineAsync()
    {
        var mit = SpdxCatalog.Default.GetText("MIT")!;
        var expectedLine = LicenseTextComparer.FirstDifferingLine(mit, "MIT-0");
        Assert.True(expectedLine > 1, "the MIT text starts like MIT-0's and differs later");
        await new Test().Facts(TidyFacts()).File("License", LicensePath, mit).Property("PackageLicenseExpression", "MIT-0")
            .Expect(Rule("CMN0005").WithLocation(LicensePath, expectedLine!.Value, 1).WithArguments("MIT-0", "LICENSE", "the file is MIT"))
            .RunAsync();
    }

    [Fact]
    public async Task TestATextAgreesWithTheOrLaterFormOfItsLicenceAsync()
    {
        // COPYING holds the GPL-3.0 text, which reads as GPL-3.0-only: the text cannot say "or later", only a notice can.
        var gpl = TidyFacts();
        gpl.Files.Single(f => f.Kind == RepositoryFileKind.License).IdentifiedLicense = "GPL-3.0-only";
        await new Test().Facts(gpl).Property("PackageLicenseExpression", "GPL-3.0-or-later").RunAsync();

        // An LGPL-3.0 project ships the GPL-3.0 its licence builds on, beside COPYING.LESSER.
        var lesser = TidyFacts();
        lesser.Files.Single(f => f.Kind == RepositoryFileKind.License).IdentifiedLicense = "GPL-3.0-only";
        lesser.Files.Add(new RepositoryFile { Kind = RepositoryFileKind.License, RelativePath = "COPYING.LESSER", FullPath = "/0/COPYING.LESSER", IdentifiedLicense = "LGPL-3.0-only" });
        await new Test().Facts(lesser).Property("PackageLicenseExpression", "LGPL-3.0-or-later").RunAsync();

        // A GPL notice in an LGPL project is not the text LGPL-3.0 builds on: a difference.
        var notice = TidyFacts();
        notice.Files.Single(f => f.Kind == RepositoryFileKind.License).IdentifiedLicense = "GPL-3.0-or-later";
        await new Test().Facts(notice).Property("PackageLicenseExpression", "LGPL-3.0-or-later")
            .Expect(Rule("CMN0005").WithLocation(LicensePath, 1, 1).WithArguments("LGPL-3.0-or-later", "LICENSE", "the file is GPL-3.0-or-later"))
            .RunAsync();

        // The other way round is a difference: the file grants later versions, the metadata does not.
        var later = TidyFacts();
        later.Files.Single(f => f.Kind == RepositoryFileKind.License).IdentifiedLicense = "GPL-3.0-or-later";
        await new Test().Facts(later).Property("PackageLicenseExpression", "GPL-3.0-only")
            .Expect(Rule("CMN0005").WithLocation(LicensePath, 1, 1).WithArguments("GPL-3.0-only", "LICENSE", "the file is GPL-3.0-or-later"))
            .RunAsync();
    }

    [Fact]
    public async Task TestDualLicenceExpressionCoversBothFilesAsync()
    {
        var facts = TidyFacts();
        facts.Files.Add(new RepositoryFile { Kind = RepositoryFileKind.License, RelativePath = "LICENSE-APACHE", FullPath = "/0/LICENSE-APACHE", IdentifiedLicense = "Apache-2.0" });
        await new Test().Facts(facts).Property("PackageLicenseExpression", "MIT OR Apache-2.0").RunAsync();
        await new Test().Facts(facts)
            .Expect(Rule("CMN0009").WithLocation(ProjectPath, 1, 1).WithArguments("LICENSE, LICENSE-APACHE"))
            .RunAsync();
    }

    [Fact]
    public async Task TestALicenceFileThatStatesHowTheOthersCombineIsTheCombiningStatementAsync()
    {
        // LICENSE says "MIT OR Apache-2.0" (a statement or an SPDX tag); LICENSE-MIT and LICENSE-APACHE hold the texts.
        var facts = TidyFacts();
        facts.Files.Single(f => f.Kind == RepositoryFileKind.License).IdentifiedLicense = "MIT OR Apache-2.0";
        facts.Files.Add(new RepositoryFile { Kind = RepositoryFileKind.License, RelativePath = "LICENSE-MIT", FullPath = "/0/LICENSE-MIT", IdentifiedLicense = "MIT" });
        facts.Files.Add(new RepositoryFile { Kind = RepositoryFileKind.License, RelativePath = "LICENSE-APACHE", FullPath = "/0/LICENSE-APACHE", IdentifiedLicense = "Apache-2.0" });
        await new Test().Facts(facts).RunAsync();

        // GNU's layout: COPYING holds the GPL-2.0 text, LICENSE the notice that grants version 2 or later.
        var gnu = TidyFacts();
        gnu.Files.Single(f => f.Kind == RepositoryFileKind.License).IdentifiedLicense = "GPL-2.0-or-later";
        gnu.Files.Add(new RepositoryFile { Kind = RepositoryFileKind.License, RelativePath = "COPYING", FullPath = "/0/COPYING", IdentifiedLicense = "GPL-2.0-only" });
        await new Test().Facts(gnu).RunAsync();

        // A file that names a licence the others do not hold is no combining statement.
        facts.Files.Single(f => f.RelativePath == "LICENSE-MIT").IdentifiedLicense = "BSD-3-Clause";
        await new Test().Facts(facts)
            .Expect(Rule("CMN0009").WithLocation(ProjectPath, 1, 1).WithArguments("LICENSE, LICENSE-APACHE, LICENSE-MIT"))
            .RunAsync();
    }

    [Fact]
    public async Task TestDeprecatedLicenceUrlIsReportedAtThePropertyAsync()
    {
        await new Test().Facts(TidyFacts()).File("ProjectFile", ProjectPath, ProjectFile.Replace("GPL-2.0", "MIT"))
            .Property("PackageLicenseExpression", "MIT").Property("PackageLicenseUrl", "https://example.org/license")
            .Expect(Rule("CMN0010").WithLocation(ProjectPath, 4, 5).WithArguments("https://example.org/license"))
            .RunAsync();
        await new Test().Facts(TidyFacts()).Property("PackageLicenseExpression", "MIT").Property("PackageLicenseUrl", "https://aka.ms/deprecateLicenseUrl").RunAsync();
    }

    [Fact]
    public async Task TestNonCommercialLicenceIsNotOpenAsync()
    {
        var facts = TidyFacts();
        facts.Files.Single(f => f.Kind == RepositoryFileKind.License).IdentifiedLicense = "CC-BY-NC-4.0";
        await new Test().Facts(facts).Property("PackageLicenseExpression", "CC-BY-NC-4.0").Property("CommonsResourceKind", "content")
            .Expect(Rule("CMN0006").WithLocation(ProjectPath, 1, 1).WithArguments("CC-BY-NC-4.0", "CC-BY-NC-4.0 is non-commercial or field-of-use restricted (" + LicenseKnowledge.Get("CC-BY-NC-4.0").Note + ")"))
            .RunAsync();
    }

    [Fact]
    public async Task TestCreativeCommonsOnCodeIsUnfitButFineForContentAsync()
    {
        var facts = TidyFacts();
        facts.Files.Single(f => f.Kind == RepositoryFileKind.License).IdentifiedLicense = "CC-BY-4.0";
        await new Test().Facts(facts).Property("PackageLicenseExpression", "CC-BY-4.0")
            .Expect(Rule("CMN0007").WithLocation(ProjectPath, 1, 1).WithArguments("CC-BY-4.0", "software", "CC-BY-4.0 suits " + LicenseKnowledge.Get("CC-BY-4.0").Suits.ToString().ToLowerInvariant()))
            .RunAsync();
        await new Test().Facts(facts).Property("PackageLicenseExpression", "CC-BY-4.0").Property("CommonsResourceKind", "content").RunAsync();
    }

    [Fact]
    public async Task TestLicenceOutsidePolicyAsync()
    {
        var facts = TidyFacts();
        facts.Files.Single(f => f.Kind == RepositoryFileKind.License).IdentifiedLicense = "GPL-3.0-only";
        await new Test().Facts(facts).Property("PackageLicenseExpression", "GPL-3.0-only").Property("CommonsPolicy", "permissive")
            .Expect(Rule("CMN0008").WithLocation(ProjectPath, 1, 1).WithArguments("GPL-3.0-only", PolicyEvaluator.Evaluate(SpdxExpression.Parse("GPL-3.0-only").Expression!, LicensePolicy.FromPreset("permissive")).Reason))
            .RunAsync();
        await new Test().Facts(facts).Property("PackageLicenseExpression", "GPL-3.0-only").Property("CommonsPolicy", "osi").RunAsync();
        await new Test().Facts(facts).Property("PackageLicenseExpression", "GPL-3.0-only").Property("CommonsDeniedLicenses", "GPL-3.0-only")
            .Expect(Rule("CMN0008").WithLocation(ProjectPath, 1, 1).WithArguments("GPL-3.0-only", PolicyEvaluator.Evaluate(SpdxExpression.Parse("GPL-3.0-only").Expression!, new LicensePolicy(null, new[] { "GPL-3.0-only" }, "CommonsAllowedLicenses/CommonsDeniedLicenses")).Reason))
            .RunAsync();
    }
}
