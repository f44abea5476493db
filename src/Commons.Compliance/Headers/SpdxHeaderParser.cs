// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;

namespace Commons.Compliance.Headers;

/// <summary>How the leading comment of a file is written; the code fix writes a new header in the same style.</summary>
public enum HeaderCommentStyle
{
    /// <summary>The file starts with no comment: a new header uses <c>//</c>.</summary>
    None,
    LineComment,
    BlockComment,
}

/// <summary>One <c>SPDX-…:</c> tag found in the header.</summary>
public sealed class HeaderTag
{
    public HeaderTag(int start, int length, string value, int valueStart)
    {
        Start = start;
        Length = length;
        Value = value;
        ValueStart = valueStart;
    }

    /// <summary>Offset of the tag name (e.g. of <c>SPDX-License-Identifier</c>).</summary>
    public int Start { get; }

    /// <summary>Length from the tag name to the end of its value.</summary>
    public int Length { get; }

    /// <summary>The value, trimmed, without a closing <c>*/</c>.</summary>
    public string Value { get; }

    public int ValueStart { get; }

    public int ValueLength => Value.Length;
}

/// <summary>What the leading comments of a file say.</summary>
public sealed class SpdxHeader
{
    internal SpdxHeader(HeaderCommentStyle style, int commentStart, int commentEnd, IReadOnlyList<HeaderTag> licenses, IReadOnlyList<HeaderTag> copyrights)
    {
        Style = style;
        CommentStart = commentStart;
        CommentEnd = commentEnd;
        Licenses = licenses;
        Copyrights = copyrights;
    }

    public HeaderCommentStyle Style { get; }

    /// <summary>Offset of the first leading comment (0 when there is none).</summary>
    public int CommentStart { get; }

    /// <summary>Offset just after the last leading comment (0 when there is none).</summary>
    public int CommentEnd { get; }

    /// <summary>Every <c>SPDX-License-Identifier:</c> tag, in order.</summary>
    public IReadOnlyList<HeaderTag> Licenses { get; }

    /// <summary>Every <c>SPDX-FileCopyrightText:</c> tag (or REUSE's <c>Copyright</c> / <c>©</c> notice), in order.</summary>
    public IReadOnlyList<HeaderTag> Copyrights { get; }
}

/// <summary>
/// Reads the SPDX tags from the comments at the top of a C# file (<c>//</c> and <c>/* */</c>), stopping at the first
/// token that is not a comment (a <c>#region</c>, a <c>using</c> …). Pure and allocation-light: it never reads past the header,
/// and the header is bounded: only the first <see cref="MaxHeaderLines"/> lines and <see cref="MaxHeaderLength"/> characters
/// can hold tags, so that a hostile comment of 110,000 tags gives as many findings as a header can, not one per line
/// (each finding costs the compiler and the build log far more than the parsing: 50,000 took a build from 4 s to 20 s).
/// </summary>
public static class SpdxHeaderParser
{
    public const string LicenseTag = "SPDX-License-Identifier:";
    public const string CopyrightTag = "SPDX-FileCopyrightText:";

    /// <summary>Lines of a file that can hold header tags: real headers, licence notices included, are a few dozen lines.</summary>
    public const int MaxHeaderLines = 200;

    /// <summary>Characters of a file that can hold header tags.</summary>
    public const int MaxHeaderLength = 32 * 1024;

    private static readonly string[] CopyrightNotices = { "Copyright ", "Copyright(", "\u00A9" };

    public static SpdxHeader Parse(string text)
    {
        var licenses = new List<HeaderTag>();
        var copyrights = new List<HeaderTag>();
        var style = HeaderCommentStyle.None;
        var first = -1;
        var end = 0;
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var limit = HeaderLimit(text);

        while (true)
        {
            while (i < limit && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i + 1 >= limit || text[i] != '/' || (text[i + 1] != '/' && text[i + 1] != '*'))
            {
                break;
            }

            var isBlock = text[i + 1] == '*';
            if (first < 0)
            {
                first = i;
                style = isBlock ? HeaderCommentStyle.BlockComment : HeaderCommentStyle.LineComment;
            }

            int commentEnd;
            if (isBlock)
            {
                var close = text.IndexOf("*/", i + 2, limit - (i + 2), StringComparison.Ordinal);
                commentEnd = close < 0 ? limit : close + 2;
            }
            else
            {
                commentEnd = Math.Min(LineEnd(text, i), limit);
            }

            ScanLines(text, i + 2, commentEnd, licenses, copyrights);
            i = commentEnd;
            end = commentEnd;
        }

        return new SpdxHeader(style, first < 0 ? 0 : first, end, licenses, copyrights);
    }

    /// <summary>The end of what can hold tags: the first <see cref="MaxHeaderLines"/> lines, at most <see cref="MaxHeaderLength"/> characters.</summary>
    public static int HeaderLimit(string text)
    {
        var limit = Math.Min(text.Length, MaxHeaderLength);
        var lines = 0;
        for (var i = 0; i < limit; i++)
        {
            var c = text[i];
            if ((c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n'))) && ++lines == MaxHeaderLines)
            {
                return i + 1;
            }
        }

        return limit;
    }

    private static void ScanLines(string text, int start, int end, List<HeaderTag> licenses, List<HeaderTag> copyrights)
    {
        var lineStart = start;
        while (lineStart < end)
        {
            var lineEnd = Math.Min(LineEnd(text, lineStart), end);
            Scan(text, lineStart, lineEnd, licenses, copyrights);
            lineStart = lineEnd + 1;
        }
    }

    private static void Scan(string text, int start, int end, List<HeaderTag> licenses, List<HeaderTag> copyrights)
    {
        var length = end - start;
        var at = text.IndexOf(LicenseTag, start, length, StringComparison.Ordinal);
        if (at >= 0)
        {
            licenses.Add(Tag(text, at, LicenseTag.Length, end));
            return;
        }

        at = text.IndexOf(CopyrightTag, start, length, StringComparison.Ordinal);
        if (at >= 0)
        {
            copyrights.Add(Tag(text, at, CopyrightTag.Length, end));
            return;
        }

        // REUSE also accepts a plain copyright notice at the start of a comment line.
        var contentStart = start;
        while (contentStart < end && (text[contentStart] == ' ' || text[contentStart] == '*' || text[contentStart] == '/' || text[contentStart] == '\t'))
        {
            contentStart++;
        }

        foreach (var notice in CopyrightNotices)
        {
            if (end - contentStart >= notice.Length && string.CompareOrdinal(text, contentStart, notice, 0, notice.Length) == 0)
            {
                copyrights.Add(Tag(text, contentStart, 0, end));
                return;
            }
        }
    }

    private static HeaderTag Tag(string text, int at, int tagLength, int lineEnd)
    {
        var valueStart = at + tagLength;
        var valueEnd = lineEnd;
        var close = text.IndexOf("*/", valueStart, lineEnd - valueStart, StringComparison.Ordinal);
        if (close >= 0)
        {
            valueEnd = close;
        }

        while (valueStart < valueEnd && char.IsWhiteSpace(text[valueStart]))
        {
            valueStart++;
        }

        while (valueEnd > valueStart && char.IsWhiteSpace(text[valueEnd - 1]))
        {
            valueEnd--;
        }

        return new HeaderTag(at, valueEnd - at, text.Substring(valueStart, valueEnd - valueStart), valueStart);
    }

    private static int LineEnd(string text, int start)
    {
        var i = start;
        while (i < text.Length && text[i] != '\n' && text[i] != '\r')
        {
            i++;
        }

        return i;
    }
}
