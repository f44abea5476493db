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
