// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Net;
using System.Text.RegularExpressions;

namespace Commons.Licensing.Identification;

/// <summary>
/// The readable text of an HTML document: a licence published as a page (a package's <c>license.html</c>, the text
/// behind a licence URL), which reads as markup, not as a licence, until the markup is gone.
/// </summary>
public static class HtmlText
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    private static readonly Regex Document = new(@"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex Hidden = new(@"<(script|style|head|nav|header|footer)\b.*?</\1\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex BlockTag = new(@"<\s*/?\s*(p|div|br|li|ul|ol|h[1-6]|pre|tr|table|section|article|blockquote|dt|dd|hr)\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex AnyTag = new(@"<[^>]*>", RegexOptions.CultureInvariant, Timeout);
    private static readonly Regex Comment = new(@"<!--.*?-->", RegexOptions.Singleline | RegexOptions.CultureInvariant, Timeout);

    /// <summary>True when the text is an HTML document (a doctype or an <c>html</c> element first), not Markdown that holds some tags.</summary>
    public static bool IsHtml(string text)
    {
        try
        {
            return Document.IsMatch(text.Length > 4096 ? text.Substring(0, 4096) : text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>
    /// Scripts, styles and page furniture (head, navigation, header, footer) dropped, block elements as line breaks,
    /// entities decoded. What is left around the licence (a site's menus) stays: the identifier then sees more than a
    /// licence and does not name one, which is the safe side. A document too tangled to reduce in time stays as it is.
    /// </summary>
    public static string ToText(string html)
    {
        try
        {
            var text = Comment.Replace(html, " ");
            text = Hidden.Replace(text, " ");
            text = BlockTag.Replace(text, "\n");
            text = AnyTag.Replace(text, " ");
            return WebUtility.HtmlDecode(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return html;
        }
    }
}
