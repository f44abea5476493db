// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Text;

namespace Commons.Licensing.Identification;

/// <summary>Bytes of a would-be licence file → text, or the reason it is not text.</summary>
/// <remarks>
/// UTF-8 (BOM optional), UTF-16 and UTF-32 in either byte order, with or without a BOM: Windows editors write UTF-16
/// with a BOM, some generators write it without one, and a licence file in UTF-16 is still a licence file. Without a
/// BOM the encoding is read from where the NUL bytes of ASCII text fall (a licence text is mostly ASCII); anything that
/// does not decode cleanly is refused with a reason rather than guessed. Rich Text Format files are read as their text
/// (<see cref="RtfText"/>); text that is not valid UTF-8 is read as Windows-1252 (a superset of ISO-8859-1, the
/// encoding of many older licence files) when it holds no more control characters than text does.
/// </remarks>
internal static class LicenseTextDecoder
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Encoding StrictUtf16Le = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly Encoding StrictUtf16Be = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly Encoding StrictUtf32Le = new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true);
    private static readonly Encoding StrictUtf32Be = new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true);

    // Code units sampled to recognise UTF-16/UTF-32 without a BOM, and the share of them that must look like ASCII.
    private const int SampledUnits = 512;
    private const double AsciiShare = 0.9;

    /// <summary>Decodes the content; anything that is not text gets a reason instead.</summary>
    public static string? Decode(byte[]? content, out string? reason)
    {
        reason = null;
        if (content is null || content.Length == 0)
        {
            reason = LicenseIdentification.EmptyFileReason;
            return null;
        }

        // RTF is 7-bit markup (a trailing NUL is common in WordPad's files): its text, not its bytes, is the licence.
        if (RtfText.IsRtf(content))
        {
            return RtfText.ToText(content);
        }

        var (encoding, skip, name) = Detect(content);
        if (encoding is not null)
        {
            var unit = encoding == StrictUtf16Le || encoding == StrictUtf16Be ? 2 : 4;
            var length = (content.Length - skip) / unit * unit;
            string text;
            try
            {
                text = encoding.GetString(content, skip, length);
            }
            catch (DecoderFallbackException)
            {
                reason = "not valid " + name + " text";
                return null;
            }

            if (text.IndexOf('\0') >= 0)
            {
                reason = "binary content (NUL characters in " + name + " text)";
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
            // Licence files from before UTF-8 (the CeCILL texts cecill.info published, old Windows tools) are in
            // ISO-8859-1 or Windows-1252: read as Windows-1252, unless control characters say it is not text at all.
            var legacy = Windows1252(content, start, content.Length);
            if (legacy is null)
            {
                reason = "not valid UTF-8 text, nor Windows-1252 text";
            }

            return legacy;
        }
    }

    /// <summary>The character Windows-1252 gives a byte (ISO-8859-1 outside 0x80–0x9F; the five bytes it leaves undefined as C1 controls).</summary>
    public static char Windows1252(byte b) => b is >= 0x80 and <= 0x9F ? Windows1252High[b - 0x80] : (char)b;

    private const string Windows1252High = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

    /// <summary>Where a text may hold a control character (a form feed, a stray escape), but not one in a hundred.</summary>
    private const int MaxControlCharactersPerThousand = 10;

    private static string? Windows1252(byte[] content, int start, int end)
    {
        var chars = new char[end - start];
        var controls = 0;
        for (var i = start; i < end; i++)
        {
            var c = Windows1252(content[i]);
            chars[i - start] = c;
            if ((c < ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') || c is >= '\u007F' and <= '\u009F')
            {
                controls++;
            }
        }

        return controls * 1000L > (long)chars.Length * MaxControlCharactersPerThousand ? null : new string(chars);
    }

    /// <summary>The UTF-16/UTF-32 flavour of the content (BOM first, then the NUL pattern of ASCII), or null for UTF-8.</summary>
    private static (Encoding? Encoding, int Skip, string Name) Detect(byte[] c)
    {
        // UTF-32 LE's BOM starts like UTF-16 LE's: test the longer one first.
        if (c.Length >= 4 && c[0] == 0xFF && c[1] == 0xFE && c[2] == 0 && c[3] == 0)
        {
            return (StrictUtf32Le, 4, "UTF-32");
        }

        if (c.Length >= 4 && c[0] == 0 && c[1] == 0 && c[2] == 0xFE && c[3] == 0xFF)
        {
            return (StrictUtf32Be, 4, "UTF-32");
        }

        if (c.Length >= 2 && c[0] == 0xFF && c[1] == 0xFE)
        {
            return (StrictUtf16Le, 2, "UTF-16");
        }

        if (c.Length >= 2 && c[0] == 0xFE && c[1] == 0xFF)
        {
            return (StrictUtf16Be, 2, "UTF-16");
        }

        if (c.Length >= 8 && c.Length % 4 == 0)
        {
            if (LooksLikeAscii(c, 4, 0))
            {
                return (StrictUtf32Le, 0, "UTF-32");
            }

            if (LooksLikeAscii(c, 4, 3))
            {
                return (StrictUtf32Be, 0, "UTF-32");
            }
        }

        if (c.Length >= 4 && c.Length % 2 == 0)
        {
            if (LooksLikeAscii(c, 2, 0))
            {
                return (StrictUtf16Le, 0, "UTF-16");
            }

            if (LooksLikeAscii(c, 2, 1))
            {
                return (StrictUtf16Be, 0, "UTF-16");
            }
        }

        return (null, 0, "UTF-8");
    }

    /// <summary>
    /// True when most sampled code units of <paramref name="unit"/> bytes hold one ASCII byte at <paramref name="at"/> and
    /// zeros elsewhere: ASCII text in that encoding.
    /// </summary>
    private static bool LooksLikeAscii(byte[] c, int unit, int at)
    {
        var units = Math.Min(SampledUnits, c.Length / unit);
        var ascii = 0;
        for (var u = 0; u < units; u++)
        {
            var ok = c[(u * unit) + at] is > 0 and < 0x80;
            for (var b = 0; b < unit && ok; b++)
            {
                ok = b == at || c[(u * unit) + b] == 0;
            }

            ascii += ok ? 1 : 0;
        }

        return units > 0 && ascii >= units * AsciiShare;
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
