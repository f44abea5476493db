// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.IO;
using System.Linq;
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

        if (facts.RepositoryRoot is { } root)
        {
            facts.Files.AddRange(RepositoryScanner.Scan(root, facts.Problems, request.MaxBytes));
            if (facts.Files.FirstOrDefault(f => f.Kind == RepositoryFileKind.PublicCode) is { } publicCode)
            {
                facts.PublicCode = PublicCodeReader.Read(root, publicCode.FullPath, request.MaxBytes);
            }
        }

        PolicyFile? policy = null;
        if (request.PolicyFilePath is { } policyFile)
        {
            policy = ReadPolicyFile(policyFile, facts);
        }

        CheckBaselineFile(request, projectDirectory, facts);
        CollectDependencies(request, projectPath, projectDirectory, facts);

        // Curations correct facts, so they are applied where facts are made: every report (the dependency report, licenses,
        // the SBOMs, the notices) and every rule then sees the curated licence, its source 'curated' and its provenance.
        if (policy is not null)
        {
            PolicyCuration.Apply(policy.Curations, facts.Packages);
        }

        // After the dependencies: without MSBuild the ProjectReferences come from the assets file.
        facts.ProjectReferences.AddRange(DependencyCollector.ProjectReferences(request.ProjectReferences));
        return facts;
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

    private static void CollectDependencies(CollectionRequest request, string projectPath, string projectDirectory, ProjectFacts facts)
    {
        var assetsPath = Path.GetFullPath(request.AssetsFilePath ?? Path.Combine(projectDirectory, "obj", "project.assets.json"));
        facts.AssetsFilePath = assetsPath;
        // The packages' licences are read in the background while NuGet parses the assets file; the collector reads the rest.
        var store = new PackageLicenseStore(request.MaxBytes);
        LockFile? lockFile;
        using (store.Prefetch(assetsPath))
        {
            lockFile = AssetsFileReader.Read(assetsPath, facts.Problems);
        }

        if (lockFile is null)
        {
            return;
        }

        if (request.ProjectReferencesFromAssetsFile)
        {
            request.ProjectReferences.AddRange(ProjectFileReader.ProjectReferences(lockFile));
        }

        AssetsFileReader.CheckFreshness(lockFile, assetsPath, projectPath, request.PackageReferences.Select(r => r.Id), facts.Problems);
        var packages = new DependencyCollector(store).Collect(lockFile, request.TargetFramework, request.IsTestProject, facts.Problems);

        var locator = new ReferenceLocator();
        foreach (var package in packages)
        {
            var directId = package.Path.Count > 0 ? package.Path[0] : package.Id;
            package.ReferenceLocation = locator.Locate(directId, request.PackageReferences, request.PackageVersions);
        }

        if (request.Online)
        {
            var cache = OnlineLicenseCache.Load(request.OnlineCachePath ?? OnlineLicenseEnricher.DefaultCachePath(), OnlineLicenseEnricher.DefaultExpiry);
            new OnlineLicenseEnricher(OnlineLicenseEnricher.SourcesFor(projectDirectory), cache, request.OnlineBudget).Enrich(packages, facts.Problems);
        }

        facts.Packages.AddRange(packages);
    }
}
