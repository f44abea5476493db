// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;

namespace Commons.Inspection;

/// <summary>Keeps every read inside the folder it belongs to (repository root, package folder).</summary>
public static class PathSafety
{
    private static readonly StringComparison PathComparison =
        Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>
    /// Combines <paramref name="folder"/> with a relative path taken from untrusted data and returns the full path,
    /// or null when the result lies outside the folder (<c>../</c>, a rooted path, a drive letter).
    /// </summary>
    public static string? ResolveInside(string folder, string relativePath)
    {
        if (string.IsNullOrWhiteSpace(relativePath) || relativePath.IndexOf('\0') >= 0)
        {
            return null;
        }

        try
        {
            var normalised = relativePath.Replace('\\', '/').Replace('/', Path.DirectorySeparatorChar);
            if (Path.IsPathRooted(normalised))
            {
                return null;
            }

            var full = Path.GetFullPath(Path.Combine(folder, normalised));
            return IsInside(folder, full) ? full : null;
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or lies below it.</summary>
    public static bool IsInside(string folder, string path)
    {
        var root = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var full = Path.GetFullPath(path);
        return full.Equals(root, PathComparison)
            || full.StartsWith(root + Path.DirectorySeparatorChar, PathComparison);
    }

    /// <summary>True for symbolic links (dangling ones included) and other reparse points, which are never followed; false for nothing there.</summary>
    public static bool IsLink(FileSystemInfo info)
    {
        try
        {
            // A path with nothing there reports every attribute bit set (-1): it is missing, not a link.
            var attributes = info.Attributes;
            return (int)attributes != -1 && (attributes & FileAttributes.ReparsePoint) != 0;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }

    /// <summary>
    /// True when <paramref name="path"/>, or a folder between <paramref name="folder"/> and it, is a link: what it points at
    /// may lie outside the folder, so it is not followed. <paramref name="path"/> must exist.
    /// </summary>
    public static bool HasLinkBelow(string folder, string path)
    {
        var root = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        for (var current = Path.GetFullPath(path); current is not null && current.Length > root.Length; current = Path.GetDirectoryName(current))
        {
            if (IsLink(new FileInfo(current)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The path of <paramref name="path"/> relative to <paramref name="root"/>, with forward slashes.</summary>
    public static string Relative(string root, string path)
    {
        var rootFull = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(path);
        var relative = full.StartsWith(rootFull, PathComparison) ? full.Substring(rootFull.Length) : full;
        return relative.Replace('\\', '/');
    }
}
