// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Threading.Tasks;
using Commons.Compliance.Facts;
using static Commons.Analyzers.Tests.Fixtures;
using Test = Commons.Analyzers.Tests.AnalyzerTest<Commons.Analyzers.CMN0901ToolingAnalyzer>;

namespace Commons.Analyzers.Tests;

public sealed class CMN0901ToolingTests
{
    [Fact]
    public async Task TestNoFactsFileAsync()
    {
        await new Test()
            .Expect(Rule("CMN0901").WithLocation(ProjectPath, 1, 1).WithArguments("no facts file among the AdditionalFiles (the Commons.Analyzers build targets did not run)"))
            .RunAsync();
    }

    [Fact]
    public async Task TestCorruptFactsFileAsync()
    {
        await new Test().File("Facts", AnalyzerTest<CMN0901ToolingAnalyzer>.FactsPath, "not facts\n")
            .Expect(Rule("CMN0901").WithLocation(ProjectPath, 1, 1).WithArguments("the facts file does not start with 'commons-facts'"))
            .RunAsync();
    }

    [Fact]
    public async Task TestFactsOfAnotherProjectAreStaleAsync()
    {
        await new Test().Facts(new ProjectFacts { ProjectPath = "/other/Other.csproj" })
            .Expect(Rule("CMN0903").WithLocation(ProjectPath, 1, 1).WithArguments("/other/Other.csproj", ProjectPath))
            .RunAsync();
        await new Test().Facts(new ProjectFacts { TargetFramework = "net6.0" })
            .Expect(Rule("CMN0903").WithLocation(ProjectPath, 1, 1).WithArguments(ProjectPath + " (net6.0)", ProjectPath + " (net8.0)"))
            .RunAsync();
    }

    [Fact]
    public async Task TestCollectionProblemIsLocatedInItsFileAsync()
    {
        var facts = new ProjectFacts();
        facts.Problems.Add(new CollectionProblem { Kind = CollectionProblemKind.AssetsFileUnreadable, Message = "unexpected end of JSON", Location = new SourceLocation("/0/obj/project.assets.json", 3, 7) });
        await new Test().Facts(facts)
            .Expect(Rule("CMN0902").WithLocation("/0/obj/project.assets.json", 3, 7).WithArguments("/0/obj/project.assets.json", "unexpected end of JSON"))
            .RunAsync();
    }

    [Fact]
    public async Task TestPolicyFileErrorsAreLocatedAtTheirLineAsync()
    {
        await new Test().Facts(new ProjectFacts()).File("PolicyFile", PolicyPath, "[Foo]\nreason = ok\nexpires = soon\n")
            .Expect(Rule("CMN0902").WithLocation(PolicyPath, 3, 1).WithArguments("The policy file", "line 3: expires 'soon' is not a yyyy-MM-dd date"))
            .RunAsync();
    }

    [Fact]
    public async Task TestConfiguredPolicyFileMissingAsync()
    {
        await new Test().Facts(new ProjectFacts()).Property("CommonsPolicyFile", "commons.policy")
            .Expect(Rule("CMN0902").WithLocation(ProjectPath, 1, 1).WithArguments("The policy file 'commons.policy'", "it is not among the AdditionalFiles (missing file?)"))
            .RunAsync();
    }
}
