// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml;

namespace Commons.Inspection.Projects;

/// <summary>Finds the projects behind a path given on the command line: a project, a solution (.sln, .slnx) or a folder.</summary>
public static class ProjectDiscovery
{
    private static readonly string[] ProjectExtensions = { ".csproj", ".fsproj", ".vbproj" };

    /// <summary>Folders never searched for projects: build output, dependencies, version control.</summary>
    private static readonly string[] SkippedFolders = { "bin", "obj", ".git", "node_modules", ".vs", "artifacts" };

    private static readonly Regex SlnProjectLine = new(@"^Project\(""\{[^}]+\}""\)\s*=\s*""[^""]*""\s*,\s*""(?<path>[^""]+)""", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    /// <summary>The full paths of the projects, sorted; an error message when the path is neither.</summary>
    public static IReadOnlyList<string> Find(string path, out string? error)
    {
        error = null;
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            return FromFolder(full);
        }

        if (!File.Exists(full))
        {
            error = path + " does not exist";
            return Array.Empty<string>();
        }

        var extension = Path.GetExtension(full);
        if (ProjectExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
        {
            return new[] { full };
        }

        if (extension.Equals(".sln", StringComparison.OrdinalIgnoreCase))
        {
            return FromSln(full);
        }

        if (extension.Equals(".slnx", StringComparison.OrdinalIgnoreCase))
        {
            return FromSlnx(full, out error);
        }

        error = path + " is not a project, a solution or a folder";
        return Array.Empty<string>();
    }

    private static IReadOnlyList<string> FromFolder(string folder)
    {
        var found = new List<string>();
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            try
            {
                found.AddRange(Directory.GetFiles(current).Where(f => ProjectExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase)));
                foreach (var child in new DirectoryInfo(current).GetDirectories())
                {
                    if (!SkippedFolders.Contains(child.Name, StringComparer.OrdinalIgnoreCase) && !PathSafety.IsLink(child))
                    {
                        pending.Push(child.FullName);
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // An unreadable folder holds no project we can audit.
            }
        }

        return found.OrderBy(f => f, StringComparer.Ordinal).ToList();
    }

    private static IReadOnlyList<string> FromSln(string solution)
    {
        var folder = Path.GetDirectoryName(solution)!;
        return SlnProjectLine.Matches(File.ReadAllText(solution)).Cast<Match>()
            .Select(m => m.Groups["path"].Value.Replace('\\', Path.DirectorySeparatorChar))
            .Where(p => ProjectExtensions.Contains(Path.GetExtension(p), StringComparer.OrdinalIgnoreCase))
            .Select(p => Path.GetFullPath(Path.Combine(folder, p)))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(p => p, StringComparer.Ordinal)
            .ToList();
    }

    private static IReadOnlyList<string> FromSlnx(string solution, out string? error)
    {
        error = null;
        var folder = Path.GetDirectoryName(solution)!;
        var projects = new List<string>();
        try
        {
            using var reader = XmlReader.Create(solution, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Project" && reader.GetAttribute("Path") is { } p)
                {
                    projects.Add(Path.GetFullPath(Path.Combine(folder, p.Replace('\\', Path.DirectorySeparatorChar))));
                }
            }
        }
        catch (XmlException ex)
        {
            error = solution + " is not a valid solution file: " + ex.Message;
        }

        return projects.Distinct(StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal).ToList();
    }
}
