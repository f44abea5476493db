// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Collections.Generic;
using System.IO;
using Commons.Inspection.Projects;

namespace Commons.Cli.Projects;

/// <summary>Turns the PATH argument (a folder, a solution or a project) into the projects to evaluate.</summary>
internal static class InputResolver
{
    /// <summary>
    /// The project files of <paramref name="path"/>, found by <see cref="ProjectDiscovery"/> as for every command; throws
    /// <see cref="CliInputException"/> when the path cannot be read or holds no project.
    /// </summary>
    public static IReadOnlyList<string> Projects(string path)
    {
        var projects = ProjectDiscovery.Find(path, out var error);
        if (error is not null)
        {
            throw new CliInputException(error);
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
}
