// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;
using Commons.Licensing;

namespace Commons.Inspection;

/// <summary>
/// The licence identifier, with its normalised catalogue read from a file rather than computed: normalising 700
/// catalogue texts costs about a second of CPU in every process that identifies a file (each MSBuild node, each
/// <c>commons</c> run); reading a saved index back costs milliseconds.
/// </summary>
/// <remarks>
/// <para>
/// First the index shipped beside Commons.Licensing.dll (<see cref="ShippedFileName"/>, written when the tool and the
/// package were built: src/Commons.Licensing.IndexWriter), so that the first run on a machine computes nothing; then
/// the one saved in the user's cache; then the index is computed and saved there.
/// </para>
/// <para>
/// Either file holds <see cref="LicenseIdentifier.IndexKey"/> (this build of the library and its catalogue) and a
/// checksum: a file made by another build, truncated or damaged is ignored (the user cache's is written again). The
/// user cache's file name carries the key too. Writing goes through a temporary file and a rename, so concurrent builds
/// never read half a file. A file or folder that cannot be read or written only costs the time it was meant to save.
/// </para>
/// </remarks>
public static class IdentifierIndexCache
{
    /// <summary>The name of the index shipped beside Commons.Licensing.dll (see src/Commons.Licensing.IndexWriter).</summary>
    public const string ShippedFileName = "identifier-index.bin";

    private static readonly Lazy<LicenseIdentifier> Shared = new(() => Load(CacheFolder.Default()));

    /// <summary>The identifier over the embedded catalogue, its index read from the shipped file or the default cache folder when there.</summary>
    public static LicenseIdentifier Default => Shared.Value;

    /// <summary>
    /// The shipped index: <see cref="ShippedFileName"/> beside the Commons.Licensing assembly this process loaded, the one
    /// the index was made for; null when that assembly has no file location (loaded from bytes, a single-file bundle).
    /// </summary>
    public static string? ShippedIndexPath
        => typeof(LicenseIdentifier).Assembly.Location is { Length: > 0 } location && Path.GetDirectoryName(location) is { Length: > 0 } folder
            ? Path.Combine(folder, ShippedFileName)
            : null;

    /// <summary>The identifier, its index read from the shipped file, else from <paramref name="folder"/>, else computed and saved there.</summary>
    public static LicenseIdentifier Load(string folder) => Load(folder, ShippedIndexPath);

    /// <summary>
    /// The identifier, its index read from <paramref name="shippedIndex"/> (never written), else from <paramref name="folder"/>,
    /// else computed and saved there.
    /// </summary>
    public static LicenseIdentifier Load(string folder, string? shippedIndex)
    {
        if (shippedIndex is not null && TryRead(shippedIndex) is { } shipped)
        {
            return shipped;
        }

        var fresh = LicenseIdentifier.Default;
        var path = PathFor(folder, fresh);
        if (TryRead(path) is { } saved)
        {
            return saved;
        }

        fresh.Warm();
        TryWrite(path, fresh);
        return fresh;
    }

    /// <summary>The cache file of this identifier's index in <paramref name="folder"/>.</summary>
    public static string PathFor(string folder, LicenseIdentifier identifier)
        => Path.Combine(folder, "identifier-index-" + CacheFolder.SafeName(identifier.IndexKey) + ".bin");

    private static LicenseIdentifier? TryRead(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
            return LicenseIdentifier.ReadIndex(SpdxCatalog.Default, stream);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return null;
        }
    }

    private static void TryWrite(string path, LicenseIdentifier identifier)
    {
        // A failed write (another process wrote it first, the folder is read-only) loses nothing but time.
        CacheFolder.TryWriteReplacing(path, identifier.WriteIndex);
        CacheFolder.RemoveStale(Path.GetDirectoryName(path)!, "identifier-index-*", path);
    }
}
