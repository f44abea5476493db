// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;
using System.Linq;
using Commons.Hardening.Tests.Infrastructure;
using Commons.Licensing;
using CsCheck;
using Xunit.Abstractions;

namespace Commons.Hardening.Tests;

/// <summary>
/// The normalised catalogue saved in the user's cache (<see cref="LicenseIdentifier.ReadIndex"/>): a damaged file is
/// refused; a damaged file whose checksum was recomputed (a foreign writer, tampering) is refused or, when read, still
/// identifies without an exception.
/// </summary>
public sealed class SavedIndexHostileTests
{
    private static readonly Lazy<byte[]> Saved = new(() =>
    {
        using var stream = new MemoryStream();
        LicenseIdentifier.Default.WriteIndex(stream);
        return stream.ToArray();
    });

    private readonly ITestOutputHelper output;

    public SavedIndexHostileTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    [Fact]
    public void A_damaged_saved_index_is_refused()
    {
        Property.Check(output, "saved-index/damaged", Mutations.ByteMutation.Where(m => m.Kind != ByteMutationKind.None), damage =>
        {
            var bytes = Mutations.Apply(Saved.Value, damage);
            Assert.Null(LicenseIdentifier.ReadIndex(SpdxCatalog.Default, new MemoryStream(bytes)));
        }, iter: 40, print: d => d.ToString());
    }

    [Fact]
    public void A_damaged_saved_index_with_a_matching_checksum_is_refused_or_still_identifies()
    {
        var mit = System.Text.Encoding.UTF8.GetBytes(SpdxCatalog.Default.GetText("MIT")!);
        Property.Check(output, "saved-index/re-checksummed", Mutations.ByteMutation.Array[1, 3], damage =>
        {
            var payload = damage.Aggregate(Saved.Value.AsSpan(0, Saved.Value.Length - sizeof(ulong)).ToArray(), Mutations.Apply);
            var bytes = payload.Concat(BitConverter.GetBytes(Fnv1a(payload))).ToArray();

            var read = LicenseIdentifier.ReadIndex(SpdxCatalog.Default, new MemoryStream(bytes));

            if (read is not null)
            {
                var result = read.Identify(mit);
                Assert.DoesNotContain("identification failed", result.Reason ?? "", StringComparison.Ordinal);
            }
        }, iter: 15, print: d => string.Join(", ", d));
    }

    [Fact]
    public void Random_bytes_and_an_empty_stream_are_refused()
    {
        Property.Check(output, "saved-index/noise", Mutations.Noise, bytes => Assert.Null(LicenseIdentifier.ReadIndex(SpdxCatalog.Default, new MemoryStream(bytes))), iter: 500, print: Mutations.Describe);
    }

    /// <summary>The checksum the index ends with (FNV-1a, 64 bits), so that a damaged payload passes it.</summary>
    private static ulong Fnv1a(byte[] bytes)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in bytes)
        {
            hash = unchecked((hash ^ b) * 1099511628211UL);
        }

        return hash;
    }
}
