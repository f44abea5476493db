// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;

namespace Commons.Compliance.Facts;

/// <summary>
/// Whether a path lies below a folder, as the rules compare paths: forward slashes, case-insensitive, text only (no file
/// system: the analyzer has none). One rule for the repository's files, the baseline's keys, the policy file's place and
/// the REUSE files, so that the build and the CLI agree.
/// </summary>
public static class FolderPath
{
    /// <summary><paramref name="path"/> relative to <paramref name="folder"/>, with forward slashes; null when it is not below it.</summary>
    public static string? RelativeBelow(string folder, string path)
    {
        var prefix = folder.Replace('\\', '/').TrimEnd('/') + "/";
        var normalized = path.Replace('\\', '/');
        return normalized.Length > prefix.Length && normalized.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            ? normalized.Substring(prefix.Length)
            : null;
    }

    /// <summary>The last part of a path written with either separator (a path from another system keeps its name).</summary>
    public static string FileName(string path) => path.Substring(Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\')) + 1);

    /// <summary>True when <paramref name="path"/> lies below <paramref name="folder"/>.</summary>
    public static bool IsBelow(string folder, string path) => RelativeBelow(folder, path) is not null;
}
