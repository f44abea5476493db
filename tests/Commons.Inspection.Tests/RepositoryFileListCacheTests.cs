// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.IO;
using System.Linq;
using Commons.Inspection.Repository;

namespace Commons.Inspection.Tests;

/// <summary>The list an MSBuild node keeps between projects and builds must follow the repository, never go stale.</summary>
public class RepositoryFileListCacheTests
{
    [Fact]
    public void An_unchanged_repository_is_answered_from_the_cache()
    {
        using var repo = new TempFolder();
        repo.Write("LICENSE", "MIT");
        var cache = new RepositoryFileListCache();

        var first = cache.Find(repo.Path).Files;
        var second = cache.Find(repo.Path).Files;

        Assert.Same(first, second);
    }

    [Theory]
    [InlineData("CONTRIBUTING.md")]
    [InlineData(".github/SECURITY.md")]
    [InlineData("Docs/GOVERNANCE.md")]
    [InlineData("LICENSES/MIT.txt")]
    public void A_file_added_in_any_scanned_folder_is_seen_by_the_next_call(string added)
    {
        using var repo = new TempFolder();
        repo.Write("LICENSE", "MIT");
        Directory.CreateDirectory(Path.Combine(repo.Path, ".github"));
        Directory.CreateDirectory(Path.Combine(repo.Path, "Docs"));
        Directory.CreateDirectory(Path.Combine(repo.Path, "LICENSES"));
        var cache = new RepositoryFileListCache();
        Assert.DoesNotContain(cache.Find(repo.Path).Files, f => f.RelativePath == added);

        repo.Write(added, "# text");

        Assert.Contains(cache.Find(repo.Path).Files, f => f.RelativePath == added);
    }

    [Fact]
    public void A_renamed_or_deleted_file_is_gone_from_the_next_call()
    {
        using var repo = new TempFolder();
        var readme = repo.Write("README.md", "# Readme");
        repo.Write("LICENSE", "MIT");
        var cache = new RepositoryFileListCache();
        Assert.Contains(cache.Find(repo.Path).Files, f => f.RelativePath == "README.md");

        File.Move(readme, Path.Combine(repo.Path, "notes.txt"));
        File.Delete(Path.Combine(repo.Path, "LICENSE"));

        Assert.Empty(cache.Find(repo.Path).Files.Select(f => f.RelativePath));
    }
}
