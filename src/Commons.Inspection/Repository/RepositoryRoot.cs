// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;

namespace Commons.Inspection.Repository;

/// <summary>Finds the repository root: the configured one, else the nearest folder holding <c>.git</c> (a folder, or a file in worktrees and submodules).</summary>
public static class RepositoryRoot
{
    /// <summary>
    /// Returns <paramref name="configuredRoot"/> (made absolute against <paramref name="startDirectory"/>) when given,
    /// else the nearest ancestor of <paramref name="startDirectory"/> (itself included) that holds <c>.git</c>, else null.
    /// </summary>
    public static string? Find(string startDirectory, string? configuredRoot)
    {
        try
        {
            if (!string.IsNullOrWhiteSpace(configuredRoot))
            {
                return WithoutTrailingSeparator(Path.GetFullPath(Path.Combine(startDirectory, configuredRoot!.Trim())));
            }

            for (var dir = new DirectoryInfo(Path.GetFullPath(startDirectory)); dir is not null; dir = dir.Parent)
            {
                var git = Path.Combine(dir.FullName, ".git");
                if (Directory.Exists(git) || File.Exists(git))
                {
                    return WithoutTrailingSeparator(dir.FullName);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // An unreadable ancestor or a configured root that is no path (a NUL character …) ends the search: no root is a
            // valid answer (reported by the rules as "no repository").
        }

        return null;
    }

    /// <summary>Drops a trailing separator, but keeps a file-system root whole: "/" trimmed would be "" (the current folder).</summary>
    private static string WithoutTrailingSeparator(string fullPath)
        => fullPath.Length > (Path.GetPathRoot(fullPath) ?? "").Length
            ? fullPath.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)
            : fullPath;
}
