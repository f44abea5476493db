// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Commons.Cli.Output;
using Commons.Compliance.Facts;
using Commons.Inspection;
using Commons.Inspection.Repository;

namespace Commons.Cli.Documents;

/// <summary>The kinds of resource a commons keeps an inventory of (the public-sector guidance's table).</summary>
internal enum ResourceKind
{
    SourceCode,
    Documentation,
    Data,
    DistinctiveSigns,
    Hardware,
    OtherContent,
}

/// <summary>One row of the inventory.</summary>
internal sealed class ResourceEntry
{
    public ResourceEntry(ResourceKind kind)
    {
        Kind = kind;
    }

    public ResourceKind Kind { get; }

    /// <summary>Where the resource is: folders (with a trailing slash) or files, relative to the root.</summary>
    public SortedSet<string> Locations { get; } = new(StringComparer.Ordinal);

    public int FileCount { get; set; }

    /// <summary>Copyright lines and SPDX-FileCopyrightText values found in the files, and the AUTHORS file.</summary>
    public SortedSet<string> RightsHolders { get; } = new(StringComparer.Ordinal);

    /// <summary>SPDX-License-Identifier values found in the files, else the repository's licence.</summary>
    public SortedSet<string> Licenses { get; } = new(StringComparer.Ordinal);
}

/// <summary>
/// <c>commons inventory</c>: for each kind of resource, where it is, who holds the rights, its licence, and how future
/// contributions are secured. Classification is by file name and extension (tables below), so it is predictable.
/// </summary>
internal static class ResourceInventory
{
    private const int MaxFiles = 50_000;
    private const int MaxScannedPerKind = 300;
    private const int HeadBytes = 4096;

    private static readonly Dictionary<string, ResourceKind> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".cs"] = ResourceKind.SourceCode, [".vb"] = ResourceKind.SourceCode, [".fs"] = ResourceKind.SourceCode, [".fsx"] = ResourceKind.SourceCode,
        [".csx"] = ResourceKind.SourceCode, [".csproj"] = ResourceKind.SourceCode, [".fsproj"] = ResourceKind.SourceCode, [".vbproj"] = ResourceKind.SourceCode,
        [".props"] = ResourceKind.SourceCode, [".targets"] = ResourceKind.SourceCode, [".sln"] = ResourceKind.SourceCode, [".slnx"] = ResourceKind.SourceCode,
        [".ps1"] = ResourceKind.SourceCode, [".sh"] = ResourceKind.SourceCode, [".js"] = ResourceKind.SourceCode, [".ts"] = ResourceKind.SourceCode,
        [".py"] = ResourceKind.SourceCode, [".sql"] = ResourceKind.SourceCode, [".razor"] = ResourceKind.SourceCode, [".cshtml"] = ResourceKind.SourceCode,
        [".xaml"] = ResourceKind.SourceCode, [".css"] = ResourceKind.SourceCode, [".html"] = ResourceKind.SourceCode,
        [".md"] = ResourceKind.Documentation, [".rst"] = ResourceKind.Documentation, [".adoc"] = ResourceKind.Documentation, [".txt"] = ResourceKind.Documentation,
        [".csv"] = ResourceKind.Data, [".tsv"] = ResourceKind.Data, [".parquet"] = ResourceKind.Data, [".sqlite"] = ResourceKind.Data, [".db"] = ResourceKind.Data,
        [".geojson"] = ResourceKind.Data, [".xlsx"] = ResourceKind.Data, [".ods"] = ResourceKind.Data, [".ndjson"] = ResourceKind.Data,
        [".kicad_pcb"] = ResourceKind.Hardware, [".kicad_sch"] = ResourceKind.Hardware, [".brd"] = ResourceKind.Hardware, [".sch"] = ResourceKind.Hardware,
        [".stl"] = ResourceKind.Hardware, [".step"] = ResourceKind.Hardware, [".stp"] = ResourceKind.Hardware, [".gbr"] = ResourceKind.Hardware,
        [".scad"] = ResourceKind.Hardware, [".fcstd"] = ResourceKind.Hardware,
        [".png"] = ResourceKind.OtherContent, [".jpg"] = ResourceKind.OtherContent, [".jpeg"] = ResourceKind.OtherContent, [".gif"] = ResourceKind.OtherContent,
        [".svg"] = ResourceKind.OtherContent, [".webp"] = ResourceKind.OtherContent, [".ico"] = ResourceKind.OtherContent, [".mp3"] = ResourceKind.OtherContent,
        [".wav"] = ResourceKind.OtherContent, [".mp4"] = ResourceKind.OtherContent, [".ttf"] = ResourceKind.OtherContent, [".otf"] = ResourceKind.OtherContent,
        [".woff"] = ResourceKind.OtherContent, [".woff2"] = ResourceKind.OtherContent, [".pdf"] = ResourceKind.OtherContent,
    };

    /// <summary>Folders whose structured files (JSON, XML, YAML) are data rather than configuration.</summary>
    private static readonly string[] DataFolders = { "data", "datasets", "dataset", "db" };

    private static readonly string[] StructuredExtensions = { ".json", ".xml", ".yml", ".yaml" };

    /// <summary>Words in a file name that make an image a distinctive sign (logo, brand mark).</summary>
    private static readonly string[] SignWords = { "logo", "brand", "wordmark", "trademark" };

    public static InventoryResult Build(string root)
    {
        var problems = new List<CollectionProblem>();
        var repositoryFiles = RepositoryScanner.Scan(root, problems);
        var entries = Enum.GetValues<ResourceKind>().ToDictionary(k => k, k => new ResourceEntry(k));
        var scanned = entries.Keys.ToDictionary(k => k, _ => 0);
        // The repository's own files, in a stable order (RepositoryTree.Walk: no build output, tool folders or restored packages).
        foreach (var file in RepositoryTree.Walk(new DirectoryInfo(root)).SelectMany(f => f.Files).Select(f => f.FullName).Take(MaxFiles))
        {
            var relative = CheckReport.Relative(root, file);
            if (Classify(relative) is not { } kind)
            {
                continue;
            }

            var entry = entries[kind];
            entry.FileCount++;
            entry.Locations.Add(LocationOf(relative));
            if (scanned[kind]++ < MaxScannedPerKind)
            {
                ReadHeader(root, file, entry);
            }
        }

        entries[ResourceKind.DistinctiveSigns].Locations.Add("name: " + Path.GetFileName(root.TrimEnd(Path.DirectorySeparatorChar)));
        var repositoryLicenses = repositoryFiles.Where(f => f.Kind == RepositoryFileKind.License && f.IdentifiedLicense is not null)
            .Select(f => f.IdentifiedLicense!).Distinct(StringComparer.Ordinal).ToArray();
        var authors = repositoryFiles.Where(f => f.Kind == RepositoryFileKind.Authors).Select(f => f.RelativePath).ToArray();
        foreach (var entry in entries.Values.Where(e => e.FileCount > 0 || e.Kind == ResourceKind.DistinctiveSigns))
        {
            // A name or a logo is not licensed with the code: it stays "not stated" unless a .license file says otherwise.
            if (entry.Licenses.Count == 0 && entry.Kind != ResourceKind.DistinctiveSigns)
            {
                foreach (var license in repositoryLicenses)
                {
                    entry.Licenses.Add(license + " (repository licence)");
                }
            }

            foreach (var file in authors)
            {
                entry.RightsHolders.Add("see " + file);
            }
        }

        return new InventoryResult(root, entries.Values.ToArray(), Contributions(root, repositoryFiles));
    }

    /// <summary>How future contributions are secured: a DCO sign-off rule, a CLA, or nothing stated.</summary>
    private static string Contributions(string root, IReadOnlyList<RepositoryFile> files)
    {
        var found = new List<string>();
        var contributing = string.Join("\n", files.Where(f => f.Kind == RepositoryFileKind.Contributing).Select(f => Head(root, f.FullPath, 64 * 1024) ?? ""));
        if (files.Any(f => f.Kind == RepositoryFileKind.DeveloperCertificateOfOrigin)
            || contributing.Contains("Signed-off-by", StringComparison.OrdinalIgnoreCase)
            || contributing.Contains("Developer Certificate of Origin", StringComparison.OrdinalIgnoreCase))
        {
            found.Add("DCO");
        }

        if (files.Any(f => f.Kind == RepositoryFileKind.ContributorLicenseAgreement)
            || contributing.Contains("Contributor License Agreement", StringComparison.OrdinalIgnoreCase))
        {
            found.Add("CLA");
        }

        return found.Count == 0 ? "nothing stated" : string.Join(" + ", found);
    }

    private static ResourceKind? Classify(string relative)
    {
        var name = Path.GetFileName(relative);
        var extension = Path.GetExtension(relative);
        var folders = relative.Split('/').SkipLast(1).ToArray();
        if (SignWords.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase)) && ByExtension.TryGetValue(extension, out var k) && k == ResourceKind.OtherContent)
        {
            return ResourceKind.DistinctiveSigns;
        }

        if (StructuredExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
        {
            return folders.Any(f => DataFolders.Contains(f, StringComparer.OrdinalIgnoreCase)) ? ResourceKind.Data : null;
        }

        if (name.EndsWith(".license", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return ByExtension.TryGetValue(extension, out var kind) ? kind : null;
    }

    /// <summary>A file's top-level folder (two levels under src/, docs/ …), or the file itself at the root.</summary>
    private static string LocationOf(string relative)
    {
        var parts = relative.Split('/');
        return parts.Length == 1 ? relative : parts.Length == 2 ? parts[0] + "/" : parts[0] + "/" + parts[1] + "/";
    }

    /// <summary>Reads SPDX tags and copyright lines from the head of a file, or from its REUSE <c>.license</c> sidecar.</summary>
    private static void ReadHeader(string root, string file, ResourceEntry entry)
    {
        var sidecar = file + ".license";
        var text = File.Exists(sidecar) || PathSafety.IsLink(new FileInfo(sidecar))
            ? Head(root, sidecar, HeadBytes)
            : entry.Kind is ResourceKind.OtherContent or ResourceKind.DistinctiveSigns ? null : Head(root, file, HeadBytes);
        if (text is null)
        {
            return;
        }

        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim().TrimStart('/', '#', '*', '<', '!', '-', ' ').Trim().TrimEnd('>', '-', '*', '/', ' ');
            if (Tag(line, "SPDX-License-Identifier:") is { } license)
            {
                entry.Licenses.Add(license);
            }
            else if (Tag(line, "SPDX-FileCopyrightText:") is { } holder)
            {
                entry.RightsHolders.Add(holder);
            }
        }

        foreach (var line in Notices.CopyrightLines(text))
        {
            entry.RightsHolders.Add(line);
        }
    }

    private static string? Tag(string line, string tag)
        => line.StartsWith(tag, StringComparison.Ordinal) && line.Substring(tag.Length).Trim() is { Length: > 0 } value ? value : null;

    /// <summary>
    /// The first <paramref name="bytes"/> of a text file of the repository; null for a binary file, and for a link or a
    /// file in a linked folder: what it points at may lie outside the repository, and its copyright lines would be listed.
    /// </summary>
    private static string? Head(string root, string path, int bytes)
        => BoundedFile.ReadText(path, new BoundedRead { MaxBytes = bytes, Head = true, Inside = root }).Text;
}

/// <summary>The inventory, ready to write as Markdown or JSON.</summary>
internal sealed class InventoryResult
{
    public InventoryResult(string root, IReadOnlyList<ResourceEntry> entries, string contributions)
    {
        Root = root;
        Entries = entries;
        Contributions = contributions;
    }

    public string Root { get; }

    public IReadOnlyList<ResourceEntry> Entries { get; }

    /// <summary>DCO, CLA, DCO + CLA, or "nothing stated".</summary>
    public string Contributions { get; }

    public static string Title(ResourceKind kind) => kind switch
    {
        ResourceKind.SourceCode => "Source code",
        ResourceKind.Documentation => "Documentation",
        ResourceKind.Data => "Data and databases",
        ResourceKind.DistinctiveSigns => "Distinctive signs (logo, name, domain)",
        ResourceKind.Hardware => "Hardware",
        _ => "Other content",
    };

    public string ToMarkdown()
    {
        var sb = new StringBuilder();
        sb.Append("# Inventory of resources: ").Append(Markdown.Inline(Path.GetFileName(Root.TrimEnd(Path.DirectorySeparatorChar)))).Append("\n\n");
        sb.Append("Future contributions are secured by: **").Append(Markdown.Inline(Contributions)).Append("**\n\n");
        sb.Append("| Resource | Where | Files | Rights holders | Licence | Contributions |\n| --- | --- | --- | --- | --- | --- |\n");
        foreach (var entry in Entries)
        {
            sb.Append("| ").Append(Title(entry.Kind))
                .Append(" | ").Append(Cell(entry.Locations, "none"))
                .Append(" | ").Append(entry.FileCount)
                .Append(" | ").Append(Cell(entry.RightsHolders, entry.FileCount == 0 ? "" : "not stated"))
                .Append(" | ").Append(Cell(entry.Licenses, entry.FileCount == 0 && entry.Kind != ResourceKind.DistinctiveSigns ? "" : "not stated"))
                .Append(" | ").Append(entry.FileCount == 0 ? "" : Markdown.Inline(Contributions))
                .Append(" |\n");
        }

        return sb.ToString();
    }

    public string ToJson() => Json.Document(json =>
    {
        json.WriteStartObject();
        json.WriteString("root", Root);
        json.WriteString("contributions", Contributions);
        json.WriteStartArray("resources");
        foreach (var entry in Entries)
        {
            json.WriteStartObject();
            json.WriteString("kind", entry.Kind.ToString());
            json.WriteString("title", Title(entry.Kind));
            json.WriteNumber("files", entry.FileCount);
            Json.WriteStrings(json, "locations", entry.Locations);
            Json.WriteStrings(json, "rightsHolders", entry.RightsHolders);
            Json.WriteStrings(json, "licenses", entry.Licenses);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    private static string Cell(IEnumerable<string> values, string empty)
    {
        var list = values.Take(8).Select(Markdown.Inline).ToList();
        var count = values.Count();
        if (count > 8)
        {
            list.Add("… " + (count - 8) + " more");
        }

        return list.Count == 0 ? empty : string.Join("<br>", list);
    }
}
