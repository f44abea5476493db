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
            // A named pipe (or a device) reports length 0, and opening it blocks until a writer comes: a FIFO named LICENSE
            // would hang the build. An empty file has nothing to read anyway, so length 0 is answered without opening it.
            var info = new FileInfo(path);
            if (info.Exists && info.Length == 0)
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

    private static string Describe(long bytes)
        => bytes >= 1024 * 1024
            ? (bytes / (1024 * 1024)).ToString(System.Globalization.CultureInfo.InvariantCulture) + " MB"
            : bytes.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes";
}
