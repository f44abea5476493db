// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Commons.Inspection.Dependencies;

/// <summary>
/// The licences of restored packages, each read once (<see cref="PackageLicenseReader.Read"/>) by whichever thread asks
/// first, keyed by package folder. <see cref="Prefetch"/> starts reading them in the background while NuGet parses the
/// assets file: the two were the largest costs of a collection, one after the other, on a machine with cores to spare.
/// </summary>
/// <remarks>
/// The prefetch is only a head start. Which packages a project uses, and where each lives, is still decided from the
/// assets file as NuGet reads it (<see cref="DependencyCollector"/>); a package the prefetch guessed wrongly is read again
/// on demand, and one it read needlessly costs only time.
/// </remarks>
public sealed class PackageLicenseStore
{
    /// <summary>Above this size the assets file is not scanned twice: its packages are read on demand only.</summary>
    private const long MaxPrefetchAssetsBytes = 64L * 1024 * 1024;

    private readonly ConcurrentDictionary<string, Lazy<PackageLicense>> byFolder = new(StringComparer.Ordinal);

    public PackageLicenseStore(long maxBytes = BoundedFile.DefaultMaxBytes)
    {
        MaxBytes = maxBytes;
    }

    public long MaxBytes { get; }

    /// <summary>The licence of the package extracted in <paramref name="packageFolder"/>; waits if another thread is reading it.</summary>
    public PackageLicense Get(string packageFolder, string packageId)
        => byFolder.GetOrAdd(Key(packageFolder), folder => new Lazy<PackageLicense>(() => PackageLicenseReader.Read(folder, packageId, MaxBytes))).Value;

    /// <summary>
    /// Starts reading, on a background thread, the licences of the packages <paramref name="assetsPath"/> lists in the
    /// first of its package folders. Disposing the result stops it (after the package in hand) and waits for it.
    /// </summary>
    public IDisposable Prefetch(string assetsPath)
    {
        var stop = new CancellationTokenSource();
        var work = Task.Run(() =>
        {
            try
            {
                ReadListed(assetsPath, stop.Token);
            }
            catch (Exception)
            {
                // Only a head start: whatever went wrong here happens again, and is reported, when the collector reads on demand.
            }
        });
        return new Prefetching(stop, work);
    }

    /// <summary>The prefetch's work, in the calling thread: reads every package the assets file lists until <paramref name="stop"/>.</summary>
    internal void ReadListed(string assetsPath, CancellationToken stop)
    {
        foreach (var (folder, id) in ListedPackages(assetsPath))
        {
            if (stop.IsCancellationRequested)
            {
                return;
            }

            Get(folder, id);
        }
    }

    private static string Key(string packageFolder) => packageFolder.Replace('/', Path.DirectorySeparatorChar).TrimEnd(Path.DirectorySeparatorChar);

    /// <summary>
    /// The package folders an assets file names: <c>libraries</c> entries of type package joined to the first of
    /// <c>packageFolders</c>. A file that is not well-formed JSON lists nothing; entries of another shape are passed over.
    /// </summary>
    internal static List<(string Folder, string Id)> ListedPackages(string assetsPath)
    {
        var found = new List<(string, string)>();

        // BoundedFile answers an empty file (or a FIFO) without opening it, refuses one above the cap, and never throws.
        var json = BoundedFile.TryRead(assetsPath, MaxPrefetchAssetsBytes, out _);
        if (json is null || json.Length == 0)
        {
            return found;
        }

        var packages = new List<(string Path, string Id)>();
        string? firstFolder = null;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return found;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("libraries"))
                {
                    ReadLibraries(ref reader, packages);
                }
                else if (reader.ValueTextEquals("packageFolders"))
                {
                    firstFolder = ReadFirstFolder(ref reader);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // A corrupt file: AssetsFileReader says so, and there is nothing to read ahead for.
            return found;
        }

        if (firstFolder is not null)
        {
            foreach (var (path, id) in packages)
            {
                found.Add((Path.Combine(firstFolder, path), id));
            }
        }

        return found;
    }

    private static void ReadLibraries(ref Utf8JsonReader reader, List<(string Path, string Id)> packages)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString() ?? "";
            string? type = null;
            string? path = null;
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isType = reader.ValueTextEquals("type");
                var isPath = reader.ValueTextEquals("path");
                reader.Read();
                if (reader.TokenType != JsonTokenType.String)
                {
                    reader.Skip();
                }
                else if (isType)
                {
                    type = reader.GetString();
                }
                else if (isPath)
                {
                    path = reader.GetString();
                }
            }

            var slash = name.LastIndexOf('/');
            if (type == "package" && !string.IsNullOrEmpty(path) && slash > 0)
            {
                packages.Add((path!, name.Substring(0, slash)));
            }
        }
    }

    private static string? ReadFirstFolder(ref Utf8JsonReader reader)
    {
        string? first = null;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            first ??= reader.GetString();
            reader.Read();
            reader.Skip();
        }

        return string.IsNullOrEmpty(first) ? null : first;
    }

    private sealed class Prefetching : IDisposable
    {
        private readonly CancellationTokenSource stop;
        private readonly Task work;

        public Prefetching(CancellationTokenSource stop, Task work)
        {
            this.stop = stop;
            this.work = work;
        }

        public void Dispose()
        {
            stop.Cancel();
            work.Wait();
            stop.Dispose();
        }
    }
}
