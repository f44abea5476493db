// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Text;

namespace Commons.Compliance.Reuse;

/// <summary>
/// Finds the licensing information in a text the way the REUSE Tool (3.3) reads it, whatever the comment style: every line
/// that holds <c>SPDX-License-Identifier:</c> or a copyright notice (<c>SPDX-FileCopyrightText:</c>,
/// <c>SPDX-SnippetCopyrightText:</c>, <c>Copyright</c> followed by a space, <c>©</c> or <c>(c)</c>, or <c>©</c>) counts,
/// with the closing marks of every comment style (<c>*/</c>, <c>--&gt;</c>, <c>*)</c> …) removed from its end, and text
/// between <c>REUSE-IgnoreStart</c> and <c>REUSE-IgnoreEnd</c> left out. Linear in the text; it keeps at most
/// <see cref="MaxTags"/> tags, so that a hostile file costs memory in proportion to what it can state, not to its length.
/// </summary>
public sealed class ReuseTagScanner
{
    /// <summary>The most tags kept from one file: real files state a handful.</summary>
    public const int MaxTags = 1000;

    public const string IgnoreStart = "REUSE-IgnoreStart";
    public const string IgnoreEnd = "REUSE-IgnoreEnd";

    private const string LicenseTag = "SPDX-License-Identifier:";

    /// <summary>The closing marks of the REUSE Tool's comment styles, longest first, stripped from the end of a value.</summary>
    private static readonly string[] CommentEnds = { "--%>", "--}}", "-->", "*)", "*/", "#}", "=#", "-/", "'/", "*#", ":)", "}" };

    private readonly List<ReuseTag> tags = new();
    private readonly HashSet<string> seenLicenses = new(StringComparer.Ordinal);
    private readonly HashSet<string> seenCopyrights = new(StringComparer.Ordinal);
    private bool inIgnoreBlock;
    private int lineOffset;

    /// <summary>Every distinct tag, in order of appearance (at most <see cref="MaxTags"/>).</summary>
    public IReadOnlyList<ReuseTag> Tags => tags;

    public bool HasLicense { get; private set; }

    public bool HasCopyright { get; private set; }

    /// <summary>Scans one whole text.</summary>
    public static ReuseTagScanner Scan(string text)
    {
        var scanner = new ReuseTagScanner();
        scanner.Add(text);
        return scanner;
    }

    /// <summary>
    /// Scans the next piece of a text read in pieces that end at a line break (the REUSE Tool reads 64 KB and the rest of the
    /// line); an ignore block may span pieces. Offsets in the tags are those of the piece when it had no ignore block, else -1.
    /// </summary>
    public void Add(string piece)
    {
        var text = piece;
        var filtered = false;
        if (inIgnoreBlock || text.IndexOf("REUSE-Ignore", StringComparison.Ordinal) >= 0)
        {
            text = FilterIgnoreBlocks(text, inIgnoreBlock, out inIgnoreBlock);
            filtered = true;
        }

        var line = 0;
        var start = 0;
        while (start <= text.Length)
        {
            var end = start;
            while (end < text.Length && text[end] != '\n' && text[end] != '\r')
            {
                end++;
            }

            // Only a line that names a tag or a notice is looked at: the scan stays one pass over the text.
            if (end > start)
            {
                ScanLine(text, start, end, filtered ? -1 : 0, lineOffset + line + 1);
            }

            if (end >= text.Length)
            {
                break;
            }

            start = end + (text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? 2 : 1);
            line++;
        }

        lineOffset += line;
    }

    /// <summary>The information found, as the file's own (header) information.</summary>
    public ReuseInfo ToInfo(ReuseSource source = ReuseSource.FileHeader, string? sourcePath = null)
    {
        var expressions = new List<string>();
        var copyrights = new List<string>();
        foreach (var tag in tags)
        {
            (tag.IsLicense ? expressions : copyrights).Add(tag.Value);
        }

        return new ReuseInfo(expressions, copyrights, source, sourcePath);
    }

    /// <summary>
    /// The REUSE Tool's ignore-block filter: the text from <c>REUSE-IgnoreStart</c> to the end of the next
    /// <c>REUSE-IgnoreEnd</c> is removed; an unclosed block runs to the end of the piece and into the next.
    /// </summary>
    internal static string FilterIgnoreBlocks(string text, bool inBlock, out bool stillInBlock)
    {
        var result = new StringBuilder();
        var rest = text;
        var open = inBlock;
        while (true)
        {
            var start = rest.IndexOf(IgnoreStart, StringComparison.Ordinal);
            var endAt = rest.IndexOf(IgnoreEnd, StringComparison.Ordinal);
            var ignoreStart = start >= 0 ? start : (open ? 0 : -1);
            if (ignoreStart < 0)
            {
                result.Append(rest);
                stillInBlock = false;
                return result.ToString();
            }

            if (endAt < 0)
            {
                result.Append(rest, 0, ignoreStart);
                stillInBlock = true;
                return result.ToString();
            }

            var ignoreEnd = endAt + IgnoreEnd.Length;
            if (ignoreStart < ignoreEnd)
            {
                result.Append(rest, 0, ignoreStart);
                rest = rest.Substring(ignoreEnd);
                open = false;
                continue;
            }

            // An end mark before the start mark: the block opens at the start mark and closes at the next end mark.
            var after = rest.Substring(ignoreStart + IgnoreStart.Length);
            var close = after.IndexOf(IgnoreEnd, StringComparison.Ordinal);
            result.Append(rest, 0, ignoreStart);
            if (close < 0)
            {
                stillInBlock = true;
                return result.ToString();
            }

            rest = after.Substring(close + IgnoreEnd.Length);
            open = false;
        }
    }

    private void ScanLine(string text, int start, int end, int offsetSign, int line)
    {
        var marker = FirstMarker(text, start, end);
        if (marker < 0)
        {
            return;
        }

        // The REUSE Tool removes the reversed opening of the comment from the end of the line ("/*" → "*/", "#" → "#").
        var prefix = text.Substring(start, marker - start).Trim();
        var lineEnd = end;
        if (prefix.Length > 0)
        {
            var reversed = Reverse(prefix);
            if (lineEnd - start >= reversed.Length && string.CompareOrdinal(text, lineEnd - reversed.Length, reversed, 0, reversed.Length) == 0)
            {
                lineEnd -= reversed.Length;
            }
        }

        var notice = FirstCopyrightNotice(text, start, lineEnd);
        if (notice >= 0)
        {
            var valueEnd = ValueEnd(text, notice, lineEnd);
            Add(false, text.Substring(notice, valueEnd - notice), offsetSign < 0 ? -1 : notice, line);
            return;
        }

        var at = IndexOf(text, LicenseTag, start, lineEnd);
        if (at >= 0)
        {
            var valueStart = at + LicenseTag.Length;
            while (valueStart < lineEnd && char.IsWhiteSpace(text[valueStart]))
            {
                valueStart++;
            }

            var valueEnd = Math.Max(valueStart, ValueEnd(text, valueStart, lineEnd));
            Add(true, text.Substring(valueStart, valueEnd - valueStart), offsetSign < 0 ? -1 : valueStart, line);
        }
    }

    private void Add(bool isLicense, string value, int valueStart, int line)
    {
        if (isLicense)
        {
            HasLicense = true;
        }
        else
        {
            HasCopyright = true;
        }

        var seen = isLicense ? seenLicenses : seenCopyrights;
        if (tags.Count < MaxTags && seen.Add(value))
        {
            tags.Add(new ReuseTag(isLicense, value, valueStart, line));
        }
    }

    /// <summary>The first place in the line where an <c>SPDX-…:</c> tag, <c>Copyright</c> or <c>©</c> starts; -1 when none.</summary>
    private static int FirstMarker(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c == '\u00A9')
            {
                return i;
            }

            if (c == 'C' && StartsWith(text, i, end, "Copyright"))
            {
                return i;
            }

            if (c == 'S' && StartsWith(text, i, end, "SPDX-") && IsSpdxTag(text, i + 5, end))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary><c>SPDX-\S+:</c>: a run of non-blank characters after <c>SPDX-</c> with a colon after its first character.</summary>
    private static bool IsSpdxTag(string text, int at, int end)
    {
        for (var i = at; i < end && !char.IsWhiteSpace(text[i]); i++)
        {
            if (text[i] == ':' && i > at)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Where the first copyright notice of the line starts: <c>SPDX-FileCopyrightText:</c>, <c>SPDX-SnippetCopyrightText:</c>,
    /// <c>Copyright</c> followed by a blank, <c>©</c> or <c>(c)</c>, or <c>©</c>; -1 when none.
    /// </summary>
    private static int FirstCopyrightNotice(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c == '\u00A9')
            {
                return i;
            }

            if (c == 'S' && (StartsWith(text, i, end, "SPDX-FileCopyrightText:") || StartsWith(text, i, end, "SPDX-SnippetCopyrightText:")))
            {
                return i;
            }

            if (c == 'C' && StartsWith(text, i, end, "Copyright"))
            {
                var after = i + "Copyright".Length;
                var j = after;
                while (j < end && char.IsWhiteSpace(text[j]))
                {
                    j++;
                }

                if ((after < end && char.IsWhiteSpace(text[after]))
                    || (j < end && text[j] == '\u00A9')
                    || (j + 2 < end && text[j] == '(' && (text[j + 1] == 'c' || text[j + 1] == 'C') && text[j + 2] == ')'))
                {
                    return i;
                }
            }
        }

        return -1;
    }

    /// <summary>
    /// The end of a value: trailing blanks, then the closing marks of comments and of markup attributes (<c>"&gt;</c>,
    /// <c>"/&gt;</c>, <c>"&#41;</c>, <c>] ::</c>) written one after the other, then blanks again, are not part of it.
    /// </summary>
    private static int ValueEnd(string text, int start, int end)
    {
        var e = TrimEnd(text, start, end);
        while (true)
        {
            var stripped = StripClosingMark(text, start, e);
            if (stripped == e)
            {
                break;
            }

            e = stripped;
        }

        return TrimEnd(text, start, e);
    }

    private static int StripClosingMark(string text, int start, int end)
    {
        foreach (var mark in CommentEnds)
        {
            if (end - start >= mark.Length && string.CompareOrdinal(text, end - mark.Length, mark, 0, mark.Length) == 0)
            {
                return end - mark.Length;
            }
        }

        // "\s*/*>" after a quote, "\s*\)" after a double quote, "\s*::" after a closing bracket.
        var i = end - 1;
        if (i >= start && (text[i] == '>' || text[i] == ')' || text[i] == ':'))
        {
            var last = text[i];
            if (last == ':')
            {
                if (i - 1 < start || text[i - 1] != ':')
                {
                    return end;
                }

                i -= 2;
            }
            else
            {
                i--;
                if (last == '>')
                {
                    while (i >= start && text[i] == '/')
                    {
                        i--;
                    }
                }
            }

            while (i >= start && char.IsWhiteSpace(text[i]))
            {
                i--;
            }

            if (i >= start && ((last == '>' && (text[i] == '"' || text[i] == '\'')) || (last == ')' && text[i] == '"') || (last == ':' && text[i] == ']')))
            {
                return i;
            }
        }

        return end;
    }

    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }

    private static int IndexOf(string text, string value, int start, int end)
        => end - start < value.Length ? -1 : text.IndexOf(value, start, end - start, StringComparison.Ordinal);

    private static bool StartsWith(string text, int at, int end, string value)
        => end - at >= value.Length && string.CompareOrdinal(text, at, value, 0, value.Length) == 0;

    private static string Reverse(string value)
    {
        var chars = value.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }
}
