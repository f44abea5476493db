// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Collections.Generic;
using System.Linq;
using Commons.Compliance.Facts;
using Commons.Compliance.Headers;
using Commons.Compliance.Input;

namespace Commons.Compliance.Tests;

/// <summary>The pure evaluator, as the CLI calls it: input in, findings out.</summary>
public sealed class ComplianceEvaluatorTests
{
    private static ProjectProperties Properties(params (string Name, string Value)[] values)
        => new(values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value)));

    [Fact]
    public void TestMissingFactsStillRunsThePropertyRules()
    {
        var input = new ComplianceInput(Properties(("IsPackable", "true"), ("PackageId", "App")), new List<TextFile>());
        var ids = ComplianceEvaluator.Evaluate(input).Select(f => f.RuleId).ToArray();
        Assert.Contains("CMN0901", ids);
        Assert.Contains("CMN0003", ids);
        Assert.Contains("CMN0304", ids);
        Assert.DoesNotContain("CMN0201", ids);
    }

    [Fact]
    public void TestFindingsCarryFormattedMessagesAndLocations()
    {
        var facts = new ProjectFacts();
        var package = new PackageFact { Id = "Foo", Version = "2.0.0", ReferenceLocation = new SourceLocation("/p/Directory.Packages.props", 2, 3) };
        package.Path.AddRange(new[] { "Bar", "Foo" });
        facts.Packages.Add(package);
        var props = new TextFile(TextFileKinds.ProjectFile, "/p/Directory.Packages.props", "<Project>\n  <PackageVersion Include=\"Bar\" Version=\"1.0.0\" />\n</Project>\n");
        var input = new ComplianceInput(Properties(), new[] { props }) { Facts = facts };

        var finding = ComplianceEvaluator.Evaluate(input).Single(f => f.RuleId == "CMN0101");

        Assert.Equal("The licence of package 'Foo' 2.0.0 is unknown: the package declares no licence (via Bar > Foo)", finding.Message);
        Assert.Equal(("/p/Directory.Packages.props", 2, 3, 2, 51), (finding.Location!.Path, finding.Location.Line, finding.Location.Column, finding.Location.EndLine, finding.Location.EndColumn));
    }

    [Fact]
    public void TestHeaderRulesSuggestTheFixValues()
    {
        var input = new ComplianceInput(Properties(("CommonsSpdxHeaders", "true"), ("PackageLicenseExpression", "MIT"), ("Copyright", "Copyright (c) 2026 Jane")), new List<TextFile>());
        var headers = HeaderRules.For(input);
        Assert.Equal("MIT", headers.SuggestedLicense);
        Assert.Equal("2026 Jane", headers.SuggestedHolder);
        Assert.Equal(new[] { "CMN0401", "CMN0404" }, headers.Evaluate("a.cs", "class C {}").Select(f => f.RuleId));
        Assert.Empty(HeaderRules.For(new ComplianceInput(Properties(), new List<TextFile>())).Evaluate("a.cs", "class C {}"));
    }
}
