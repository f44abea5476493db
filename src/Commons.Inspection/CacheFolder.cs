// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;
using System.Linq;

namespace Commons.Inspection;

/// <summary>Where what outlives a build is kept (README, "How it works"), and how files there are written and retired.</summary>
public static class CacheFolder
{
    /// <summary>Files and folders of other versions left this long are removed: upgrades must not pile them up.</summary>
    private static readonly TimeSpan StaleAfter = TimeSpan.FromDays(30);

    /// <summary><c>COMMONS_CACHE_DIR</c> when set, else <c>Commons.Analyzers</c> in the user's local application data.</summary>
    public static string Default()
        => Environment.GetEnvironmentVariable("COMMONS_CACHE_DIR") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "Commons.Analyzers");

    /// <summary>A cache key as part of a file name: letters, digits and '.' kept, anything else '-'.</summary>
    internal static string SafeName(string key)
        => new string(key.Select(c => char.IsLetterOrDigit(c) || c == '.' ? c : '-').ToArray());

    /// <summary>
    /// Writes <paramref name="path"/> through a temporary file and a rename, so that concurrent readers see the old file,
    /// no file or the whole new one, never half of it; replaces what was there. False when it could not be written
    /// (another process renamed first, or the folder is read-only or missing): a cache only loses time.
    /// </summary>
    internal static bool TryWriteReplacing(string path, Action<Stream> write)
    {
        // A short random suffix keeps paths within .NET Framework's 260 characters; two writers drawing the same one
        // only means the second does not write (CreateNew).
        var temporary = path + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
            }

            // Our caller found no usable file under the name (a damaged or foreign one, a FIFO, an empty folder): replace it.
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: false);
            }
            else if (File.Exists(path))
            {
                File.Delete(path);
            }

            File.Move(temporary, path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return false;
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    /// <summary>
    /// Removes the files and folders of <paramref name="folder"/> matching <paramref name="pattern"/>, except
    /// <paramref name="current"/>, that nothing has written for a month (they belong to other versions).
    /// </summary>
    internal static void RemoveStale(string folder, string pattern, string current)
    {
        try
        {
            var limit = DateTime.UtcNow - StaleAfter;
            var kept = Path.GetFullPath(current);
            foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos(pattern))
            {
                // A link is never followed out of the cache folder, and left alone.
                var isLink = (entry.Attributes & FileAttributes.ReparsePoint) != 0;
                if (!isLink && !string.Equals(entry.FullName, kept, StringComparison.Ordinal) && entry.LastWriteTimeUtc < limit)
                {
                    TryDelete(entry);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or System.Security.SecurityException)
        {
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static void TryDelete(FileSystemInfo entry)
    {
        try
        {
            if (entry is DirectoryInfo directory)
            {
                directory.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
        }
    }
}
