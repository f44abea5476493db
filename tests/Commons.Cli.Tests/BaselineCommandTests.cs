// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Commons.Testing;

namespace Commons.Cli.Tests;

/// <summary>
/// Issue 15, with the built tool and real fixture packages restored from a folder feed: <c>commons baseline</c> records the old
/// findings, <c>commons check</c> then reports only what is new (SARIF: the old ones suppressed), CMN0108 when a package moves
/// from MIT to BUSL-1.1, CMN0905 for an entry paid off; a curation makes an unknown licence known in every report.
/// </summary>
public sealed class BaselineCommandTests : IDisposable
{
    private const string Project = "src/App/App.csproj";

    private static readonly FixturePackage Legacy = new("Fixture.Legacy");
    private static readonly FixturePackage Gpl = new FixturePackage("Fixture.Gpl").WithExpression("GPL-3.0-only");
    private static readonly FixturePackage ChangingMit = new FixturePackage("Fixture.Changing", "1.0.0").WithExpression("MIT");
    private static readonly FixturePackage ChangingBusl = new FixturePackage("Fixture.Changing", "2.0.0").WithExpression("BUSL-1.1");

    private readonly SampleRepository repository = new("baseline");

    public BaselineCommandTests()
    {
        foreach (var package in new[] { Legacy, Gpl, ChangingMit, ChangingBusl })
        {
            repository.AddPackage(package);
        }

        repository.WriteFile("LICENSE", File.ReadAllText(Path.Combine(TempCopy.Sample, "LICENSE")));
        repository.WriteFile("README.md", "# App\n\nWhat it is.\n");
    }

    [Fact]
    public void Baseline_ThenOnlyNewProblemsAndLicenceChanges_ThenTheFileOnlyShrinks()
    {
        WriteProject(("Fixture.Legacy", "1.0.0"), ("Fixture.Gpl", "1.0.0"), ("Fixture.Changing", "1.0.0"));
        var before = Check("json");
        Assert.True(before.ExitCode == 1, before.ToString());
        var old = Ids(before.Json["findings"]!);
        Assert.Contains("CMN0101", old);
        Assert.Contains("CMN0104", old);
        Assert.Contains("CMN0203", old);

        var baseline = Cli.Run(repository.Root, "baseline");
        Assert.True(baseline.ExitCode == 0, baseline.ToString());
        var file = repository.PathOf("commons.baseline.json");
        var written = File.ReadAllText(file);
        Assert.Contains("{\"id\": \"Fixture.Changing\", \"version\": \"1.0.0\", \"license\": \"MIT\", \"source\": \"expression\"}", written);
        Assert.Contains("{\"id\": \"Fixture.Legacy\", \"version\": \"1.0.0\", \"license\": null, \"source\": \"none\"}", written);
        Assert.Contains("{\"project\": \"src/App/App.csproj\", \"rule\": \"CMN0104\", \"file\": \"src/App/App.csproj\", \"subject\": \"Fixture.Gpl\"}", written);
        Assert.True(Cli.Run(repository.Root, "baseline").ExitCode == 0);
        Assert.Equal(written, File.ReadAllText(file));

        // Recorded: nothing is reported, the exit code is 0, the summary says how many were recorded.
        var after = Check("json");
        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.Empty(after.Json["findings"]!.AsArray());
        Assert.Equal(old.OrderBy(i => i), Ids(after.Json["suppressed"]!).OrderBy(i => i));
        Assert.Equal(old.Length, (int)after.Json["summary"]!["suppressed"]!);

        // In SARIF the old findings stay, each suppressed as the compiler writes a DiagnosticSuppressor's suppression.
        var sarif = Check("sarif");
        var results = JsonNode.Parse(sarif.Stdout)!["runs"]![0]!["results"]!.AsArray();
        Assert.Equal(old.Length, results.Count);
        Assert.All(results, r => Assert.Equal(
            "DiagnosticSuppressor { Suppression Id: CMNB" + ((string)r!["ruleId"]!).Substring(3) + ", Suppression Justification: Recorded in the repository's baseline (commons.baseline.json): reviewed, not new }",
            (string?)r["suppressions"]![0]!["properties"]!["suppressionType"]));

        // The upgrade from an MIT version to a BUSL-1.1 one is the one thing reported.
        WriteProject(("Fixture.Legacy", "1.0.0"), ("Fixture.Gpl", "1.0.0"), ("Fixture.Changing", "2.0.0"));
        var upgraded = Check("json");
        Assert.True(upgraded.ExitCode == 1, upgraded.ToString());
        var changed = upgraded.Json["findings"]!.AsArray().Single(f => (string?)f!["ruleId"] == "CMN0108");
        Assert.Equal("The licence of package 'Fixture.Changing' 2.0.0 is 'BUSL-1.1'; the baseline recorded 'MIT' for 1.0.0: review the change, then run 'commons baseline' to accept it", (string?)changed!["message"]);
        Assert.Equal(Project, (string?)changed["location"]!["path"]);
        Assert.DoesNotContain("CMN0104", Ids(upgraded.Json["findings"]!));

        // The GPL package is gone: its entry is a note, once; after 'commons baseline' it is gone from the file.
        WriteProject(("Fixture.Legacy", "1.0.0"), ("Fixture.Changing", "1.0.0"));
        var paidOff = Check("json");
        var stale = paidOff.Json["findings"]!.AsArray().Single(f => (string?)f!["ruleId"] == "CMN0905");
        Assert.Equal("note", (string?)stale!["severity"]);
        Assert.Equal("commons.baseline.json", (string?)stale["location"]!["path"]);
        Assert.Contains("CMN0104 at 'src/App/App.csproj' for 'Fixture.Gpl'", (string?)stale["message"], StringComparison.Ordinal);
        Assert.True(Cli.Run(repository.Root, "baseline").ExitCode == 0);
        Assert.DoesNotContain("Fixture.Gpl", File.ReadAllText(file), StringComparison.Ordinal);
        Assert.Empty(Check("json").Json["findings"]!.AsArray());

        // CommonsBaseline=false ignores it; a broken one is CMN0902 and suppresses nothing.
        Assert.Contains("CMN0203", Ids(Check("json", "-p:CommonsBaseline=false").Json["findings"]!));
        File.WriteAllText(file, written.Replace("\"findings\": [", "\"findings\": [\n<<<<<<< HEAD", StringComparison.Ordinal));
        var broken = Check("json");
        Assert.Contains("CMN0203", Ids(broken.Json["findings"]!));
        Assert.Contains(broken.Json["findings"]!.AsArray(), f => (string?)f!["ruleId"] == "CMN0902" && (string?)f["location"]!["path"] == "commons.baseline.json");
    }

    [Fact]
    public void Baseline_RefusesAProjectThatIsNotRestored()
    {
        repository.WriteFile(Project, ProjectXml(("Fixture.Legacy", "1.0.0")));

        var result = Cli.Run(repository.Root, "baseline");

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("1 project(s) are not restored (App)", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(repository.PathOf("commons.baseline.json")));
    }

    [Fact]
    public void Curation_MakesAnUnknownLicenceKnown_InLicensesTheSbomsAndTheNotices()
    {
        repository.WriteFile("Directory.Build.props", "<Project>\n  <PropertyGroup>\n    <CommonsPolicyFile>$(MSBuildThisFileDirectory)commons.policy</CommonsPolicyFile>\n  </PropertyGroup>\n</Project>\n");
        repository.WriteFile("commons.policy", "# Fixture.Legacy declares no licence; its repository says MIT.\n[curation: Fixture.Legacy]\nversion = [1.0.0]\nlicense = MIT\nsource = https://example.org/legacy/LICENSE\n");
        WriteProject(("Fixture.Legacy", "1.0.0"));

        var json = Cli.Run(repository.Root, "licenses", Project, "--format", "json");
        var legacy = json.Json["packages"]!.AsArray().Single(p => (string?)p!["id"] == "Fixture.Legacy")!;
        Assert.Equal(("MIT", "curated", "https://example.org/legacy/LICENSE"), ((string?)legacy["license"], (string?)legacy["source"], (string?)legacy["curation"]));
        Assert.Null(legacy["declaredLicense"]);
        var table = Cli.Run(repository.Root, "licenses", Project);
        Assert.Contains("curated: Fixture.Legacy 1.0.0 is MIT (declared: unknown; source: https://example.org/legacy/LICENSE)", table.Stdout, StringComparison.Ordinal);
        Assert.Contains(",MIT,curated,", Cli.Run(repository.Root, "licenses", Project, "--format", "csv").Stdout, StringComparison.Ordinal);

        var spdx = Cli.Run(repository.Root, "sbom", "--format", "spdx-json");
        DocumentCommandTests.AssertValidSpdx(spdx.Stdout);
        var spdxPackage = spdx.Json["packages"]!.AsArray().Single(p => (string?)p!["name"] == "Fixture.Legacy")!;
        Assert.Equal(("MIT", "NOASSERTION", "curated: https://example.org/legacy/LICENSE"),
            ((string?)spdxPackage["licenseConcluded"], (string?)spdxPackage["licenseDeclared"], (string?)spdxPackage["licenseComments"]));

        var cyclone = Cli.Run(repository.Root, "sbom", "--format", "cyclonedx-json");
        DocumentCommandTests.AssertValidCycloneDx(cyclone.Stdout);
        var component = cyclone.Json["components"]!.AsArray().Single(c => (string?)c!["name"] == "Fixture.Legacy")!;
        Assert.Equal(("MIT", "concluded"), ((string?)component["licenses"]![0]!["expression"], (string?)component["licenses"]![0]!["acknowledgement"]));
        Assert.Contains(component["properties"]!.AsArray(), p => (string?)p!["name"] == "commons:curation" && (string?)p["value"] == "https://example.org/legacy/LICENSE");

        var notices = Cli.Run(repository.Root, "notices");
        Assert.Contains("## Fixture.Legacy 1.0.0\n\nLicence: `MIT` (curated: https://example.org/legacy/LICENSE)", notices.Stdout, StringComparison.Ordinal);
        Assert.Contains("Permission is hereby granted", notices.Stdout, StringComparison.Ordinal);

        // Judged as MIT: no 'unknown licence' any more.
        Assert.DoesNotContain("CMN0101", Ids(Check("json").Json["findings"]!));
    }

    public void Dispose() => repository.Dispose();

    private CliResult Check(string format, params string[] extra)
        => Cli.Run(repository.Root, new[] { "check", "--format", format }.Concat(extra.SelectMany(e => new[] { "--property", e.Substring("-p:".Length) })).ToArray());

    private static string[] Ids(JsonNode findings) => findings.AsArray().Select(f => (string)f!["ruleId"]!).ToArray();

    /// <summary>Writes the project with these references and restores it, as a user's upgrade does.</summary>
    private void WriteProject(params (string Id, string Version)[] references)
    {
        repository.WriteFile(Project, ProjectXml(references));
        var restore = DotnetRunner.Run(repository.Root, TimeSpan.FromMinutes(4), "restore", repository.PathOf(Project), "-nodeReuse:false");
        Assert.True(restore.ExitCode == 0, restore.ToString());
    }

    private static string ProjectXml(params (string Id, string Version)[] references)
        => "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n    <PackageLicenseExpression>MIT</PackageLicenseExpression>\n  </PropertyGroup>\n  <ItemGroup>\n"
            + string.Concat(references.Select(r => $"    <PackageReference Include=\"{r.Id}\" Version=\"{r.Version}\" />\n"))
            + "  </ItemGroup>\n</Project>\n";
}
