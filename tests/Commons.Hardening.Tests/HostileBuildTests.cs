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
/// built task and analyzer, as the package would. One class per build, so that xunit runs the two builds side by side.
/// </summary>
public abstract class HostileBuild : IDisposable
{
    private static readonly string[] CrashSigns = { "MSB4018", "AD0001", "Exception:", "   at " };

    protected SampleRepository Repository { get; } = new("hostile-build");

    public void Dispose()
    {
        Repository.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <param name="sdkErrors">Errors the SDK itself raises for this input (not ours): the build may fail with these only.</param>
    protected static void AssertFindingWithoutCrash(DotnetResult build, string ruleId, string fileMentioned, params string[] sdkErrors)
    {
        var errors = build.Output.Split('\n').Where(line => line.Contains(": error ", StringComparison.Ordinal)).ToList();
        Assert.True(errors.All(line => sdkErrors.Any(code => line.Contains("error " + code, StringComparison.Ordinal))), build.ToString());
        Assert.True(build.ExitCode == 0 || errors.Count > 0, build.ToString());
        Assert.Contains(build.Output.Split('\n'), line => line.Contains("warning " + ruleId, StringComparison.Ordinal) && line.Contains(fileMentioned, StringComparison.Ordinal));
        foreach (var sign in CrashSigns)
        {
            Assert.False(build.Output.Contains(sign, StringComparison.Ordinal), "the build output shows a crash (" + sign + "):\n" + build);
        }
    }

    protected string WriteProject(string extraProperties)
    {
        Assert.True(File.Exists(RepositoryPaths.TasksAssembly), "the task is not built: " + RepositoryPaths.TasksAssembly);
        var analyzerFolder = Path.Combine(RepositoryPaths.Root, "src", "Commons.Analyzers", "bin", RepositoryPaths.Configuration, "netstandard2.0");
        var analyzers = string.Concat(new[] { "Commons.Analyzers", "Commons.Compliance", "Commons.Licensing" }
            .Select(name => "    <Analyzer Include=\"" + Path.Combine(analyzerFolder, name + ".dll") + "\" />\n"));
        Repository.WriteFile("LICENSE", SpdxCatalog.Default.GetText("MIT")!);
        Repository.WriteFile("App/Class1.cs", "// SPDX-License-Identifier: MIT\nnamespace App;\n\npublic static class Class1\n{\n}\n");
        return Repository.WriteFile(
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

public sealed class GarbageAssetsFileBuildTests : HostileBuild
{
    [Fact]
    public void A_project_assets_file_turned_to_garbage_after_restore_is_a_CMN0902_warning_not_a_task_crash()
    {
        var project = WriteProject("");
        // Restore, and the SDK's own reading of the assets file (its cache), without compiling.
        var first = DotnetRunner.Run(Repository.Root, TimeSpan.FromMinutes(4), "msbuild", project, "-restore", "-t:ResolvePackageAssets", "-nodeReuse:false");
        Assert.True(first.ExitCode == 0, first.ToString());

        // Garbage with the old timestamp: the SDK resolves the references from its cache, our collection reads the garbage,
        // and the compiler runs; after compiling, the SDK reads the assets file itself for the .deps.json and fails (NETSDK1060).
        var obj = Path.Combine(Path.GetDirectoryName(project)!, "obj");
        var assets = Path.Combine(obj, "project.assets.json");
        var written = File.GetLastWriteTimeUtc(assets);
        File.WriteAllBytes(assets, Encoding.UTF8.GetBytes("{\"version\": 3, \"targets\": {\"net10.0\": [[[[\u0000\u00FF garbage"));
        File.SetLastWriteTimeUtc(assets, written);

        var build = DotnetRunner.Run(Repository.Root, TimeSpan.FromMinutes(4), "build", project, "-nodeReuse:false", "--no-restore");

        AssertFindingWithoutCrash(build, "CMN0902", "project.assets.json", "NETSDK1060");
    }
}

public sealed class HostilePolicyFileBuildTests : HostileBuild
{
    [Fact]
    public void A_hostile_policy_file_is_a_CMN0902_warning_not_a_crash()
    {
        var policy = new StringBuilder()
            .Append("\uFEFF<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>&b;\n")
            .Append("reason = before any section\n[\n[Unclosed.Package\n[Some.Package]\nexpires = 2027-02-30\nlicense = MIT AND (\n")
            .Append('[', 10_000).Append('\n')
            .Append("[Other]\r\nreason = ").Append('x', 100_000).Append("\r\n\r")
            .ToString();
        Repository.WriteFile("commons.policy", policy);
        var project = WriteProject("    <CommonsPolicyFile>$(MSBuildThisFileDirectory)../commons.policy</CommonsPolicyFile>\n");

        var build = DotnetRunner.Run(Repository.Root, TimeSpan.FromMinutes(4), "build", project, "-nodeReuse:false");

        AssertFindingWithoutCrash(build, "CMN0902", "commons.policy");
    }
}

/// <summary>
/// Issue 18, classes 1 and 5 in a real build: a publiccode.yml whose key refers to itself killed <c>dotnet build</c> (exit 134,
/// stack overflow in the build task), and a header comment of 110,000 tags ran it past 120 s (174.6 s measured, 4.7 s
/// without the package). The build now succeeds with a CMN0501 warning naming the limit and a bounded number of header findings.
/// </summary>
public sealed class SelfReferringYamlAndHugeHeaderBuildTests : HostileBuild
{
    [Fact]
    public void A_self_referring_yaml_key_and_110000_header_tags_give_a_build_with_bounded_warnings()
    {
        Repository.WriteFile("publiccode.yml", "publiccodeYmlVersion: \"0.4\"\n? &r [*r]\n: boom\n");
        var header = new StringBuilder();
        for (var i = 0; i < 110_000; i++)
        {
            header.Append("// SPDX-License-Identifier: Foo-").Append(i).Append('\n');
        }

        Repository.WriteFile("App/Huge.cs", header.Append("namespace App;\n\ninternal static class Huge\n{\n}\n").ToString());
        var project = WriteProject("    <CommonsSpdxHeaders>true</CommonsSpdxHeaders>\n");

        var build = DotnetRunner.Run(Repository.Root, TimeSpan.FromMinutes(4), "build", project, "-nodeReuse:false");

        AssertFindingWithoutCrash(build, "CMN0501", "publiccode.yml");
        Assert.Contains("contains itself", build.Output, StringComparison.Ordinal);
        var headerWarnings = build.Output.Split('\n').Count(line => line.Contains("Huge.cs(", StringComparison.Ordinal) && line.Contains("warning CMN04", StringComparison.Ordinal));
        // Each warning is printed twice (as it happens and in the summary).
        Assert.InRange(headerWarnings, 1, 2 * 2 * Commons.Compliance.Headers.SpdxHeaderParser.MaxHeaderLines);
    }
}
