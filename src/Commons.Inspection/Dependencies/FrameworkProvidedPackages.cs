// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using NuGet.ProjectModel;
using NuGet.Versioning;

namespace Commons.Inspection.Dependencies;

/// <summary>
/// The packages a target framework already provides, by the SDK's own rule: each shared framework's targeting pack lists
/// in <c>data/PackageOverrides.txt</c> the package versions its assemblies supersede (<c>System.IO|4.3.0</c>), and the
/// SDK's conflict resolution then drops those packages' files from the build for the framework's (NuGet's package
/// pruning removes them from restore outright for .NET 10). Such a package gives the product nothing: it does not ship.
/// </summary>
public static class FrameworkProvidedPackages
{
    /// <summary>Each file read once per process: the same targeting pack serves every project of a repository.</summary>
    private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, NuGetVersion>> ByFile = new(StringComparer.Ordinal);

    /// <summary>Package id → the highest version the framework supersedes, over every shared framework it references.</summary>
    public static IReadOnlyDictionary<string, NuGetVersion> For(LockFile lockFile, TargetFrameworkInformation framework)
    {
        var result = new Dictionary<string, NuGetVersion>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in OverrideFiles(lockFile, framework))
        {
            foreach (var pair in ByFile.GetOrAdd(file, Read))
            {
                if (!result.TryGetValue(pair.Key, out var known) || pair.Value > known)
                {
                    result[pair.Key] = pair.Value;
                }
            }
        }

        return result;
    }

    /// <summary>
    /// The <c>PackageOverrides.txt</c> of each targeting pack the framework uses: the one restore downloaded (a
    /// <c>downloadDependencies</c> entry <c>*.Ref</c>, in the package folders), else the SDK's own in <c>packs/</c> for the
    /// framework's version.
    /// </summary>
    private static IEnumerable<string> OverrideFiles(LockFile lockFile, TargetFrameworkInformation framework)
    {
        var folders = lockFile.PackageFolders.Select(f => f.Path).Where(p => !string.IsNullOrEmpty(p)).ToList();
        var downloaded = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var download in framework.DownloadDependencies.Where(d => d.Name.EndsWith(".Ref", StringComparison.OrdinalIgnoreCase)))
        {
            var version = download.VersionRange.MinVersion?.ToNormalizedString();
            var file = version is null ? null : folders
                .Select(f => Path.Combine(f, download.Name.ToLowerInvariant(), version, "data", "PackageOverrides.txt"))
                .FirstOrDefault(File.Exists);
            if (file is not null)
            {
                downloaded.Add(download.Name.Substring(0, download.Name.Length - ".Ref".Length));
                yield return file;
            }
        }

        var packs = PacksFolder(framework.RuntimeIdentifierGraphPath);
        var frameworkVersion = framework.FrameworkName.Version;
        if (packs is null || framework.FrameworkName.Framework != ".NETCoreApp")
        {
            yield break;
        }

        foreach (var reference in framework.FrameworkReferences.Select(r => r.Name).Where(n => !downloaded.Contains(n)))
        {
            var packFolder = Path.Combine(packs, reference + ".Ref");
            if (!Directory.Exists(packFolder))
            {
                continue;
            }

            var prefix = frameworkVersion.Major + "." + frameworkVersion.Minor + ".";
            var newest = Directory.GetDirectories(packFolder)
                .Select(d => (Folder: d, Version: NuGetVersion.TryParse(Path.GetFileName(d), out var v) ? v : null))
                .Where(p => p.Version is not null && Path.GetFileName(p.Folder).StartsWith(prefix, StringComparison.Ordinal))
                .OrderByDescending(p => p.Version)
                .Select(p => Path.Combine(p.Folder, "data", "PackageOverrides.txt"))
                .FirstOrDefault(File.Exists);
            if (newest is not null)
            {
                yield return newest;
            }
        }
    }

    /// <summary>The SDK's <c>packs/</c> folder, from the runtime graph restore used (<c>dotnet/sdk/&lt;version&gt;/…json</c>).</summary>
    private static string? PacksFolder(string? runtimeGraphPath)
    {
        if (string.IsNullOrEmpty(runtimeGraphPath))
        {
            return null;
        }

        try
        {
            var sdk = Path.GetDirectoryName(runtimeGraphPath);
            var root = sdk is null ? null : Path.GetDirectoryName(Path.GetDirectoryName(sdk));
            var packs = root is null ? null : Path.Combine(root, "packs");
            return packs is not null && Directory.Exists(packs) ? packs : null;
        }
        catch (Exception ex) when (ex is ArgumentException or PathTooLongException)
        {
            return null;
        }
    }

    /// <summary>Lines <c>Id|Version</c>; anything else is skipped.</summary>
    private static IReadOnlyDictionary<string, NuGetVersion> Read(string file)
    {
        var result = new Dictionary<string, NuGetVersion>(StringComparer.OrdinalIgnoreCase);
        var bytes = BoundedFile.TryRead(file, BoundedFile.DefaultMaxBytes, out _);
        if (bytes is null)
        {
            return result;
        }

        foreach (var line in Encoding.UTF8.GetString(bytes).Split('\n'))
        {
            var parts = line.Trim().Split('|');
            if (parts.Length == 2 && parts[0].Length > 0 && NuGetVersion.TryParse(parts[1], out var version))
            {
                result[parts[0]] = version;
            }
        }

        return result;
    }
}
