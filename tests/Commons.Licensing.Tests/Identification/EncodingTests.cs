// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Linq;
using System.Text;

namespace Commons.Licensing.Tests.Identification;

/// <summary>
/// Licence files in UTF-16 and UTF-32, either byte order, with or without a byte-order mark (Windows editors and some
/// generators write them): decoded and identified; bytes that only look like them are refused with a reason.
/// </summary>
public sealed class EncodingTests
{
    private static readonly LicenseIdentifier Identifier = LicenseIdentifier.Default;

    private static string Mit => SpdxCatalog.Default.GetText("MIT")!;

    [Theory]
    [InlineData("utf-16le", true)]
    [InlineData("utf-16le", false)]
    [InlineData("utf-16be", true)]
    [InlineData("utf-16be", false)]
    [InlineData("utf-32le", true)]
    [InlineData("utf-32le", false)]
    [InlineData("utf-32be", true)]
    [InlineData("utf-32be", false)]
    public void AUnicodeLicenceFileIsReadInEitherByteOrderWithOrWithoutItsMark(string encodingName, bool withMark)
    {
        var encoding = Encoding.GetEncoding(encodingName);
        var text = "MIT License\n\nCopyright (c) 2024 Jane Doë\n\n" + Mit;
        var bytes = (withMark ? encoding.GetPreamble() : Array.Empty<byte>()).Concat(encoding.GetBytes(text)).ToArray();
        var result = Identifier.Identify(bytes);
        Assert.True(result.License == "MIT", encodingName + (withMark ? " with" : " without") + " a mark: " + result);
    }

    [Fact]
    public void AUtf32MarkIsNotReadAsAUtf16One()
    {
        // FF FE 00 00 starts like UTF-16 LE's mark; read as UTF-16, every other character would be a NUL.
        var bytes = new UTF32Encoding(bigEndian: false, byteOrderMark: true).GetPreamble().Concat(new UTF32Encoding(false, false).GetBytes(Mit)).ToArray();
        Assert.Equal("MIT", Identifier.Identify(bytes).License);
    }

    [Fact]
    public void Utf16WithALoneSurrogateIsRefusedWithAReason()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Mit)).Concat(new byte[] { 0x00, 0xD8, 0x41, 0x00 }).ToArray();
        var result = Identifier.Identify(bytes);
        Assert.Null(result.License);
        Assert.Contains("UTF-16", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void BinaryWithNulBytesIsStillRefused()
    {
        // An image's header and a few bytes: NULs, but not where ASCII text in UTF-16 or UTF-32 would have them.
        var bytes = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00 };
        var result = Identifier.Identify(bytes);
        Assert.Null(result.License);
        Assert.Contains("binary", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AWindows1252LicenceFileIsRead()
    {
        // "Copyright © 2024 Jane Doë", with curly quotes, in Windows-1252 (0xA9, 0xEB, 0x93/0x94): not valid UTF-8.
        var text = "MIT License\n\nCopyright \u00A9 2024 Jane Do\u00EB\n\n" + Mit.Replace("\"AS IS\"", "\u201CAS IS\u201D");
        var bytes = text.Select(c => c switch { '\u201C' => (byte)0x93, '\u201D' => (byte)0x94, _ => (byte)c }).ToArray();
        Assert.Throws<DecoderFallbackException>(() => new UTF8Encoding(false, true).GetString(bytes));
        Assert.Equal("MIT", Identifier.Identify(bytes).License);
    }

    [Fact]
    public void BytesFullOfControlCharactersAreNotTakenForWindows1252Text()
    {
        // No NUL, not UTF-8, and one byte in eight a control character: not text in any encoding.
        var bytes = Enumerable.Range(0, 4000).Select(i => (byte)(i % 8 == 0 ? 0x01 : 0xC0 + (i % 50))).ToArray();
        var result = Identifier.Identify(bytes);
        Assert.Null(result.License);
        Assert.Contains("Windows-1252", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AnRtfLicenceFileIsReadAsItsText()
    {
        // What WordPad writes: tables of fonts and colours, a generator group, paragraphs, a Windows-1252 apostrophe (\'92),
        // a \u character with its fallback, and a NUL after the last brace.
        var body = string.Join("\\par\r\n", Mit.Replace("\\", "\\\\").Replace("{", "\\{").Replace("}", "\\}").Split('\n'))
            .Replace("the Software's", "the Software\\'92s")
            .Replace("Permission is hereby", "Permission\\u160? is hereby");
        var rtf = "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss\\fcharset0 Calibri;}}{\\colortbl ;\\red31\\green73\\blue125;}\r\n"
            + "{\\*\\generator Riched20 10.0;}\\viewkind4\\uc1\\pard\\sa200\\f0\\fs22 MIT License\\par\r\n\\par\r\n"
            + body + "\\par\r\n}\r\n\0";
        var result = Identifier.Identify(Encoding.ASCII.GetBytes(rtf));
        Assert.True(result.License == "MIT", result.ToString());
    }

    [Fact]
    public void RtfMarkupWithoutALicenceIsNoAssertionNotACrash()
    {
        var rtf = "{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}{\\*\\x" + new string('{', 5000) + "\\bin999999999 \\u-3 \\'zz\\";
        var result = Identifier.Identify(Encoding.ASCII.GetBytes(rtf));
        Assert.Null(result.License);
    }
}
