// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Globalization;
using System.IO;
using System.Text;

namespace Commons.Inspection;

/// <summary>How one file may be read (<see cref="BoundedFile.Read"/>).</summary>
public sealed class BoundedRead
{
    /// <summary>The largest file read (or, with <see cref="Head"/>, the most bytes read of it).</summary>
    public long MaxBytes { get; set; } = BoundedFile.DefaultMaxBytes;

    /// <summary>
    /// When set, the file must lie inside this folder and neither it nor a folder between it and the folder may be a link:
    /// what a link points at may lie anywhere (a package's <c>LICENSE.txt</c> linked to <c>/etc/passwd</c>).
    /// </summary>
    public string? Inside { get; set; }

    /// <summary>When true, a larger file gives its first <see cref="MaxBytes"/> bytes instead of a refusal.</summary>
    public bool Head { get; set; }
}

/// <summary>Why a read gave no content.</summary>
public enum FileRefusal
{
    None,
    Missing,
    Directory,
    Link,
    Outside,
    NotRegularFile,
    TooLarge,
    Binary,
    Unreadable,
}

/// <summary>What one bounded read gave: the bytes (and, for <see cref="BoundedFile.ReadText"/>, the text), or why there are none.</summary>
public sealed class BoundedContent
{
    private BoundedContent(byte[]? bytes, string? text, FileRefusal refusal, string? problem, bool truncated)
    {
        Bytes = bytes;
        Text = text;
        Refusal = refusal;
        Problem = problem;
        Truncated = truncated;
    }

    public byte[]? Bytes { get; }

    /// <summary>The decoded text (<see cref="BoundedFile.ReadText"/> only).</summary>
    public string? Text { get; }

    public FileRefusal Refusal { get; }

    /// <summary>Why there is no content (a sentence starting "the file …"); null when there is content.</summary>
    public string? Problem { get; }

    /// <summary>True when only the head of a larger file was read (<see cref="BoundedRead.Head"/>).</summary>
    public bool Truncated { get; }

    internal static BoundedContent Of(byte[] bytes, bool truncated) => new(bytes, null, FileRefusal.None, null, truncated);

    internal static BoundedContent Refused(FileRefusal refusal, string problem) => new(null, null, refusal, problem, false);

    internal BoundedContent WithText(string text) => new(Bytes, text, Refusal, Problem, Truncated);
}

/// <summary>
/// The one way the product reads a file it did not write (repository, package folders, policy, sources): size-capped,
/// never blocking on a named pipe, never reading a device or a directory, refusing links where a folder is given, and,
/// for text, refusing binary content. Never throws for IO trouble: the result says what went wrong.
/// </summary>
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
        var content = Read(path, new BoundedRead { MaxBytes = maxBytes });
        problem = content.Problem;
        return content.Bytes;
    }

    /// <summary>Reads a file's bytes within <paramref name="limits"/>.</summary>
    public static BoundedContent Read(string path, BoundedRead limits)
    {
        try
        {
            if (limits.Inside is { } folder)
            {
                if (!PathSafety.IsInside(folder, path))
                {
                    return BoundedContent.Refused(FileRefusal.Outside, "the file lies outside " + folder + ": not read");
                }

                // A link is refused before anything follows it, a dangling one included.
                if (PathSafety.HasLinkBelow(folder, path))
                {
                    return BoundedContent.Refused(FileRefusal.Link, "the file is a link, or lies in a linked folder: not followed");
                }
            }

            if (Directory.Exists(path))
            {
                return BoundedContent.Refused(FileRefusal.Directory, "the path is a directory, not a file");
            }

            // A named pipe (or a device) reports length 0, and opening it blocks until a writer comes: a FIFO named LICENSE
            // would hang the build. An empty file has nothing to read anyway, so length 0 is answered without opening it
            // (a /proc file reports 0 too: it is read as empty, so nothing of the process leaks through it).
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return BoundedContent.Refused(FileRefusal.Missing, "the file cannot be read: it does not exist");
            }

            if (info.Length == 0)
            {
                return BoundedContent.Of(Array.Empty<byte>(), truncated: false);
            }

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1, FileOptions.SequentialScan);
            if (!stream.CanSeek)
            {
                return BoundedContent.Refused(FileRefusal.NotRegularFile, "the file is not a regular file (a device, a pipe or a socket)");
            }

            var length = stream.Length;
            if (length > limits.MaxBytes && !limits.Head)
            {
                return BoundedContent.Refused(FileRefusal.TooLarge, "the file is " + Describe(length) + ", larger than the " + Describe(limits.MaxBytes) + " read limit");
            }

            var buffer = new byte[Math.Min(length, limits.MaxBytes)];
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

            return BoundedContent.Of(buffer, truncated: length > buffer.Length);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException or System.Security.SecurityException)
        {
            return BoundedContent.Refused(FileRefusal.Unreadable, "the file cannot be read: " + ex.Message);
        }
    }

    /// <summary>
    /// Reads a text file within <paramref name="limits"/>: UTF-8 (invalid bytes replaced), or UTF-16 / UTF-32 with a
    /// byte-order mark; a byte-order mark is not part of the text. Content with a NUL character is refused as binary.
    /// </summary>
    public static BoundedContent ReadText(string path, BoundedRead limits)
    {
        var content = Read(path, limits);
        if (content.Bytes is not { } bytes)
        {
            return content;
        }

        var text = Decode(bytes);
        return text.IndexOf('\0') >= 0
            ? BoundedContent.Refused(FileRefusal.Binary, "the file is not text (it holds NUL characters): not read")
            : content.WithText(text);
    }

    /// <summary>Text from bytes: the encoding its byte-order mark names, else UTF-8 with invalid bytes replaced.</summary>
    public static string Decode(byte[] bytes)
    {
        Encoding encoding = new UTF8Encoding(false);
        var skip = 0;
        if (bytes.Length >= 4 && bytes[0] == 0xFF && bytes[1] == 0xFE && bytes[2] == 0 && bytes[3] == 0)
        {
            (encoding, skip) = (new UTF32Encoding(bigEndian: false, byteOrderMark: false), 4);
        }
        else if (bytes.Length >= 4 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0xFE && bytes[3] == 0xFF)
        {
            (encoding, skip) = (new UTF32Encoding(bigEndian: true, byteOrderMark: false), 4);
        }
        else if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            skip = 3;
        }
        else if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
        {
            (encoding, skip) = (new UnicodeEncoding(bigEndian: false, byteOrderMark: false), 2);
        }
        else if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
        {
            (encoding, skip) = (new UnicodeEncoding(bigEndian: true, byteOrderMark: false), 2);
        }

        return encoding.GetString(bytes, skip, bytes.Length - skip);
    }

    private static string Describe(long bytes)
        => bytes >= 1024 * 1024
            ? (bytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture) + " MB"
            : bytes.ToString(CultureInfo.InvariantCulture) + " bytes";
}
