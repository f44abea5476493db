// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;
using System.Text;
using Commons.Compliance.Facts;

namespace Commons.Inspection.Repository;

/// <summary>What reading one document gave: its state, and its text when it is a text.</summary>
public sealed class DocumentRead
{
    private DocumentRead(FileContent state, byte[]? bytes, string? problem)
    {
        State = state;
        Bytes = bytes;
        Problem = problem;
    }

    public FileContent State { get; }

    /// <summary>The content, for <see cref="FileContent.Text"/> (and an empty array for <see cref="FileContent.Empty"/>).</summary>
    public byte[]? Bytes { get; }

    /// <summary>Why the file gives no text, for every state but Text and Empty.</summary>
    public string? Problem { get; }

    /// <summary>The text as the compiler decodes it (<see cref="DocumentReader.Decode"/>); "" when empty; null otherwise.</summary>
    public string? Text => Bytes is null ? null : DocumentReader.Decode(Bytes);

    internal static DocumentRead Of(FileContent state, byte[]? bytes = null, string? problem = null) => new(state, bytes, problem);
}

/// <summary>
/// The one rule for the repository's documents (licence and community files) and the policy file: which are read, how, and
/// what becomes of them. The build targets (which files go to the compiler as AdditionalFiles), the collection (the facts)
/// and the <c>commons</c> CLI all ask it, so that the build and the CLI judge the same texts and nothing handed to the
/// compiler can fail the build (csc: CS2015 binary file, CS1504 stream too long, a hang on a pipe).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A folder, or a path that does not exist, is no document (<see cref="FileContent.Unreadable"/>).</item>
/// <item>Length 0 is <see cref="FileContent.Empty"/>, and the file is not opened: a pipe or a device reports length 0 as well,
/// and opening a pipe blocks until a writer comes. Such a file counts as present and holds the text "".</item>
/// <item>Over the size cap (<see cref="BoundedFile.DefaultMaxBytes"/>) is <see cref="FileContent.TooLarge"/>, not opened either.</item>
/// <item>NUL bytes make it <see cref="FileContent.Binary"/> (a PDF or an image named like a community file); a UTF-16 text,
/// which starts with its byte-order mark, is binary only when it holds a NUL character.</item>
/// <item>A path with a control character (a newline in a file name) is not handed on: it would break the compiler's
/// analyzer configuration, where each file is a section header.</item>
/// <item>Links: the repository scanner does not follow them (what a link points at is not part of the repository); the policy
/// file is read wherever the user's setting points.</item>
/// </list>
/// </remarks>
public static class DocumentReader
{
    /// <summary>Reads a document by the rule; never throws for IO trouble.</summary>
    public static DocumentRead Read(string path, long maxBytes = BoundedFile.DefaultMaxBytes)
    {
        if (HasControlCharacter(path))
        {
            return DocumentRead.Of(FileContent.Unreadable, problem: "its name holds a control character");
        }

        try
        {
            if (Directory.Exists(path))
            {
                return DocumentRead.Of(FileContent.Unreadable, problem: "it is a folder, not a file");
            }

            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return DocumentRead.Of(FileContent.Unreadable, problem: "it does not exist");
            }

            if (info.Length == 0)
            {
                return DocumentRead.Of(FileContent.Empty, Array.Empty<byte>());
            }

            if (info.Length > maxBytes)
            {
                return DocumentRead.Of(FileContent.TooLarge, problem: TooLargeMessage(info.Length, maxBytes));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return DocumentRead.Of(FileContent.Unreadable, problem: "it cannot be read: " + ex.Message);
        }

        var bytes = BoundedFile.TryRead(path, maxBytes, out var problem);
        if (bytes is null)
        {
            // Grown past the cap since it was measured, or unreadable.
            return DocumentRead.Of(problem is not null && problem.Contains("read limit") ? FileContent.TooLarge : FileContent.Unreadable, problem: problem);
        }

        if (bytes.Length == 0)
        {
            return DocumentRead.Of(FileContent.Empty, bytes);
        }

        return IsBinary(bytes)
            ? DocumentRead.Of(FileContent.Binary, problem: "it is a binary file (it holds NUL bytes), not a text")
            : DocumentRead.Of(FileContent.Text, bytes);
    }

    /// <summary>
    /// True for content that is no text: a NUL byte, or for a UTF-16 text (byte-order mark first) a NUL character. Stricter than
    /// csc, which calls a file binary for two NUL characters in a row: whatever passes here the compiler reads.
    /// </summary>
    public static bool IsBinary(byte[] content)
    {
        var utf16 = content.Length >= 2 && ((content[0] == 0xFF && content[1] == 0xFE) || (content[0] == 0xFE && content[1] == 0xFF));
        if (utf16)
        {
            for (var i = 2; i + 1 < content.Length; i += 2)
            {
                if (content[i] == 0 && content[i + 1] == 0)
                {
                    return true;
                }
            }

            return false;
        }

        return Array.IndexOf(content, (byte)0) >= 0;
    }

    /// <summary>
    /// Decodes as the compiler decodes an AdditionalFile: by its byte-order mark, else as UTF-8 when valid, else as Latin-1
    /// (csc falls back to the system's code page, which is Latin-1 or Windows-1252 for the bytes that matter here).
    /// </summary>
    public static string Decode(byte[] content)
    {
        if (content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF)
        {
            return Encoding.UTF8.GetString(content, 3, content.Length - 3);
        }

        if (content.Length >= 2 && content[0] == 0xFF && content[1] == 0xFE)
        {
            return Encoding.Unicode.GetString(content, 2, content.Length - 2);
        }

        if (content.Length >= 2 && content[0] == 0xFE && content[1] == 0xFF)
        {
            return Encoding.BigEndianUnicode.GetString(content, 2, content.Length - 2);
        }

        try
        {
            return StrictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            return Latin1.GetString(content);
        }
    }

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly Encoding Latin1 = Encoding.GetEncoding("iso-8859-1");

    private static bool HasControlCharacter(string path)
    {
        foreach (var c in path)
        {
            if (c < ' ' || c == '\u007F')
            {
                return true;
            }
        }

        return false;
    }

    private static string TooLargeMessage(long length, long maxBytes)
        => "it is " + Megabytes(length) + ", larger than the " + Megabytes(maxBytes) + " read limit";

    private static string Megabytes(long bytes)
        => bytes >= 1024 * 1024
            ? (bytes / (1024 * 1024)).ToString(System.Globalization.CultureInfo.InvariantCulture) + " MB"
            : bytes.ToString(System.Globalization.CultureInfo.InvariantCulture) + " bytes";
}
