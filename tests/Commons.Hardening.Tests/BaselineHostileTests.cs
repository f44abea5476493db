// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Linq;
using Commons.Compliance;
using Commons.Compliance.Baseline;
using Commons.Compliance.Facts;
using Commons.Compliance.Input;
using Commons.Compliance.Policy;
using Commons.Hardening.Tests.Infrastructure;
using CsCheck;
using Xunit.Abstractions;

namespace Commons.Hardening.Tests;

/// <summary>
/// The baseline file (<see cref="BaselineFile"/>, a hand-written JSON reader the analyzer runs in the compiler) and the curations of
/// the policy file: whatever a person, a merge or an attacker leaves in them gives entries, errors on real lines, and findings,
/// never an exception.
/// </summary>
public sealed class BaselineHostileTests
{
    private const string BaselinePath = "/repo/commons.baseline.json";

    private static readonly Gen<string> AnyText = Gen.OneOf(
        Gen.String,
        Gen.OneOf(Mutations.Fragments.ToArray()),
        Gen.Char.Array[0, 40].Select(a => new string(a)),
        Gen.OneOf("MIT", "BUSL-1.1", "Newtonsoft.Json", "src/App/App.csproj", "CMN0101", "CMN0203", "1.0.0", ""));

    private readonly ITestOutputHelper output;

    public BaselineHostileTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    /// <summary>A baseline as <c>commons baseline</c> could write it, with any text in any field.</summary>
    public static Gen<string> BaselineSeed { get; } = Gen.Select(
        Gen.Select(AnyText, AnyText, Gen.Frequency((4, AnyText.Select(s => (string?)s)), (1, Gen.Const((string?)null))), AnyText).Array[0, 5],
        Gen.Select(Gen.OneOf(AnyText, Gen.Const("src/App/App.csproj")), Gen.OneOf(AnyText, Gen.Const("CMN0101"), Gen.Const("CMN0203")), AnyText, AnyText).Array[0, 6],
        (packages, findings) => BaselineFile.Write(
            packages.Select(p => new BaselinePackage(p.Item1, p.Item2, p.Item3, p.Item4)),
            findings.Select(f => new BaselineEntry(f.Item1, f.Item2, f.Item3, f.Item4))));

    [Fact]
    public void Generated_baselines_survive_the_file_unchanged()
    {
        Property.Check(output, "baseline/round-trip", BaselineSeed, text =>
        {
            var read = BaselineFile.Read(BaselinePath, text);
            Assert.Empty(read.Errors);
            Assert.Equal(text, BaselineFile.Write(read.Packages, read.Findings));
        }, iter: 1500, print: Mutations.Describe);
    }

    [Fact]
    public void Mutated_baselines_give_entries_or_errors_on_real_lines_and_the_rules_judge_either()
    {
        Property.Check(output, "baseline/mutated", Mutations.Of(BaselineSeed), text =>
        {
            var read = BaselineFile.Read(BaselinePath, text);
            var lines = text.Split('\n').Length;
            Assert.All(read.Errors, e =>
            {
                Assert.InRange(e.Line, 0, lines);
                Assert.False(string.IsNullOrWhiteSpace(e.Message));
            });
            Assert.All(read.Findings, f => Assert.InRange(f.Line, 1, lines));

            var facts = new ProjectFacts { ProjectPath = "/repo/src/App/App.csproj", RepositoryRoot = "/repo" };
            facts.Packages.Add(new PackageFact { Id = "Newtonsoft.Json", Version = "13.0.3", License = "MIT", Source = LicenseSource.Expression });
            var input = new ComplianceInput(new ProjectProperties(new[] { new KeyValuePair<string, string>(PropertyNames.ProjectFullPath, "/repo/src/App/App.csproj") }),
                new[] { new TextFile(TextFileKinds.Baseline, BaselinePath, text) }) { Facts = facts, Baseline = read };
            var findings = ComplianceEvaluator.Evaluate(input);
            Assert.Equal(read.Errors.Count, findings.Count(f => f.RuleId == "CMN0902" && f.Location!.Path == BaselinePath));
            var match = BaselineMatch.For(input);
            Assert.All(match.StaleEntries(findings), f => Assert.Equal("CMN0905", f.RuleId));
            foreach (var finding in findings)
            {
                _ = match.IsRecorded(finding);
            }
        }, iter: 1500, print: Mutations.Describe);
    }

    [Fact]
    public void Mutated_curations_give_valid_licences_with_a_source_or_errors_on_real_lines()
    {
        var seed = Gen.Select(
            Gen.Select(Gen.OneOf("Legacy.Lib", "", " spaced id ", "*"), Gen.OneOf("[1.0,2.0)", "1.0.0", "(,1.0]", "latest", "[2.0,1.0]", ""), Seeds.Expression, Gen.OneOf("https://example.org/LICENSE", "its README", ""),
                (id, version, license, source) => "[curation: " + id + "]\nversion = " + version + "\nlicense = " + license + "\nsource = " + source + "\n").Array[0, 4],
            Gen.Int[0, 3],
            (sections, endings) => Mutations.LineEndings(string.Concat(sections), endings));
        Property.Check(output, "curations/mutated", Mutations.Of(seed), text =>
        {
            var policy = PolicyFile.Parse("/repo/commons.policy", text);
            var lines = text.Split('\n').Length;
            Assert.All(policy.Errors, e => Assert.InRange(e.Line, 1, lines));
            Assert.All(policy.Curations, c =>
            {
                Assert.True(Commons.Licensing.SpdxExpression.TryParse(c.License, out _), c.License);
                Assert.False(string.IsNullOrWhiteSpace(c.Source));
                Assert.False(string.IsNullOrEmpty(c.PackageId));
            });
            var packages = new[] { new PackageFact { Id = "Legacy.Lib", Version = "1.5.0" }, new PackageFact { Id = "Legacy.Lib", Version = "not a version" } };
            PolicyCuration.Apply(policy.Curations, packages);
            Assert.All(packages, p => Assert.Equal(p.Source == LicenseSource.Curated, p.Curation is not null));
        }, iter: 1000, print: Mutations.Describe);
    }
}
