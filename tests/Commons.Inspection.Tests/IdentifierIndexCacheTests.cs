// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Collections.Generic;
using System.IO;
using System.Linq;
using Commons.Licensing;

namespace Commons.Inspection.Tests;

/// <summary>
/// The catalogue index read from a file: the one shipped beside Commons.Licensing.dll first, then the one saved in the
/// user cache (written once, read back by later processes); neither trusted when damaged or made by another build.
/// </summary>
public class IdentifierIndexCacheTests
{
    private static readonly string MitText = SpdxCatalog.Default.GetText("MIT")!;

    [Fact]
    public void The_first_load_saves_the_index_and_the_next_reads_it()
    {
        using var folder = new TempFolder();

        var first = IdentifierIndexCache.Load(folder.Path, shippedIndex: null);
        var path = IdentifierIndexCache.PathFor(folder.Path, first);
        Assert.True(File.Exists(path));
        var second = IdentifierIndexCache.Load(folder.Path, shippedIndex: null);

        Assert.Same(LicenseIdentifier.Default, first);
        Assert.NotSame(LicenseIdentifier.Default, second);
        Assert.Equal("MIT", second.Identify(MitText).License);
        Assert.Empty(Directory.GetFiles(folder.Path, "*.tmp"));
    }

    [Fact]
    public void A_damaged_index_is_not_used_and_is_written_again()
    {
        using var folder = new TempFolder();
        var path = IdentifierIndexCache.PathFor(folder.Path, LicenseIdentifier.Default);
        folder.Write(Path.GetFileName(path), new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 });

        var identifier = IdentifierIndexCache.Load(folder.Path, shippedIndex: null);

        Assert.Same(LicenseIdentifier.Default, identifier);
        Assert.True(new FileInfo(path).Length > 100_000, "the damaged file was replaced by a saved index");
        Assert.Equal("MIT", IdentifierIndexCache.Load(folder.Path, shippedIndex: null).Identify(MitText).License);
    }

    [Fact]
    public void A_folder_that_cannot_be_written_still_gives_a_working_identifier()
    {
        using var folder = new TempFolder();
        var notAFolder = folder.Write("cache", "a file where the cache folder should be");

        var identifier = IdentifierIndexCache.Load(notAFolder, shippedIndex: null);

        Assert.Equal("MIT", identifier.Identify(MitText).License);
    }

    [Fact]
    public void A_shipped_index_is_read_and_nothing_is_computed_or_written()
    {
        using var folder = new TempFolder();
        var shipped = folder.Write("tool/" + IdentifierIndexCache.ShippedFileName, SavedIndex(LicenseIdentifier.Default));
        var cache = Path.Combine(folder.Path, "cache");

        var identifier = IdentifierIndexCache.Load(cache, shipped);

        Assert.NotSame(LicenseIdentifier.Default, identifier);
        Assert.False(Directory.Exists(cache), "the user cache was written although the shipped index was valid");
        Assert.Equal("MIT", identifier.Identify(MitText).License);
    }

    [Fact]
    public void A_damaged_shipped_index_is_ignored_for_the_user_cache()
    {
        using var folder = new TempFolder();
        var index = SavedIndex(LicenseIdentifier.Default);
        index[index.Length / 2] ^= 0x20;
        var shipped = folder.Write("tool/" + IdentifierIndexCache.ShippedFileName, index);
        var cache = Path.Combine(folder.Path, "cache");

        var first = IdentifierIndexCache.Load(cache, shipped);
        var second = IdentifierIndexCache.Load(cache, shipped);

        // Computed once and saved in the user cache, then read from there; the shipped file is left as it was.
        Assert.Same(LicenseIdentifier.Default, first);
        Assert.True(File.Exists(IdentifierIndexCache.PathFor(cache, first)));
        Assert.NotSame(LicenseIdentifier.Default, second);
        Assert.Equal(index, File.ReadAllBytes(shipped));
        Assert.Equal("MIT", second.Identify(MitText).License);
    }

    [Fact]
    public void A_shipped_index_made_for_another_build_or_catalogue_is_ignored()
    {
        // A well-formed index with a valid checksum, but another key: what a stale file beside the assembly would be.
        var mit = SpdxCatalog.Default.Licenses.Single(l => l.Id == "MIT");
        var other = new SpdxCatalog("0.0-other", new[] { mit }, SpdxCatalog.Default.Exceptions, () => new Dictionary<string, string> { ["MIT"] = MitText });
        using var folder = new TempFolder();
        var shipped = folder.Write("tool/" + IdentifierIndexCache.ShippedFileName, SavedIndex(new LicenseIdentifier(other)));
        var cache = Path.Combine(folder.Path, "cache");

        var identifier = IdentifierIndexCache.Load(cache, shipped);

        Assert.Same(LicenseIdentifier.Default, identifier);
        Assert.True(File.Exists(IdentifierIndexCache.PathFor(cache, identifier)));
    }

    [Fact]
    public void A_missing_or_unreadable_shipped_index_is_no_error()
    {
        using var folder = new TempFolder();
        var cache = Path.Combine(folder.Path, "cache");
        folder.Write("tool/" + IdentifierIndexCache.ShippedFileName + "/not-a-file", "a folder where the index should be");

        Assert.Equal("MIT", IdentifierIndexCache.Load(cache, Path.Combine(folder.Path, "absent", IdentifierIndexCache.ShippedFileName)).Identify(MitText).License);
        Assert.Equal("MIT", IdentifierIndexCache.Load(cache, Path.Combine(folder.Path, "tool", IdentifierIndexCache.ShippedFileName)).Identify(MitText).License);
    }

    [Fact]
    public void The_shipped_index_is_looked_for_beside_the_licensing_assembly()
    {
        var beside = Path.GetDirectoryName(typeof(LicenseIdentifier).Assembly.Location)!;

        Assert.Equal(Path.Combine(beside, "identifier-index.bin"), IdentifierIndexCache.ShippedIndexPath);
    }

    private static byte[] SavedIndex(LicenseIdentifier identifier)
    {
        using var stream = new MemoryStream();
        identifier.WriteIndex(stream);
        return stream.ToArray();
    }
}
