// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Threading.Tasks;
using Commons.Compliance.Facts;
using Microsoft.CodeAnalysis;
using static Commons.Analyzers.Tests.Fixtures;
using Test = Commons.Analyzers.Tests.AnalyzerTest<Commons.Analyzers.CMN0201CommunityFilesAnalyzer>;

namespace Commons.Analyzers.Tests;

public sealed class CMN0201CommunityFilesTests
{
    [Fact]
    public async Task TestEveryMissingFileIsReportedWithItsDefaultSeverityAsync()
    {
        var facts = new ProjectFacts();
        await new Test().Facts(facts)
            .Expect(
                Rule("CMN0201", DiagnosticSeverity.Warning).WithLocation(ProjectPath, 1, 1),
                Rule("CMN0203", DiagnosticSeverity.Info).WithLocation(ProjectPath, 1, 1),
                Rule("CMN0205", DiagnosticSeverity.Info).WithLocation(ProjectPath, 1, 1),
                Rule("CMN0206", DiagnosticSeverity.Info).WithLocation(ProjectPath, 1, 1),
                Rule("CMN0207", DiagnosticSeverity.Info).WithLocation(ProjectPath, 1, 1),
                Rule("CMN0208", DiagnosticSeverity.Info).WithLocation(ProjectPath, 1, 1))
            .RunAsync();
    }

    [Fact]
    public async Task TestTidyRepositoryHasNoFindingAsync()
    {
        await new Test().Facts(TidyFacts()).File("Readme", ReadmePath, Readme).File("Contributing", ContributingPath, Contributing).RunAsync();
    }

    [Fact]
    public async Task TestReadmeWithoutEssentialsIsReportedInTheReadmeAsync()
    {
        await new Test().Facts(TidyFacts()).File("Readme", ReadmePath, "# App\n\nApp does things.\n\n## Usage\n\nCall it.\n").File("Contributing", ContributingPath, Contributing)
            .Expect(Rule("CMN0202").WithLocation(ReadmePath, 1, 1).WithArguments("README.md", "installation, licence, contributing"))
            .RunAsync();
    }

    [Fact]
    public async Task TestFrenchHeadingsCountAsync()
    {
        const string french = "# Appli\n\n## Installation\n\n## Utilisation\n\n## Licence\n\n## Contribuer\n";
        await new Test().Facts(TidyFacts()).File("Readme", ReadmePath, french).File("Contributing", ContributingPath, Contributing).RunAsync();
    }

    [Fact]
    public async Task TestContributingWithoutSignOffAsync()
    {
        await new Test().Facts(TidyFacts()).File("Readme", ReadmePath, Readme).File("Contributing", ContributingPath, "# Contributing\n\nOpen a pull request. Mind the clause on style.\n")
            .Expect(Rule("CMN0204").WithLocation(ContributingPath, 1, 1).WithArguments("CONTRIBUTING.md"))
            .RunAsync();
    }

    [Fact]
    public async Task TestClaFileSatisfiesSignOffAsync()
    {
        var facts = TidyFacts();
        facts.Files.Add(new RepositoryFile { Kind = RepositoryFileKind.ContributorLicenseAgreement, RelativePath = "CLA.md", FullPath = "/0/CLA.md" });
        await new Test().Facts(facts).File("Readme", ReadmePath, Readme).File("Contributing", ContributingPath, "# Contributing\n\nOpen a pull request.\n").RunAsync();
    }

    [Fact]
    public async Task TestGateDoesNotRaiseCommunityRulesAsync()
    {
        await new Test().Facts(new ProjectFacts()).Property("CommonsGate", "true")
            .GlobalConfig("dotnet_diagnostic.CMN0203.severity = none\ndotnet_diagnostic.CMN0205.severity = none\ndotnet_diagnostic.CMN0206.severity = none\ndotnet_diagnostic.CMN0207.severity = none\ndotnet_diagnostic.CMN0208.severity = none")
            .Expect(Rule("CMN0201", DiagnosticSeverity.Warning).WithLocation(ProjectPath, 1, 1))
            .RunAsync();
    }
}
