// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.IO;
using Commons.Licensing;

namespace Commons.Inspection.Tests;

/// <summary>The saved catalogue index: written once, read back by later processes, never trusted when damaged.</summary>
public class IdentifierIndexCacheTests
{
    private static readonly string MitText = SpdxCatalog.Default.GetText("MIT")!;

    [Fact]
    public void The_first_load_saves_the_index_and_the_next_reads_it()
    {
        using var folder = new TempFolder();

        var first = IdentifierIndexCache.Load(folder.Path);
        var path = IdentifierIndexCache.PathFor(folder.Path, first);
        Assert.True(File.Exists(path));
        var second = IdentifierIndexCache.Load(folder.Path);

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

        var identifier = IdentifierIndexCache.Load(folder.Path);

        Assert.Same(LicenseIdentifier.Default, identifier);
        Assert.True(new FileInfo(path).Length > 100_000, "the damaged file was replaced by a saved index");
        Assert.Equal("MIT", IdentifierIndexCache.Load(folder.Path).Identify(MitText).License);
    }

    [Fact]
    public void A_folder_that_cannot_be_written_still_gives_a_working_identifier()
    {
        using var folder = new TempFolder();
        var notAFolder = folder.Write("cache", "a file where the cache folder should be");

        var identifier = IdentifierIndexCache.Load(notAFolder);

        Assert.Equal("MIT", identifier.Identify(MitText).License);
    }
}
