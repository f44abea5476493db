// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Text;
using Commons.Hardening.Tests.Infrastructure;
using Commons.Licensing;
using CsCheck;
using Xunit.Abstractions;

namespace Commons.Hardening.Tests;

/// <summary>Licence text identification from bytes (<see cref="LicenseIdentifier.Identify(byte[])"/>): encodings, damage, noise.</summary>
public sealed class IdentificationHostileTests
{
    private static readonly Gen<string> CommonText = Gen.OneOf(Seeds.CommonTextIds).Select(id => SpdxCatalog.Default.GetText(id)!);

    private readonly ITestOutputHelper output;

    public IdentificationHostileTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    [Fact]
    public void A_licence_text_is_identified_the_same_in_every_encoding_with_a_byte_order_mark_and_any_line_endings()
    {
        var lossless = Gen.OneOf(ByteEncoding.Utf8, ByteEncoding.Utf8Bom, ByteEncoding.Utf16LeBom, ByteEncoding.Utf16BeBom);
        var gen = Gen.Select(Gen.OneOf(Seeds.CommonTextIds), lossless, Gen.Int[0, 3]);
        Property.Check(output, "identification/encodings", gen, t =>
        {
            var (id, encoding, lineEndings) = t;
            var text = Mutations.LineEndings(SpdxCatalog.Default.GetText(id)!, lineEndings);
            var expected = LicenseIdentifier.Default.Identify(Encoding.UTF8.GetBytes(SpdxCatalog.Default.GetText(id)!)).License;
            Assert.NotNull(expected);
            Assert.Equal(expected, LicenseIdentifier.Default.Identify(Mutations.Encode(text, encoding)).License);
        }, iter: 200, print: t => t.ToString());
    }

    [Fact]
    public void Damaged_licence_bytes_give_an_expression_or_NOASSERTION_with_a_reason()
    {
        Property.Check(output, "identification/mutated", Mutations.BytesOf(CommonText), AssertClearResult, iter: 250, print: Mutations.Describe);
    }

    [Fact]
    public void Random_bytes_give_an_expression_or_NOASSERTION_with_a_reason()
    {
        Property.Check(output, "identification/noise", Mutations.Noise, AssertClearResult, iter: 1500, print: Mutations.Describe);
    }

    // UTF-16 without a byte-order mark is read since issue 13 (where ASCII text puts its NUL bytes says the byte order):
    // EncodingTests in Commons.Licensing.Tests hold that case.
    [Theory]
    [InlineData(ByteEncoding.Latin1, "UTF-8")]
    public void A_licence_in_an_undeclared_encoding_is_NOASSERTION_saying_why(ByteEncoding encoding, string reasonMentions)
    {
        // Latin-1 differs from UTF-8 only outside ASCII: the MIT text gets a copyright line with an accent.
        var text = "Copyright (c) 2024 Hélène Dupré\n\n" + SpdxCatalog.Default.GetText("MIT");

        var result = LicenseIdentifier.Default.Identify(Mutations.Encode(text, encoding));

        Assert.Null(result.License);
        Assert.Contains(reasonMentions, result.Reason, StringComparison.Ordinal);
    }

    private static void AssertClearResult(byte[] content)
    {
        var result = LicenseIdentifier.Default.Identify(content);
        Assert.InRange(result.Confidence, 0, 100);
        Assert.InRange(result.ClosestConfidence, 0, 100);
        if (result.License is null)
        {
            Assert.False(string.IsNullOrWhiteSpace(result.Reason), "NOASSERTION without a reason");
        }
        else
        {
            Assert.True(SpdxExpression.Parse(result.License).IsValid, "not an SPDX expression: " + result.License);
        }

        // Identify catches everything as a last resort; reaching that catch is a bug hidden from the user.
        Assert.DoesNotContain("identification failed", result.Reason ?? "", StringComparison.Ordinal);
    }
}
