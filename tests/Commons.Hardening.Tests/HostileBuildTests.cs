// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;
using System.Linq;
using System.Text;
using Commons.Licensing;
using Commons.Testing;

namespace Commons.Hardening.Tests;

/// <summary>
/// Real <c>dotnet build</c>s with hostile input: the build task must not crash (MSB4018) nor the analyzer (AD0001); the user
/// gets a CMN finding instead. The sample project imports <c>build/Commons.Analyzers.props/.targets</c> and the freshly
/// built task and analyzer, as the package would.
/// </summary>
public sealed class HostileBuildTests : IDisposable
{
    private static readonly string[] CrashSigns = { "MSB4018", "AD0001", "Exception:", "   at " };

    private readonly SampleRepository repository = new("hostile-build");

    public void Dispose() => repository.Dispose();

    [Fact]
    public void A_project_assets_file_turned_to_garbage_after_restore_is_a_CMN0902_warning_not_a_task_crash()
    {
        var project = WriteProject("");
        var first = DotnetRunner.Run(repository.Root, TimeSpan.FromMinutes(4), "build", project, "-nodeReuse:false");
        Assert.True(first.ExitCode == 0, first.ToString());

        // Garbage with the old timestamp: the SDK keeps its own cache of the assets file, so only our collection reads it.
        var obj = Path.Combine(Path.GetDirectoryName(project)!, "obj");
        var assets = Path.Combine(obj, "project.assets.json");
        var written = File.GetLastWriteTimeUtc(assets);
        File.WriteAllBytes(assets, Encoding.UTF8.GetBytes("{\"version\": 3, \"targets\": {\"net10.0\": [[[[\u0000\u00FF garbage"));
        File.SetLastWriteTimeUtc(assets, written);
        File.Delete(Path.Combine(obj, "Debug", "net10.0", "commons.facts"));

        var build = DotnetRunner.Run(repository.Root, TimeSpan.FromMinutes(4), "build", project, "-nodeReuse:false", "--no-restore");

        AssertFindingWithoutCrash(build, "CMN0902", "project.assets.json");
    }

    [Fact]
    public void A_hostile_policy_file_is_a_CMN0902_warning_not_a_crash()
    {
        var policy = new StringBuilder()
            .Append("\uFEFF<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>&b;\n")
            .Append("reason = before any section\n[\n[Unclosed.Package\n[Some.Package]\nexpires = 2027-02-30\nlicense = MIT AND (\n")
            .Append('[', 10_000).Append('\n')
            .Append("[Other]\r\nreason = ").Append('x', 100_000).Append("\r\n\r")
            .ToString();
        repository.WriteFile("commons.policy", policy);
        var project = WriteProject("    <CommonsPolicyFile>$(MSBuildThisFileDirectory)../commons.policy</CommonsPolicyFile>\n");

        var build = DotnetRunner.Run(repository.Root, TimeSpan.FromMinutes(4), "build", project, "-nodeReuse:false");

        AssertFindingWithoutCrash(build, "CMN0902", "commons.policy");
    }

    private static void AssertFindingWithoutCrash(DotnetResult build, string ruleId, string fileMentioned)
    {
        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Contains(build.Output.Split('\n'), line => line.Contains("warning " + ruleId, StringComparison.Ordinal) && line.Contains(fileMentioned, StringComparison.Ordinal));
        foreach (var sign in CrashSigns)
        {
            Assert.False(build.Output.Contains(sign, StringComparison.Ordinal), "the build output shows a crash (" + sign + "):\n" + build);
        }
    }

    private string WriteProject(string extraProperties)
    {
        Assert.True(File.Exists(RepositoryPaths.TasksAssembly), "the task is not built: " + RepositoryPaths.TasksAssembly);
        var analyzerFolder = Path.Combine(RepositoryPaths.Root, "src", "Commons.Analyzers", "bin", RepositoryPaths.Configuration, "netstandard2.0");
        var analyzers = string.Concat(new[] { "Commons.Analyzers", "Commons.Compliance", "Commons.Licensing" }
            .Select(name => "    <Analyzer Include=\"" + Path.Combine(analyzerFolder, name + ".dll") + "\" />\n"));
        repository.WriteFile("LICENSE", SpdxCatalog.Default.GetText("MIT")!);
        repository.WriteFile("App/Class1.cs", "// SPDX-License-Identifier: MIT\nnamespace App;\n\npublic static class Class1\n{\n}\n");
        return repository.WriteFile(
            "App/App.csproj",
            "<Project Sdk=\"Microsoft.NET.Sdk\">\n"
            + "  <Import Project=\"" + RepositoryPaths.BuildProps + "\" />\n"
            + "  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n    <PackageLicenseExpression>MIT</PackageLicenseExpression>\n"
            + "    <CommonsTasksAssembly>" + RepositoryPaths.TasksAssembly + "</CommonsTasksAssembly>\n" + extraProperties + "  </PropertyGroup>\n"
            + "  <ItemGroup>\n" + analyzers + "  </ItemGroup>\n"
            + "  <Import Project=\"" + RepositoryPaths.BuildTargets + "\" />\n"
            + "</Project>\n");
    }
}
