// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.IO;
using Commons.Inspection.Repository;

namespace Commons.Inspection.Tests;

/// <summary>The one rule every walk over a repository tree follows: which folders are not the repository's own.</summary>
public class RepositoryTreeTests
{
    [Theory]
    [InlineData("bin", true)]
    [InlineData("OBJ", true)]
    [InlineData("artifacts", true)]
    [InlineData("TestResults", true)]
    [InlineData("node_modules", true)]
    [InlineData(".git", true)]
    [InlineData(".vs", true)]
    [InlineData(".packages", true)]
    [InlineData(".github", false)]
    [InlineData(".gitlab", false)]
    [InlineData("packages", false)]
    [InlineData("src", false)]
    [InlineData("binaries", false)]
    public void Folders_are_skipped_by_name(string name, bool skipped)
    {
        using var temp = new TempFolder();
        var folder = Directory.CreateDirectory(Path.Combine(temp.Path, name));

        Assert.Equal(skipped, RepositoryTree.IsSkipped(folder));
    }

    [Fact]
    public void A_linked_folder_is_skipped()
    {
        using var temp = new TempFolder();
        var target = Directory.CreateDirectory(Path.Combine(temp.Path, "target"));
        var link = Directory.CreateSymbolicLink(Path.Combine(temp.Path, "src"), target.FullName);

        Assert.True(RepositoryTree.IsSkipped(new DirectoryInfo(link.FullName)));
    }

    [Theory]
    [InlineData(".nupkg.metadata", true)]
    [InlineData("Newtonsoft.Json.13.0.3.nupkg", true)]
    [InlineData("newtonsoft.json.13.0.3.nupkg.sha512", false)]
    [InlineData("newtonsoft.json.nuspec", false)]
    [InlineData("App.csproj", false)]
    public void Package_folders_are_known_by_their_marker_files(string fileName, bool marker)
    {
        Assert.Equal(marker, RepositoryTree.IsPackageMarker(fileName));
    }
}
