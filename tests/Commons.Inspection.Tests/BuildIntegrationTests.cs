// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;
using System.Linq;
using Commons.Compliance.Facts;
using Commons.Compliance.Input;
using Commons.Licensing;
using Commons.Testing;

namespace Commons.Inspection.Tests;

/// <summary>
/// A real <c>dotnet build</c> of a sample project that imports <c>build/Commons.Analyzers.props/.targets</c> directly,
/// with <c>CommonsTasksAssembly</c> pointed at the freshly built task.
/// </summary>
public class BuildIntegrationTests
{
    [Fact]
    public void Build_writes_facts_and_report_hands_them_to_the_compiler_skips_a_noop_rebuild_and_clean_removes_them()
    {
        Assert.True(File.Exists(RepositoryPaths.TasksAssembly), "the task is not built: " + RepositoryPaths.TasksAssembly);
        using var repo = new SampleRepository("build");
        repo.WriteFile("LICENSE", SpdxCatalog.Default.GetText("MIT")!);
        repo.WriteFile("CONTRIBUTING.md", "# Contributing\n");
        LicenseFixtureSet.WritePackages(repo, SpdxCatalog.Default.GetText("Apache-2.0")!);
        var properties = "    <CommonsTasksAssembly>" + RepositoryPaths.TasksAssembly + "</CommonsTasksAssembly>\n"
            + "    <CommonsAllowedLicenses>MIT;Apache-2.0</CommonsAllowedLicenses>\n";
        var project = LicenseFixtureSet.WriteProject(repo, "central", centralPackageManagement: true, properties, RepositoryPaths.BuildProps, RepositoryPaths.BuildTargets);
        var projectDirectory = Path.GetDirectoryName(project)!;
        var obj = Path.Combine(projectDirectory, "obj", "Debug", "net10.0");

        var first = DotnetRunner.Run(repo.Root, TimeSpan.FromMinutes(5), "build", project, "-nodeReuse:false");
        Assert.True(first.ExitCode == 0, first.ToString());

        var read = FactsFormat.Read(File.ReadAllText(Path.Combine(obj, FactsFormat.FileName)));
        Assert.Null(read.Error);
        var facts = read.Facts!;
        Assert.Equal("net10.0", facts.TargetFramework);
        Assert.Equal(repo.Root, facts.RepositoryRoot);
        Assert.Equal("MIT", facts.Files.Single(f => f.Kind == RepositoryFileKind.License).IdentifiedLicense);
        var gpl = facts.Packages.Single(p => p.Id == "Fix.Gpl");
        var props = repo.PathOf("central/Directory.Packages.props");
        Assert.Equal(props, gpl.ReferenceLocation!.File);
        Assert.Equal(LicenseFixtureSet.LineOf(props, "\"Fix.Gpl\""), gpl.ReferenceLocation.Line);
        Assert.True(facts.Packages.Single(p => p.Id == "Fix.Analyzer").DevOnly);
        Assert.Contains("\"license\": \"GPL-3.0-only\"", File.ReadAllText(Path.Combine(obj, "commons.dependencies.json")));

        var editorConfig = File.ReadAllText(Path.Combine(obj, "App.GeneratedMSBuildEditorConfig.editorconfig"));
        var encoded = editorConfig.Replace("\r\n", "\n").Split('\n').Single(l => l.StartsWith("build_property." + PropertyEncoding.PropertyName + " = ", StringComparison.Ordinal));
        var analyzerProperties = PropertyEncoding.Decode(encoded.Substring(encoded.IndexOf('=') + 2)).ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal("MIT;Apache-2.0", analyzerProperties["CommonsAllowedLicenses"]);
        Assert.Equal("true", analyzerProperties["CommonsPrimaryTargetFramework"]);
        Assert.Equal(repo.Root, analyzerProperties["CommonsRepositoryRoot"]);
        Assert.Contains("[" + Path.Combine(obj, FactsFormat.FileName) + "]\nbuild_metadata.AdditionalFiles.CommonsFileKind = Facts", editorConfig.Replace("\r\n", "\n"));
        Assert.Contains("[" + repo.PathOf("LICENSE") + "]\nbuild_metadata.AdditionalFiles.CommonsFileKind = License", editorConfig.Replace("\r\n", "\n"));
        Assert.Contains("[" + props + "]\nbuild_metadata.AdditionalFiles.CommonsFileKind = ProjectFile", editorConfig.Replace("\r\n", "\n"));

        var second = DotnetRunner.Run(repo.Root, TimeSpan.FromMinutes(5), "build", project, "-nodeReuse:false", "-v:d");
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("Skipping target \"CommonsCollectFacts\" because all output files are up-to-date", second.Output);

        // Touching a repository file is an input change: the collection runs again.
        File.SetLastWriteTimeUtc(repo.PathOf("CONTRIBUTING.md"), DateTime.UtcNow.AddSeconds(2));
        var third = DotnetRunner.Run(repo.Root, TimeSpan.FromMinutes(5), "build", project, "-nodeReuse:false", "-v:d");
        Assert.DoesNotContain("Skipping target \"CommonsCollectFacts\"", third.Output);

        var clean = DotnetRunner.Run(repo.Root, TimeSpan.FromMinutes(5), "clean", project, "-nodeReuse:false");
        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.False(File.Exists(Path.Combine(obj, FactsFormat.FileName)));
        Assert.False(File.Exists(Path.Combine(obj, "commons.dependencies.json")));
    }

    [Fact]
    public void An_unchanged_repository_is_answered_from_the_record_and_builds_in_one_process_see_the_licence_and_a_REUSE_file_changed_between_them()
    {
        using var repo = new SampleRepository("record");
        repo.WriteFile("LICENSE", SpdxCatalog.Default.GetText("MIT")!);
        repo.WriteFile(".staging/LICENSE.apache", SpdxCatalog.Default.GetText("Apache-2.0")!);
        var project = repo.WriteFile("src/App/App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <Import Project=\"" + RepositoryPaths.BuildProps + "\" />\n"
            + "  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n    <PackageLicenseExpression>MIT</PackageLicenseExpression>\n"
            + "    <ImplicitUsings>enable</ImplicitUsings>\n"
            + "    <CommonsTasksAssembly>" + RepositoryPaths.TasksAssembly + "</CommonsTasksAssembly>\n  </PropertyGroup>\n"
            + "  <Import Project=\"" + RepositoryPaths.BuildTargets + "\" />\n</Project>\n");
        repo.WriteFile("src/App/Class1.cs", "namespace App;\n\npublic static class Class1\n{\n}\n");
        var obj = repo.PathOf("src/App/obj/Debug/net10.0");
        var editorConfig = Path.Combine(obj, "App.GeneratedMSBuildEditorConfig.editorconfig");

        var first = DotnetRunner.Run(repo.Root, TimeSpan.FromMinutes(5), "build", project, "-nodeReuse:false");
        Assert.True(first.ExitCode == 0, first.ToString());
        var handedOver = File.ReadAllText(editorConfig);

        // Older than the racy window (RepositoryFilesRecord): the next build records its answer, the one after answers from it,
        // although obj/, which holds a compiled file (GlobalUsings.g.cs), changes at every build.
        BackdateSources(repo.Root);
        var second = DotnetRunner.Run(repo.Root, TimeSpan.FromMinutes(5), "build", project, "-nodeReuse:false", "-v:d");
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.True(File.Exists(Path.Combine(obj, "commons.repository-files")), second.Output);
        var third = DotnetRunner.Run(repo.Root, TimeSpan.FromMinutes(5), "build", project, "-nodeReuse:false", "-v:d");
        Assert.True(third.ExitCode == 0, third.ToString());
        Assert.Contains("answered from " + Path.Combine(obj, "commons.repository-files"), third.Output);
        Assert.Contains("Skipping target \"CoreCompile\" because all output files are up-to-date", third.Output);
        Assert.Equal(handedOver, File.ReadAllText(editorConfig));

        // Two builds in one MSBuild process (-m:1: the in-process node, its caches and the record live across both): between
        // them the licence becomes Apache-2.0 and a REUSE.toml appears beside the sources.
        var driver = repo.WriteFile("driver.proj", "<Project>\n  <Target Name=\"Build\">\n"
            + "    <MSBuild Projects=\"" + project + "\" Targets=\"Build\" Properties=\"CommonsPass=1\" />\n"
            + "    <Copy SourceFiles=\"" + repo.PathOf(".staging/LICENSE.apache") + "\" DestinationFiles=\"" + repo.PathOf("LICENSE") + "\" />\n"
            + "    <Touch Files=\"" + repo.PathOf("LICENSE") + "\" />\n"
            + "    <WriteLinesToFile File=\"" + repo.PathOf("src/App/REUSE.toml") + "\" Lines=\"version = 1\" Overwrite=\"true\" />\n"
            + "    <MSBuild Projects=\"" + project + "\" Targets=\"Build\" Properties=\"CommonsPass=2\" />\n"
            + "  </Target>\n</Project>\n");
        var twice = DotnetRunner.Run(repo.Root, TimeSpan.FromMinutes(5), "build", driver, "-nodeReuse:false", "-m:1", "-v:d");
        Assert.True(twice.ExitCode == 0, twice.ToString());

        Assert.Contains("[" + repo.PathOf("src/App/REUSE.toml") + "]\nbuild_metadata.AdditionalFiles.CommonsFileKind = ReuseToml", File.ReadAllText(editorConfig).Replace("\r\n", "\n"));
        var facts = FactsFormat.Read(File.ReadAllText(Path.Combine(obj, FactsFormat.FileName))).Facts!;
        Assert.Equal("Apache-2.0", facts.Files.Single(f => f.Kind == RepositoryFileKind.License).IdentifiedLicense);
    }

    /// <summary>Every folder of the repository, and every file outside obj/ and bin/, ten minutes old.</summary>
    private static void BackdateSources(string root)
    {
        var past = DateTime.UtcNow.AddMinutes(-10);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (!relative.Contains("/obj/", StringComparison.Ordinal) && !relative.Contains("/bin/", StringComparison.Ordinal))
            {
                File.SetLastWriteTimeUtc(file, past);
            }
        }

        foreach (var folder in Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories).Reverse().Append(root))
        {
            Directory.SetLastWriteTimeUtc(folder, past);
        }
    }

    [Fact]
    public void CommonsEnabled_false_turns_the_collection_off()
    {
        using var repo = new SampleRepository("disabled");
        repo.WriteFile("LICENSE", SpdxCatalog.Default.GetText("MIT")!);
        LicenseFixtureSet.WritePackages(repo, SpdxCatalog.Default.GetText("Apache-2.0")!);
        var properties = "    <CommonsTasksAssembly>" + RepositoryPaths.TasksAssembly + "</CommonsTasksAssembly>\n    <CommonsEnabled>false</CommonsEnabled>\n";
        var project = LicenseFixtureSet.WriteProject(repo, "plain", centralPackageManagement: false, properties, RepositoryPaths.BuildProps, RepositoryPaths.BuildTargets);

        var build = DotnetRunner.Run(repo.Root, TimeSpan.FromMinutes(5), "build", project, "-nodeReuse:false");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(project)!, "obj", "Debug", "net10.0", FactsFormat.FileName)));
    }
}
