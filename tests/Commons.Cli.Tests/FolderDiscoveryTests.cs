// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Commons.Testing;

namespace Commons.Cli.Tests;

/// <summary>Every command turns a folder into the same projects (Commons.Inspection's ProjectDiscovery).</summary>
public sealed class FolderDiscoveryTests
{
    private const string Project = "<Project Sdk=\"Microsoft.NET.Sdk\"><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>";

    [Fact]
    public void Licenses_and_check_pick_the_same_projects_for_a_folder_whose_solution_lists_one_of_two()
    {
        using var repo = new TempCopy();
        Directory.CreateDirectory(repo.PathOf(".git"));
        var listed = repo.Write("src/Listed/Listed.csproj", Project);
        repo.Write("samples/Unlisted/Unlisted.csproj", Project);
        repo.Write("App.slnx", "<Solution><Project Path=\"src/Listed/Listed.csproj\" /></Solution>");
        var restore = DotnetRunner.Run(repo.Root, DotnetRunner.DefaultTimeout, "restore", listed, "-nodeReuse:false");
        Assert.True(restore.ExitCode == 0, restore.ToString());

        var licenses = Cli.Run(repo.Root, "licenses", repo.Root, "--format", "json");
        var check = Cli.Run(repo.Root, "check", repo.Root, "--format", "json", "--fail-on", "none");

        Assert.True(licenses.ExitCode == 0, licenses.ToString());
        Assert.True(check.ExitCode == 0, check.ToString());
        // One project: licenses prints one report object, not an array of them.
        var licensed = licenses.Json is JsonArray reports ? reports.Select(r => (string)r!["project"]!).ToArray() : new[] { (string)licenses.Json["project"]! };
        var root = (string)check.Json["root"]!;
        var checkedProjects = check.Json["projects"]!.AsArray().Select(p => Path.GetFullPath(Path.Combine(root, (string)p!))).ToArray();
        Assert.Equal(new[] { listed }, licensed);
        Assert.Equal(licensed, checkedProjects);
    }
}
