// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Threading.Tasks;
using Commons.Compliance.Baseline;
using Commons.Compliance.Facts;
using Microsoft.CodeAnalysis;
using static Commons.Analyzers.Tests.Fixtures;

namespace Commons.Analyzers.Tests;

/// <summary>
/// The baseline in the build: a recorded finding comes out of the compiler suppressed (BaselineSuppressor), CMN0108 at the
/// reference when a package's licence is not the recorded one, CMN0905 for an entry that matches nothing, CMN0902 for a baseline
/// that cannot be read.
/// </summary>
public sealed class BaselineTests
{
    private const string BaselinePath = "/0/commons.baseline.json";

    private static string Baseline(BaselinePackage[] packages, params BaselineEntry[] findings) => BaselineFile.Write(packages, findings);

    private static AnalyzerTest<CMN0101DependencyLicenseAnalyzer> Dependencies(string baseline, params PackageFact[] packages)
    {
        var facts = TidyFacts();
        facts.Packages.AddRange(packages);
        return new AnalyzerTest<CMN0101DependencyLicenseAnalyzer>().Facts(facts).File("ProjectFile", ProjectPath, ProjectFile)
            .Property("PackageLicenseExpression", "MIT").File("Baseline", BaselinePath, baseline);
    }

    [Fact]
    public async Task TestARecordedFindingIsReportedSuppressed_ANewOneIsNotAsync()
    {
        var baseline = Baseline(new BaselinePackage[0], new BaselineEntry("App.csproj", "CMN0101", "App.csproj", "Foo"));

        await Dependencies(baseline, Package("Foo", null), Package("Bar", null, line: 8)).WithBaselineSuppressor()
            .Expect(
                Rule("CMN0101").WithLocation(ProjectPath, 7, 5).WithArguments("Foo", "1.0.0", ": the package declares no licence").WithIsSuppressed(true),
                Rule("CMN0101").WithLocation(ProjectPath, 8, 5).WithArguments("Bar", "1.0.0", ": the package declares no licence").WithIsSuppressed(false))
            .RunAsync();
    }

    [Fact]
    public async Task TestTheGateDoesNotUndoTheBaselineAsync()
    {
        var baseline = Baseline(new BaselinePackage[0], new BaselineEntry("App.csproj", "CMN0101", "App.csproj", "Foo"));

        await Dependencies(baseline, Package("Foo", null)).Property("CommonsGate", "true").WithBaselineSuppressor()
            .Expect(Rule("CMN0101", DiagnosticSeverity.Error).WithLocation(ProjectPath, 7, 5).WithArguments("Foo", "1.0.0", ": the package declares no licence").WithIsSuppressed(true))
            .RunAsync();
    }

    [Fact]
    public async Task TestAnEntryOfAnotherProjectSuppressesNothingHereAsync()
    {
        var baseline = Baseline(new BaselinePackage[0], new BaselineEntry("Other/Other.csproj", "CMN0101", "App.csproj", "Foo"));

        await Dependencies(baseline, Package("Foo", null)).WithBaselineSuppressor()
            .Expect(Rule("CMN0101").WithLocation(ProjectPath, 7, 5).WithArguments("Foo", "1.0.0", ": the package declares no licence").WithIsSuppressed(false))
            .RunAsync();
    }

    [Fact]
    public async Task TestALicenceChangeSinceTheBaselineIsCmn0108AtTheReferenceAsync()
    {
        var foo = Package("Foo", "BUSL-1.1");
        foo.Version = "2.0.0";
        var baseline = Baseline(new[] { new BaselinePackage("Foo", "1.0.0", "MIT", "expression") });

        await Dependencies(baseline, foo)
            .Expect(
                Rule("CMN0105").WithLocation(ProjectPath, 7, 5).WithArguments("Foo", "2.0.0", "BUSL-1.1", "MIT", "dynamic-link",
                    "BUSL-1.1: the dependency's source-available or proprietary terms restrict its use and need a legal reading.", ""),
                Rule("CMN0108").WithLocation(ProjectPath, 7, 5).WithArguments("Foo", "2.0.0", "'BUSL-1.1'", "'MIT'", "1.0.0", ""))
            .RunAsync();
    }

    [Fact]
    public async Task TestAStaleEntryIsANoteAtItsLineInTheBaselineAsync()
    {
        var baseline = Baseline(new BaselinePackage[0],
            new BaselineEntry("App.csproj", "CMN0101", "App.csproj", "Gone.Package"),
            new BaselineEntry("App.csproj", "CMN0401", "Test0.cs", ""),
            new BaselineEntry("Other/Other.csproj", "CMN0203", "Other/Other.csproj", ""));

        await new AnalyzerTest<CMN0901ToolingAnalyzer>().Facts(TidyFacts()).File("ProjectFile", ProjectPath, ProjectFile)
            .Property("PackageLicenseExpression", "MIT").Property("CommonsSpdxHeaders", "true").File("Baseline", BaselinePath, baseline)
            .Expect(Rule("CMN0905").WithSpan(BaselinePath, 5, 1, 5, 99).WithArguments("CMN0101", "App.csproj", " for 'Gone.Package'", "App.csproj"))
            .RunAsync();
    }

    [Fact]
    public async Task TestARecordedHeaderFindingIsSuppressedLiveAsync()
    {
        var baseline = Baseline(new BaselinePackage[0], new BaselineEntry("App.csproj", "CMN0401", "Test0.cs", ""));

        await new AnalyzerTest<CMN0401SourceHeaderAnalyzer>().Facts(TidyFacts()).Property("CommonsSpdxHeaders", "true").Property("PackageLicenseExpression", "MIT")
            .File("Baseline", BaselinePath, baseline).WithBaselineSuppressor()
            .Expect(
                Rule("CMN0401").WithLocation("/0/Test0.cs", 1, 1).WithIsSuppressed(true),
                Rule("CMN0404").WithLocation("/0/Test0.cs", 1, 1).WithIsSuppressed(false))
            .RunAsync();
    }

    [Fact]
    public async Task TestABaselineThatCannotBeReadIsCmn0902_AndSuppressesNothingAsync()
    {
        var broken = "{\"version\": 1,\n\"findings\": [\n{\"project\": \"App.csproj\", \"rule\": \"CMN0203\", \"file\": \"App.csproj\"}\n<<<<<<< HEAD\n";

        await new AnalyzerTest<CMN0901ToolingAnalyzer>().Facts(TidyFacts()).File("ProjectFile", ProjectPath, ProjectFile).File("Baseline", BaselinePath, broken)
            .Expect(Rule("CMN0902").WithSpan(BaselinePath, 4, 1, 4, 13).WithArguments("The baseline file", "line 4: it is not JSON: expected ',' or ']' in an array, not '<'"))
            .RunAsync();
    }
}
