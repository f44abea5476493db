// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Commons.Cli.Output;
using Commons.Cli.Projects;
using Commons.Compliance.Facts;
using Commons.Compliance.Input;
using Commons.Inspection;
using System.Text.Json;

namespace Commons.Cli.Documents;

/// <summary>One package of the checked projects, once, with what the documents (SBOM, notices) say about it.</summary>
internal sealed class PackageEntry
{
    public PackageEntry(PackageFact fact, string? folder)
    {
        Fact = fact;
        Folder = folder;
    }

    public PackageFact Fact { get; }

    public string Id => Fact.Id;

    public string Version => Fact.Version;

    /// <summary>The package's folder in a package folder of the assets file, when it is there.</summary>
    public string? Folder { get; }

    /// <summary>
    /// For a licence identified from the text behind the package's licence URL (online mode): where it comes from, and that
    /// the text behind a URL can change after the package was published. Null for any other source.
    /// </summary>
    public string? FetchedUrlProvenance => Fact.Source == LicenseSource.FetchedUrl
        ? "identified from the text at " + Fact.LicenseUrl + ", read online; the text behind a URL can change after a package is published"
        : null;

    /// <summary>Package URL (purl) of a NuGet package.</summary>
    public string Purl => "pkg:nuget/" + Uri.EscapeDataString(Id) + "@" + Uri.EscapeDataString(Version);

    /// <summary>True when at least one project uses it for more than development.</summary>
    public bool Runtime { get; set; }

    /// <summary>The projects (relative paths) that depend on it.</summary>
    public List<string> Projects { get; } = new();

    /// <summary>The packages this one was reached through, as collected: the step before it on each shortest path.</summary>
    public HashSet<string> Parents { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>SHA-512 of the .nupkg, lower-case hex, from the package folder's <c>.nupkg.sha512</c>; null when absent.</summary>
    public string? Sha512Hex { get; set; }
}

/// <summary>A checked project as the documents describe it.</summary>
internal sealed class ProjectEntry
{
    public ProjectEntry(AnalyzedProject analyzed, string relativePath)
    {
        Analyzed = analyzed;
        RelativePath = relativePath;
    }

    public AnalyzedProject Analyzed { get; }

    public string RelativePath { get; }

    public string Name => Analyzed.Project.Get(PropertyNames.PackageId) ?? Analyzed.Project.Name;

    public string? Version => Analyzed.Project.Get("PackageVersion") ?? Analyzed.Project.Get("Version");

    /// <summary>The project's own licence: PackageLicenseExpression, else the repository licence file as identified.</summary>
    public string? License => Analyzed.Project.Get(PropertyNames.PackageLicenseExpression)
        ?? Analyzed.Facts.Files.Where(f => f.Kind == RepositoryFileKind.License && f.IdentifiedLicense is not null)
            .Select(f => f.IdentifiedLicense).FirstOrDefault();

    public bool IsApplication => string.Equals(Analyzed.Project.Get("OutputType"), "Exe", StringComparison.OrdinalIgnoreCase);

    /// <summary>Packages this project references directly (id@version keys).</summary>
    public List<string> Direct { get; } = new();
}

/// <summary>The projects and their packages (each once, across projects), read from what the workspace collected.</summary>
internal sealed class PackageInventory
{
    /// <summary>The largest assets file read, as the collector's prefetch reads it.</summary>
    private const long MaxAssetsBytes = 64L * 1024 * 1024;

    private PackageInventory(string root, IReadOnlyList<ProjectEntry> projects, IReadOnlyList<PackageEntry> packages)
    {
        Root = root;
        Projects = projects;
        Packages = packages;
    }

    public string Root { get; }

    public IReadOnlyList<ProjectEntry> Projects { get; }

    /// <summary>Ordered by id then version.</summary>
    public IReadOnlyList<PackageEntry> Packages { get; }

    public static string Key(string id, string version) => id.ToLowerInvariant() + "@" + version;

    public static PackageInventory From(IReadOnlyList<AnalyzedProject> analyzed, string fallbackRoot)
    {
        var root = analyzed.Select(p => p.Facts.RepositoryRoot).FirstOrDefault(r => r is not null) ?? fallbackRoot;
        var packages = new Dictionary<string, PackageEntry>(StringComparer.Ordinal);
        var projects = new List<ProjectEntry>();
        foreach (var project in analyzed)
        {
            var entry = new ProjectEntry(project, CheckReport.Relative(root, project.Project.FullPath));
            projects.Add(entry);
            var folders = PackageFolders(project.Facts.AssetsFilePath);
            foreach (var fact in project.Facts.Packages)
            {
                var key = Key(fact.Id, fact.Version);
                if (!packages.TryGetValue(key, out var package))
                {
                    package = new PackageEntry(fact, folders.TryGetValue(key, out var folder) ? folder : null);
                    package.Sha512Hex = ReadSha512(package);
                    packages.Add(key, package);
                }

                package.Runtime |= !fact.DevOnly;
                package.Projects.Add(entry.RelativePath);
                if (fact.Direct)
                {
                    entry.Direct.Add(key);
                }
                else if (fact.Path.Count >= 2)
                {
                    package.Parents.Add(fact.Path[fact.Path.Count - 2]);
                }
            }
        }

        return new PackageInventory(root, projects, packages.Values.OrderBy(p => p.Id, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Version, StringComparer.Ordinal).ToArray());
    }

    /// <summary>
    /// The folder of each package, from the assets file's <c>packageFolders</c> and each library's <c>path</c> (never a
    /// guessed global-packages path). Read as JSON: the NuGet client types live in Commons.Inspection's load context.
    /// </summary>
    private static Dictionary<string, string> PackageFolders(string? assetsFile)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            if (assetsFile is null || !File.Exists(assetsFile))
            {
                return result;
            }

            if (BoundedFile.Read(assetsFile, new BoundedRead { MaxBytes = MaxAssetsBytes }).Bytes is not { } bytes)
            {
                return result;
            }

            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            if (!root.TryGetProperty("packageFolders", out var folders) || !root.TryGetProperty("libraries", out var libraries))
            {
                return result;
            }

            var roots = folders.EnumerateObject().Select(f => f.Name).ToArray();
            foreach (var library in libraries.EnumerateObject())
            {
                var slash = library.Name.IndexOf('/', StringComparison.Ordinal);
                if (slash <= 0 || !library.Value.TryGetProperty("type", out var type) || type.GetString() != "package"
                    || !library.Value.TryGetProperty("path", out var path) || path.GetString() is not { } relative)
                {
                    continue;
                }

                // The library's path comes from a file anyone can edit: "../../etc" must not make a package folder of /etc.
                var folder = roots.Select(r => PathSafety.ResolveInside(r, relative)).FirstOrDefault(f => f is not null && Directory.Exists(f));
                if (folder is not null)
                {
                    result[Key(library.Name.Substring(0, slash), library.Name.Substring(slash + 1))] = folder;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            // No folders: the documents say so per package (no checksum, no licence file); check reports the assets file.
        }

        return result;
    }

    private static string? ReadSha512(PackageEntry package)
    {
        if (package.Folder is null)
        {
            return null;
        }

        // A checksum file is 88 characters: a FIFO, a link or a large file in its place gives no checksum, never a hang or a leak.
        var file = Path.Combine(package.Folder, package.Id.ToLowerInvariant() + "." + package.Version.ToLowerInvariant() + ".nupkg.sha512");
        if (BoundedFile.ReadText(file, new BoundedRead { MaxBytes = 1024, Inside = package.Folder }).Text is not { } text)
        {
            return null;
        }

        try
        {
            var bytes = Convert.FromBase64String(text.Trim());
            return bytes.Length == 64 ? Convert.ToHexString(bytes).ToLowerInvariant() : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
