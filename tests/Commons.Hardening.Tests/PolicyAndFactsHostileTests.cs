// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Linq;
using Commons.Compliance;
using Commons.Compliance.Facts;
using Commons.Compliance.Input;
using Commons.Compliance.Policy;
using Commons.Hardening.Tests.Infrastructure;
using CsCheck;
using Xunit.Abstractions;

namespace Commons.Hardening.Tests;

/// <summary>The policy file (<see cref="PolicyFile.Parse"/>) and the facts file (<see cref="FactsFormat"/>), then the rules over what they gave.</summary>
public sealed class PolicyAndFactsHostileTests
{
    private static readonly Gen<string> AnyText = Gen.OneOf(
        Gen.String,
        Gen.OneOf(Mutations.Fragments.ToArray()),
        Gen.Char.Array[0, 40].Select(a => new string(a)),
        Gen.OneOf("MIT", "GPL-3.0-only", "Newtonsoft.Json", "/repo/src/App/App.csproj", "net8.0", ""));

    private static readonly Gen<string?> MaybeText = Gen.Frequency((4, AnyText.Select(s => (string?)s)), (1, Gen.Const((string?)null)));

    private readonly ITestOutputHelper output;

    public PolicyAndFactsHostileTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    public static Gen<string> PolicySeed { get; } = Gen.Select(
        Gen.Select(Gen.OneOf("Some.Package", "Newtonsoft.Json", "*", "", " spaced id "), Gen.OneOf("reason = legal review LEGAL-42", "reason =", "REASON=x=y"), Gen.OneOf("expires = 2027-06-30", "expires = 2027-02-30", "expires = tomorrow", ""), Seeds.Expression, (id, reason, expires, license) =>
            "# accepted\n[" + id + "]\n" + reason + "\n" + expires + "\nlicense = " + license + "\n; end\n").Array[0, 4],
        Gen.Int[0, 3],
        (sections, lineEndings) => Mutations.LineEndings(string.Concat(sections), lineEndings));

    /// <summary>Facts as the collector could write them, with any text in any field.</summary>
    public static Gen<ProjectFacts> FactsGen { get; } = Gen.Select(
        Gen.Select(AnyText, MaybeText, MaybeText, MaybeText),
        Gen.Select(Gen.Enum<RepositoryFileKind>(), AnyText, AnyText, MaybeText, Gen.Double[-1, 200]).Array[0, 4],
        Gen.Select(Gen.Select(AnyText, AnyText, MaybeText, Gen.Enum<LicenseSource>(), MaybeText, MaybeText), Gen.Select(Gen.Bool, Gen.Bool, AnyText.Array[0, 3], MaybeText, Gen.Int, MaybeText)).Array[0, 4],
        Gen.Select(Gen.Enum<CollectionProblemKind>(), AnyText, MaybeText, Gen.Int).Array[0, 3],
        Gen.Select(MaybeText, AnyText, Gen.Enum<YamlNodeKind>(), MaybeText, Gen.Int).Array[0, 3],
        (project, files, packages, problems, yaml) =>
        {
            var facts = new ProjectFacts { ProjectPath = project.Item1, TargetFramework = project.Item2, RepositoryRoot = project.Item3, AssetsFilePath = project.Item4 };
            facts.Files.AddRange(files.Select(f => new RepositoryFile { Kind = f.Item1, RelativePath = f.Item2, FullPath = f.Item3, IdentifiedLicense = f.Item4, Confidence = Math.Round(f.Item5, 2) }));
            foreach (var (a, b) in packages)
            {
                var package = new PackageFact
                {
                    Id = a.Item1, Version = a.Item2, License = a.Item3, Source = a.Item4, LicenseUrl = a.Item5, LicenseFile = a.Item6, Direct = b.Item1, DevOnly = b.Item2,
                    ReferenceLocation = b.Item4 is null ? null : new SourceLocation(b.Item4, b.Item5, 1), Problem = b.Item6,
                };
                package.Path.AddRange(b.Item3.Where(p => p.Length > 0 && p.IndexOf('>') < 0));
                facts.Packages.Add(package);
            }

            facts.Problems.AddRange(problems.Select(p => new CollectionProblem { Kind = p.Item1, Message = p.Item2, Location = p.Item3 is null ? null : new SourceLocation(p.Item3, p.Item4, p.Item4) }));
            if (yaml.Length > 0)
            {
                facts.PublicCode = new PublicCodeFacts { RelativePath = "publiccode.yml", FullPath = "/repo/publiccode.yml", ParseError = yaml[0].Item1 };
                facts.PublicCode.Nodes.AddRange(yaml.Select(y => new YamlNodeFact { Path = y.Item2, Kind = y.Item3, Value = y.Item4, Line = y.Item5 }));
            }

            return facts;
        });

    [Fact]
    public void Mutated_policy_files_give_exceptions_with_reasons_and_errors_on_real_lines()
    {
        Property.Check(output, "policy/mutated", Mutations.Of(PolicySeed), text =>
        {
            var policy = PolicyFile.Parse("/repo/commons.policy", text);
            var lines = text.Split('\n').Length;
            Assert.All(policy.Errors, e =>
            {
                Assert.InRange(e.Line, 1, lines);
                Assert.False(string.IsNullOrWhiteSpace(e.Message));
            });
            Assert.All(policy.Exceptions, e =>
            {
                Assert.InRange(e.Line, 1, lines);
                Assert.False(string.IsNullOrWhiteSpace(e.Reason));
            });

            // The rules turn every error into a finding, located on its line.
            var findings = Evaluate(new ComplianceInput(Properties(("CommonsPolicyFile", "commons.policy")), new[] { new TextFile(TextFileKinds.PolicyFile, "/repo/commons.policy", text) }) { Policy = policy, Facts = new ProjectFacts { ProjectPath = "/repo/App.csproj" } });
            Assert.Equal(policy.Errors.Count, findings.Count(f => f.RuleId == "CMN0902"));
        }, iter: 1000, print: Mutations.Describe);
    }

    /// <summary>
    /// Found by policy/mutated (2,000 cases took 210 s): each finding's location walked the policy text from its start, so
    /// thousands of bad lines cost minutes (fixed in TextLines, Commons.Compliance). Since issue 18 the errors are bounded
    /// too: 20,000 build warnings cost the compiler and the build log minutes of their own.
    /// </summary>
    [Fact]
    public void Regression_a_policy_file_of_forty_thousand_bad_lines_is_judged_in_seconds_with_bounded_findings()
    {
        var text = Mutations.Repeat("not a key value line\n[Pkg]\nreason = ok\n", 20_000);
        var policy = PolicyFile.Parse("/repo/commons.policy", text);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var findings = Evaluate(new ComplianceInput(Properties(("CommonsPolicyFile", "commons.policy")), new[] { new TextFile(TextFileKinds.PolicyFile, "/repo/commons.policy", text) }) { Policy = policy, Facts = new ProjectFacts { ProjectPath = "/repo/App.csproj" } });

        Assert.Equal(PolicyFile.MaxErrors, findings.Count(f => f.RuleId == "CMN0902"));
        var last = findings.Last(f => f.RuleId == "CMN0902");
        Assert.Equal(3 * PolicyFile.MaxErrors - 2, last.Location!.Line);
        Assert.Contains((20_000 - PolicyFile.MaxErrors + 1) + " more lines", last.Message, System.StringComparison.Ordinal);
        Assert.True(clock.Elapsed < System.TimeSpan.FromSeconds(10), "took " + clock.Elapsed);
    }

    /// <summary>
    /// Issue 18, class 7: a policy file may be any file the property names; its content reaches findings only as short
    /// escaped excerpts. <c>/proc/self/environ</c> (NUL-separated) put the whole environment into SARIF and build warnings.
    /// </summary>
    [Fact]
    public void Regression_issue_18_the_process_environment_as_policy_file_reaches_no_finding()
    {
        var environment = string.Concat(System.Environment.GetEnvironmentVariables().Keys.Cast<string>().Select(k => k + "=" + System.Environment.GetEnvironmentVariable(k) + "\0")) + "SECRET_TOKEN=s3cr3t-value\0";

        var messages = PolicyMessages(environment);

        Assert.Contains(messages, m => m.Contains("not text", System.StringComparison.Ordinal));
        Assert.DoesNotContain(messages, m => m.Contains("s3cr3t", System.StringComparison.Ordinal) || m.Contains("SECRET_TOKEN", System.StringComparison.Ordinal));
    }

    /// <summary>Class 7, generated: whatever a policy file holds (any file on the machine), a finding quotes at most a short escaped excerpt of it.</summary>
    [Fact]
    public void Generated_policy_files_are_quoted_only_in_short_escaped_excerpts()
    {
        var secret = Gen.Select(Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789"].Array[60, 200], Gen.OneOf("", "=", " = ", "[", "]", "expires = ", "\u001b[2J", "\u202E", "\r"), Gen.OneOf("", "\n", "\r\n", "\u2028", "\t"),
            (chars, before, after) => before + "SECRET" + new string(chars) + after);
        var file = Gen.Select(secret.Array[1, 30], Gen.OneOf("", "[Pkg]\n", "[Pkg]\nreason = ok\n", "[\u001b]\n"), (lines, start) => start + string.Join("\n", lines));

        Property.Check(output, "policy/excerpts", file, text =>
        {
            foreach (var message in PolicyMessages(text))
            {
                Assert.DoesNotContain(message, c => Commons.Compliance.Input.Printable.MustEscape(c));
                foreach (var run in System.Text.RegularExpressions.Regex.Matches(message, "SECRET[a-z0-9]*", System.Text.RegularExpressions.RegexOptions.IgnoreCase).Select(m => m.Value))
                {
                    Assert.InRange(run.Length, 0, PolicyFile.MaxExcerpt);
                }
            }
        }, iter: 300, print: Mutations.Describe);
    }

    /// <summary>The messages of every finding the rules give for a policy file holding <paramref name="text"/>.</summary>
    private static System.Collections.Generic.List<string> PolicyMessages(string text)
    {
        var policy = PolicyFile.Parse("/repo/commons.policy", text);
        return Evaluate(new ComplianceInput(Properties(("CommonsPolicyFile", "commons.policy")), new[] { new TextFile(TextFileKinds.PolicyFile, "/repo/commons.policy", text) }) { Policy = policy, Facts = new ProjectFacts { ProjectPath = "/repo/App.csproj" } })
            .Select(f => f.Message).ToList();
    }

    [Fact]
    public void Generated_facts_survive_the_facts_file_unchanged()
    {
        Property.Check(output, "facts/round-trip", FactsGen, facts =>
        {
            var text = FactsFormat.Write(facts);
            var read = FactsFormat.Read(text);
            Assert.Null(read.Error);
            Assert.Equal(text, FactsFormat.Write(read.Facts!));
        }, iter: 1500, print: f => Mutations.Describe(FactsFormat.Write(f)));
    }

    [Fact]
    public void Mutated_facts_files_give_facts_or_an_error_and_the_rules_judge_either()
    {
        Property.Check(output, "facts/mutated", Mutations.Of(FactsGen.Select(FactsFormat.Write)), text =>
        {
            var read = FactsFormat.Read(text);
            Assert.True((read.Facts is null) != (read.Error is null), "facts and error together, or neither");
            var findings = Evaluate(new ComplianceInput(Properties(("MSBuildProjectFullPath", "/repo/App.csproj")), Array.Empty<TextFile>()) { Facts = read.Facts, FactsError = read.Error });
            if (read.Error is not null)
            {
                Assert.Contains(findings, f => f.RuleId == "CMN0901");
            }
        }, iter: 1000, print: Mutations.Describe);
    }

    [Theory]
    [InlineData("commons-facts\t1\nfile\t999\tLICENSE\t/repo/LICENSE\tMIT\t100\t\t0\n")]
    [InlineData("commons-facts\t1\npackage\tA\t1.0.0\tMIT\t42\n")]
    [InlineData("commons-facts\t1\nfile\tLicense\tLICENSE\t/repo/LICENSE\tMIT\tNaN\t\tInfinity\n")]
    [InlineData("commons-facts\t1\nproblem\tAssetsFileUnreadable\tbad\t/repo/obj/project.assets.json\t-5\t2147483647\n")]
    [InlineData("commons-facts\t1\npackage\tA\t1.0.0\tMIT\tExpression\t\t\t1e309\n")]
    [InlineData("commons-facts\t99999999999\n")]
    [InlineData("commons-facts\n")]
    [InlineData("\uFEFFcommons-facts\t1\n")]
    public void Hostile_facts_records_are_judged_without_exception(string text)
    {
        var read = FactsFormat.Read(text);
        var findings = Evaluate(new ComplianceInput(Properties(("MSBuildProjectFullPath", "/repo/App.csproj")), Array.Empty<TextFile>()) { Facts = read.Facts, FactsError = read.Error });
        Assert.True(read.Error is not null || read.Facts is not null);
        Assert.NotNull(findings);
    }

    private static ProjectProperties Properties(params (string Name, string Value)[] values)
        => new(values.Select(v => new System.Collections.Generic.KeyValuePair<string, string>(v.Name, v.Value)));

    private static System.Collections.Generic.IReadOnlyList<Commons.Compliance.Input.Finding> Evaluate(ComplianceInput input) => ComplianceEvaluator.Evaluate(input);
}
