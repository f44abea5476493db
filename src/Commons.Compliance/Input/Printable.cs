// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Globalization;
using System.Text;

namespace Commons.Compliance.Input;

/// <summary>
/// Text taken from files and packages (untrusted), made safe to show on a terminal, in a build log or in a report:
/// control characters (terminal escape sequences, line breaks that would forge a log line), bidirectional controls
/// (text that reads otherwise than it is) and lone surrogates are written as <c>\u001B</c>-style escapes.
/// </summary>
public static class Printable
{
    /// <summary>True for a character that must not reach a terminal or a log raw.</summary>
    public static bool MustEscape(char c)
        => c < 0x20
           || (c >= 0x7F && c <= 0x9F)
           || c == '\u061C'
           || c == '\u200E' || c == '\u200F'
           || (c >= '\u202A' && c <= '\u202E')
           || (c >= '\u2066' && c <= '\u2069')
           || c == '\u2028' || c == '\u2029';

    /// <summary><paramref name="text"/> with every character of <see cref="MustEscape"/> (and every lone surrogate) escaped; null gives "".</summary>
    public static string Escape(string? text) => Escape(text, keepLines: false);

    /// <summary>As <see cref="Escape(string?)"/>, but line feeds and tabs stay: for blocks of text (a licence, a NOTICE file).</summary>
    public static string EscapeKeepingLines(string? text) => Escape(text, keepLines: true);

    /// <summary>At most <paramref name="maxLength"/> characters of <paramref name="text"/>, escaped, with "…" when cut.</summary>
    public static string Excerpt(string? text, int maxLength)
    {
        if (text is null)
        {
            return "";
        }

        var cut = text.Length > maxLength;
        var head = cut ? text.Substring(0, maxLength) : text;
        if (cut && head.Length > 0 && char.IsHighSurrogate(head[head.Length - 1]))
        {
            head = head.Substring(0, head.Length - 1);
        }

        return Escape(head) + (cut ? "…" : "");
    }

    private static string Escape(string? text, bool keepLines)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var value = text!;
        if (!NeedsWork(value, keepLines))
        {
            return value;
        }

        var sb = new StringBuilder(value.Length + 16);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                sb.Append(c).Append(value[++i]);
            }
            else if (keepLines && (c == '\n' || c == '\t'))
            {
                sb.Append(c);
            }
            else if (keepLines && c == '\r' && i + 1 < value.Length && value[i + 1] == '\n')
            {
                // A Windows line end is a line end, not a control to show.
            }
            else if (MustEscape(c) || char.IsSurrogate(c))
            {
                sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static bool NeedsWork(string text, bool keepLines)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if ((MustEscape(c) && !(keepLines && (c == '\n' || c == '\t'))) || char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }
}
