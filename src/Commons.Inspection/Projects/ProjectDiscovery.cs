// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml;
using Commons.Inspection.Repository;

namespace Commons.Inspection.Projects;

/// <summary>
/// Finds the projects behind a path given on the command line: a project, a solution (.sln, .slnx) or a folder. Every
/// command uses it, so <c>commons licenses .</c> and <c>commons check .</c> audit the same projects.
/// </summary>
/// <remarks>
/// A folder stands for the solutions directly in it (the union of their projects), else the projects directly in it, else
/// every project found by a search below it. The search skips folders that never hold the repository's own projects.
/// </remarks>
public static class ProjectDiscovery
{
    /// <summary>The largest solution file read: the largest real ones are a few MB.</summary>
    private const long MaxSolutionBytes = 32L * 1024 * 1024;

    /// <summary>The MSBuild project kinds the tool can evaluate; a solution's other entries (folders, .vcxproj, web sites) are left out.</summary>
    private static readonly string[] ProjectExtensions = { ".csproj", ".fsproj", ".vbproj" };

    private static readonly string[] SolutionExtensions = { ".sln", ".slnx" };

    private static readonly Regex SlnProjectLine = new(@"^Project\(""\{[^}]+\}""\)\s*=\s*""[^""]*""\s*,\s*""(?<path>[^""]+)""", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    /// <summary>
    /// The full paths of the projects, distinct and sorted (ordinal); an error message, and no project, when the path does
    /// not exist, is another kind of file, or is a solution or folder that cannot be read. An empty list with no error
    /// means a folder without any project.
    /// </summary>
    public static IReadOnlyList<string> Find(string path, out string? error)
    {
        error = null;
        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            error = path + " is not a valid path: " + ex.Message;
            return Array.Empty<string>();
        }

        if (Directory.Exists(full))
        {
            return FromFolder(full, out error);
        }

        if (!File.Exists(full))
        {
            error = path + " does not exist";
            return Array.Empty<string>();
        }

        if (Has(full, ProjectExtensions))
        {
            return new[] { full };
        }

        if (Has(full, SolutionExtensions))
        {
            return Sorted(FromSolution(full, out error));
        }

        error = path + " is not a project, a solution or a folder";
        return Array.Empty<string>();
    }

    private static IReadOnlyList<string> FromFolder(string folder, out string? error)
    {
        error = null;
        FileSystemInfo[] entries;
        try
        {
            entries = new DirectoryInfo(folder).GetFileSystemInfos();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = "cannot list " + folder + ": " + ex.Message;
            return Array.Empty<string>();
        }

        // A solution says which projects belong together (a folder may also hold samples or experiments): it comes first.
        var solutions = entries.OfType<FileInfo>().Where(f => Has(f.Name, SolutionExtensions)).Select(f => f.FullName).OrderBy(f => f, StringComparer.Ordinal).ToList();
        if (solutions.Count > 0)
        {
            var projects = new List<string>();
            foreach (var solution in solutions)
            {
                projects.AddRange(FromSolution(solution, out error));
                if (error is not null)
                {
                    return Array.Empty<string>();
                }
            }

            return Sorted(projects);
        }

        var local = entries.OfType<FileInfo>().Where(f => Has(f.Name, ProjectExtensions)).Select(f => f.FullName).ToList();
        return Sorted(local.Count > 0 ? local : Search(new DirectoryInfo(folder)));
    }

    /// <summary>Every project in the tree under <paramref name="folder"/>, as <see cref="RepositoryTree.Walk"/> walks it.</summary>
    private static List<string> Search(DirectoryInfo folder)
        => RepositoryTree.Walk(folder).SelectMany(f => f.Files).Where(f => Has(f.Name, ProjectExtensions)).Select(f => f.FullName).ToList();

    /// <summary>The MSBuild projects a solution lists (full paths, unsorted); an error when it cannot be read.</summary>
    private static IEnumerable<string> FromSolution(string solution, out string? error)
    {
        error = null;
        try
        {
            var folder = Path.GetDirectoryName(solution)!;
            var listed = Path.GetExtension(solution).Equals(".slnx", StringComparison.OrdinalIgnoreCase) ? SlnxPaths(solution) : SlnPaths(solution);
            return listed
                .Select(p => p.Replace('\\', Path.DirectorySeparatorChar))
                .Where(p => Has(p, ProjectExtensions))
                .Select(p => Path.GetFullPath(Path.Combine(folder, p)))
                .ToList();
        }
        catch (Exception ex) when (ex is XmlException or ArgumentException or NotSupportedException)
        {
            error = solution + " is not a valid solution file: " + ex.Message;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = "cannot read the solution " + solution + ": " + ex.Message;
        }

        return Array.Empty<string>();
    }

    /// <summary>The path of every <c>Project(...)</c> line: projects, and also solution folders and non-MSBuild entries.</summary>
    private static List<string> SlnPaths(string solution)
        => SlnProjectLine.Matches(BoundedFile.Decode(ReadSolution(solution))).Cast<Match>().Select(m => m.Groups["path"].Value).ToList();

    /// <summary>The <c>Path</c> of every <c>&lt;Project&gt;</c> element, at any depth (inside <c>&lt;Folder&gt;</c> too).</summary>
    private static List<string> SlnxPaths(string solution)
    {
        var paths = new List<string>();
        using var stream = new MemoryStream(ReadSolution(solution));
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "Project" && reader.GetAttribute("Path") is { } path)
            {
                paths.Add(path);
            }
        }

        return paths;
    }

    /// <summary>A solution file's bytes, size-capped and never blocking on a FIFO; an IOException says why not (caught above).</summary>
    private static byte[] ReadSolution(string solution)
    {
        var content = BoundedFile.Read(solution, new BoundedRead { MaxBytes = MaxSolutionBytes });
        return content.Bytes ?? throw new IOException(content.Problem);
    }

    private static IReadOnlyList<string> Sorted(IEnumerable<string> paths)
        => paths.Distinct(StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal).ToList();

    private static bool Has(string path, string[] extensions)
        => extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);
}
