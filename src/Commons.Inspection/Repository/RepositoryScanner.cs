// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Commons.Compliance.Facts;

namespace Commons.Inspection.Repository;

/// <summary>Lists the repository's licence and community files; identifies the licence texts.</summary>
public static class RepositoryScanner
{
    /// <summary>
    /// Finds the community files under <paramref name="root"/> (root, <c>.github/</c>, <c>docs/</c>, <c>LICENSES/</c>),
    /// without identifying anything: cheap enough for every build.
    /// </summary>
    public static List<RepositoryFile> Find(string root, List<CollectionProblem> problems)
    {
        var files = new List<RepositoryFile>();
        foreach (var folder in RepositoryFileTable.Folders)
        {
            var directory = folder.Length == 0 ? root : ChildFolder(root, folder);
            if (directory is null)
            {
                continue;
            }

            foreach (var file in ListFiles(root, directory, problems))
            {
                if (RepositoryFileTable.KindOf(file.Name) is { } kind)
                {
                    files.Add(NewFile(root, file.FullName, kind));
                }
            }
        }

        if (ChildFolder(root, RepositoryFileTable.ReuseLicensesFolder) is { } licenses)
        {
            files.AddRange(ListFiles(root, licenses, problems).Select(f => NewFile(root, f.FullName, RepositoryFileKind.License)));
        }

        return files.OrderBy(f => f.Kind).ThenBy(f => f.RelativePath, StringComparer.Ordinal).ToList();
    }

    /// <summary>Finds the files and identifies each licence file's text (read with a size cap).</summary>
    public static List<RepositoryFile> Scan(string root, List<CollectionProblem> problems, long maxBytes = BoundedFile.DefaultMaxBytes)
    {
        var files = Find(root, problems);
        foreach (var file in files.Where(f => f.Kind == RepositoryFileKind.License))
        {
            Identify(file, problems, maxBytes);
        }

        return files;
    }

    /// <summary>Identifies one licence file's text (read with a size cap); a file that cannot be read is a problem.</summary>
    public static void Identify(RepositoryFile file, List<CollectionProblem> problems, long maxBytes = BoundedFile.DefaultMaxBytes)
    {
        var content = BoundedFile.TryRead(file.FullPath, maxBytes, out var problem);
        if (content is null)
        {
            problems.Add(new CollectionProblem
            {
                Kind = CollectionProblemKind.RepositoryFileUnreadable,
                Message = file.RelativePath + ": " + problem,
                Location = new SourceLocation(file.FullPath, 1, 1),
            });
            return;
        }

        var identification = LicensingBridge.Identify(content);
        file.IdentifiedLicense = identification.License;
        file.Confidence = identification.Confidence;
        file.ClosestLicense = identification.ClosestLicense;
        file.ClosestConfidence = identification.ClosestConfidence;
    }

    private static RepositoryFile NewFile(string root, string fullPath, RepositoryFileKind kind)
        => new() { Kind = kind, FullPath = fullPath, RelativePath = PathSafety.Relative(root, fullPath) };

    /// <summary>The child folder of <paramref name="root"/> with this name in any case; never a link, never outside the root.</summary>
    private static string? ChildFolder(string root, string name)
    {
        try
        {
            return new DirectoryInfo(root).EnumerateDirectories()
                .Where(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase) && !PathSafety.IsLink(d))
                .OrderBy(d => d.Name, StringComparer.Ordinal)
                .Select(d => d.FullName)
                .FirstOrDefault();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static IEnumerable<FileInfo> ListFiles(string root, string directory, List<CollectionProblem> problems)
    {
        FileInfo[] entries;
        try
        {
            entries = new DirectoryInfo(directory).GetFiles();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add(new CollectionProblem
            {
                Kind = CollectionProblemKind.RepositoryFileUnreadable,
                Message = "cannot list " + PathSafety.Relative(root, directory) + ": " + ex.Message,
            });
            return Array.Empty<FileInfo>();
        }

        // Links are not followed: a link may point out of the repository, and what it points at is not part of it.
        return entries.Where(f => !PathSafety.IsLink(f)).OrderBy(f => f.Name, StringComparer.Ordinal);
    }
}
