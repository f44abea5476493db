// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.IO;
using Commons.Compliance.Facts;
using Commons.Compliance.Input;

namespace Commons.Inspection.Repository;

/// <summary>
/// The REUSE files that can license a project's compiled files (REUSE 3.3), which the build hands to the analyzer and
/// <c>commons check</c> reads alike: the REUSE.toml of each compiled file's folder and of its ancestors up to the root,
/// <c>.reuse/dep5</c>, and each compiled file's <c>.license</c> sidecar. Cheap enough for every build: one existence test per
/// compiled file and per distinct folder; nothing else of the repository is listed.
/// </summary>
public static class ReuseBuildFiles
{
    /// <summary>The largest REUSE.toml, dep5 or sidecar read, as <c>commons headers</c> reads them (real ones are a few KB).</summary>
    public const long MaxBytes = 1024 * 1024;

    /// <summary>The files found (whatever they hold), with their <c>CommonsFileKind</c>; full paths.</summary>
    public static List<(string Path, string Kind)> Find(string root, IEnumerable<string> sourceFullPaths)
    {
        var found = new List<(string Path, string Kind)>();
        foreach (var candidate in Candidates(root, sourceFullPaths))
        {
            // A sidecar belongs to its source, once per source given; a REUSE.toml or dep5 is listed once.
            if (Exists(candidate.Path) && (candidate.Kind == TextFileKinds.ReuseSidecar || !found.Contains(candidate)))
            {
                found.Add(candidate);
            }
        }

        return found;
    }

    /// <summary>
    /// Every path <see cref="Find"/> tests, present or not, with the kind it would be: each source's <c>.license</c> sidecar,
    /// the REUSE.toml of each folder from the source's up to the root, the root's REUSE.toml and <c>.reuse/dep5</c>. The build's
    /// record of what it looked at (Commons.Build.Tasks) stamps these same paths.
    /// </summary>
    public static IEnumerable<(string Path, string Kind)> Candidates(string root, IEnumerable<string> sourceFullPaths)
    {
        var rootFull = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in sourceFullPaths)
        {
            if (!IsUnder(rootFull, source))
            {
                continue;
            }

            yield return (source + ".license", TextFileKinds.ReuseSidecar);

            // A folder seen once is not tested again: the folders of a project's files share their ancestors.
            for (var folder = Path.GetDirectoryName(source); folder is not null && IsUnder(rootFull, folder) && folders.Add(folder); folder = Path.GetDirectoryName(folder))
            {
                yield return (Path.Combine(folder, "REUSE.toml"), nameof(RepositoryFileKind.ReuseToml));
            }
        }

        yield return (Path.Combine(rootFull, "REUSE.toml"), nameof(RepositoryFileKind.ReuseToml));
        yield return (Path.Combine(rootFull, ".reuse", "dep5"), TextFileKinds.ReuseDep5);
    }

    /// <summary>Why a REUSE file that is no text is not handed over (CMN0902); the build and <c>commons check</c> say the same.</summary>
    public static string Why(FileContent content) => content switch
    {
        FileContent.Empty => "it is empty (or a pipe or a device)",
        FileContent.Binary => "it holds NUL bytes: it is no text",
        FileContent.TooLarge => "it is larger than " + (MaxBytes / 1024) + " KB",
        _ => "it is not a readable file",
    };

    /// <summary>A file, or a folder named like one (which the reading rule then refuses: CMN0902, not silence).</summary>
    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);

    private static bool IsUnder(string root, string path)
        => path.Length > root.Length && path.StartsWith(root, StringComparison.Ordinal)
            && (path[root.Length] == Path.DirectorySeparatorChar || path[root.Length] == Path.AltDirectorySeparatorChar);
}
