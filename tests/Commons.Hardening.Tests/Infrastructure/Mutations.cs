// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CsCheck;

namespace Commons.Hardening.Tests.Infrastructure;

/// <summary>What one mutation does to a text (see <see cref="Mutations.Apply(string, TextMutation)"/>).</summary>
public enum TextMutationKind
{
    TruncateAnywhere,
    TruncateAtSyntax,
    DeleteSpan,
    DuplicateSpan,
    InsertFragment,
    ReplaceChar,
    LineEndings,
    RepeatSpan,
    DeepNesting,
    LongLine,
}

/// <summary>One mutation with its random parameters: a plain record, so CsCheck shrinks its numbers and prints it.</summary>
public readonly record struct TextMutation(TextMutationKind Kind, int A, int B, int Pick);

/// <summary>How a mutated text becomes bytes on disk.</summary>
public enum ByteEncoding
{
    Utf8,
    Utf8Bom,
    Utf16LeBom,
    Utf16LeNoBom,
    Utf16BeBom,
    Latin1,
}

/// <summary>One byte-level mutation applied after encoding.</summary>
public enum ByteMutationKind
{
    None,
    Truncate,
    FlipByte,
    InsertInvalidUtf8,
    InsertNul,
    RandomBytes,
}

public readonly record struct ByteMutation(ByteMutationKind Kind, int A, int Pick);

/// <summary>
/// Mutations of valid seeds (they find more bugs than pure noise): truncation at any and at syntactic positions, spans
/// deleted, duplicated or repeated, hostile fragments inserted, line endings mixed, deep nesting, very long lines; then
/// the text is encoded in one of several encodings (UTF-16 with and without BOM, Latin-1 …) and its bytes damaged.
/// Sizes stay bounded (a few hundred KB at most) so that a property stays fast and memory stays sane.
/// </summary>
public static class Mutations
{
    /// <summary>Depth of the deep-nesting mutation: far beyond any recursion a parser could afford per level.</summary>
    public const int NestingDepth = 10_000;

    /// <summary>Upper bound of a mutated text, in characters.</summary>
    public const int MaxLength = 400_000;

    /// <summary>Characters after which truncation is most interesting: inside a token, a string, an escape, a tag.</summary>
    private const string SyntaxChars = "\"'{}[]()<>:,=;&#\\/*-+\n\r\t !?@.";

    /// <summary>Fragments that break parsers: control characters, lone surrogates, BOMs, comment and markup delimiters, traversal.</summary>
    public static readonly IReadOnlyList<string> Fragments = new[]
    {
        "\0", "\uFEFF", "\uFFFD", "\uD800", "\uDC00", "\r", "\r\n", "\n\r", "\u2028", "\u0085", "\t", "\u001b[31m", "\\", "\\\\", "\\e", "\"", "'",
        "<", ">", "&", "&amp;", "&#0;", "&lol;", "]]>", "<![CDATA[", "<!--", "-->", "<!DOCTYPE x [<!ENTITY a \"aaaa\">]>", "*/", "/*", "//",
        "(", ")", "{", "}", "[", "]", ":", "::", "---", "...", "- ", "&anchor ", "*anchor", "!!binary ", "%YAML 1.1", "? ", "|", ">-",
        "../", "..\\", "../../../../etc/passwd", "/etc/passwd", "C:\\Windows\\win.ini", "\\\\server\\share\\LICENSE", "file:///etc/passwd",
        "NOASSERTION", " WITH ", " AND ", " OR ", "+", "LicenseRef-", "DocumentRef-x:", "SPDX-License-Identifier:", "SPDX-FileCopyrightText:",
        "Copyright ", "\u00A9", "é", "\u4E2D\u6587", "\U0001F600", "0", "-1", "2147483648", "1e309", "NaN", "-0", "9999-99-99", "true", "null",
        "[Package]", "reason =", "=", "commons-facts\t1", "\tpackage\t", "\\t", "\\n", "\\", "{\"a\":", "\"version\": -3,", "\"targets\": {},",
    };

    private static readonly (string Open, string Close)[] Nestings =
    {
        ("(", ")"), ("[", "]"), ("{\"a\":", "}"), ("- ", ""), ("<a>", "</a>"), ("/*", "*/"), ("a:\n", ""), ("{", "}"),
    };

    // Huge inputs (deep nesting, long lines, repeated spans) are rarer: each costs a parser milliseconds, not microseconds.
    private static readonly Gen<TextMutationKind> MutationKind = Gen.Frequency(
        (6, Gen.Const(TextMutationKind.TruncateAnywhere)),
        (6, Gen.Const(TextMutationKind.TruncateAtSyntax)),
        (5, Gen.Const(TextMutationKind.DeleteSpan)),
        (4, Gen.Const(TextMutationKind.DuplicateSpan)),
        (10, Gen.Const(TextMutationKind.InsertFragment)),
        (6, Gen.Const(TextMutationKind.ReplaceChar)),
        (4, Gen.Const(TextMutationKind.LineEndings)),
        (1, Gen.Const(TextMutationKind.RepeatSpan)),
        (1, Gen.Const(TextMutationKind.DeepNesting)),
        (1, Gen.Const(TextMutationKind.LongLine)));

    public static Gen<TextMutation> TextMutation { get; } =
        Gen.Select(MutationKind, Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], (k, a, b, p) => new TextMutation(k, a, b, p));

    public static Gen<ByteMutation> ByteMutation { get; } =
        Gen.Select(Gen.Enum<ByteMutationKind>(), Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], (k, a, p) => new ByteMutation(k, a, p));

    /// <summary>A seed with one to four mutations applied.</summary>
    public static Gen<string> Of(Gen<string> seeds)
        => Gen.Select(seeds, TextMutation.Array[1, 4], (seed, mutations) => mutations.Aggregate(seed, Apply));

    /// <summary>A mutated seed encoded in one of the <see cref="ByteEncoding"/>s, with byte damage.</summary>
    public static Gen<byte[]> BytesOf(Gen<string> seeds)
        => Gen.Select(Of(seeds), Gen.Enum<ByteEncoding>(), ByteMutation.Array[0, 3], (text, encoding, damage) => damage.Aggregate(Encode(text, encoding), Apply));

    /// <summary>Pure noise: random bytes, a few of them or many.</summary>
    public static Gen<byte[]> Noise { get; } = Gen.OneOf(Gen.Byte.Array[0, 64], Gen.Byte.Array[0, 4096]);

    public static string Apply(string text, TextMutation m)
    {
        var length = text.Length;
        var a = length == 0 ? 0 : m.A % (length + 1);
        var b = length == 0 ? 0 : m.B % (length + 1);
        var (start, end) = (Math.Min(a, b), Math.Max(a, b));
        string result;
        switch (m.Kind)
        {
            case TextMutationKind.TruncateAnywhere:
                result = text.Substring(0, a);
                break;
            case TextMutationKind.TruncateAtSyntax:
                var positions = Enumerable.Range(0, length).Where(i => SyntaxChars.IndexOf(text[i]) >= 0).ToArray();
                // Just after the syntax character: an opened string, tag, bracket or escape left unclosed.
                result = positions.Length == 0 ? text.Substring(0, a) : text.Substring(0, positions[m.Pick % positions.Length] + 1);
                break;
            case TextMutationKind.DeleteSpan:
                result = text.Remove(start, Math.Min(end - start, 64));
                break;
            case TextMutationKind.DuplicateSpan:
                result = text.Insert(end, text.Substring(start, Math.Min(end - start, 4096)));
                break;
            case TextMutationKind.InsertFragment:
                result = text.Insert(a, Fragments[m.Pick % Fragments.Count]);
                break;
            case TextMutationKind.ReplaceChar:
                result = length == 0 ? Fragments[m.Pick % Fragments.Count] : text.Remove(Math.Min(a, length - 1), 1).Insert(Math.Min(a, length - 1), Fragments[m.Pick % Fragments.Count]);
                break;
            case TextMutationKind.LineEndings:
                result = LineEndings(text, m.Pick % 4);
                break;
            case TextMutationKind.RepeatSpan:
                var span = text.Substring(start, Math.Min(Math.Max(end - start, 1), length - start));
                var times = span.Length == 0 ? 0 : Math.Min(1 + (m.Pick % 2000), MaxLength / span.Length);
                result = text.Insert(end, new StringBuilder().Insert(0, span, times).ToString());
                break;
            case TextMutationKind.DeepNesting:
                var (open, close) = Nestings[m.Pick % Nestings.Length];
                var depth = (m.Pick / Nestings.Length) % 2 == 0 ? NestingDepth : 1 + (m.Pick % 300);
                var closed = (m.Pick / 7) % 2 == 0;
                result = text.Insert(a, Repeat(open, depth) + (closed ? Repeat(close, depth) : ""));
                break;
            case TextMutationKind.LongLine:
                result = text.Insert(a, new string((char)('a' + (m.Pick % 26)), 10_000 + (m.Pick % 100_000)));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(m), m.Kind, "unknown mutation");
        }

        return result.Length > MaxLength ? result.Substring(0, MaxLength) : result;
    }

    public static byte[] Encode(string text, ByteEncoding encoding)
    {
        switch (encoding)
        {
            case ByteEncoding.Utf8:
                return Utf8(text);
            case ByteEncoding.Utf8Bom:
                return new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Utf8(text)).ToArray();
            case ByteEncoding.Utf16LeBom:
                return new byte[] { 0xFF, 0xFE }.Concat(Encoding.Unicode.GetBytes(text)).ToArray();
            case ByteEncoding.Utf16LeNoBom:
                return Encoding.Unicode.GetBytes(text);
            case ByteEncoding.Utf16BeBom:
                return new byte[] { 0xFE, 0xFF }.Concat(Encoding.BigEndianUnicode.GetBytes(text)).ToArray();
            case ByteEncoding.Latin1:
                return Encoding.Latin1.GetBytes(text);
            default:
                throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "unknown encoding");
        }
    }

    public static byte[] Apply(byte[] bytes, ByteMutation m)
    {
        var at = bytes.Length == 0 ? 0 : m.A % (bytes.Length + 1);
        switch (m.Kind)
        {
            case ByteMutationKind.None:
                return bytes;
            case ByteMutationKind.Truncate:
                return bytes.AsSpan(0, at).ToArray();
            case ByteMutationKind.FlipByte:
                if (bytes.Length == 0)
                {
                    return bytes;
                }

                var copy = (byte[])bytes.Clone();
                copy[Math.Min(at, copy.Length - 1)] ^= (byte)(1 + (m.Pick % 255));
                return copy;
            case ByteMutationKind.InsertInvalidUtf8:
                byte[][] invalid = { new byte[] { 0xC0, 0x80 }, new byte[] { 0xFF }, new byte[] { 0x80 }, new byte[] { 0xED, 0xA0, 0x80 }, new byte[] { 0xF4, 0x90, 0x80, 0x80 }, new byte[] { 0xE2, 0x82 } };
                return Insert(bytes, at, invalid[m.Pick % invalid.Length]);
            case ByteMutationKind.InsertNul:
                return Insert(bytes, at, new byte[1 + (m.Pick % 3)]);
            case ByteMutationKind.RandomBytes:
                var random = new Random(m.Pick);
                var noise = new byte[1 + (m.Pick % 256)];
                random.NextBytes(noise);
                return Insert(bytes, at, noise);
            default:
                throw new ArgumentOutOfRangeException(nameof(m), m.Kind, "unknown mutation");
        }
    }

    public static string LineEndings(string text, int style)
    {
        var lf = text.Replace("\r\n", "\n").Replace('\r', '\n');
        switch (style)
        {
            case 0:
                return lf;
            case 1:
                return lf.Replace("\n", "\r\n");
            case 2:
                return lf.Replace('\n', '\r');
            default:
                // Every other line ending differs: LF, CRLF, CR in turn.
                // A CR just before an empty line's LF would make one CRLF of two line breaks: that line gets CRLF instead.
                var sb = new StringBuilder(text.Length + 16);
                var line = 0;
                for (var i = 0; i < lf.Length; i++)
                {
                    var c = lf[i];
                    var ending = (line++ % 3) switch { 0 => "\n", 1 => "\r\n", _ => i + 1 < lf.Length && lf[i + 1] == '\n' ? "\r\n" : "\r" };
                    sb.Append(c == '\n' ? ending : c.ToString());
                }

                return sb.ToString();
        }
    }

    public static string Repeat(string s, int times) => new StringBuilder(s.Length * times).Insert(0, s, times).ToString();

    /// <summary>A short, printable description of a hostile input for failure messages (CsCheck prints the seed beside it).</summary>
    public static string Describe(string? text)
    {
        if (text is null)
        {
            return "null";
        }

        var head = text.Length <= 300 ? text : text.Substring(0, 300) + "…";
        var escaped = new StringBuilder();
        foreach (var c in head)
        {
            escaped.Append(c < 32 || (c >= 0x7F && c < 0xA0) || char.IsSurrogate(c) ? "\\u" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture) : c.ToString());
        }

        return "[" + text.Length + " chars] " + escaped;
    }

    public static string Describe(byte[] bytes)
        => "[" + bytes.Length + " bytes] " + Convert.ToHexString(bytes.AsSpan(0, Math.Min(bytes.Length, 120)));

    private static byte[] Utf8(string text) => new UTF8Encoding(false, false).GetBytes(text);

    private static byte[] Insert(byte[] bytes, int at, byte[] inserted)
    {
        var result = new byte[bytes.Length + inserted.Length];
        bytes.AsSpan(0, at).CopyTo(result);
        inserted.CopyTo(result.AsSpan(at));
        bytes.AsSpan(at).CopyTo(result.AsSpan(at + inserted.Length));
        return result;
    }
}
