// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Commons.EndToEnd.Tests.Infrastructure;
using Commons.Testing;

namespace Commons.EndToEnd.Tests;

/// <summary>
/// Issue 14's scenarios, each in a real <c>dotnet build</c> with the packed package and in <c>commons check</c> (the tool
/// built from this checkout): a copyleft package of the second target framework only, a copyleft sibling project and
/// the copyleft package it brings, and a repository that real repositories resemble (warnings as errors, a restore
/// warning, a project importing a missing file, the licence named only in the README's prose, SourceLink's URL).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class RealRepositoryScenarioTests
{
    private const string DependencyLicenseIncompatible = "CMN0104";
    private const string ProjectPath = "src/Sample/Sample.csproj";

    private readonly PackedPackage package;

    public RealRepositoryScenarioTests(PackedPackage package) => this.package = package;

    [Fact]
    public void CopyleftPackageOfTheSecondTargetFrameworkOnly_IsFoundOnce_InTheBuildAndInCheck()
    {
        var sample = Repository("second-framework");
        var project = SampleFiles.Project("netstandard2.0;net10.0", "MIT", new[] { SampleFiles.Reference(FixturePackages.Mit) });
        project = project.Replace("</Project>", $"""
              <ItemGroup Condition="'$(TargetFramework)' == 'net10.0'">
                {SampleFiles.Reference(FixturePackages.Gpl3)}
              </ItemGroup>
            </Project>
            """);
        sample.Write(ProjectPath, project);
        sample.Write("src/Sample/Greeter.cs", SampleFiles.Source("Greeter", "MIT"));

        var build = sample.Build(ProjectPath, "-v:n");

        Assert.True(build.Process.Succeeded, build.Describe());
        var finding = Assert.Single(build.OfRule(DependencyLicenseIncompatible));
        Assert.Contains(FixturePackages.Gpl3.Id, finding.Message, StringComparison.Ordinal);
        Assert.Contains("net10.0 only", finding.Message, StringComparison.Ordinal);
        AssertLocatedAt(finding.FilePath, finding.StartLine ?? 0, sample, ProjectPath, $"Include=\"{FixturePackages.Gpl3.Id}\"");

        var check = Check(sample, ProjectPath);
        var reported = Assert.Single(Findings(check, DependencyLicenseIncompatible));
        Assert.Contains("net10.0 only", reported.Message, StringComparison.Ordinal);
        AssertLocatedAt(reported.Path, reported.Line, sample, ProjectPath, $"Include=\"{FixturePackages.Gpl3.Id}\"");
    }

    [Fact]
    public void CopyleftSiblingProject_AndTheCopyleftPackageItBrings_AreFoundAtTheProjectReference_InTheBuildAndInCheck()
    {
        var sample = Repository("copyleft-sibling");
        sample.Write("src/Gpl/Gpl.csproj", SampleFiles.Project("net10.0", "GPL-3.0-only", new[] { SampleFiles.Reference(FixturePackages.Gpl3) }));
        sample.Write("src/Gpl/GplCore.cs", SampleFiles.Source("GplCore", "GPL-3.0-only"));
        sample.Write(ProjectPath, SampleFiles.Project("net10.0", "MIT", projectReferences: new[] { "../Gpl/Gpl.csproj" }));
        sample.Write("src/Sample/Greeter.cs", SampleFiles.Source("Greeter", "MIT"));

        var build = sample.Build(ProjectPath, "-v:n");

        Assert.True(build.Process.Succeeded, build.Describe());
        var inSample = build.OfRule(DependencyLicenseIncompatible).Where(r => Path.GetFileName(r.LogFile).StartsWith("Sample-", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, inSample.Length);
        Assert.Contains(inSample, r => r.Message.Contains($"'{FixturePackages.Gpl3.Id}'", StringComparison.Ordinal) && r.Message.Contains("via Gpl > " + FixturePackages.Gpl3.Id, StringComparison.Ordinal));
        Assert.Contains(inSample, r => r.Message.Contains("'Gpl' (project reference)", StringComparison.Ordinal));
        Assert.All(inSample, r => AssertLocatedAt(r.FilePath, r.StartLine ?? 0, sample, ProjectPath, "Gpl.csproj"));
        Assert.DoesNotContain(build.OfRule(DependencyLicenseIncompatible), r => Path.GetFileName(r.LogFile).StartsWith("Gpl-", StringComparison.Ordinal));

        var check = Check(sample, ".");
        var reported = Findings(check, DependencyLicenseIncompatible);
        Assert.Equal(2, reported.Count);
        Assert.All(reported, r => AssertLocatedAt(r.Path, r.Line, sample, ProjectPath, "Gpl.csproj"));
        Assert.Contains(reported, r => r.Message.Contains("'Gpl' (project reference)", StringComparison.Ordinal));
    }

    [Fact]
    public void RepositoryWithWarningsAsErrors_ARestoreWarning_AMissingImport_AndTheLicenceInReadmeProse_IsCheckedWhole()
    {
        var sample = Repository("like-a-real-one", readme: "# Sample\n\nA sample library.\n\n## Installation\n\n`dotnet add package Sample`\n\n"
            + "## Usage\n\nCall `Greeter.Hello()`.\n\n## Contributing\n\nSee CONTRIBUTING.md.\n\nSample is released under the MIT License; see LICENSE.\n");
        File.AppendAllText(sample.PathOf(".git/config"), "[remote \"origin\"]\n\turl = https://example.org/sample.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n");
        sample.Write("Directory.Build.targets", File.ReadAllText(sample.PathOf("Directory.Build.targets")).Replace("<Project>", """
            <Project>
              <PropertyGroup>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
            """));

        // 0.9.0 does not exist: restore takes 1.0.0 and warns (NU1603), which TreatWarningsAsErrors makes an error.
        var project = SampleFiles.Project("net10.0", "MIT", new[] { $"<PackageReference Include=\"{FixturePackages.Mit.Id}\" Version=\"0.9.0\" />", SampleFiles.Reference(FixturePackages.Gpl3) },
            extraProperties: "\n    <PublishRepositoryUrl>true</PublishRepositoryUrl>");
        sample.Write(ProjectPath, string.Join("\n", project.Split('\n').Where(l => !l.Contains("<RepositoryUrl>", StringComparison.Ordinal))));
        sample.Write("src/Sample/Greeter.cs", SampleFiles.Source("Greeter", "MIT"));
        sample.Write("src/Broken/Broken.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <Import Project=\"../../build/missing.props\" />\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n  </PropertyGroup>\n</Project>\n");
        Assert.DoesNotContain("<RepositoryUrl>", File.ReadAllText(sample.PathOf(ProjectPath)), StringComparison.Ordinal);

        var check = Check(sample, ".", "--restore");

        Assert.True(check.ExitCode == 1, "exit 1 for the findings expected:\n" + check.Describe());
        var notChecked = Assert.Single(Findings(check, "CMN0904"));
        Assert.Equal("src/Broken/Broken.csproj", notChecked.Path);
        Assert.Contains("missing.props", notChecked.Message, StringComparison.Ordinal);
        Assert.Empty(Findings(check, "CMN0202"));
        Assert.Empty(Findings(check, "CMN0302"));
        Assert.Empty(Findings(check, "CMN0902"));
        Assert.Single(Findings(check, DependencyLicenseIncompatible));
    }

    /// <summary>A repository with an MIT licence and every community file, the package installed in Directory.Build.props.</summary>
    private PackageSample Repository(string name, string? readme = null)
    {
        var sample = new PackageSample(package, name);
        sample.WriteCommunityFiles(SampleFiles.MitLicense);
        if (readme is not null)
        {
            sample.Write("README.md", readme);
        }

        return sample;
    }

    /// <summary><c>commons check TARGET --format json</c> with the tool built from this checkout, in the sample's folder.</summary>
    private ProcessResult Check(PackageSample sample, string target, params string[] options)
    {
        var tool = Path.Combine(RepositoryPaths.Root, "src", "Commons.Cli", "bin", RepositoryPaths.Configuration, "net10.0", "commons.dll");
        var arguments = new List<string> { tool, "check", target, "--format", "json" };
        arguments.AddRange(options);
        return DotnetProcess.Run(sample.Root, arguments, new Dictionary<string, string> { ["NUGET_PACKAGES"] = package.PackagesFolder }, TimeSpan.FromMinutes(8));
    }

    private static List<(string Message, string? Path, int Line)> Findings(ProcessResult check, string ruleId)
    {
        var json = JsonNode.Parse(check.StandardOutput) ?? throw new InvalidOperationException("no JSON from commons check:\n" + check.Describe());
        return json["findings"]!.AsArray()
            .Where(f => (string?)f!["ruleId"] == ruleId)
            .Select(f => ((string)f!["message"]!, (string?)f["location"]?["path"], (int?)f["location"]?["line"] ?? 0))
            .ToList();
    }

    private static void AssertLocatedAt(string? path, int line, PackageSample sample, string relativePath, string fragment)
    {
        Assert.NotNull(path);
        var full = Path.IsPathRooted(path!) ? path! : sample.PathOf(path!);
        Assert.Equal(Path.GetFullPath(sample.PathOf(relativePath)), Path.GetFullPath(full));
        Assert.Equal(sample.LineOf(relativePath, fragment), line);
    }
}
