// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Text;

namespace Commons.Licensing.Identification;

/// <summary>Bytes of a would-be licence file → text, or the reason it is not text.</summary>
internal static class LicenseTextDecoder
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes UTF-8 (with or without BOM) and UTF-16 with a BOM; anything else gets a reason instead of text.</summary>
    public static string? Decode(byte[]? content, out string? reason)
    {
        reason = null;
        if (content is null || content.Length == 0)
        {
            reason = "empty file";
            return null;
        }

        // UTF-16 is unambiguous only with its byte-order mark; Windows editors write one.
        if (content.Length >= 2 && ((content[0] == 0xFF && content[1] == 0xFE) || (content[0] == 0xFE && content[1] == 0xFF)))
        {
            var encoding = content[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            var text = encoding.GetString(content, 2, (content.Length - 2) & ~1);
            if (text.IndexOf('\0') >= 0)
            {
                reason = "binary content (NUL characters in UTF-16 text)";
                return null;
            }

            return text;
        }

        if (Array.IndexOf(content, (byte)0) >= 0)
        {
            reason = "binary content (NUL bytes)";
            return null;
        }

        var start = content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF ? 3 : 0;

        // A caller that caps its reads may cut the last character in half: ignore an incomplete sequence at the very end.
        var end = content.Length - IncompleteTail(content);
        try
        {
            return StrictUtf8.GetString(content, start, Math.Max(0, end - start));
        }
        catch (DecoderFallbackException)
        {
            reason = "not valid UTF-8 text";
            return null;
        }
    }

    /// <summary>How many bytes at the end start a UTF-8 sequence that the content does not finish.</summary>
    private static int IncompleteTail(byte[] content)
    {
        for (var back = 1; back <= 3 && back <= content.Length; back++)
        {
            var b = content[content.Length - back];
            if ((b & 0xC0) == 0x80)
            {
                continue; // continuation byte: look further back for the lead byte
            }

            var needed = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 1;
            return needed > back ? back : 0;
        }

        return 0;
    }
}
