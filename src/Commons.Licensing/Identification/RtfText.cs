// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Text;

namespace Commons.Licensing.Identification;

/// <summary>
/// The plain text of a Rich Text Format document: Microsoft packages ship their licence terms as <c>.rtf</c>
/// (<c>License-Stable.rtf</c>, <c>EULA.rtf</c>), which read as markup, not as a licence, until the markup is gone.
/// </summary>
/// <remarks>
/// Only what a licence text needs: paragraphs, tabs, escaped and hexadecimal characters (Windows-1252, the code page
/// every such file declares; other code pages keep their ASCII), <c>\uN</c> characters, and the destinations that are
/// not text (font and colour tables, styles, lists, pictures, metadata, field instructions) left out. The reader never
/// throws: whatever it does not understand is skipped, and the caller identifies what is left.
/// </remarks>
internal static class RtfText
{
    /// <summary>Groups deeper than this are read as text without their markup being tracked (a hostile file's nesting).</summary>
    private const int MaxDepth = 256;

    // Control words that stand for a character of the text (paragraphs and rows as line breaks, cells as tabs); any other
    // control word is formatting.
    private static readonly Dictionary<string, char> WordCharacters = new(StringComparer.Ordinal)
    {
        ["par"] = '\n', ["line"] = '\n', ["sect"] = '\n', ["page"] = '\n', ["row"] = '\n',
        ["tab"] = '\t', ["cell"] = '\t',
        ["emdash"] = '-', ["endash"] = '-',
        ["lquote"] = '\'', ["rquote"] = '\'',
        ["ldblquote"] = '"', ["rdblquote"] = '"',
        ["bullet"] = '•',
    };

    // Destinations that hold no document text (RTF 1.9.1 spec, "Destinations"); any "{\*\…}" group is skipped too.
    private static readonly HashSet<string> SkippedDestinations = new(StringComparer.Ordinal)
    {
        "fonttbl", "colortbl", "stylesheet", "info", "pict", "listtable", "listoverridetable", "rsidtbl", "generator",
        "themedata", "colorschememapping", "datastore", "latentstyles", "xmlnstbl", "fldinst", "object", "objdata",
        "header", "headerl", "headerr", "headerf", "footer", "footerl", "footerr", "footerf", "filetbl", "revtbl",
        "pgdsctbl", "mmathPr", "listtext", "pntext", "pntxta", "pntxtb", "bkmkstart", "bkmkend", "shp", "nonshppict",
    };

    /// <summary>True when <paramref name="content"/> starts (after a UTF-8 BOM or white space) with an RTF header.</summary>
    public static bool IsRtf(byte[] content)
    {
        var at = content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF ? 3 : 0;
        while (at < content.Length && content[at] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            at++;
        }

        const string header = "{\\rtf";
        if (content.Length - at < header.Length)
        {
            return false;
        }

        for (var i = 0; i < header.Length; i++)
        {
            if (content[at + i] != header[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The document's text, paragraphs as lines.</summary>
    public static string ToText(byte[] content)
    {
        var text = new StringBuilder(content.Length / 2);
        // Per open group: whether its text is skipped, and how many fallback characters follow a \uN (\ucN).
        var skipped = new Stack<bool>();
        var fallbackWidths = new Stack<int>();
        var skipping = false;
        var fallbackWidth = 1;
        var pendingFallback = 0;
        var groupStart = false;
        var i = 0;
        while (i < content.Length)
        {
            var c = (char)content[i];
            switch (c)
            {
                case '{':
                    if (skipped.Count < MaxDepth)
                    {
                        skipped.Push(skipping);
                        fallbackWidths.Push(fallbackWidth);
                    }

                    groupStart = true;
                    i++;
                    continue;
                case '}':
                    if (skipped.Count > 0)
                    {
                        skipping = skipped.Pop();
                        fallbackWidth = fallbackWidths.Pop();
                    }

                    groupStart = false;
                    pendingFallback = 0;
                    i++;
                    continue;
                case '\r':
                case '\n':
                case '\0':
                    i++;
                    continue;
                case '\\':
                    i = ReadControl(content, i + 1, out var word, out var parameter, out var symbol);
                    var atGroupStart = groupStart;
                    groupStart = false;
                    if (symbol == '*' && atGroupStart)
                    {
                        skipping = true;
                        continue;
                    }

                    if (word is null)
                    {
                        if (pendingFallback > 0 && symbol == '\'')
                        {
                            pendingFallback--;
                        }
                        else if (!skipping)
                        {
                            AppendSymbol(text, symbol, parameter);
                        }

                        continue;
                    }

                    if (atGroupStart && SkippedDestinations.Contains(word))
                    {
                        skipping = true;
                        continue;
                    }

                    if (word == "bin" && parameter is > 0)
                    {
                        i = (int)Math.Min(content.Length, i + (long)parameter.Value);
                        continue;
                    }

                    if (word == "uc" && parameter is >= 0)
                    {
                        fallbackWidth = parameter.Value;
                        continue;
                    }

                    if (!skipping)
                    {
                        if (word == "u" && parameter is { } code)
                        {
                            text.Append((char)(code < 0 ? code + 65536 : code));
                            pendingFallback = fallbackWidth;
                            continue;
                        }

                        AppendWord(text, word);
                    }

                    continue;
                default:
                    groupStart = false;
                    if (pendingFallback > 0)
                    {
                        pendingFallback--;
                    }
                    else if (!skipping)
                    {
                        text.Append(c < 0x80 ? c : LicenseTextDecoder.Windows1252(content[i]));
                    }

                    i++;
                    continue;
            }
        }

        return text.ToString();
    }

    /// <summary>Reads a control word (letters, an optional signed number, one optional space) or a control symbol.</summary>
    private static int ReadControl(byte[] content, int i, out string? word, out int? parameter, out char symbol)
    {
        word = null;
        parameter = null;
        symbol = '\0';
        if (i >= content.Length)
        {
            return i;
        }

        var start = i;
        while (i < content.Length && i - start < 32 && IsLetter(content[i]))
        {
            i++;
        }

        if (i == start)
        {
            symbol = (char)content[i];
            i++;
            if (symbol == '\'' && i + 1 < content.Length && Hex(content[i]) is var high and >= 0 && Hex(content[i + 1]) is var low and >= 0)
            {
                parameter = (high * 16) + low;
                i += 2;
            }

            return i;
        }

        word = Encoding.ASCII.GetString(content, start, i - start);
        var negative = i < content.Length && content[i] == '-';
        var digitsStart = negative ? i + 1 : i;
        var j = digitsStart;
        long value = 0;
        while (j < content.Length && j - digitsStart < 10 && content[j] >= '0' && content[j] <= '9')
        {
            value = (value * 10) + (content[j] - '0');
            j++;
        }

        if (j > digitsStart)
        {
            parameter = (int)Math.Max(int.MinValue, Math.Min(int.MaxValue, negative ? -value : value));
            i = j;
        }

        if (i < content.Length && content[i] == ' ')
        {
            i++;
        }

        return i;
    }

    private static void AppendSymbol(StringBuilder text, char symbol, int? parameter)
    {
        switch (symbol)
        {
            case '\\':
            case '{':
            case '}':
                text.Append(symbol);
                break;
            case '\'':
                if (parameter is { } b)
                {
                    text.Append(b < 0x80 ? (char)b : LicenseTextDecoder.Windows1252((byte)b));
                }

                break;
            case '~':
                text.Append(' ');
                break;
            case '_':
                text.Append('-');
                break;
            case '\r':
            case '\n':
                text.Append('\n');
                break;
        }
    }

    private static void AppendWord(StringBuilder text, string word)
    {
        if (WordCharacters.TryGetValue(word, out var character))
        {
            text.Append(character);
        }
    }

    private static bool IsLetter(byte b) => (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');

    private static int Hex(byte b) => b >= '0' && b <= '9' ? b - '0' : b >= 'a' && b <= 'f' ? b - 'a' + 10 : b >= 'A' && b <= 'F' ? b - 'A' + 10 : -1;
}
