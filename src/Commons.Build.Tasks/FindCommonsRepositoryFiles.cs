// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Linq;
using Commons.Compliance.Facts;
using Commons.Inspection.Repository;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Commons.Build.Tasks;

/// <summary>
/// Finds the repository root and its licence and community files (names only, no reading): cheap enough to run in
/// every build, so the collection target can list them as Inputs and the compiler gets them as AdditionalFiles.
/// </summary>
public sealed class FindCommonsRepositoryFiles : Task
{
    [Required]
    public string ProjectDirectory { get; set; } = "";

    /// <summary>The <c>CommonsRepositoryRoot</c> property, when the user set it.</summary>
    public string? ConfiguredRepositoryRoot { get; set; }

    [Output]
    public string? RepositoryRoot { get; private set; }

    /// <summary>The files, each with metadata <c>CommonsFileKind</c> (a <see cref="RepositoryFileKind"/> name) and <c>CommonsRelativePath</c>.</summary>
    [Output]
    public ITaskItem[] Files { get; private set; } = Array.Empty<ITaskItem>();

    public override bool Execute()
    {
        try
        {
            RepositoryRoot = Inspection.Repository.RepositoryRoot.Find(ProjectDirectory, ConfiguredRepositoryRoot);
            if (RepositoryRoot is null)
            {
                Log.LogMessage(MessageImportance.Low, "Commons: no repository root (.git) above " + ProjectDirectory);
                return true;
            }

            // Cached per root: every project of the repository asks again, at every build.
            var (files, problems) = RepositoryFileListCache.Shared.Find(RepositoryRoot);
            Files = files
                .Where(f => HasContent(f.FullPath))
                .Select(f =>
                {
                    var item = new TaskItem(f.FullPath);
                    item.SetMetadata("CommonsFileKind", f.Kind.ToString());
                    item.SetMetadata("CommonsRelativePath", f.RelativePath);
                    return (ITaskItem)item;
                })
                .ToArray();
            foreach (var problem in problems)
            {
                Log.LogMessage(MessageImportance.Low, "Commons: " + problem.Message);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Operational trouble only: the build goes on, the analyzer reports the missing facts.
            Log.LogWarning(null, "CMNTASK01", null, null, 0, 0, 0, 0, "Commons could not list the repository files: {0}", ex.Message);
        }

        return true;
    }

    /// <summary>
    /// Only files with content go to the compiler as AdditionalFiles: a FIFO named LICENSE reports length 0 like an empty
    /// file, and csc's open() of it blocked the build forever. The collection still lists zero-length files in the facts,
    /// so the rules judge an empty licence file as before; they only lose its (empty) text.
    /// </summary>
    private static bool HasContent(string path)
    {
        try
        {
            return new System.IO.FileInfo(path).Length > 0;
        }
        catch (Exception ex) when (ex is System.IO.IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
