// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Text;
using Commons.Compliance.Input;

namespace Commons.Cli.Output;

/// <summary>Escaping for text from repositories and packages (untrusted) written into Markdown.</summary>
internal static class Markdown
{
    /// <summary>
    /// Inline text: Markdown punctuation and HTML are made literal; line breaks become spaces; other control and
    /// bidirectional characters are escaped (<see cref="Printable"/>), so a nuspec's text cannot drive the terminal the
    /// document is printed on.
    /// </summary>
    public static string Inline(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var sb = new StringBuilder(text!.Length);
        foreach (var c in Printable.Escape(text.Replace("\r", "").Replace('\n', ' ')))
        {
            switch (c)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                case '\r': break;
                case '\n': sb.Append(' '); break;
                case '\\': case '`': case '*': case '_': case '[': case ']': case '|': case '#': case '!': case '~':
                    sb.Append('\\').Append(c);
                    break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// A block of verbatim text (a licence, a NOTICE file): a fenced code block whose fence is longer than any run of
    /// backticks inside, so the text can neither close it nor be read as Markdown or HTML.
    /// </summary>
    public static string Verbatim(string text)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = System.Math.Max(longest, run);
        }

        // Lines and tabs stay; any other control or bidirectional character is escaped (Printable).
        var fence = new string('`', System.Math.Max(3, longest + 1));
        return fence + "text\n" + Printable.EscapeKeepingLines(text.Replace("\r\n", "\n")).TrimEnd('\n') + "\n" + fence + "\n";
    }
}
