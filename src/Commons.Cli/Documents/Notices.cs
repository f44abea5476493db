// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Commons.Cli.Output;
using Commons.Inspection;
using Commons.Licensing;
using System.Xml.Linq;

namespace Commons.Cli.Documents;

/// <summary>
/// Third-party notices: for each package used at run time, its licence text (the package's own licence file, else the
/// catalogue text of each licence of its expression), the copyright lines found (nuspec, licence and NOTICE files) and
/// the NOTICE files themselves, which Apache-2.0 §4(d) requires to be passed on. Every text from a package is untrusted:
/// it is written only inside fences it cannot close, or escaped.
/// </summary>
internal static class Notices
{
    private static readonly string[] NoticeNames = { "NOTICE", "NOTICE.txt", "NOTICE.md" };

    public static string Write(PackageInventory inventory)
    {
        var sb = new StringBuilder();
        var name = Path.GetFileName(inventory.Root.TrimEnd('/', '\\'));
        sb.Append("# Third-party notices for ").Append(Markdown.Inline(name)).Append("\n\n");
        sb.Append("This product includes the following packages. Each one's licence, copyright notices and NOTICE files follow.\n");
        var packages = inventory.Packages.Where(p => p.Runtime).ToArray();
        if (packages.Length == 0)
        {
            sb.Append("\nNo third-party package is used at run time.\n");
        }

        foreach (var package in packages)
        {
            AppendPackage(sb, package);
        }

        return sb.ToString();
    }

    private static void AppendPackage(StringBuilder sb, PackageEntry package)
    {
        sb.Append("\n## ").Append(Markdown.Inline(package.Id)).Append(' ').Append(Markdown.Inline(package.Version)).Append("\n\n");
        sb.Append("Licence: ").Append(package.Fact.License is { } l ? "`" + l.Replace("`", "'") + "`" : "unknown");
        if (package.Fact.Source == Compliance.Facts.LicenseSource.Curated)
        {
            // Curated: the package's metadata said otherwise (or nothing); the correction and its provenance are the team's.
            sb.Append(" (curated: ").Append(Markdown.Inline(package.Fact.Curation ?? "")).Append(')');
        }
        else if (package.FetchedUrlProvenance is { } fetched)
        {
            sb.Append(" (").Append(Markdown.Inline(fetched)).Append(')');
        }

        sb.Append("\n");
        if (package.Fact.License is null && package.Fact.LicenseUrl is { } url)
        {
            sb.Append("Licence URL: <").Append(Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == "https" || uri.Scheme == "http") ? uri.AbsoluteUri : Markdown.Inline(url)).Append(">\n");
        }

        var copyrights = new List<string>();
        if (package.Folder is { } folder && NuspecCopyright(folder, package.Id) is { } nuspecCopyright)
        {
            copyrights.Add(nuspecCopyright);
        }

        var licenseTexts = LicenseTexts(package);
        var notices = NoticeFiles(package);
        foreach (var text in licenseTexts.Select(t => t.Text).Concat(notices.Select(n => n.Text)))
        {
            copyrights.AddRange(CopyrightLines(text));
        }

        var distinct = copyrights.Distinct(StringComparer.Ordinal).ToArray();
        if (distinct.Length > 0)
        {
            sb.Append("\nCopyright notices:\n\n");
            foreach (var line in distinct)
            {
                sb.Append("- ").Append(Markdown.Inline(line)).Append('\n');
            }
        }

        foreach (var (title, text) in licenseTexts)
        {
            sb.Append("\n### ").Append(Markdown.Inline(title)).Append("\n\n").Append(Markdown.Verbatim(text));
        }

        if (licenseTexts.Count == 0)
        {
            sb.Append("\nNo licence text was found for this package: ask its authors.\n");
        }

        foreach (var (title, text) in notices)
        {
            sb.Append("\n### ").Append(Markdown.Inline(title)).Append("\n\n").Append(Markdown.Verbatim(text));
        }
    }

    /// <summary>The package's licence file when it ships one, else the catalogue text of each licence in its expression.</summary>
    private static List<(string Title, string Text)> LicenseTexts(PackageEntry package)
    {
        var texts = new List<(string, string)>();
        if (package.Folder is { } folder && package.Fact.LicenseFile is { } file && ReadInside(folder, file) is { } own)
        {
            texts.Add(("Licence file " + file, own));
            return texts;
        }

        if (package.Fact.License is { } expression && SpdxExpression.Parse(expression).Expression is { } parsed)
        {
            foreach (var id in parsed.LicenseIds().Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (SpdxCatalog.Default.GetText(id) is { } text)
                {
                    texts.Add((id + " (text from the SPDX licence list)", text));
                }
            }
        }

        return texts;
    }

    private static List<(string Title, string Text)> NoticeFiles(PackageEntry package)
    {
        var result = new List<(string, string)>();
        if (package.Folder is not { } folder)
        {
            return result;
        }

        foreach (var file in SafeList(folder).Where(f => NoticeNames.Contains(Path.GetFileName(f), StringComparer.OrdinalIgnoreCase)))
        {
            if (ReadInside(folder, Path.GetFileName(file)) is { } text)
            {
                result.Add(("NOTICE file " + Path.GetFileName(file), text));
            }
        }

        return result;
    }

    /// <summary>Lines that state a copyright: "Copyright …", "(c) …", "© …".</summary>
    public static IEnumerable<string> CopyrightLines(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim().TrimStart('#', '*', '/', ' ', '-').Trim();
            if (line.Length is > 10 and < 300
                && (line.StartsWith("Copyright ", StringComparison.OrdinalIgnoreCase) || line.StartsWith("(c) ", StringComparison.OrdinalIgnoreCase) || line.StartsWith("\u00A9", StringComparison.Ordinal))
                && line.Any(char.IsDigit))
            {
                yield return line;
            }
        }
    }

    /// <summary>
    /// Reads a text file of the package folder with the collector's size cap, never outside the folder and never through a
    /// link: a package folder is written by whoever made the package, and a <c>NOTICE</c> linked to <c>/etc/passwd</c> would
    /// print it into the notices. Null when the file is refused or unreadable.
    /// </summary>
    private static string? ReadInside(string folder, string relative)
        => PathSafety.ResolveInside(folder, relative) is { } full
            ? BoundedFile.ReadText(full, new BoundedRead { Inside = folder }).Text
            : null;

    /// <summary>The nuspec's <c>metadata/copyright</c>, whatever its schema namespace; null when absent or unreadable.</summary>
    private static string? NuspecCopyright(string folder, string id)
    {
        if (ReadInside(folder, id.ToLowerInvariant() + ".nuspec") is not { } text)
        {
            return null;
        }

        try
        {
            var value = XDocument.Parse(text).Root?.Elements().FirstOrDefault(e => e.Name.LocalName == "metadata")?
                .Elements().FirstOrDefault(e => e.Name.LocalName == "copyright")?.Value.Trim();
            return string.IsNullOrEmpty(value) ? null : value;
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }

    private static IEnumerable<string> SafeList(string folder)
    {
        try
        {
            return Directory.GetFiles(folder).OrderBy(f => f, StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Array.Empty<string>();
        }
    }
}
