// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;
using Commons.Licensing;

namespace Commons.Inspection;

/// <summary>
/// The licence identifier, with its normalised catalogue saved in the user's cache: normalising 700 catalogue texts
/// costs about a second of CPU in every process that identifies a file (each MSBuild node, each <c>commons</c> run);
/// reading the saved index back costs milliseconds.
/// </summary>
/// <remarks>
/// The file name carries <see cref="LicenseIdentifier.IndexKey"/> (this build of the library and its catalogue), and the
/// file a checksum: a file made by another version, truncated or damaged is ignored and written again. Writing goes
/// through a temporary file and a rename, so concurrent builds never read half a file. A cache that cannot be read or
/// written only costs the time it was meant to save.
/// </remarks>
public static class IdentifierIndexCache
{
    private static readonly Lazy<LicenseIdentifier> Shared = new(() => Load(CacheFolder.Default()));

    /// <summary>The identifier over the embedded catalogue, its index read from the default cache folder when there.</summary>
    public static LicenseIdentifier Default => Shared.Value;

    /// <summary>The identifier, its index read from <paramref name="folder"/>, or computed and saved there.</summary>
    public static LicenseIdentifier Load(string folder)
    {
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
