// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.Build.Construction;
using Microsoft.Build.Exceptions;

namespace Commons.Cli.Projects;

/// <summary>Turns the PATH argument (a folder, a solution or a project) into the projects to evaluate.</summary>
internal static class InputResolver
{
    private static readonly string[] ProjectExtensions = { ".csproj", ".vbproj", ".fsproj" };
    private static readonly string[] SolutionExtensions = { ".sln", ".slnx" };
    private static readonly string[] SkippedFolders = { "bin", "obj", ".git", "node_modules", ".vs" };

    /// <summary>The project files of <paramref name="path"/>; throws <see cref="CliInputException"/> when there are none.</summary>
    public static IReadOnlyList<string> Projects(string path)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            if (Has(full, ProjectExtensions))
            {
                return new[] { full };
            }

            if (Has(full, SolutionExtensions))
            {
                return FromSolution(full);
            }

            throw new CliInputException(path + " is neither a folder, a solution nor a project file");
        }

        if (!Directory.Exists(full))
        {
            throw new CliInputException(path + " does not exist");
        }

        var solutions = Files(full, SolutionExtensions);
        if (solutions.Count > 0)
        {
            return solutions.SelectMany(FromSolution).Distinct(StringComparer.Ordinal).ToArray();
        }

        var projects = Files(full, ProjectExtensions);
        if (projects.Count == 0)
        {
            projects = Search(full).ToList();
        }

        return projects.Count > 0 ? projects : throw new CliInputException("no solution or project file in " + path);
    }

    /// <summary>The folder the PATH argument stands for (a file's folder).</summary>
    public static string Folder(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            return full;
        }

        return File.Exists(full) ? Path.GetDirectoryName(full)! : throw new CliInputException(path + " does not exist");
    }

    private static IReadOnlyList<string> FromSolution(string solution)
    {
        try
        {
            return SolutionFile.Parse(solution).ProjectsInOrder
                .Where(p => p.ProjectType == SolutionProjectType.KnownToBeMSBuildFormat && Has(p.AbsolutePath, ProjectExtensions))
                .Select(p => Path.GetFullPath(p.AbsolutePath))
                .ToArray();
        }
        catch (InvalidProjectFileException ex)
        {
            throw new CliInputException("cannot read the solution " + solution + ": " + ex.BaseMessage);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException("cannot read the solution " + solution + ": " + ex.Message);
        }
    }

    private static List<string> Files(string folder, string[] extensions)
        => Directory.EnumerateFiles(folder).Where(f => Has(f, extensions)).OrderBy(f => f, StringComparer.Ordinal).ToList();

    /// <summary>Every project below a folder without a solution, outside build output and tool folders.</summary>
    private static IEnumerable<string> Search(string folder)
    {
        var pending = new Stack<string>();
        pending.Push(folder);
        var found = new List<string>();
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            try
            {
                found.AddRange(Files(current, ProjectExtensions));
                foreach (var child in Directory.EnumerateDirectories(current))
                {
                    if (!SkippedFolders.Contains(Path.GetFileName(child), StringComparer.OrdinalIgnoreCase))
                    {
                        pending.Push(child);
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                throw new CliInputException("cannot list " + current + ": " + ex.Message);
            }
        }

        return found.OrderBy(f => f, StringComparer.Ordinal);
    }

    private static bool Has(string path, string[] extensions)
        => extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);
}
