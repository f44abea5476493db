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

    /// <summary>
    /// Finds the files and reads each by the one reading rule (<see cref="DocumentReader"/>), recording what it held; identifies
    /// each licence file's text. A licence file that gives no text, and any file too large or unreadable, is a problem; a binary
    /// community file (a PDF contributor agreement) is present, and not read.
    /// </summary>
    public static List<RepositoryFile> Scan(string root, List<CollectionProblem> problems, long maxBytes = BoundedFile.DefaultMaxBytes)
    {
        var files = Find(root, problems);
        foreach (var file in files)
        {
            if (file.Kind == RepositoryFileKind.License)
            {
                Identify(file, problems, maxBytes);
                continue;
            }

            var read = DocumentReader.Read(file.FullPath, maxBytes);
            file.Content = read.State;
            if (read.State is FileContent.TooLarge or FileContent.Unreadable)
            {
                problems.Add(Unreadable(file, read.Problem));
            }
        }

        return files;
    }

    /// <summary>Reads one licence file by the reading rule and identifies its text; a licence file that gives no text is a problem.</summary>
    public static void Identify(RepositoryFile file, List<CollectionProblem> problems, long maxBytes = BoundedFile.DefaultMaxBytes)
    {
        var read = DocumentReader.Read(file.FullPath, maxBytes);
        file.Content = read.State;
        if (read.Bytes is null)
        {
            problems.Add(Unreadable(file, read.Problem));
            return;
        }

        var identification = LicensingBridge.Identify(read.Bytes).NamedByFile(file.FullPath);
        file.IdentifiedLicense = identification.License;
        file.Confidence = identification.Confidence;
        file.ClosestLicense = identification.ClosestLicense;
        file.ClosestConfidence = identification.ClosestConfidence;
    }

    private static CollectionProblem Unreadable(RepositoryFile file, string? why) => new()
    {
        Kind = CollectionProblemKind.RepositoryFileUnreadable,
        Message = file.RelativePath + ": " + why,
        Location = new SourceLocation(file.FullPath, 1, 1),
    };

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
