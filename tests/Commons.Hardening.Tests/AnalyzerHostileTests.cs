// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Collections.Generic;
using System.Linq;
using System.Text;
using Commons.Compliance.Facts;
using Commons.Hardening.Tests.Infrastructure;
using Commons.Licensing;
using CsCheck;
using Xunit.Abstractions;

namespace Commons.Hardening.Tests;

/// <summary>
/// The analyzers as the compiler runs them, on hostile AdditionalFiles (facts, policy, licence, README, publiccode.yml,
/// project file), hostile build properties and hostile source headers: never an analyzer exception (AD0001).
/// </summary>
public sealed class AnalyzerHostileTests
{
    private const string FactsPath = "/repo/src/App/obj/commons.facts";

    private static readonly string ProjectFile =
        "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <PackageLicenseExpression>MIT</PackageLicenseExpression>\n  </PropertyGroup>\n"
        + "  <ItemGroup>\n    <PackageReference Include=\"Foo\" Version=\"1.0.0\" />\n  </ItemGroup>\n</Project>\n";

    private static readonly Gen<string> PropertyValue = Gen.OneOf(
        Seeds.Expression,
        Gen.OneOf(Mutations.Fragments.ToArray()),
        Gen.OneOf("true", "false", "osi;fsf-libre", "fr-public-sector", "MIT,Apache-2.0", ";;;", "net8.0", "/repo", "commons.policy", "code", "content", "Foo;Bar"));

    private static readonly string[] PropertyNames =
    {
        "PackageLicenseExpression", "PackageLicenseFile", "PackageLicenseUrl", "IsPackable", "IsTestProject", "PackageReadmeFile", "RepositoryUrl",
        "PackageProjectUrl", "Description", "Authors", "Copyright", "PackageId", "CommonsGate", "CommonsPolicy", "CommonsAllowedLicenses",
        "CommonsDeniedLicenses", "CommonsIgnoredPackages", "CommonsPolicyFile", "CommonsSpdxHeaders", "CommonsUseContext", "CommonsResourceKind",
        "CommonsCopyrightHolder", "TargetFramework", "CommonsRepositoryRoot",
    };

    /// <summary>A REUSE.toml as real repositories write them: nested globs, every precedence, arrays and a literal string.</summary>
    public static readonly Gen<string> ReuseTomlSeed = Gen.OneOf(
        Gen.Const("version = 1\nSPDX-PackageName = \"app\"\n\n[[annotations]]\npath = [\"src/**\", \"*.cs\"]\nprecedence = \"aggregate\"\n"
            + "SPDX-FileCopyrightText = [\"2026 Jane Doe\", \"2025 ACME\"]\nSPDX-License-Identifier = \"MIT OR Apache-2.0\"\n\n"
            + "[[annotations]]\npath = 'src/App/Hostile.cs'\nprecedence = \"override\"\nSPDX-FileCopyrightText = \"Jane\"\nSPDX-License-Identifier = \"MIT\"\n"),
        Gen.Const("version = 1\n[[annotations]]\npath = \"**\"\nSPDX-License-Identifier = \"GPL-2.0+\"\n# comment\n[x]\ny = { z = [1, 2.5, true, 1979-05-27T07:32:00Z] }\n"));

    /// <summary>A <c>.reuse/dep5</c> and a sidecar.</summary>
    public static readonly Gen<string> Dep5Seed = Gen.Const(
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\nUpstream-Name: app\n\nFiles: src/*\n  other/*\nCopyright: 2026 Jane Doe\n 2025 ACME\nLicense: MIT\n");

    public static readonly Gen<string> SidecarSeed = Gen.Const("SPDX-FileCopyrightText: 2026 Jane Doe\nSPDX-License-Identifier: MIT\n");

    /// <summary>The REUSE files the targets hand over beside the source (REUSE.toml, dep5, the source's sidecar), mutated.</summary>
    private static readonly Gen<HostileFile[]> ReuseFilesGen = Gen.Select(
        Mutations.BytesOf(ReuseTomlSeed), Mutations.BytesOf(Dep5Seed), Mutations.BytesOf(SidecarSeed), Gen.Int[0, 7],
        (toml, dep5, sidecar, which) => new[]
            {
                new HostileFile("ReuseToml", "/repo/REUSE.toml", toml),
                new HostileFile("ReuseToml", "/repo/src/REUSE.toml", toml),
                new HostileFile("ReuseDep5", "/repo/.reuse/dep5", dep5),
                new HostileFile("ReuseSidecar", "/repo/src/App/Hostile.cs.license", sidecar),
            }.Where((_, i) => (which & (1 << (i % 3))) != 0).ToArray());

    private readonly ITestOutputHelper output;

    public AnalyzerHostileTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    /// <summary>A project: properties, the AdditionalFiles the targets would pass (some mutated), a source file with a mutated header.</summary>
    public static Gen<(Dictionary<string, string> Properties, List<HostileFile> Files, string Source)> ProjectGen { get; } = Gen.Select(
        Gen.Select(Gen.OneOf(PropertyNames), PropertyValue).Array[0, 8],
        Gen.OneOf(Mutations.BytesOf(PolicyAndFactsHostileTests.FactsGen.Select(FactsFormat.Write)), Gen.Const(Encoding.UTF8.GetBytes(FactsFormat.Write(new ProjectFacts { ProjectPath = "/repo/src/App/App.csproj" }))), Mutations.Noise),
        Mutations.BytesOf(PolicyAndFactsHostileTests.PolicySeed),
        Mutations.BytesOf(Seeds.LicenseText),
        Mutations.BytesOf(PublicCodeHostileTests.PublicCodeSeed),
        Mutations.BytesOf(Gen.Const(ProjectFile)),
        Mutations.Of(HeaderHostileTests.HeaderSeed).Where(CompilerParsesQuickly),
        Gen.Select(Mutations.BytesOf(BaselineHostileTests.BaselineSeed), ReuseFilesGen, (b, r) => (Baseline: b, Reuse: r)),
        (properties, facts, policy, license, publicCode, project, source, more) =>
        {
            var values = new Dictionary<string, string> { ["MSBuildProjectFullPath"] = "/repo/src/App/App.csproj", ["CommonsSpdxHeaders"] = "true", ["CommonsRepositoryRoot"] = "/repo" };
            foreach (var (name, value) in properties)
            {
                values[name] = value;
            }

            values["CommonsPolicyFile"] = "/repo/commons.policy";
            var files = new List<HostileFile>
            {
                new("Facts", FactsPath, facts),
                new("PolicyFile", "/repo/commons.policy", policy),
                new("License", "/repo/LICENSE", license),
                new("PublicCode", "/repo/publiccode.yml", publicCode),
                new("ProjectFile", "/repo/src/App/App.csproj", project),
                new("Readme", "/repo/README.md", license),
                new("Baseline", "/repo/commons.baseline.json", more.Baseline),
            };
            files.AddRange(more.Reuse);
            return (values, files, source);
        });

    [Fact]
    public void Hostile_projects_never_make_an_analyzer_throw()
    {
        Assert.True(AnalyzerRun.AnalyzerCount >= 7, "analyzers found: " + AnalyzerRun.AnalyzerCount);
        Property.Check(output, "analyzers/hostile-project", ProjectGen, AssertNoAnalyzerException, iter: 150, print: Print);
    }

    /// <summary>Found by analyzers/hostile-project: a facts problem "at line -5" made CMN0901ToolingAnalyzer throw (fixed in FindingReporter).</summary>
    [Fact]
    public void Regression_seed_b3MUdubpijy3_a_negative_line_in_the_facts_crashed_the_analyzer()
    {
        Property.Check(output, "analyzers/regression", ProjectGen, AssertNoAnalyzerException, iter: 1, print: Print, seed: "b3MUdubpijy3");
    }

    [Theory]
    [InlineData(-5, 1)]
    [InlineData(0, 0)]
    [InlineData(3, -2147483648)]
    public void A_facts_problem_at_an_impossible_position_is_still_reported(int line, int column)
    {
        var facts = new ProjectFacts { ProjectPath = "/repo/src/App/App.csproj" };
        facts.Problems.Add(new CollectionProblem { Kind = CollectionProblemKind.AssetsFileUnreadable, Message = "corrupt", Location = new SourceLocation("/repo/src/App/obj/project.assets.json", line, column) });

        var outcome = AnalyzerRun.Run("class C { }\n", new Dictionary<string, string> { ["MSBuildProjectFullPath"] = "/repo/src/App/App.csproj" }, new[] { new HostileFile("Facts", FactsPath, Encoding.UTF8.GetBytes(FactsFormat.Write(facts))) });

        Assert.Empty(outcome.Exceptions);
        Assert.Contains(outcome.Diagnostics, d => d.Id == "CMN0902");
    }

    /// <summary>
    /// False for a source the C# parser itself cannot get through in reasonable time, whatever the analyzers: long runs of
    /// unclosed <c>[</c> or <c>(</c> in code. Roslyn 4.8 parses them in super-linear time (1,000 <c>[</c> take 2.1 s, 1,600
    /// take 6.1 s and 10,000 took minutes and 20 GB; 10,000 <c>(</c> take 4.9 s), so such a case tested the compiler and
    /// hung the suite. Deep nesting inside a header comment, the analyzer's own concern, keeps its test below.
    /// </summary>
    private static bool CompilerParsesQuickly(string source)
    {
        var run = 0;
        foreach (var c in source)
        {
            run = c is '[' or '(' ? run + 1 : 0;
            if (run > 300)
            {
                return false;
            }
        }

        return true;
    }

    private static string Print((Dictionary<string, string> Properties, List<HostileFile> Files, string Source) p)
        => string.Join("; ", p.Properties.Select(kv => kv.Key + "=" + Mutations.Describe(kv.Value))) + " | facts " + Mutations.Describe(p.Files[0].Content)
            + " | policy " + Mutations.Describe(p.Files[1].Content) + " | source " + Mutations.Describe(p.Source);

    private static void AssertNoAnalyzerException((Dictionary<string, string> Properties, List<HostileFile> Files, string Source) project)
    {
        var outcome = AnalyzerRun.Run(project.Source, project.Properties, project.Files);
        Assert.True(outcome.Exceptions.Count == 0, string.Join("\n", outcome.Exceptions));
        Assert.All(outcome.Diagnostics, d => Assert.StartsWith("CMN", d.Id, System.StringComparison.Ordinal));
        AssertPrintable(outcome);
    }

    /// <summary>Issue 18, class 8: what a diagnostic says reaches the build log and the terminal, so no control or bidi character of the input gets there raw.</summary>
    private static void AssertPrintable(AnalyzerOutcome outcome)
        => Assert.All(outcome.Diagnostics, d => Assert.False(d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Any(Commons.Compliance.Input.Printable.MustEscape), d.ToString()));

    /// <summary>
    /// Issue 18, class 8: escape sequences and bidi controls from a nuspec (a licence URL) and from publiccode.yml (a value) reached
    /// the build log raw: a terminal obeyed them, and a line break could forge a log line.
    /// </summary>
    [Theory]
    [InlineData("\u001b[2J\u001b]0;pwned\u0007")]
    [InlineData("\u202Egnp.exe")]
    [InlineData("\r\nerror CMN0000: forged")]
    [InlineData("\u009b31m\u0085")]
    public void Regression_issue_18_control_characters_from_a_nuspec_or_publiccode_yml_reach_no_diagnostic_raw(string hostile)
    {
        var facts = new ProjectFacts { ProjectPath = "/repo/src/App/App.csproj", RepositoryRoot = "/repo" };
        facts.Packages.Add(new PackageFact { Id = "Evil", Version = "1.0.0", Source = LicenseSource.Url, LicenseUrl = "https://example.com/" + hostile, Direct = true });
        facts.PublicCode = new PublicCodeFacts { RelativePath = "publiccode.yml", FullPath = "/repo/publiccode.yml" };
        facts.PublicCode.Nodes.Add(new YamlNodeFact { Path = "publiccodeYmlVersion", Kind = YamlNodeKind.Scalar, Value = "0.4" + hostile, Line = 1, Column = 1 });
        facts.PublicCode.Nodes.Add(new YamlNodeFact { Path = "url", Kind = YamlNodeKind.Scalar, Value = "javascript:" + hostile, Line = 2, Column = 1 });

        var outcome = AnalyzerRun.Run("class C { }\n", new Dictionary<string, string> { ["MSBuildProjectFullPath"] = "/repo/src/App/App.csproj" }, new[] { new HostileFile("Facts", FactsPath, Encoding.UTF8.GetBytes(FactsFormat.Write(facts))) });

        Assert.Empty(outcome.Exceptions);
        Assert.Contains(outcome.Diagnostics, d => d.Id == "CMN0501" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("javascript:", System.StringComparison.Ordinal));
        Assert.Contains(outcome.Diagnostics, d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("example.com", System.StringComparison.Ordinal));
        AssertPrintable(outcome);
    }

    /// <summary>
    /// Issue 17: REUSE.toml, dep5 and sidecars reach the header rules of every build. A mutated one, one of 5 MB of annotations, one
    /// nested 100,000 deep, one of NUL bytes: never an exception; a REUSE.toml the reader refuses is one CMN0902.
    /// </summary>
    [Fact]
    public void Hostile_reuse_files_never_make_an_analyzer_throw()
    {
        Property.Check(output, "analyzers/hostile-reuse", ReuseFilesGen, files =>
        {
            var outcome = RunWithHeaders(files);
            Assert.True(outcome.Exceptions.Count == 0, string.Join("\n", outcome.Exceptions));
            AssertPrintable(outcome);
        }, iter: 200, print: f => string.Join(" | ", f.Select(x => x.Kind + " " + Mutations.Describe(x.Content))));
    }

    [Theory]
    [InlineData("huge")]
    [InlineData("deep")]
    [InlineData("nul")]
    [InlineData("deep-table")]
    public void A_hostile_reuse_toml_is_one_CMN0902(string shape)
    {
        var text = shape switch
        {
            "huge" => "version = 1\n" + Mutations.Repeat("[[annotations]]\npath = \"src/**/*.cs\"\nSPDX-License-Identifier = \"MIT\"\nSPDX-FileCopyrightText = \"Jane\"\n", 60_000) + "oops",
            "deep" => "version = 1\nx = " + Mutations.Repeat("[", 100_000),
            "nul" => "version = 1\n\0\0[[annotations]]\0path = \"**\"\n",
            _ => "version = 1\n" + Mutations.Repeat("a.", 50_000) + "b = 1\nc = " + Mutations.Repeat("{ d = ", 50_000),
        };
        var started = System.Diagnostics.Stopwatch.StartNew();
        var outcome = RunWithHeaders(new[] { new HostileFile("ReuseToml", "/repo/REUSE.toml", Encoding.UTF8.GetBytes(text)) });

        Assert.Empty(outcome.Exceptions);
        Assert.Single(outcome.Diagnostics, d => d.Id == "CMN0902");
        Assert.Contains(outcome.Diagnostics, d => d.Id == "CMN0401");
        output.WriteLine(shape + ": " + text.Length + " characters, " + started.ElapsedMilliseconds + " ms");
    }

    private static AnalyzerOutcome RunWithHeaders(IEnumerable<HostileFile> reuseFiles)
    {
        var facts = Encoding.UTF8.GetBytes(FactsFormat.Write(new ProjectFacts { ProjectPath = "/repo/src/App/App.csproj", RepositoryRoot = "/repo" }));
        var properties = new Dictionary<string, string>
        {
            ["MSBuildProjectFullPath"] = "/repo/src/App/App.csproj", ["CommonsSpdxHeaders"] = "true", ["PackageLicenseExpression"] = "MIT", ["CommonsRepositoryRoot"] = "/repo",
        };
        return AnalyzerRun.Run("class C { }\n", properties, new[] { new HostileFile("Facts", FactsPath, facts) }.Concat(reuseFiles).ToArray());
    }

    [Fact]
    public void Unreadable_facts_are_a_CMN0901_finding()
    {
        Property.Check(output, "analyzers/unreadable-facts", Mutations.Noise.Where(b => b.Length > 0), noise =>
        {
            var outcome = AnalyzerRun.Run("class C { }\n", new Dictionary<string, string> { ["MSBuildProjectFullPath"] = "/repo/src/App/App.csproj" }, new[] { new HostileFile("Facts", FactsPath, noise) });
            Assert.True(outcome.Exceptions.Count == 0, string.Join("\n", outcome.Exceptions));
            Assert.Contains(outcome.Diagnostics, d => d.Id == "CMN0901");
        }, iter: 150, print: Mutations.Describe);
    }

    [Fact]
    public void A_binary_policy_file_is_a_clear_finding()
    {
        var facts = Encoding.UTF8.GetBytes(FactsFormat.Write(new ProjectFacts { ProjectPath = "/repo/src/App/App.csproj" }));
        var outcome = AnalyzerRun.Run(
            "class C { }\n",
            new Dictionary<string, string> { ["MSBuildProjectFullPath"] = "/repo/src/App/App.csproj", ["CommonsPolicyFile"] = "/repo/commons.policy" },
            new[] { new HostileFile("Facts", FactsPath, facts), new HostileFile("PolicyFile", "/repo/commons.policy", new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 1, 0xFF }) });

        Assert.Empty(outcome.Exceptions);
        Assert.Contains(outcome.Diagnostics, d => d.Id == "CMN0902");
    }

    [Fact]
    public void A_source_file_of_ten_thousand_nested_comments_and_a_megabyte_header_is_analysed()
    {
        var header = "// SPDX-License-Identifier: " + Mutations.Repeat("(", 10_000) + "\n" + Mutations.Repeat("// SPDX-FileCopyrightText: x\n", 40_000) + "/*" + Mutations.Repeat("/*", 10_000);
        var outcome = AnalyzerRun.Run(header, new Dictionary<string, string> { ["MSBuildProjectFullPath"] = "/repo/src/App/App.csproj", ["CommonsSpdxHeaders"] = "true", ["PackageLicenseExpression"] = "MIT" }, new[] { new HostileFile("License", "/repo/LICENSE", Encoding.UTF8.GetBytes(SpdxCatalog.Default.GetText("MIT")!)) });

        Assert.Empty(outcome.Exceptions);
    }
}
