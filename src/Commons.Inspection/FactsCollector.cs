// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Commons.Compliance.Facts;
using Commons.Compliance.Policy;
using Commons.Inspection.Dependencies;
using Commons.Inspection.Online;
using Commons.Inspection.Projects;
using Commons.Inspection.Repository;
using NuGet.ProjectModel;

namespace Commons.Inspection;

/// <summary>Collects everything the rules judge about one project: repository files, publiccode.yml, dependency licences.</summary>
public static class FactsCollector
{
    public static ProjectFacts Collect(CollectionRequest request)
    {
        var projectPath = Path.GetFullPath(request.ProjectPath);
        var projectDirectory = Path.GetDirectoryName(projectPath)!;
        var facts = new ProjectFacts
        {
            ProjectPath = projectPath,
            TargetFramework = request.TargetFramework,
            RepositoryRoot = RepositoryRoot.Find(projectDirectory, request.ConfiguredRepositoryRoot),
        };

        // The dependencies are collected on another thread while this one reads the repository, the nuspec, the policy and the
        // baseline: in a process's first collection (each MSBuild node's) most of the time goes to loading and compiling NuGet's
        // reader, which this overlaps with the licence identification. Each side keeps its own problems; they are merged in the
        // order of one thread doing both, the repository's first.
        PolicyFile? policy;
        var dependencyProblems = new List<CollectionProblem>();
        var dependencies = Task.Run(() => CollectDependencies(request, projectPath, projectDirectory, facts, dependencyProblems));
        try
        {
            CollectRepository(request, projectDirectory, facts, out policy);
        }
        catch
        {
            // Not left running unobserved; its own failure, if any, is not the one to report.
            try
            {
                dependencies.Wait();
            }
            catch (AggregateException)
            {
            }

            throw;
        }

        var restored = dependencies.GetAwaiter().GetResult();
        facts.Problems.AddRange(dependencyProblems);
        var restoredReferences = restored?.ProjectReferences;
        if (restored is not null && request.Online)
        {
            // Online, on this thread and after every local problem, as before: it may wait on the network and writes the user's cache.
            var cache = OnlineLicenseCache.Load(request.OnlineCachePath ?? OnlineLicenseEnricher.DefaultCachePath(), OnlineLicenseEnricher.DefaultExpiry);
            new OnlineLicenseEnricher(OnlineLicenseEnricher.SourcesFor(projectDirectory), cache, request.OnlineBudget).Enrich(restored.Packages, facts.Problems);
        }

        if (restored is not null)
        {
            facts.Packages.AddRange(restored.Packages);
        }

        // Curations correct facts, so they are applied where facts are made: every report (the dependency report, licenses,
        // the SBOMs, the notices) and every rule then sees the curated licence, its source 'curated' and its provenance.
        if (policy is not null)
        {
            PolicyCuration.Apply(policy.Curations, facts.Packages);
        }

        facts.ProjectReferences.AddRange(ProjectReferences(request, projectPath, projectDirectory, restoredReferences, facts.RepositoryRoot));
        return facts;
    }

    /// <summary>The repository's files and publiccode.yml, its remote, the nuspec, the policy file and the baseline.</summary>
    private static void CollectRepository(CollectionRequest request, string projectDirectory, ProjectFacts facts, out PolicyFile? policy)
    {
        policy = null;
        if (facts.RepositoryRoot is { } root)
        {
            facts.Files.AddRange(RepositoryScanner.Scan(root, facts.Problems, request.MaxBytes));
            if (facts.Files.FirstOrDefault(f => f.Kind == RepositoryFileKind.PublicCode) is { } publicCode)
            {
                facts.PublicCode = PublicCodeReader.Read(root, publicCode.FullPath, request.MaxBytes);
            }

            facts.RepositoryRemote = GitRemote.Find(root);
        }

        if (request.NuspecFile is { } nuspec)
        {
            facts.Nuspec = ProjectNuspecReader.Read(Path.GetFullPath(Path.Combine(projectDirectory, nuspec)), request.MaxBytes);
            if (facts.Nuspec.Problem is { } problem)
            {
                facts.Problems.Add(new CollectionProblem
                {
                    Kind = CollectionProblemKind.NuspecUnreadable,
                    Message = "the project's nuspec " + facts.Nuspec.Path + ": " + problem,
                    Location = File.Exists(facts.Nuspec.Path) ? new SourceLocation(facts.Nuspec.Path, 1, 1) : null,
                });
            }
        }

        if (request.PolicyFilePath is { } policyFile)
        {
            policy = ReadPolicyFile(policyFile, facts);
        }

        CheckBaselineFile(request, projectDirectory, facts);
    }

    /// <summary>
    /// A policy file that gives no text is a problem, and the targets (and the CLI) do not hand it on. An empty one too: it holds
    /// no exception, and a pipe or a device (never opened) reports length 0 as well. A text is parsed for its curations (its
    /// errors are the analyzer's to report, from the same text).
    /// </summary>
    private static PolicyFile? ReadPolicyFile(string path, ProjectFacts facts)
    {
        var read = DocumentReader.Read(path);
        if (read.State == FileContent.Text)
        {
            return PolicyFile.Parse(path, read.Text!);
        }

        facts.Problems.Add(new CollectionProblem
        {
            Kind = CollectionProblemKind.PolicyFileUnreadable,
            Message = read.State == FileContent.Empty ? "it is empty, or a pipe or a device: it holds no exception" : read.Problem ?? read.State.ToString(),
            Location = new SourceLocation(path, 1, 1),
        });
        return null;
    }

    /// <summary>A baseline that exists (or was named) but gives no text is a problem: it suppresses nothing, and says why.</summary>
    private static void CheckBaselineFile(CollectionRequest request, string projectDirectory, ProjectFacts facts)
    {
        if (BaselineLocation.Resolve(projectDirectory, facts.RepositoryRoot, request.BaselineEnabled, request.BaselineFile) is not { } baseline
            || baseline.Problem(baseline.Read()) is not { } problem)
        {
            return;
        }

        facts.Problems.Add(new CollectionProblem
        {
            Kind = CollectionProblemKind.BaselineFileUnreadable,
            Message = problem,
            Location = new SourceLocation(baseline.Path, 1, 1),
        });
    }

    /// <summary>
    /// The packages of the assets file and the ProjectReferences restore recorded (null without an assets file), its problems into
    /// <paramref name="problems"/>; sets <see cref="ProjectFacts.AssetsFilePath"/> and nothing else of <paramref name="facts"/>.
    /// </summary>
    private static CollectedDependencies? CollectDependencies(CollectionRequest request, string projectPath, string projectDirectory, ProjectFacts facts, List<CollectionProblem> problems)
    {
        if (!request.HasRestoreGraph)
        {
            return null;
        }

        var assetsPath = Path.GetFullPath(request.AssetsFilePath ?? Path.Combine(projectDirectory, "obj", "project.assets.json"));
        facts.AssetsFilePath = assetsPath;
        // The packages' licences are read in the background while NuGet parses the assets file; the collector reads the rest.
        var store = new PackageLicenseStore(request.MaxBytes);
        LockFile? lockFile;
        using (store.Prefetch(assetsPath))
        {
            lockFile = AssetsFileReader.Read(assetsPath, problems);
        }

        if (lockFile is null)
        {
            return null;
        }

        // The declarations were evaluated for TargetFramework (null: for every framework, as the CLI does).
        AssetsFileReader.CheckFreshness(lockFile, assetsPath, projectPath, request.TargetFramework, request.PackageReferences, request.PackageVersions, problems);
        var scope = new DependencyScope
        {
            WholeProjectIsDevelopment = request.IsTestProject || (!request.IsPackable && !request.IsExecutable),
            IsExecutable = request.IsExecutable,
        };
        var collected = new DependencyCollector(store).Collect(lockFile, request.AllTargetFrameworks ? null : request.TargetFramework, scope, problems);

        var locator = new ReferenceLocator();
        var fallbackFiles = Inside(ProjectFileReader.DeclaringFiles(projectPath), facts.RepositoryRoot);
        var projectsByName = collected.ProjectReferences.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        foreach (var package in collected.Packages)
        {
            var directId = package.Path.Count > 0 ? package.Path[0] : package.Id;
            var location = projectsByName.TryGetValue(directId, out var viaProject) && !string.Equals(directId, package.Id, StringComparison.OrdinalIgnoreCase)
                ? locator.LocateProjectReference(viaProject.Path, projectDirectory, fallbackFiles)
                : locator.Locate(directId, request.PackageReferences, request.PackageVersions, fallbackFiles);

            // An implicit reference is declared by the SDK, outside the repository: never a place to point the user at.
            package.ReferenceLocation = IsInside(location, facts.RepositoryRoot) ? location : null;
        }

        return collected;
    }

    /// <summary>
    /// The ProjectReferences: those restore recorded (every target framework, with whether they flow), else the declared
    /// ones; each with the licence its project declares and where the reference is written.
    /// </summary>
    private static IEnumerable<ProjectReferenceFact> ProjectReferences(
        CollectionRequest request, string projectPath, string projectDirectory, List<ProjectReferenceFact>? restored, string? repositoryRoot)
    {
        var declared = request.ProjectReferences.GroupBy(r => r.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().License, StringComparer.Ordinal);
        var references = restored ?? DependencyCollector.ProjectReferences(request.ProjectReferences);
        var locator = new ReferenceLocator();
        var files = Inside(ProjectFileReader.DeclaringFiles(projectPath), repositoryRoot);
        foreach (var reference in references)
        {
            if (declared.TryGetValue(reference.Path, out var license))
            {
                reference.License = string.IsNullOrWhiteSpace(license) ? null : license;
            }
            else if (restored is not null)
            {
                // Declared for another target framework than the evaluated one, or no MSBuild to ask: read the project as written.
                reference.License = ProjectFileReader.DeclaredLicense(reference.Path);
            }

            var location = locator.LocateProjectReference(reference.Path, projectDirectory, files);
            reference.ReferenceLocation = IsInside(location, repositoryRoot) ? location : null;
        }

        return references.OrderBy(r => r.Path, StringComparer.Ordinal);
    }

    private static IReadOnlyList<string> Inside(IReadOnlyList<string> files, string? root)
        => files.Where(f => root is null || IsInside(new SourceLocation(f, 1, 1), root)).ToList();

    /// <summary>True for a location inside the repository (or anywhere when there is no repository root).</summary>
    private static bool IsInside(SourceLocation? location, string? root)
        => location is not null && (root is null || PathSafety.IsInside(root, location.File));
}
