// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Commons.Inspection.Repository;

/// <summary>
/// Which folders of a tree hold the repository's own files. Every walk over a tree — the project search behind a folder
/// argument, <c>commons headers</c>, <c>commons inventory</c> — skips the same ones, so the commands agree on what the
/// repository is.
/// </summary>
public static class RepositoryTree
{
    /// <summary>What restore writes into every package of a global packages folder.</summary>
    private const string PackageMetadataFile = ".nupkg.metadata";

    /// <summary>Build output (copies, generated sources, test results) and another ecosystem's dependencies, by name.</summary>
    private static readonly string[] NotOwnFolderNames = { "bin", "obj", "artifacts", "TestResults", "node_modules" };

    /// <summary>Hidden folders that do hold the repository's own files: a forge's community files, templates and workflows.</summary>
    private static readonly string[] OwnHiddenFolderNames = { ".github", ".gitlab", ".gitea", ".forgejo" };

    /// <summary>
    /// Every folder of the tree under <paramref name="root"/> that holds the repository's own files, with its files sorted by
    /// name: the root first, then each folder before its subfolders, subfolders in name order (ordinal). Skipped: the
    /// folders <see cref="IsSkipped"/> names, a restored package below the root (<see cref="IsPackageMarker"/>), and a
    /// folder that cannot be listed (it holds nothing a walk could read; the rest of the tree is still walked).
    /// </summary>
    public static IEnumerable<(DirectoryInfo Folder, FileInfo[] Files)> Walk(DirectoryInfo root)
    {
        var pending = new Stack<DirectoryInfo>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            FileSystemInfo[] entries;
            try
            {
                // One listing per folder gives both its files and its subfolders.
                entries = folder.GetFileSystemInfos();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            var files = entries.OfType<FileInfo>().OrderBy(f => f.Name, StringComparer.Ordinal).ToArray();
            if (folder != root && files.Any(f => IsPackageMarker(f.Name)))
            {
                continue;
            }

            yield return (folder, files);
            foreach (var child in entries.OfType<DirectoryInfo>().Where(d => !IsSkipped(d)).OrderByDescending(d => d.Name, StringComparer.Ordinal))
            {
                pending.Push(child);
            }
        }
    }

    /// <summary>
    /// True for a folder no walk enters: build output and <c>node_modules</c> by name; a hidden folder (name starting with a
    /// dot) other than a forge's, because tools keep their state there (<c>.git</c>, <c>.vs</c>, <c>.idea</c>,
    /// <c>.nuget</c>, <c>.tools</c>) and a repository's packages folder is often hidden (<c>.packages</c>); a symbolic
    /// link or junction, because it may point outside the tree or back into it (a loop).
    /// </summary>
    public static bool IsSkipped(DirectoryInfo folder)
        => NotOwnFolderNames.Contains(folder.Name, StringComparer.OrdinalIgnoreCase)
        || (folder.Name.StartsWith(".", StringComparison.Ordinal) && !OwnHiddenFolderNames.Contains(folder.Name, StringComparer.OrdinalIgnoreCase))
        || PathSafety.IsLink(folder);

    /// <summary>
    /// True for a file that marks a restored NuGet package folder, whatever the packages folder is called:
    /// <c>.nupkg.metadata</c> in a global packages folder, the <c>.nupkg</c> itself in a packages.config-era
    /// <c>packages/</c> folder. <see cref="Walk"/> leaves such a folder alone below the root: its files are the package's,
    /// never the repository's, and there can be thousands.
    /// </summary>
    public static bool IsPackageMarker(string fileName)
        => fileName.Equals(PackageMetadataFile, StringComparison.OrdinalIgnoreCase)
        || fileName.EndsWith(".nupkg", StringComparison.OrdinalIgnoreCase);
}
