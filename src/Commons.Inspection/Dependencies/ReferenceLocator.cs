// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using Commons.Compliance.Facts;

namespace Commons.Inspection.Dependencies;

/// <summary>
/// Finds where a direct reference is written: the line and column of its <c>&lt;PackageReference&gt;</c> or, under
/// Central Package Management, of its central <c>&lt;PackageVersion&gt;</c>. Reads MSBuild XML with line information and no DTD.
/// </summary>
public sealed class ReferenceLocator
{
    private readonly Dictionary<string, List<XmlItem>> itemsByFile = new(StringComparer.Ordinal);

    /// <summary>
    /// The location for package <paramref name="id"/>: the central <c>PackageVersion</c> when one is declared
    /// (<paramref name="packageVersions"/>), else the <c>PackageReference</c>; null when no declaring file is known or
    /// the element cannot be found in it.
    /// </summary>
    public SourceLocation? Locate(string id, IEnumerable<DeclaredReference> packageReferences, IEnumerable<DeclaredReference> packageVersions)
        => Locate(id, packageReferences, packageVersions, Array.Empty<string>());

    /// <summary>
    /// As <see cref="Locate(string, IEnumerable{DeclaredReference}, IEnumerable{DeclaredReference})"/>, then, for a reference
    /// the evaluation did not see (one written for another target framework), the element as written in
    /// <paramref name="fallbackFiles"/> (the project file, <c>Directory.Packages.props</c> …), conditions ignored.
    /// </summary>
    public SourceLocation? Locate(string id, IEnumerable<DeclaredReference> packageReferences, IEnumerable<DeclaredReference> packageVersions, IReadOnlyList<string> fallbackFiles)
    {
        return Find("PackageVersion", id, packageVersions) ?? Find("PackageReference", id, packageReferences)
            ?? FindIn("PackageVersion", id, fallbackFiles) ?? FindIn("PackageReference", id, fallbackFiles);
    }

    /// <summary>
    /// Where the <c>&lt;ProjectReference&gt;</c> to <paramref name="referencedProject"/> is written in one of
    /// <paramref name="files"/>: its Include resolved against <paramref name="projectDirectory"/> (as MSBuild resolves items),
    /// else a reference to a project of the same file name.
    /// </summary>
    public SourceLocation? LocateProjectReference(string referencedProject, string projectDirectory, IReadOnlyList<string> files)
    {
        var fileName = Path.GetFileName(referencedProject);
        SourceLocation? byName = null;
        foreach (var file in files)
        {
            foreach (var item in ItemsOf(file).Where(i => i.Element == "ProjectReference"))
            {
                var include = item.Id.Replace("$(MSBuildThisFileDirectory)", Path.GetDirectoryName(file) + Path.DirectorySeparatorChar)
                    .Replace("$(MSBuildProjectDirectory)", projectDirectory).Replace('\\', Path.DirectorySeparatorChar);
                var location = new SourceLocation(file, item.Line, item.Column);
                if (SameFile(Resolve(projectDirectory, include), referencedProject))
                {
                    return location;
                }

                if (byName is null && string.Equals(Path.GetFileName(include), fileName, StringComparison.OrdinalIgnoreCase))
                {
                    byName = location;
                }
            }
        }

        return byName;
    }

    private SourceLocation? FindIn(string elementName, string id, IReadOnlyList<string> files)
    {
        foreach (var file in files)
        {
            var item = ItemsOf(file).LastOrDefault(i =>
                string.Equals(i.Element, elementName, StringComparison.Ordinal) && string.Equals(i.Id, id, StringComparison.OrdinalIgnoreCase));
            if (item is not null)
            {
                return new SourceLocation(file, item.Line, item.Column);
            }
        }

        return null;
    }

    private static string? Resolve(string folder, string include)
    {
        try
        {
            return Path.GetFullPath(Path.Combine(folder, include));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
    }

    private static bool SameFile(string? a, string b)
        => a is not null && string.Equals(a, b, Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    private SourceLocation? Find(string elementName, string id, IEnumerable<DeclaredReference> declared)
    {
        // The last declaration wins in MSBuild evaluation order; the files are given in that order.
        foreach (var file in declared.Where(d => string.Equals(d.Id, id, StringComparison.OrdinalIgnoreCase) && d.DefiningFile is not null)
                     .Select(d => d.DefiningFile!).Reverse())
        {
            var item = ItemsOf(file).LastOrDefault(i =>
                string.Equals(i.Element, elementName, StringComparison.Ordinal) && string.Equals(i.Id, id, StringComparison.OrdinalIgnoreCase));
            if (item is not null)
            {
                return new SourceLocation(file, item.Line, item.Column);
            }
        }

        return null;
    }

    private List<XmlItem> ItemsOf(string file)
    {
        if (!itemsByFile.TryGetValue(file, out var items))
        {
            items = ReadItems(file);
            itemsByFile[file] = items;
        }

        return items;
    }

    /// <summary>Every PackageReference / PackageVersion / ProjectReference element (Include or Update) of an MSBuild file, with its position.</summary>
    public static List<XmlItem> ReadItems(string file)
    {
        var items = new List<XmlItem>();
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            MaxCharactersInDocument = 16 * 1024 * 1024,
        };
        try
        {
            using var reader = XmlReader.Create(file, settings);
            var lineInfo = (IXmlLineInfo)reader;
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element
                    || (reader.LocalName != "PackageReference" && reader.LocalName != "PackageVersion" && reader.LocalName != "ProjectReference"))
                {
                    continue;
                }

                var id = reader.GetAttribute("Include") ?? reader.GetAttribute("Update");
                if (string.IsNullOrWhiteSpace(id))
                {
                    continue;
                }

                // LinePosition points at the element name; the diagnostic points at the '<' one column before.
                var column = Math.Max(1, lineInfo.LinePosition - 1);
                foreach (var single in id!.Split(';').Select(s => s.Trim()).Where(s => s.Length > 0))
                {
                    items.Add(new XmlItem(reader.LocalName, single, lineInfo.LineNumber, column));
                }
            }
        }
        catch (Exception ex) when (ex is XmlException or IOException or UnauthorizedAccessException)
        {
            // An unreadable file gives no locations: the finding falls back to the project, never a crash.
        }

        return items;
    }

    /// <summary>One item element as written.</summary>
    public sealed class XmlItem
    {
        public XmlItem(string element, string id, int line, int column)
        {
            Element = element;
            Id = id;
            Line = line;
            Column = column;
        }

        public string Element { get; }

        public string Id { get; }

        public int Line { get; }

        public int Column { get; }
    }
}
