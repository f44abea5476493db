// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Commons.Compliance.Facts;
using NuGet.Frameworks;
using NuGet.LibraryModel;
using NuGet.Packaging;
using NuGet.ProjectModel;

namespace Commons.Inspection.Dependencies;

/// <summary>
/// Turns a restored project's assets file into one <see cref="PackageFact"/> per package of every selected target
/// framework and runtime: licence, direct or transitive, shortest path, development-only.
/// </summary>
public sealed class DependencyCollector
{
    /// <summary>Asset groups that reach the compiled or running product. A package with none of them only helps the build.</summary>
    private static readonly Func<LockFileTargetLibrary, IEnumerable<LockFileItem>>[] ProductAssets =
    {
        l => l.CompileTimeAssemblies,
        l => l.RuntimeAssemblies,
        l => l.NativeLibraries,
        l => l.ResourceAssemblies,
        l => l.ContentFiles,
        l => l.RuntimeTargets,
        l => l.EmbedAssemblies,
    };

    /// <summary>Folders in a package whose files serve the build only (analyzers, MSBuild props and targets, tools).</summary>
    private static readonly string[] BuildOnlyFolders = { "analyzers/", "build/", "buildTransitive/", "buildMultiTargeting/", "buildCrossTargeting/", "tools/" };

    /// <summary>Folders in a package whose files reach the product.</summary>
    private static readonly string[] ProductFolders = { "lib/", "ref/", "runtimes/", "content/", "contentFiles/", "native/" };

    /// <summary>The packages (name/version) whose problems this collector has reported: once each, whatever the target.</summary>
    private readonly HashSet<string> reported = new(StringComparer.OrdinalIgnoreCase);
    private readonly PackageLicenseStore store;

    public DependencyCollector(long maxBytes = BoundedFile.DefaultMaxBytes)
        : this(new PackageLicenseStore(maxBytes))
    {
    }

    /// <summary>A collector that takes the packages' licences from <paramref name="store"/>, perhaps already read there.</summary>
    public DependencyCollector(PackageLicenseStore store)
    {
        this.store = store;
    }

    public long MaxBytes => store.MaxBytes;

    /// <summary>
    /// Collects the packages of <paramref name="lockFile"/> for <paramref name="targetFramework"/> (a TargetFramework alias
    /// such as <c>net8.0</c>; null = every target). <paramref name="wholeProjectIsDevelopment"/> is set for test projects and tools.
    /// </summary>
    public List<PackageFact> Collect(LockFile lockFile, string? targetFramework, bool wholeProjectIsDevelopment, List<CollectionProblem> problems)
    {
        var specFrameworks = SelectSpecFrameworks(lockFile, targetFramework);
        // Compared with Equals, not in a HashSet: older NuGet versions hashed frameworks they did not know yet inconsistently.
        var frameworks = specFrameworks.Select(f => f.FrameworkName).ToList();
        var targets = lockFile.Targets.Where(t => frameworks.Any(f => f.Equals(t.TargetFramework))).ToList();

        var graph = BuildGraph(lockFile, targets);
        var direct = specFrameworks.SelectMany(f => f.Dependencies)
            .Where(d => d.LibraryRange.TypeConstraintAllows(LibraryDependencyTarget.Package) && graph.ContainsKey(d.Name))
            .GroupBy(d => d.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.All(d => d.SuppressParent == LibraryIncludeFlags.All), StringComparer.OrdinalIgnoreCase);

        var resolver = CreateResolver(lockFile);
        // NuGet 7 marks the style obsolete for new restores; assets files written for tool references still carry it.
#pragma warning disable CS0618
        var isTool = lockFile.PackageSpec?.RestoreMetadata?.ProjectStyle == ProjectStyle.DotnetToolReference;
#pragma warning restore CS0618
        var licenses = ReadLicenses(resolver, lockFile, graph.Values.Where(n => n.IsPackage).ToList(), problems);

        // A package is development-only when no production reference reaches it without passing a development-only one.
        bool IsIntrinsicallyDev(Node n) => n.IsPackage && (licenses[n.Name].IsDevelopmentDependency || n.IsBuildOnly);
        var productionStarts = direct.Where(d => !d.Value && !IsIntrinsicallyDev(graph[d.Key])).Select(d => d.Key);
        var reachedByProduct = Reach(graph, productionStarts, n => !IsIntrinsicallyDev(n)).Keys;
        var shortestPaths = Reach(graph, direct.Keys, _ => true);

        var facts = new List<PackageFact>();
        foreach (var node in graph.Values.Where(n => n.IsPackage).OrderBy(n => n.Name, StringComparer.OrdinalIgnoreCase))
        {
            var license = licenses[node.Name];
            var fact = new PackageFact
            {
                Id = node.Name,
                Version = node.Version,
                License = license.License,
                Source = license.Source,
                LicenseUrl = license.LicenseUrl,
                LicenseFile = license.LicenseFile,
                Confidence = license.Confidence,
                Problem = license.Problem,
                Direct = direct.ContainsKey(node.Name),
                DevOnly = wholeProjectIsDevelopment || isTool || !reachedByProduct.Contains(node.Name),
            };
            if (shortestPaths.TryGetValue(node.Name, out var path))
            {
                fact.Path.AddRange(path);
            }
            else
            {
                fact.Path.Add(node.Name);
            }

            facts.Add(fact);
        }

        return facts;
    }

    /// <summary>The project's ProjectReferences as facts, by the name the assets file knows them under when it does.</summary>
    public static List<ProjectReferenceFact> ProjectReferences(IEnumerable<DeclaredProjectReference> declared)
        => declared
            .Select(r => new ProjectReferenceFact { Name = Path.GetFileNameWithoutExtension(r.Path), Path = r.Path, License = string.IsNullOrWhiteSpace(r.License) ? null : r.License })
            .OrderBy(r => r.Path, StringComparer.Ordinal)
            .ToList();

    private static List<TargetFrameworkInformation> SelectSpecFrameworks(LockFile lockFile, string? targetFramework)
    {
        var all = lockFile.PackageSpec.TargetFrameworks.ToList();
        if (string.IsNullOrWhiteSpace(targetFramework))
        {
            return all;
        }

        var byAlias = all.Where(f => string.Equals(f.TargetAlias, targetFramework, StringComparison.OrdinalIgnoreCase)).ToList();
        if (byAlias.Count > 0)
        {
            return byAlias;
        }

        var framework = NuGetFramework.Parse(targetFramework!);
        return all.Where(f => f.FrameworkName.Equals(framework)).ToList();
    }

    private static FallbackPackagePathResolver? CreateResolver(LockFile lockFile)
    {
        var folders = lockFile.PackageFolders.Select(f => f.Path).Where(p => !string.IsNullOrEmpty(p)).ToList();
        return folders.Count == 0 ? null : new FallbackPackagePathResolver(folders[0], folders.Skip(1));
    }

    /// <summary>
    /// The licence of every package, each read from disk once (<see cref="PackageLicenseStore"/>). Packages are read in
    /// parallel (hundreds of small files, each parsed and stat'ed: the largest cost after the assets file); problems are
    /// reported in graph order.
    /// </summary>
    private Dictionary<string, PackageLicense> ReadLicenses(FallbackPackagePathResolver? resolver, LockFile lockFile, List<Node> packages, List<CollectionProblem> problems)
    {
        var read = new PackageLicense[packages.Count];
        Parallel.For(0, packages.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => read[i] = ReadLicense(resolver, lockFile, packages[i]));
        var licenses = new Dictionary<string, PackageLicense>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < packages.Count; i++)
        {
            var (node, license) = (packages[i], read[i]);
            if (license.ProblemKind is { } kind && reported.Add(node.Key))
            {
                problems.Add(new CollectionProblem
                {
                    Kind = kind,
                    Message = node.Name + " " + node.Version + ": " + license.Problem,
                    Location = license.NuspecPath is { } nuspec ? new SourceLocation(nuspec, 1, 1) : null,
                });
            }

            licenses[node.Name] = license;
        }

        return licenses;
    }

    private PackageLicense ReadLicense(FallbackPackagePathResolver? resolver, LockFile lockFile, Node node)
    {
        var folder = resolver?.GetPackageDirectory(node.Name, node.NuGetVersion!);
        if (folder is null || !Directory.Exists(folder))
        {
            var where = string.Join(", ", lockFile.PackageFolders.Select(f => f.Path));
            return new PackageLicense
            {
                Source = LicenseSource.None,
                Problem = "package " + node.Key + " is not in the package folders (" + where + "): restore the project",
                ProblemKind = CollectionProblemKind.PackageFolderMissing,
            };
        }

        return store.Get(folder, node.Name);
    }

    /// <summary>Every library of the selected targets (all runtimes), merged by name.</summary>
    private static Dictionary<string, Node> BuildGraph(LockFile lockFile, List<LockFileTarget> targets)
    {
        var graph = new Dictionary<string, Node>(StringComparer.OrdinalIgnoreCase);

        // LockFile.GetLibrary searches the whole list: asked once per library, that was quadratic in the package count.
        var filesByLibrary = new Dictionary<(string, NuGet.Versioning.NuGetVersion), IList<string>>();
        foreach (var library in lockFile.Libraries.Where(l => l.Name is not null && l.Version is not null))
        {
            var key = (library.Name.ToLowerInvariant(), library.Version);
            if (!filesByLibrary.ContainsKey(key))
            {
                filesByLibrary[key] = library.Files;
            }
        }

        foreach (var library in targets.SelectMany(t => t.Libraries))
        {
            if (library.Name is null || library.Version is null)
            {
                continue;
            }

            if (!graph.TryGetValue(library.Name, out var node))
            {
                node = new Node(library.Name, library.Version.ToNormalizedString(), string.Equals(library.Type, LibraryType.Package, StringComparison.OrdinalIgnoreCase))
                {
                    NuGetVersion = library.Version,
                    IsBuildOnly = true,
                };
                graph[library.Name] = node;
            }

            node.Dependencies.UnionWith(library.Dependencies.Select(d => d.Id));
            node.IsBuildOnly &= node.IsPackage && IsBuildOnly(library, filesByLibrary.TryGetValue((library.Name.ToLowerInvariant(), library.Version), out var files) ? files : null);
        }

        return graph;
    }

    /// <summary>
    /// True for a package that brings nothing into the product: no compile, runtime, native, resource or content asset
    /// (NuGet's <c>_._</c> placeholders aside), no dependencies, no <c>lib/</c>, <c>ref/</c>, <c>runtimes/</c> or content
    /// folder, and files under <c>analyzers/</c>, <c>build/</c> or <c>tools/</c>: an analyzer, MSBuild-only or tools package.
    /// </summary>
    private static bool IsBuildOnly(LockFileTargetLibrary library, IList<string>? packageFiles)
    {
        if (packageFiles is null || library.Dependencies.Count > 0
            || ProductAssets.SelectMany(group => group(library)).Any(item => !item.Path.EndsWith("/_._", StringComparison.Ordinal)))
        {
            return false;
        }

        bool Under(string file, IEnumerable<string> folders) => folders.Any(f => file.StartsWith(f, StringComparison.OrdinalIgnoreCase));
        return packageFiles.Any(f => Under(f, BuildOnlyFolders)) && !packageFiles.Any(f => Under(f, ProductFolders));
    }

    /// <summary>Breadth-first walk from <paramref name="starts"/>; the shortest path to every reached node, both ends included.</summary>
    private static Dictionary<string, List<string>> Reach(Dictionary<string, Node> graph, IEnumerable<string> starts, Func<Node, bool> mayEnter)
    {
        var paths = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<Node>();
        foreach (var start in starts.OrderBy(s => s, StringComparer.OrdinalIgnoreCase))
        {
            if (graph.TryGetValue(start, out var node) && !paths.ContainsKey(node.Name))
            {
                paths[node.Name] = new List<string> { node.Name };
                queue.Enqueue(node);
            }
        }

        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var dependency in node.Dependencies.OrderBy(d => d, StringComparer.OrdinalIgnoreCase))
            {
                if (graph.TryGetValue(dependency, out var next) && !paths.ContainsKey(next.Name) && mayEnter(next))
                {
                    paths[next.Name] = new List<string>(paths[node.Name]) { next.Name };
                    queue.Enqueue(next);
                }
            }
        }

        return paths;
    }

    private sealed class Node
    {
        public Node(string name, string version, bool isPackage)
        {
            Name = name;
            Version = version;
            IsPackage = isPackage;
        }

        public string Name { get; }

        public string Version { get; }

        /// <summary>Name and version: a package's licence is read once per collector.</summary>
        public string Key => Name + "/" + Version;

        public NuGet.Versioning.NuGetVersion? NuGetVersion { get; set; }

        public bool IsPackage { get; }

        public bool IsBuildOnly { get; set; }

        public HashSet<string> Dependencies { get; } = new(StringComparer.OrdinalIgnoreCase);
    }
}
