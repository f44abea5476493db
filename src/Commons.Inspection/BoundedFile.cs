// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;

namespace Commons.Inspection;

/// <summary>Reads files with a size cap, so a hostile or huge input can never exhaust memory.</summary>
public static class BoundedFile
{
    /// <summary>The largest licence, community or metadata file read: real licence texts are under 100 KB.</summary>
    public const long DefaultMaxBytes = 1024 * 1024;

    /// <summary>
    /// Reads the whole file when it is at most <paramref name="maxBytes"/> long.
    /// Returns null and a reason when it is larger or cannot be read; never throws for IO trouble.
    /// </summary>
    public static byte[]? TryRead(string path, long maxBytes, out string? problem)
    {
        try
        {
            // A FIFO (or another special file) reports length 0 and blocks open() until a writer comes: never open an
            // empty file. An empty regular file reads as empty all the same; a special file reads as empty instead of hanging.
            if (IsEmpty(path))
            {
                problem = null;
                return Array.Empty<byte>();
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length > maxBytes)
            {
                problem = "the file is " + Describe(stream.Length) + ", larger than the " + Describe(maxBytes) + " read limit";
                return null;
            }

            var buffer = new byte[stream.Length];
            var read = 0;
            while (read < buffer.Length)
            {
                var n = stream.Read(buffer, read, buffer.Length - read);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            if (read != buffer.Length)
            {
                Array.Resize(ref buffer, read);
            }

            problem = null;
            return buffer;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            problem = "the file cannot be read: " + ex.Message;
            return null;
        }
    }

    /// <summary>True when <paramref name="path"/> is a file of length 0: an empty file, a FIFO, a socket or a device.</summary>
    public static bool IsEmpty(string path)
    {
        var info = new FileInfo(path);
        return info.Exists && info.Length == 0;
    }

    private static string Describe(long bytes)
        => bytes >= 1024 * 1024
            ? (bytes / (1024 * 1024)).ToString(System.Globalization.CultureInfo.InvariantCulture) + " MB"
            : bytes.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes";
}
