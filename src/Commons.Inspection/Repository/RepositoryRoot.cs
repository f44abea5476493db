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
        if (!string.IsNullOrWhiteSpace(configuredRoot))
        {
            return Path.GetFullPath(Path.Combine(startDirectory, configuredRoot!.Trim()))
                .TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        }

        try
        {
            for (var dir = new DirectoryInfo(Path.GetFullPath(startDirectory)); dir is not null; dir = dir.Parent)
            {
                var git = Path.Combine(dir.FullName, ".git");
                if (Directory.Exists(git) || File.Exists(git))
                {
                    return dir.FullName.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // An unreadable ancestor ends the search: no root is a valid answer (reported by the rules as "no repository").
        }

        return null;
    }
}
