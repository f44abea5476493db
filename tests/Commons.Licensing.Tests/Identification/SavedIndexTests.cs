// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Commons.Licensing.Tests.Identification;

/// <summary>The normalised catalogue saved and read back: the same answers, and anything else in the file is refused.</summary>
public sealed class SavedIndexTests
{
    private static readonly Lazy<byte[]> Saved = new(() =>
    {
        using var stream = new MemoryStream();
        LicenseIdentifier.Default.WriteIndex(stream);
        return stream.ToArray();
    });

    [Fact]
    public void AReadIndexIdentifiesEveryCatalogueTextAsTheComputedOneDoes()
    {
        var read = LicenseIdentifier.ReadIndex(SpdxCatalog.Default, new MemoryStream(Saved.Value));

        Assert.NotNull(read);
        var different = CatalogueTextTests.LicensesWithText
            .Select(l => SpdxCatalog.Default.GetText(l.Id)!)
            .Select(text => (Text: TextVariants.Rewrap(text, 60), Expected: LicenseIdentifier.Default.Identify(TextVariants.Rewrap(text, 60))))
            .Where(c => read!.Identify(c.Text).ToString() != c.Expected.ToString())
            .Select(c => c.Expected.ToString())
            .ToList();
        Assert.Empty(different);
    }

    [Fact]
    public void AReadIndexKeepsWhereEachTemplateFieldAndRegionStands()
    {
        // The detector excuses a holder's name only where the template has a field: an index that lost the places would
        // refuse every named copy of NCSA, BSD-3-Clause … or excuse the names anywhere.
        var readIndex = LicenseIdentifier.ReadIndex(SpdxCatalog.Default, new MemoryStream(Saved.Value))!.Index;
        var read = readIndex.Entries.ToDictionary(e => e.License.Id + "/" + e.Text.Words.Length);
        var freshIndex = LicenseIdentifier.Default.Index;
        Assert.Contains(freshIndex.Entries, e => e.Text.FieldPositions.Length > 0);
        foreach (var entry in freshIndex.Entries)
        {
            var back = read[entry.License.Id + "/" + entry.Text.Words.Length];
            Assert.Equal(entry.Text.FieldPositions, back.Text.FieldPositions);
            Assert.Equal(freshIndex.RegionsOf(entry).Select(r => (r.From, r.To, r.Pattern)), readIndex.RegionsOf(back).Select(r => (r.From, r.To, r.Pattern)));
        }
    }

    [Fact]
    public void TheSavedIndexIsSmall()
    {
        Assert.InRange(Saved.Value.Length, 100_000, 8_000_000);
    }

    [Fact]
    public void AnIndexForAnotherCatalogueIsRefused()
    {
        var other = new SpdxCatalog("0.0-other", SpdxCatalog.Default.Licenses, SpdxCatalog.Default.Exceptions, () => new Dictionary<string, string>());

        Assert.Null(LicenseIdentifier.ReadIndex(other, new MemoryStream(Saved.Value)));
    }

    [Fact]
    public void EveryTruncationIsRefused()
    {
        var saved = Saved.Value;
        for (var length = 0; length < saved.Length; length += Math.Max(1, saved.Length / 97))
        {
            Assert.Null(LicenseIdentifier.ReadIndex(SpdxCatalog.Default, new MemoryStream(saved, 0, length)));
        }
    }

    [Fact]
    public void AnyDamagedByteIsRefused()
    {
        var random = new Random(20261130);
        for (var k = 0; k < 50; k++)
        {
            var damaged = (byte[])Saved.Value.Clone();
            var at = random.Next(damaged.Length);
            damaged[at] ^= (byte)(1 + random.Next(255));

            Assert.Null(LicenseIdentifier.ReadIndex(SpdxCatalog.Default, new MemoryStream(damaged)));
        }
    }

    [Fact]
    public void NoiseIsRefused()
    {
        var random = new Random(7);
        foreach (var size in new[] { 0, 1, 8, 9, 100, 10_000 })
        {
            var noise = new byte[size];
            random.NextBytes(noise);
            Assert.Null(LicenseIdentifier.ReadIndex(SpdxCatalog.Default, new MemoryStream(noise)));
        }
    }
}
