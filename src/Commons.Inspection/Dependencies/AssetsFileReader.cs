// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Commons.Compliance.Facts;
using NuGet.Common;
using NuGet.ProjectModel;
using NuGet.Versioning;

namespace Commons.Inspection.Dependencies;

/// <summary>Reads <c>project.assets.json</c> and says clearly when it is missing, corrupt or from a failed restore.</summary>
/// <remarks>
/// <see cref="LockFileFormat.Read(string, ILogger)"/> swallows JSON errors: it logs them and returns an almost empty
/// <see cref="LockFile"/>. So the logger's errors, the version and the presence of targets are all checked here.
/// </remarks>
public static class AssetsFileReader
{
    /// <summary>The largest assets file read; those of large solutions run to tens of megabytes.</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    public static LockFile? Read(string path, List<CollectionProblem> problems)
    {
        if (!File.Exists(path))
        {
            problems.Add(Problem(CollectionProblemKind.AssetsFileMissing, path,
                "the assets file " + path + " does not exist: restore the project (dotnet restore) first"));
            return null;
        }

        var logger = new CollectingLogger();
        LockFile? lockFile;
        try
        {
            // NuGet reads the whole file before it can say it is garbage (a 1 GB file took 20 s): far above any real assets file.
            var length = new FileInfo(path).Length;
            if (length > MaxBytes)
            {
                problems.Add(Problem(CollectionProblemKind.AssetsFileUnreadable, path,
                    "the assets file " + path + " is " + (length >> 20) + " MB, larger than the " + (MaxBytes >> 20) + " MB read limit"));
                return null;
            }

            // Length 0 is an empty file, or a named pipe whose open would block the build until a writer comes.
            if (length == 0)
            {
                problems.Add(Problem(CollectionProblemKind.AssetsFileUnreadable, path, "the assets file " + path + " is empty (or not a regular file)"));
                return null;
            }

            lockFile = new LockFileFormat().Read(path, logger);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or FormatException or InvalidOperationException or ArgumentException)
        {
            problems.Add(Problem(CollectionProblemKind.AssetsFileUnreadable, path, "the assets file " + path + " cannot be read: " + ex.Message));
            return null;
        }

        if (lockFile is null || logger.Errors.Count > 0 || lockFile.Version <= 0)
        {
            var why = logger.Errors.Count > 0 ? string.Join("; ", logger.Errors) : "it has no valid format version";
            problems.Add(Problem(CollectionProblemKind.AssetsFileUnreadable, path, "the assets file " + path + " is corrupt: " + why));
            return null;
        }

        if (lockFile.Targets.Count == 0 || lockFile.PackageSpec is null)
        {
            problems.Add(Problem(CollectionProblemKind.AssetsFileUnreadable, path,
                "the assets file " + path + " has no targets or no project section: it is truncated or was not written by restore"));
            return null;
        }

        // A restore that failed (NU1101 unknown package, NU1605 downgrade …) still writes the file: its packages are incomplete.
        // One problem for the file, however many packages restore missed.
        var errors = lockFile.LogMessages.Where(m => m.Level == LogLevel.Error).Select(m => m.Code + ": " + FirstLine(m.Message)).Distinct(StringComparer.Ordinal).ToList();
        if (errors.Count > 0)
        {
            const int Shown = 3;
            var more = errors.Count > Shown ? "; and " + (errors.Count - Shown) + " more error(s)" : "";
            problems.Add(Problem(CollectionProblemKind.AssetsFileStale, path,
                "the last restore failed (" + string.Join("; ", errors.Take(Shown)) + more + "): the dependency list may be incomplete"));
        }

        return lockFile;
    }

    /// <summary>
    /// Compares the assets file with what the project declares now: a declared package the assets file does not know, a
    /// version that differs from the one restore recorded, a package restore recorded that the project no longer
    /// references, or an assets file written for another project, means restore has not run since the project changed.
    /// <paramref name="targetFramework"/> names the framework the declarations were evaluated for (null: every framework,
    /// the declarations being the union of all of them).
    /// </summary>
    public static void CheckFreshness(
        LockFile lockFile, string assetsPath, string projectPath, string? targetFramework,
        IReadOnlyList<Dependencies.DeclaredReference> packageReferences, IReadOnlyList<Dependencies.DeclaredReference> packageVersions, List<CollectionProblem> problems)
    {
        var restoredFor = lockFile.PackageSpec?.RestoreMetadata?.ProjectPath;
        if (!string.IsNullOrEmpty(restoredFor) && !SamePath(restoredFor!, projectPath))
        {
            problems.Add(Problem(CollectionProblemKind.AssetsFileStale, assetsPath,
                "the assets file " + assetsPath + " was written for " + restoredFor + ", not for " + projectPath));
            return;
        }

        var all = lockFile.PackageSpec!.TargetFrameworks.ToList();
        var frameworks = targetFramework is null ? all
            : all.Where(f => string.Equals(f.TargetAlias, targetFramework, StringComparison.OrdinalIgnoreCase)).ToList();
        if (frameworks.Count == 0)
        {
            frameworks = all;
        }

        var differences = new List<string>();
        var restored = frameworks.SelectMany(f => f.Dependencies).Where(d => d.LibraryRange.TypeConstraintAllows(NuGet.LibraryModel.LibraryDependencyTarget.Package)).ToList();
        var declaredIds = new HashSet<string>(packageReferences.Select(r => r.Id), StringComparer.OrdinalIgnoreCase);
        foreach (var id in declaredIds.Where(id => !restored.Any(d => string.Equals(d.Name, id, StringComparison.OrdinalIgnoreCase))).OrderBy(id => id, StringComparer.OrdinalIgnoreCase))
        {
            differences.Add("does not know " + id);
        }

        // Versions: a PackageReference's own, else (central management) the PackageVersion restore recorded for the framework.
        foreach (var reference in packageReferences.Where(r => r.Version is not null).GroupBy(r => r.Id, StringComparer.OrdinalIgnoreCase).Select(g => g.Last()))
        {
            var recorded = restored.Where(d => string.Equals(d.Name, reference.Id, StringComparison.OrdinalIgnoreCase)).Select(d => d.LibraryRange.VersionRange).ToList();
            if (recorded.Count > 0 && VersionRange.TryParse(reference.Version!, out var range) && !recorded.Any(r => range.Equals(r)))
            {
                differences.Add("records " + reference.Id + " " + recorded[0]?.OriginalString + " where the project asks " + reference.Version);
            }
        }

        foreach (var version in packageVersions.Where(v => v.Version is not null).GroupBy(v => v.Id, StringComparer.OrdinalIgnoreCase).Select(g => g.Last()))
        {
            var recorded = frameworks.Select(f => f.CentralPackageVersions.TryGetValue(version.Id, out var central) ? central.VersionRange : null).OfType<VersionRange>().ToList();
            if (recorded.Count > 0 && VersionRange.TryParse(version.Version!, out var range) && !recorded.Any(r => range.Equals(r)))
            {
                differences.Add("records " + version.Id + " " + recorded[0].OriginalString + " where Directory.Packages.props asks " + version.Version);
            }
        }

        // Only when the declarations are known: a request without them (a test, a bare collection) compares nothing here.
        if (packageReferences.Count > 0)
        {
            foreach (var gone in restored.Where(d => !d.AutoReferenced && !declaredIds.Contains(d.Name)).Select(d => d.Name)
                         .Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(id => id, StringComparer.OrdinalIgnoreCase))
            {
                differences.Add("records " + gone + ", which the project no longer references");
            }
        }

        if (differences.Count > 0)
        {
            problems.Add(Problem(CollectionProblemKind.AssetsFileStale, assetsPath,
                "the assets file " + assetsPath + " is older than the project: it " + string.Join("; ", differences) + ": restore the project again"));
        }
    }

    private static string FirstLine(string text)
    {
        var newline = text.IndexOf('\n');
        return (newline < 0 ? text : text.Substring(0, newline)).Trim();
    }

    private static bool SamePath(string a, string b)
    {
        try
        {
            return string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static CollectionProblem Problem(CollectionProblemKind kind, string path, string message)
        => new() { Kind = kind, Message = message, Location = new SourceLocation(path, 1, 1) };

    /// <summary>Keeps what NuGet logs while reading, so swallowed errors become visible.</summary>
    private sealed class CollectingLogger : LoggerBase
    {
        public List<string> Errors { get; } = new();

        public override void Log(ILogMessage message)
        {
            if (message.Level >= LogLevel.Error)
            {
                Errors.Add(message.Message);
            }
        }

        public override Task LogAsync(ILogMessage message)
        {
            Log(message);
            return Task.CompletedTask;
        }
    }
}
