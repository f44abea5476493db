// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using Commons.EndToEnd.Tests.Infrastructure;
using Commons.Testing;

namespace Commons.EndToEnd.Tests;

/// <summary>
/// Issue 16: the build and <c>commons check</c> agree on everything. Each sample repository is built with the packed package,
/// every compilation writing SARIF (<c>ErrorLog</c>), and checked with the built tool (<c>--format sarif</c>) with the same
/// properties; both must hold the same CMN results (rule, file, line, level), each with a location. The samples cover the
/// acceptance scenarios: licences and dependencies, a bare project, several projects, severity configuration
/// (<c>.globalconfig</c>, <c>.editorconfig</c>, <c>NoWarn</c>, <c>WarningsAsErrors</c>, <c>WarningsNotAsErrors</c>,
/// <c>TreatWarningsAsErrors</c>), the gate, a list over several lines, and documents the compiler cannot read.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class BuildMatchesCheckTests
{
    private const string ProjectPath = "src/Sample/Sample.csproj";

    private readonly PackedPackage package;

    public BuildMatchesCheckTests(PackedPackage package) => this.package = package;

    /// <summary>The tool as built from this checkout (the test project builds it, ReferenceOutputAssembly=false).</summary>
    private static string Tool => Path.Combine(RepositoryPaths.Root, "src", "Commons.Cli", "bin", RepositoryPaths.Configuration, "net10.0", "commons.dll");

    [Fact]
    public void Library_WithDependenciesHeadersAndEveryCommunityFile()
    {
        var sample = new PackageSample(package, "same-library", centralPackageManagement: true);
        sample.WriteCommunityFiles(SampleFiles.ApacheLicense);
        sample.WriteCentralVersions((FixturePackages.Gpl3.Id, FixturePackages.Gpl3.Version), (FixturePackages.MitWrapper.Id, FixturePackages.MitWrapper.Version));
        sample.Write(ProjectPath, SampleFiles.Project("net10.0", "Apache-2.0",
            new[] { SampleFiles.CentralReference(FixturePackages.Gpl3), SampleFiles.CentralReference(FixturePackages.MitWrapper) },
            "\n    <CommonsSpdxHeaders>true</CommonsSpdxHeaders>"));
        sample.Write("src/Sample/Greeter.cs", SampleFiles.Source("Greeter", "Apache-2.0"));
        sample.Write("src/Sample/Farewell.cs", SampleFiles.Source("Farewell", null));
        sample.Write("src/Sample/Old.cs", SampleFiles.Source("Old", "GPL-2.0+"));

        var (build, check) = BuildAndCheck(sample);

        Assert.Contains(build, r => r.StartsWith("CMN0104 ", StringComparison.Ordinal));
        Assert.Contains(build, r => r.StartsWith("CMN0401 ", StringComparison.Ordinal) && r.Contains("Farewell.cs", StringComparison.Ordinal));
        Assert.Equal(build, check);
    }

    [Fact]
    public void BareProject_AndARepositoryWideFindingPerProject()
    {
        var sample = new PackageSample(package, "same-bare");
        foreach (var name in new[] { "Alpha", "Beta" })
        {
            sample.Write($"src/{name}/{name}.csproj", SampleFiles.BareProject("net10.0"));
            sample.Write($"src/{name}/{name}Greeter.cs", SampleFiles.Source(name + "Greeter", null));
        }

        sample.Write("Sample.slnx", SampleFiles.Solution("src/Alpha/Alpha.csproj", "src/Beta/Beta.csproj"));

        var (build, check) = BuildAndCheck(sample, "Sample.slnx");

        // "No README" at each project's file: code scanning can show it, the CLI reports it as the build does.
        Assert.Contains(build, r => r.StartsWith("CMN0201 warning " + sample.PathOf("src/Alpha/Alpha.csproj") + "(1)", StringComparison.Ordinal));
        Assert.Contains(build, r => r.StartsWith("CMN0201 warning " + sample.PathOf("src/Beta/Beta.csproj") + "(1)", StringComparison.Ordinal));
        Assert.Equal(build, check);
    }

    [Fact]
    public void SeverityConfiguration_ChangesBothAlike()
    {
        var sample = new PackageSample(package, "same-configured");
        sample.Write("LICENSE", SampleFiles.MitLicense);
        sample.Write("README.md", "# Sample\n");
        sample.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.CMN0201.severity = error\ndotnet_diagnostic.CMN0203.severity = none\ndotnet_diagnostic.CMN0202.severity = warning\n");
        sample.Write(".editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic.CMN0404.severity = none\n\n[Legacy*.cs]\ndotnet_diagnostic.CMN0401.severity = suggestion\n");
        sample.Write(ProjectPath, SampleFiles.Project("net10.0", "MIT", extraProperties: """

                <CommonsSpdxHeaders>true</CommonsSpdxHeaders>
                <NoWarn>$(NoWarn);CMN0205</NoWarn>
                <WarningsAsErrors>$(WarningsAsErrors);CMN0206</WarningsAsErrors>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <WarningsNotAsErrors>$(WarningsNotAsErrors);CMN0401</WarningsNotAsErrors>
                <CommonsDeniedLicenses>
                  GPL-3.0-only;
                  MIT
                </CommonsDeniedLicenses>
            """));
        sample.Write("src/Sample/Greeter.cs", SampleFiles.Source("Greeter", null));
        sample.Write("src/Sample/LegacyGreeter.cs", SampleFiles.Source("LegacyGreeter", null));

        var (build, check) = BuildAndCheck(sample);

        Assert.Contains(build, r => r.StartsWith("CMN0202 error ", StringComparison.Ordinal));
        Assert.DoesNotContain(build, r => r.StartsWith("CMN0203 ", StringComparison.Ordinal) || r.StartsWith("CMN0205 ", StringComparison.Ordinal) || r.StartsWith("CMN0404 ", StringComparison.Ordinal));
        Assert.Contains(build, r => r.StartsWith("CMN0206 error ", StringComparison.Ordinal));
        Assert.Contains(build, r => r.StartsWith("CMN0008 error ", StringComparison.Ordinal));
        Assert.Contains(build, r => r.StartsWith("CMN0401 warning ", StringComparison.Ordinal) && r.Contains("/Greeter.cs", StringComparison.Ordinal));
        Assert.Contains(build, r => r.StartsWith("CMN0401 note ", StringComparison.Ordinal) && r.Contains("LegacyGreeter.cs", StringComparison.Ordinal));
        Assert.Equal(build, check);
    }

    [Fact]
    public void Gate_MakesLicenceAndDependencyFindingsErrorsInBoth()
    {
        var sample = new PackageSample(package, "same-gate");
        sample.WriteCommunityFiles(SampleFiles.MitLicense);
        sample.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.CMN0104.severity = none\n");
        sample.Write(ProjectPath, SampleFiles.Project("net10.0", "MIT", new[] { SampleFiles.Reference(FixturePackages.Gpl3) }, "\n    <PackageLicenseUrl>https://example.org/license</PackageLicenseUrl>"));
        sample.Write("src/Sample/Greeter.cs", SampleFiles.Source("Greeter", "MIT"));

        var (build, check) = BuildAndCheck(sample, null, "-p:CommonsGate=true");

        Assert.Contains(build, r => r.StartsWith("CMN0104 error ", StringComparison.Ordinal));
        Assert.Contains(build, r => r.StartsWith("CMN0010 error ", StringComparison.Ordinal));
        Assert.Equal(build, check);
    }

    [Fact]
    public void DocumentsTheCompilerCannotRead_GiveTheSameFindings_AndTheBuildSucceeds()
    {
        var sample = new PackageSample(package, "same-hostile");
        var random = new Random(16);
        var binary = new byte[4096];
        random.NextBytes(binary);
        binary[7] = 0;
        File.WriteAllBytes(sample.PathOf("LICENSE"), binary);
        Directory.CreateDirectory(sample.PathOf("docs"));
        File.WriteAllBytes(sample.PathOf("docs/CLA.pdf"), binary);
        // A pipe named README.md and an empty CONTRIBUTING.md are present (and empty); a binary CLA.pdf is a contributor agreement.
        Fifo(sample.PathOf("README.md"));
        sample.Write("CONTRIBUTING.md", "");
        Directory.CreateDirectory(sample.PathOf("policy"));
        sample.Write(ProjectPath, SampleFiles.Project("net10.0", "MIT", extraProperties: "\n    <CommonsPolicyFile>../../policy</CommonsPolicyFile>"));
        sample.Write("src/Sample/Greeter.cs", SampleFiles.Source("Greeter", "MIT"));

        var (build, check) = BuildAndCheck(sample, expectSuccess: true);

        Assert.Contains(build, r => r.StartsWith("CMN0902 warning " + sample.PathOf("LICENSE") + "(1)", StringComparison.Ordinal));
        Assert.Contains(build, r => r.StartsWith("CMN0202 note " + sample.PathOf("README.md"), StringComparison.Ordinal));
        Assert.DoesNotContain(build, r => r.StartsWith("CMN0201 ", StringComparison.Ordinal) || r.StartsWith("CMN0203 ", StringComparison.Ordinal));
        Assert.Contains("CMN0902 warning " + sample.PathOf(ProjectPath) + "(" + sample.LineOf(ProjectPath, "<CommonsPolicyFile>") + ")", build);
        Assert.Equal(build, check);
    }

    /// <summary>
    /// Issue 13: an MIT project with a CC-BY-NC-4.0 and a BUSL-1.1 package gets CMN0109 at each reference, in the build and in
    /// <c>commons check</c> alike, and no compatibility verdict besides (CC-BY-NC-4.0 under MIT was a CMN0105 note).
    /// </summary>
    [Fact]
    public void NonOpenDependencies_AreCmn0109InBoth_AndNothingElse()
    {
        var sample = new PackageSample(package, "same-not-open");
        sample.WriteCommunityFiles(SampleFiles.MitLicense);
        sample.Write(ProjectPath, SampleFiles.Project("net10.0", "MIT", new[] { SampleFiles.Reference(FixturePackages.NonCommercial), SampleFiles.Reference(FixturePackages.SourceAvailable) }));
        sample.Write("src/Sample/Greeter.cs", SampleFiles.Source("Greeter", "MIT"));

        var (build, check) = BuildAndCheck(sample);

        foreach (var fixture in new[] { FixturePackages.NonCommercial, FixturePackages.SourceAvailable })
        {
            Assert.Contains("CMN0109 warning " + sample.PathOf(ProjectPath) + "(" + sample.LineOf(ProjectPath, fixture.Id) + ")", build);
        }

        Assert.DoesNotContain(build, r => r.StartsWith("CMN0104 ", StringComparison.Ordinal) || r.StartsWith("CMN0105 ", StringComparison.Ordinal) || r.StartsWith("CMN0101 ", StringComparison.Ordinal));
        Assert.Equal(build, check);
    }

    /// <summary>
    /// Issue 17: a REUSE repository whose C# files are licensed by REUSE.toml (an aggregate annotation at the root, a nested
    /// REUSE.toml), a <c>.license</c> sidecar, or not at all: the build reports CMN0401/CMN0404 for the unlicensed file alone, and
    /// <c>commons check</c> the same; a REUSE.toml that holds NUL bytes is one CMN0902 in both, never a crash.
    /// </summary>
    [Fact]
    public void Reuse_TomlAndSidecarLicenseTheSourceFilesInBoth()
    {
        var sample = new PackageSample(package, "same-reuse");
        sample.Write("LICENSES/MIT.txt", SampleFiles.MitLicense);
        sample.Write("REUSE.toml", "version = 1\n\n[[annotations]]\npath = \"src/Sample/Model/**\"\nprecedence = \"aggregate\"\n"
            + "SPDX-FileCopyrightText = \"2026 Sample contributors\"\nSPDX-License-Identifier = \"MIT\"\n");
        sample.Write("src/Sample/Nested/REUSE.toml", "version = 1\n\n[[annotations]]\npath = \"*.cs\"\n"
            + "SPDX-FileCopyrightText = \"2026 Sample contributors\"\nSPDX-License-Identifier = \"MIT\"\n");
        sample.Write("src/Sample/Broken/REUSE.toml", "version = 1\n\0\0\0");
        sample.Write(ProjectPath, SampleFiles.Project("net10.0", "MIT"));
        sample.Write("src/Sample/Model/Order.cs", SampleFiles.Source("Order", null));
        sample.Write("src/Sample/Nested/Deep.cs", SampleFiles.Source("Deep", null));
        sample.Write("src/Sample/Broken/Fragile.cs", SampleFiles.Source("Fragile", "MIT"));
        sample.Write("src/Sample/Greeter.cs", SampleFiles.Source("Greeter", null));
        sample.Write("src/Sample/Greeter.cs.license", "SPDX-FileCopyrightText: 2026 Sample contributors\nSPDX-License-Identifier: MIT\n");
        sample.Write("src/Sample/Farewell.cs", SampleFiles.Source("Farewell", null));

        var (build, check) = BuildAndCheck(sample);

        var headers = build.Where(r => r.StartsWith("CMN0401 ", StringComparison.Ordinal) || r.StartsWith("CMN0404 ", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, headers.Length);
        Assert.All(headers, r => Assert.Contains("/src/Sample/Farewell.cs", r, StringComparison.Ordinal));
        Assert.Single(build, r => r.StartsWith("CMN0902 warning " + sample.PathOf("src/Sample/Broken/REUSE.toml") + "(1)", StringComparison.Ordinal));
        Assert.DoesNotContain(build, r => r.StartsWith("AD0001", StringComparison.Ordinal));
        Assert.Equal(build, check);
    }

    /// <summary>
    /// Issue 15: a repository with old findings, <c>commons baseline</c>, then the build and <c>commons check</c> report none of
    /// them and both keep the same ones suppressed in SARIF (the same suppression); an upgrade of a package from its MIT version to
    /// its BUSL-1.1 version is then CMN0108, in the build with the package and in <c>commons check</c> alike.
    /// </summary>
    [Fact]
    public void Baseline_SuppressesTheOldFindingsInBoth_AndALicenceChangeIsCmn0108InBoth()
    {
        var sample = new PackageSample(package, "same-baseline", centralPackageManagement: true);
        sample.Write("LICENSE", SampleFiles.MitLicense);
        sample.WriteCentralVersions((FixturePackages.Gpl3.Id, FixturePackages.Gpl3.Version), (FixturePackages.ChangingMit.Id, FixturePackages.ChangingMit.Version));
        sample.Write(ProjectPath, SampleFiles.Project("net10.0", "MIT",
            new[] { SampleFiles.CentralReference(FixturePackages.Gpl3), SampleFiles.CentralReference(FixturePackages.ChangingMit) },
            "\n    <CommonsSpdxHeaders>true</CommonsSpdxHeaders>"));
        sample.Write("src/Sample/Greeter.cs", SampleFiles.Source("Greeter", null));

        var old = BuildAndCheckAll(sample);
        Assert.Contains(old.Build, r => r.StartsWith("CMN0104 ", StringComparison.Ordinal));
        Assert.Contains(old.Build, r => r.StartsWith("CMN0401 ", StringComparison.Ordinal));
        Assert.Contains(old.Build, r => r.StartsWith("CMN0203 ", StringComparison.Ordinal));
        Assert.Empty(old.BuildSuppressed);

        var baseline = DotnetProcess.Run(sample.Root, new[] { Tool, "baseline" }, new Dictionary<string, string> { ["NUGET_PACKAGES"] = package.PackagesFolder }, TimeSpan.FromMinutes(3));
        Assert.True(baseline.Succeeded, baseline.Describe());

        var recorded = BuildAndCheckAll(sample, expectSuccess: true);
        Assert.Empty(recorded.Build);
        Assert.Empty(recorded.Check);
        Assert.Equal(old.Build.Length, recorded.BuildSuppressed.Length);
        Assert.All(recorded.BuildSuppressed, r => Assert.Contains("DiagnosticSuppressor { Suppression Id: CMNB", r, StringComparison.Ordinal));
        Assert.Equal(recorded.BuildSuppressed, recorded.CheckSuppressed);

        sample.WriteCentralVersions((FixturePackages.Gpl3.Id, FixturePackages.Gpl3.Version), (FixturePackages.ChangingBusl.Id, FixturePackages.ChangingBusl.Version));
        var upgraded = BuildAndCheckAll(sample);
        var line = sample.LineOf("Directory.Packages.props", "Fixture.Changing");
        Assert.Contains("CMN0108 warning " + sample.PathOf("Directory.Packages.props") + "(" + line + ")", upgraded.Build);
        Assert.Equal(upgraded.Build, upgraded.Check);
        Assert.Equal(upgraded.BuildSuppressed, upgraded.CheckSuppressed);
    }

    /// <summary>
    /// Builds the sample (every compilation writes SARIF), then runs <c>commons check --format sarif</c> on the same target with the
    /// same properties; returns both sets of CMN results as "rule level path(line)".
    /// </summary>
    private (string[] Build, string[] Check) BuildAndCheck(PackageSample sample, string? target = null, string? property = null, bool expectSuccess = false)
    {
        var all = BuildAndCheckAll(sample, target, property, expectSuccess);
        return (all.Build, all.Check);
    }

    /// <summary>
    /// <see cref="BuildAndCheck"/>, and the suppressed results of both as "rule level path(line) suppressionType": the findings the
    /// baseline records, which both must keep alike.
    /// </summary>
    private (string[] Build, string[] Check, string[] BuildSuppressed, string[] CheckSuppressed) BuildAndCheckAll(PackageSample sample, string? target = null, string? property = null, bool expectSuccess = false)
    {
        var buildArguments = new List<string> { "-v:n" };
        if (property is not null)
        {
            buildArguments.Add(property);
        }

        var build = sample.Build(target ?? ProjectPath, buildArguments.ToArray());
        Assert.True(build.Results.Count + build.Suppressed.Count > 0, "The build wrote no SARIF: " + build.Describe());
        Assert.DoesNotContain("CS2015", build.Process.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("CS1504", build.Process.Output, StringComparison.Ordinal);
        if (expectSuccess)
        {
            Assert.True(build.Process.Succeeded, build.Describe());
        }

        foreach (var result in build.Ours)
        {
            Assert.True(result.FilePath is not null && result.StartLine is not null, "A result without a location: " + result);
        }

        var arguments = new List<string> { Tool, "check", sample.PathOf(target ?? ProjectPath), "--format", "sarif", "--fail-on", "none" };
        if (property is not null)
        {
            arguments.Add("--property");
            arguments.Add(property.Substring("-p:".Length));
        }

        var check = DotnetProcess.Run(sample.Root, arguments, new Dictionary<string, string> { ["NUGET_PACKAGES"] = package.PackagesFolder }, TimeSpan.FromMinutes(3));
        Assert.True(check.Succeeded, check.Describe());
        return (
            build.Ours.Where(r => r.Level != "none").Select(r => Key(r.RuleId, r.Level, r.FilePath!, r.StartLine!.Value)).Distinct().OrderBy(k => k, StringComparer.Ordinal).ToArray(),
            CheckResults(check.StandardOutput, suppressed: false).Distinct().OrderBy(k => k, StringComparer.Ordinal).ToArray(),
            build.Suppressed.Where(r => r.Level != "none").Select(r => Key(r.RuleId, r.Level, r.FilePath!, r.StartLine!.Value) + " " + r.Suppression).Distinct().OrderBy(k => k, StringComparer.Ordinal).ToArray(),
            CheckResults(check.StandardOutput, suppressed: true).Distinct().OrderBy(k => k, StringComparer.Ordinal).ToArray());
    }

    /// <summary>
    /// The CMN results of <c>commons check --format sarif</c>, paths made absolute from <c>%SRCROOT%</c>: the reported ones, or the
    /// suppressed ones with their <c>suppressionType</c>.
    /// </summary>
    private static IEnumerable<string> CheckResults(string sarif, bool suppressed)
    {
        using var document = JsonDocument.Parse(sarif);
        var run = document.RootElement.GetProperty("runs")[0];
        var root = new Uri(run.GetProperty("originalUriBaseIds").GetProperty("SRCROOT").GetProperty("uri").GetString()!);
        foreach (var result in run.GetProperty("results").EnumerateArray())
        {
            var suppressions = result.TryGetProperty("suppressions", out var list) && list.GetArrayLength() > 0 ? list : (JsonElement?)null;
            if (suppressions.HasValue != suppressed)
            {
                continue;
            }

            var physical = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            var uri = physical.GetProperty("artifactLocation").GetProperty("uri").GetString()!;
            var path = Uri.TryCreate(uri, UriKind.Absolute, out var absolute) ? absolute.LocalPath : new Uri(root, uri).LocalPath;
            var key = Key(result.GetProperty("ruleId").GetString()!, result.GetProperty("level").GetString()!, path, physical.GetProperty("region").GetProperty("startLine").GetInt32());
            yield return suppressions is { } s ? key + " " + s[0].GetProperty("properties").GetProperty("suppressionType").GetString() : key;
        }
    }

    private static string Key(string ruleId, string level, string path, int line) => ruleId + " " + level + " " + Path.GetFullPath(path) + "(" + line + ")";

    private static void Fifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", new[] { path }) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
