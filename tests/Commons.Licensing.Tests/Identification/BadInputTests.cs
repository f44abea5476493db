// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Linq;
using System.Text;

namespace Commons.Licensing.Tests.Identification;

/// <summary>Input that is not a licence text: a clear NOASSERTION with a reason, never an exception.</summary>
public sealed class BadInputTests
{
    private static readonly LicenseIdentifier Identifier = LicenseIdentifier.Default;

    private static string Mit => SpdxCatalog.Default.GetText("MIT")!;

    [Theory]
    [InlineData(new byte[0], "empty")]
    [InlineData(new byte[] { 0x4D, 0x49, 0x54, 0x00, 0x01, 0x02 }, "binary")]
    // Not UTF-8, and too many control characters for Windows-1252 text (which invalid UTF-8 is otherwise read as).
    [InlineData(new byte[] { 0x50, 0x65, 0x72, 0x6D, 0xC3, 0x28, 0x69, 0x01, 0x02 }, "UTF-8")]
    [InlineData(new byte[] { 0x50, 0xFF, 0xFE, 0x20, 0x1B, 0x7F }, "Windows-1252")]
    public void BadBytesGiveNoAssertionWithAReason(byte[] content, string reasonMentions)
    {
        var result = Identifier.Identify(content);
        Assert.False(result.IsMatch);
        Assert.Null(result.License);
        Assert.Contains(reasonMentions, result.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t\n")]
    public void BlankTextIsNoAssertion(string text)
    {
        var result = Identifier.Identify(text);
        Assert.False(result.IsMatch);
        Assert.Contains("empty", result.Reason, StringComparison.Ordinal);
        Assert.False(result.IsFailure);
    }

    [Fact]
    public void AFailedIdentifierSaysSo_UnlikeATextThatMatchesNothing()
    {
        // A cache keeps answers about texts; an identifier's own failure is not one (IdentificationMemo relies on this).
        var failure = LicenseIdentification.Failure(new InvalidOperationException("boom"));
        Assert.True(failure.IsFailure);
        Assert.False(failure.IsMatch);
        Assert.Contains("InvalidOperationException", failure.Reason, StringComparison.Ordinal);
        Assert.False(Identifier.Identify("Some words that are not a licence at all, repeated to be long enough.").IsFailure);
        Assert.False(Identifier.Identify(Mit).IsFailure);
    }

    [Fact]
    public void ACopyrightNoticeAloneIsNotALicence()
    {
        var result = Identifier.Identify("Copyright (c) 2024 Jane Example\nAll rights reserved.\n");
        Assert.False(result.IsMatch);
        Assert.NotNull(result.Reason);
    }

    [Fact]
    public void Utf16WithByteOrderMarkIsDecoded()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Mit)).ToArray();
        Assert.Equal("MIT", Identifier.Identify(bytes).License);
        var bigEndian = Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(Mit)).ToArray();
        Assert.Equal("MIT", Identifier.Identify(bigEndian).License);
    }

    [Fact]
    public void Utf8WithByteOrderMarkIsDecoded()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Mit)).ToArray();
        Assert.Equal("MIT", Identifier.Identify(bytes).License);
    }

    [Fact]
    public void ACharacterCutInHalfByTheCallersCapIsIgnored()
    {
        var bytes = Encoding.UTF8.GetBytes(Mit + "\n— ©");
        var cut = bytes.Take(bytes.Length - 1).ToArray(); // "©" is two bytes: keep only the first
        Assert.Equal("MIT", Identifier.Identify(cut).License);
    }

    [Fact]
    public void OneMebibyteOfTextIsAnsweredWithoutAnException()
    {
        // What `commons identify` hands over for a 100 MB file: its first MiB.
        var random = new Random(7);
        var sb = new StringBuilder();
        while (sb.Length < 1024 * 1024)
        {
            sb.Append(Mit).Append("\n\n");
            for (var i = 0; i < 50; i++)
            {
                sb.Append((char)('a' + random.Next(26)));
            }

            sb.Append('\n');
        }

        var started = DateTime.UtcNow;
        var result = Identifier.Identify(Encoding.UTF8.GetBytes(sb.ToString()));
        Assert.False(result.IsMatch);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20), "took " + (DateTime.UtcNow - started));
    }

    [Fact]
    public void NullInputIsNoAssertion()
    {
        Assert.False(Identifier.Identify((byte[])null!).IsMatch);
        Assert.False(Identifier.Identify((string)null!).IsMatch);
    }
}
