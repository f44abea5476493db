// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.IO;
using System.Linq;
using System.Text.Json.Nodes;

namespace Commons.Cli.Tests;

/// <summary><c>commons check</c> on a restored copy of the sample repository, out of process, as a user runs it.</summary>
public sealed class CheckCommandTests : IClassFixture<RestoredSample>
{
    private readonly RestoredSample sample;

    public CheckCommandTests(RestoredSample sample)
    {
        this.sample = sample;
    }

    [Fact]
    public void Json_ReportsTheSamplesDeliberateProblems_AndExitsOne()
    {
        var result = Cli.Run(sample.Root, "check", "--format", "json");

        Assert.True(result.ExitCode == 1, result.ToString());
        var findings = result.Json["findings"]!.AsArray();
        var header = findings.Single(f => (string?)f!["ruleId"] == "CMN0401");
        Assert.Equal("src/Civic.Bookings/BookingCalendar.cs", (string?)header!["location"]!["path"]);
        Assert.Equal(1, (int)header["location"]!["line"]!);
        Assert.Contains(findings, f => (string?)f!["ruleId"] == "CMN0203");
        // The packages were collected from the assets file: the notices rule names them.
        Assert.Contains(findings, f => ((string?)f!["message"] ?? "").Contains("Newtonsoft.Json"));
        // A repository-wide finding is raised by each project, at its project file, as the build reports it.
        var contributing = findings.Where(f => (string?)f!["ruleId"] == "CMN0203").Select(f => (string?)f!["location"]!["path"]).OrderBy(p => p).ToArray();
        Assert.Equal(new[] { "src/Civic.Bookings.Cli/Civic.Bookings.Cli.csproj", "src/Civic.Bookings/Civic.Bookings.csproj" }, contributing);
        Assert.True((int)result.Json["summary"]!["warnings"]! >= 2);
    }

    [Theory]
    [InlineData(new[] { "--fail-on", "none" }, 0)]
    [InlineData(new[] { "--fail-on", "error" }, 0)]
    [InlineData(new[] { "--fail-on", "warning" }, 1)]
    [InlineData(new[] { "--gate", "--fail-on", "error" }, 1)]
    public void FailOn_DecidesTheExitCode(string[] options, int expected)
    {
        var result = Cli.Run(sample.Root, new[] { "check", "--format", "json" }.Concat(options).ToArray());

        Assert.True(result.ExitCode == expected, result.ToString());
    }

    [Fact]
    public void Gate_MakesDependencyFindingsErrors()
    {
        var result = Cli.Run(sample.Root, "check", "--format", "json", "--gate");

        var notices = result.Json["findings"]!.AsArray().Single(f => (string?)f!["ruleId"] == "CMN0106");
        Assert.Equal("error", (string?)notices!["severity"]);
    }

    [Fact]
    public void Sarif_HasRulesResultsAndRegionsAsCodeScanningWants()
    {
        var result = Cli.Run(sample.Root, "check", "--format", "sarif", "--fail-on", "none");

        Assert.True(result.ExitCode == 0, result.ToString());
        var log = result.Json;
        Assert.Equal("2.1.0", (string?)log["version"]);
        var run = log["runs"]![0]!;
        var rules = run["tool"]!["driver"]!["rules"]!.AsArray();
        var results = run["results"]!.AsArray();
        Assert.NotEmpty(results);
        foreach (var r in results)
        {
            Assert.Equal((string?)r!["ruleId"], (string?)rules[(int)r["ruleIndex"]!]!["id"]);
            var physical = r["locations"]![0]!["physicalLocation"]!;
            Assert.Equal("SRCROOT", (string?)physical["artifactLocation"]!["uriBaseId"]);
            Assert.False(Path.IsPathRooted((string)physical["artifactLocation"]!["uri"]!));
            Assert.True((int)physical["region"]!["startLine"]! >= 1);
            Assert.Contains((string?)r["level"], new[] { "error", "warning", "note" });
        }

        Assert.StartsWith("file:///", (string?)run["originalUriBaseIds"]!["SRCROOT"]!["uri"]);
    }

    [Fact]
    public void Text_IsATablePerRule_WithPlaces()
    {
        var result = Cli.Run(sample.Root, "check");

        Assert.Contains("CMN0401", result.Stdout);
        Assert.Contains("src/Civic.Bookings/BookingCalendar.cs(1,1)", result.Stdout);
        Assert.Contains("warning(s)", result.Stdout);
        Assert.DoesNotContain("\u001b[", result.Stdout);
    }

    [Fact]
    public void Markdown_IsAPullRequestComment()
    {
        var result = Cli.Run(sample.Root, "check", "--format", "markdown", "-o", Path.Combine(sample.Root, "out", "check.md"));

        var text = File.ReadAllText(Path.Combine(sample.Root, "out", "check.md"));
        Assert.Equal("", result.Stdout);
        Assert.StartsWith("### Commons check", text);
        Assert.Contains("| src/Civic.Bookings/BookingCalendar.cs(1,1) | The file has no SPDX-License-Identifier header |", text);
        Assert.Contains("CODE\\_OF\\_CONDUCT", text);
    }

    [Fact]
    public void Policy_FromOptions_WinsOverTheProject()
    {
        var result = Cli.Run(sample.Root, "check", "--format", "json", "--property", "CommonsSpdxHeaders=false");

        Assert.DoesNotContain(result.Json["findings"]!.AsArray(), f => ((string?)f!["ruleId"])!.StartsWith("CMN04"));
    }
}

/// <summary>Bad usage and unreadable input: exit code 2 and a reason, never a stack trace.</summary>
public sealed class CheckBadInputTests
{
    [Fact]
    public void MissingPath_IsExitTwo()
    {
        var result = Cli.Run(Path.GetTempPath(), "check", "/no/such/folder/anywhere");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("does not exist", result.Stderr);
    }

    [Fact]
    public void UnknownFormat_IsExitTwo()
    {
        var result = Cli.Run(Path.GetTempPath(), "check", "--format", "yaml");

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public void ProjectMSBuildCannotRead_IsExitTwo()
    {
        using var repo = new TempCopy();
        repo.Write("Broken/Broken.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</PropertyGroup></Project>");

        var result = Cli.Run(repo.Root, "check", "Broken/Broken.csproj");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("MSBuild cannot evaluate", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public void FolderWithoutProjects_IsExitTwo()
    {
        using var repo = new TempCopy();
        repo.Write("README.md", "# nothing to build\n");

        var result = Cli.Run(repo.Root, "check");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no solution or project", result.Stderr);
    }
}

/// <summary><c>--restore</c> restores into the tool's own folder: the checked repository gains no obj/ folder.</summary>
public sealed class CheckRestoreTests
{
    [Fact]
    public void WithoutAssets_RestoreFindsThePackages_AndLeavesTheRepositoryUntouched()
    {
        using var repo = new TempCopy(TempCopy.Sample);

        var unrestored = Cli.Run(repo.Root, "check", "src/Civic.Bookings", "--format", "json", "--fail-on", "none");
        var restored = Cli.Run(repo.Root, "check", "src/Civic.Bookings", "--format", "json", "--fail-on", "none", "--restore");

        Assert.True(unrestored.ExitCode == 0, unrestored.ToString());
        Assert.Contains(unrestored.Json["findings"]!.AsArray(), f => ((string?)f!["ruleId"])!.StartsWith("CMN09"));
        Assert.True(restored.ExitCode == 0, restored.ToString());
        Assert.Contains(restored.Json["findings"]!.AsArray(), f => ((string?)f!["message"] ?? "").Contains("Newtonsoft.Json"));
        Assert.False(Directory.Exists(repo.PathOf("src/Civic.Bookings/obj")), "restore wrote into the repository");
    }
}
