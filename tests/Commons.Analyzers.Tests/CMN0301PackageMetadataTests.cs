// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Threading.Tasks;
using static Commons.Analyzers.Tests.Fixtures;
using Test = Commons.Analyzers.Tests.AnalyzerTest<Commons.Analyzers.CMN0301PackageMetadataAnalyzer>;

namespace Commons.Analyzers.Tests;

public sealed class CMN0301PackageMetadataTests
{
    [Fact]
    public async Task TestEveryMissingPropertyIsReportedAtTheProjectAsync()
    {
        await new Test().File("ProjectFile", ProjectPath, ProjectFile).Property("IsPackable", "true").Property("PackageId", "App")
            .Property("Description", "Package Description")
            .Expect(
                Rule("CMN0301").WithLocation(ProjectPath, 1, 1).WithArguments("App"),
                Rule("CMN0302").WithLocation(ProjectPath, 1, 1).WithArguments("App"),
                Rule("CMN0303").WithLocation(ProjectPath, 1, 1).WithArguments("App"),
                Rule("CMN0304").WithLocation(ProjectPath, 1, 1).WithArguments("App"),
                Rule("CMN0305").WithLocation(ProjectPath, 1, 1).WithArguments("App"),
                Rule("CMN0306").WithLocation(ProjectPath, 1, 1).WithArguments("App"))
            .RunAsync();
    }

    [Fact]
    public async Task TestCompleteMetadataAndNonPackableProjectsAsync()
    {
        await Complete().RunAsync();
        await new Test().Property("IsPackable", "false").RunAsync();
    }

    [Fact]
    public async Task TestAuthorsDefaultingToThePackageIdIsMissingAsync()
    {
        await Complete().Property("Authors", "App").Expect(Rule("CMN0305").WithLocation(ProjectPath, 1, 1).WithArguments("App")).RunAsync();
    }

    private static Test Complete()
        => new Test().Property("IsPackable", "true").Property("PackageId", "App").Property("PackageReadmeFile", "README.md")
            .Property("RepositoryUrl", "https://example.org/app").Property("PackageProjectUrl", "https://example.org").Property("Description", "Does things")
            .Property("Authors", "Jane Doe").Property("Copyright", "Copyright (c) Jane Doe");
}
