// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Commons.Compliance.Facts;

namespace Commons.Inspection.Repository;

/// <summary>
/// <see cref="RepositoryScanner.Find"/> answers, kept per repository root while the folders they come from are unchanged.
/// </summary>
/// <remarks>
/// Every project of a repository asks for the same list, in the same MSBuild node, at every build. A file added,
/// removed or renamed changes its folder's modification time; the list holds names only, so edits inside a file do
/// not matter. Thread-safe: MSBuild nodes run projects concurrently.
/// </remarks>
public sealed class RepositoryFileListCache
{
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    /// <summary>The one cache of the process (an MSBuild node lives for several builds when node reuse is on).</summary>
    public static RepositoryFileListCache Shared { get; } = new();

    /// <summary>The repository's licence and community files, and the problems met listing them.</summary>
    public (IReadOnlyList<RepositoryFile> Files, IReadOnlyList<CollectionProblem> Problems) Find(string root)
    {
        var stamp = FolderStamp(root);
        if (stamp is null || !entries.TryGetValue(root, out var entry) || entry.Stamp != stamp)
        {
            var problems = new List<CollectionProblem>();
            entry = new Entry(stamp, RepositoryScanner.Find(root, problems), problems);
            if (stamp is not null)
            {
                entries[root] = entry;
            }
        }

        return (entry.Files, entry.Problems);
    }

    /// <summary>The modification times of the root and of the child folders the scanner lists (any case); null when unreadable.</summary>
    private static string? FolderStamp(string root)
    {
        try
        {
            var scanned = new HashSet<string>(RepositoryFileTable.Folders.Where(f => f.Length > 0), StringComparer.OrdinalIgnoreCase)
            {
                RepositoryFileTable.ReuseLicensesFolder,
            };
            var stamp = new List<string> { Ticks(Directory.GetLastWriteTimeUtc(root)) };
            foreach (var folder in new DirectoryInfo(root).EnumerateDirectories().Where(d => scanned.Contains(d.Name)).OrderBy(d => d.Name, StringComparer.Ordinal))
            {
                stamp.Add(folder.Name + "=" + Ticks(folder.LastWriteTimeUtc));
            }

            return string.Join("|", stamp);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string Ticks(DateTime time) => time.Ticks.ToString(CultureInfo.InvariantCulture);

    private sealed class Entry
    {
        public Entry(string? stamp, IReadOnlyList<RepositoryFile> files, IReadOnlyList<CollectionProblem> problems)
        {
            Stamp = stamp;
            Files = files;
            Problems = problems;
        }

        public string? Stamp { get; }

        public IReadOnlyList<RepositoryFile> Files { get; }

        public IReadOnlyList<CollectionProblem> Problems { get; }
    }
}
