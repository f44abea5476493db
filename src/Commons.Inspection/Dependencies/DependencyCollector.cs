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

/// <summary>What the project is, for deciding what of its dependencies ships.</summary>
public sealed class DependencyScope
{
    /// <summary>Test projects and tools: nothing they use ships.</summary>
    public bool WholeProjectIsDevelopment { get; set; }

    /// <summary>
    /// An application (<c>OutputType</c> Exe or WinExe): the runtime assets of every package it uses are copied into its
    /// output, whatever PrivateAssets says (PrivateAssets only keeps a dependency from the project's own consumers).
    /// </summary>
    public bool IsExecutable { get; set; }
}

/// <summary>The packages and project references of a project's assets file, over the selected target frameworks.</summary>
public sealed class CollectedDependencies
{
    public List<PackageFact> Packages { get; } = new();

    /// <summary>The ProjectReferences restore recorded, with whether each flows to the project's consumers.</summary>
    public List<ProjectReferenceFact> ProjectReferences { get; } = new();
}

/// <summary>
/// Turns a restored project's assets file into one <see cref="PackageFact"/> per package (name and version) of every
/// selected target framework: licence, direct or transitive, shortest path, and whether it ships by NuGet's own rules.
/// </summary>
/// <remarks>
/// What ships: a package reached from a reference that flows — a direct PackageReference or a ProjectReference whose
/// assets are not all private (PrivateAssets, IncludeAssets, ExcludeAssets as restore recorded them in the assets file's
/// project section; for an application, whatever its runtime assets reach the output) — through packages that are not
/// <c>developmentDependency</c>, and that brings the product something for that target framework (a compile, runtime,
/// native or resource asset other than NuGet's <c>_._</c> placeholder; the assets file has already dropped the excluded
/// ones) that the target framework does not supersede (<see cref="FrameworkProvidedPackages"/>). A referenced project
/// brings the packages that flow out of it: restore lists exactly those as its dependencies.
/// </remarks>
public sealed class DependencyCollector
{
    /// <summary>The assets that reach a library's consumers: compiled against, loaded at run time, or native.</summary>
    private const LibraryIncludeFlags LibraryProductFlags = LibraryIncludeFlags.Compile | LibraryIncludeFlags.Runtime | LibraryIncludeFlags.Native;

    /// <summary>The assets copied into an application's output.</summary>
    private const LibraryIncludeFlags ApplicationProductFlags = LibraryIncludeFlags.Runtime | LibraryIncludeFlags.Native;

    /// <summary>The packages (name/version) whose problems this collector has reported: once each, whatever the target.</summary>
    private readonly HashSet<string> reported = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, PackageLicense> licenses = new(StringComparer.OrdinalIgnoreCase);
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
    /// such as <c>net8.0</c>; null = every target framework, each package once with the frameworks that use it).
    /// </summary>
    public CollectedDependencies Collect(LockFile lockFile, string? targetFramework, DependencyScope scope, List<CollectionProblem> problems)
    {
        var specFrameworks = SelectSpecFrameworks(lockFile, targetFramework);
        if (!scope.WholeProjectIsDevelopment && IsHarness(lockFile, scope))
        {
            scope = new DependencyScope { WholeProjectIsDevelopment = true, IsExecutable = scope.IsExecutable };
        }

        var projectLibraries = ProjectLibraries(lockFile);
        var packages = new Dictionary<string, PackageFact>(StringComparer.OrdinalIgnoreCase);
        var projects = new Dictionary<string, ProjectReferenceFact>(StringComparer.Ordinal);
        var seenIn = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var aliases = new List<string>();
        foreach (var framework in specFrameworks)
        {
            var alias = string.IsNullOrEmpty(framework.TargetAlias) ? framework.FrameworkName.GetShortFolderName() : framework.TargetAlias;
            aliases.Add(alias);
            CollectFramework(lockFile, framework, scope, projectLibraries, problems, alias, packages, projects, seenIn);
        }

        var result = new CollectedDependencies();
        foreach (var fact in packages.Values.OrderBy(p => p.Id, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Version, StringComparer.Ordinal))
        {
            var frameworks = seenIn[Key(fact.Id, fact.Version)];
            if (aliases.Count > 1 && frameworks.Count < aliases.Count)
            {
                fact.Frameworks.AddRange(aliases.Where(a => frameworks.Contains(a, StringComparer.OrdinalIgnoreCase)));
            }

            result.Packages.Add(fact);
        }

        result.ProjectReferences.AddRange(projects.Values.OrderBy(p => p.Path, StringComparer.Ordinal));
        return result;
    }

    /// <summary>The project's ProjectReferences as facts, by the name the assets file knows them under when it does.</summary>
    public static List<ProjectReferenceFact> ProjectReferences(IEnumerable<DeclaredProjectReference> declared)
        => declared
            .Select(r => new ProjectReferenceFact { Name = Path.GetFileNameWithoutExtension(r.Path), Path = r.Path, License = string.IsNullOrWhiteSpace(r.License) ? null : r.License })
            .OrderBy(r => r.Path, StringComparer.Ordinal)
            .ToList();

    private void CollectFramework(
        LockFile lockFile,
        TargetFrameworkInformation framework,
        DependencyScope scope,
        Dictionary<string, string> projectLibraries,
        List<CollectionProblem> problems,
        string alias,
        Dictionary<string, PackageFact> packages,
        Dictionary<string, ProjectReferenceFact> projects,
        Dictionary<string, List<string>> seenIn)
    {
        // Compared with Equals, not in a HashSet: older NuGet versions hashed frameworks they did not know yet inconsistently.
        var targets = lockFile.Targets.Where(t => framework.FrameworkName.Equals(t.TargetFramework)).ToList();
        var graph = BuildGraph(targets, scope.IsExecutable);

        // A package the shared framework supersedes (System.IO 4.3.0 on net6.0) loses to the framework's assembly: nothing of it ships.
        var provided = FrameworkProvidedPackages.For(lockFile, framework);
        foreach (var node in graph.Values.Where(n => n.IsPackage && n.NuGetVersion is not null))
        {
            if (provided.TryGetValue(node.Name, out var version) && node.NuGetVersion! <= version)
            {
                node.BringsProduct = false;
                node.Superseded = true;
            }
        }

        var starts = new List<Start>();
        foreach (var dependency in framework.Dependencies.Where(d => d.LibraryRange.TypeConstraintAllows(LibraryDependencyTarget.Package) && graph.ContainsKey(d.Name)))
        {
            starts.Add(new Start(dependency.Name, Flows(dependency.IncludeType, dependency.SuppressParent, scope.IsExecutable), dependency.AutoReferenced));
        }

        foreach (var reference in RestoreFramework(lockFile, framework)?.ProjectReferences ?? Enumerable.Empty<ProjectRestoreReference>())
        {
            var path = FullPath(reference.ProjectPath);
            var name = projectLibraries.TryGetValue(path, out var library) ? library : null;
            var include = reference.IncludeAssets & ~reference.ExcludeAssets;
            var flows = Flows(include, reference.PrivateAssets, scope.IsExecutable);
            if (name is not null && graph.ContainsKey(name))
            {
                starts.Add(new Start(name, flows, isImplicit: false));
            }

            if (!projects.TryGetValue(path, out var fact))
            {
                fact = new ProjectReferenceFact { Name = name ?? Path.GetFileNameWithoutExtension(path), Path = path, DevOnly = true };
                projects[path] = fact;
            }

            fact.DevOnly &= scope.WholeProjectIsDevelopment || !flows;
        }

        ReadLicenses(lockFile, graph.Values.Where(n => n.IsPackage).ToList(), problems);
        bool IsDevelopmentDependency(Node n) => n.IsPackage && licenses[n.Key].IsDevelopmentDependency;

        var shipping = Reach(graph, starts.Where(s => s.Flows && !IsDevelopmentDependency(graph[s.Name])).Select(s => s.Name), n => !IsDevelopmentDependency(n));
        var explicitlyReached = Reach(graph, starts.Where(s => !s.Implicit).Select(s => s.Name), _ => true);
        var reached = Reach(graph, starts.Select(s => s.Name), _ => true);
        var direct = new HashSet<string>(starts.Where(s => graph[s.Name].IsPackage).Select(s => s.Name), StringComparer.OrdinalIgnoreCase);

        foreach (var node in graph.Values.Where(n => n.IsPackage))
        {
            var ships = !scope.WholeProjectIsDevelopment && node.BringsProduct && shipping.ContainsKey(node.Name);
            var path = ships ? shipping[node.Name] : reached.TryGetValue(node.Name, out var any) ? any : new List<string> { node.Name };
            var key = node.Key;
            if (!seenIn.TryGetValue(key, out var frameworks))
            {
                frameworks = new List<string>();
                seenIn[key] = frameworks;
            }

            frameworks.Add(alias);
            if (!packages.TryGetValue(key, out var fact))
            {
                var license = licenses[key];
                fact = new PackageFact
                {
                    Id = node.Name,
                    Version = node.Version,
                    License = license.License,
                    Source = license.Source,
                    LicenseUrl = license.LicenseUrl,
                    LicenseFile = license.LicenseFile,
                    Confidence = license.Confidence,
                    Problem = license.Problem,
                    DevOnly = true,
                    Implicit = true,
                    Superseded = true,
                };
                fact.Path.AddRange(path);
                packages[key] = fact;
            }
            else if ((ships && fact.DevOnly) || (ships == !fact.DevOnly && path.Count < fact.Path.Count))
            {
                // The path shown is the shortest one of a framework where the package ships, when it ships in one.
                fact.Path.Clear();
                fact.Path.AddRange(path);
            }

            fact.Direct |= direct.Contains(node.Name);
            fact.DevOnly &= !ships;
            fact.Implicit &= !explicitlyReached.ContainsKey(node.Name);
            fact.Superseded &= node.Superseded;
        }
    }

    /// <summary>
    /// A test or benchmark harness: the project references the test SDK (a test project whose IsTestProject the
    /// collection was not told), or it is an application that references BenchmarkDotNet. What it uses is not distributed.
    /// A library that references a test framework may be a published test extension, and is judged as a library.
    /// </summary>
    private static bool IsHarness(LockFile lockFile, DependencyScope scope)
        => lockFile.PackageSpec.TargetFrameworks.SelectMany(f => f.Dependencies).Any(d =>
            string.Equals(d.Name, "Microsoft.NET.Test.Sdk", StringComparison.OrdinalIgnoreCase)
            || (scope.IsExecutable && string.Equals(d.Name, "BenchmarkDotNet", StringComparison.OrdinalIgnoreCase)));

    /// <summary>Whether a reference with these include and private flags brings product assets to the project's users.</summary>
    private static bool Flows(LibraryIncludeFlags include, LibraryIncludeFlags suppressParent, bool executable)
        => executable ? (include & ApplicationProductFlags) != 0 : (include & ~suppressParent & LibraryProductFlags) != 0;

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

    /// <summary>The restore metadata of the same target framework: it holds the ProjectReferences with their asset flags.</summary>
    private static ProjectRestoreMetadataFrameworkInfo? RestoreFramework(LockFile lockFile, TargetFrameworkInformation framework)
    {
        var frameworks = lockFile.PackageSpec.RestoreMetadata?.TargetFrameworks;
        if (frameworks is null)
        {
            return null;
        }

        return frameworks.FirstOrDefault(f => !string.IsNullOrEmpty(framework.TargetAlias) && string.Equals(f.TargetAlias, framework.TargetAlias, StringComparison.OrdinalIgnoreCase))
            ?? frameworks.FirstOrDefault(f => framework.FrameworkName.Equals(f.FrameworkName));
    }

    /// <summary>Full path of each project library of the assets file (relative to the project) → its library name.</summary>
    private static Dictionary<string, string> ProjectLibraries(LockFile lockFile)
    {
        var projectPath = lockFile.PackageSpec.RestoreMetadata?.ProjectPath;
        var folder = string.IsNullOrEmpty(projectPath) ? null : Path.GetDirectoryName(projectPath);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var library in lockFile.Libraries.Where(l => string.Equals(l.Type, LibraryType.Project, StringComparison.OrdinalIgnoreCase) && l.Name is not null))
        {
            var relative = library.MSBuildProject ?? library.Path;
            if (string.IsNullOrEmpty(relative) || folder is null)
            {
                continue;
            }

            var full = FullPath(Path.Combine(folder, relative.Replace('/', Path.DirectorySeparatorChar)));
            result[full] = library.Name;
        }

        return result;
    }

    private static string FullPath(string path)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return path;
        }
    }

    private static FallbackPackagePathResolver? CreateResolver(LockFile lockFile)
    {
        var folders = lockFile.PackageFolders.Select(f => f.Path).Where(p => !string.IsNullOrEmpty(p)).ToList();
        return folders.Count == 0 ? null : new FallbackPackagePathResolver(folders[0], folders.Skip(1));
    }

    /// <summary>
    /// The licence of every package not read yet, each read from disk once (<see cref="PackageLicenseStore"/>). Packages are
    /// read in parallel (hundreds of small files, each parsed and stat'ed: the largest cost after the assets file);
    /// problems are reported in graph order.
    /// </summary>
    private void ReadLicenses(LockFile lockFile, List<Node> packages, List<CollectionProblem> problems)
    {
        var unread = packages.Where(p => !licenses.ContainsKey(p.Key)).ToList();
        var resolver = CreateResolver(lockFile);
        var read = new PackageLicense[unread.Count];
        Parallel.For(0, unread.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => read[i] = ReadLicense(resolver, lockFile, unread[i]));
        for (var i = 0; i < unread.Count; i++)
        {
            var (node, license) = (unread[i], read[i]);
            if (license.ProblemKind is { } kind && reported.Add(node.Key))
            {
                problems.Add(new CollectionProblem
                {
                    Kind = kind,
                    Message = node.Name + " " + node.Version + ": " + license.Problem,
                    Location = license.NuspecPath is { } nuspec ? new SourceLocation(nuspec, 1, 1) : null,
                });
            }

            licenses[node.Key] = license;
        }
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

    /// <summary>Every library of the framework's targets (all runtimes), merged by name.</summary>
    private static Dictionary<string, Node> BuildGraph(List<LockFileTarget> targets, bool executable)
    {
        var graph = new Dictionary<string, Node>(StringComparer.OrdinalIgnoreCase);
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
                };
                graph[library.Name] = node;
            }

            node.Dependencies.UnionWith(library.Dependencies.Select(d => d.Id));
            node.BringsProduct |= BringsProduct(library, executable);
        }

        return graph;
    }

    /// <summary>
    /// True when the target library (as restore filtered it by the include flags) gives the product a file: a runtime,
    /// native or resource asset, or for a library a compile asset (its consumers compile against it), other than NuGet's
    /// <c>_._</c> placeholder. Analyzer, MSBuild-only and tools packages, and packages with nothing for the framework, do not.
    /// </summary>
    private static bool BringsProduct(LockFileTargetLibrary library, bool executable)
    {
        static bool Real(IEnumerable<LockFileItem> items) => items.Any(i => !i.Path.EndsWith("/_._", StringComparison.Ordinal) && i.Path != "_._");
        return Real(library.RuntimeAssemblies) || Real(library.NativeLibraries) || Real(library.ResourceAssemblies) || Real(library.RuntimeTargets)
            || Real(library.EmbedAssemblies) || (!executable && Real(library.CompileTimeAssemblies));
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

    private static string Key(string name, string version) => name + "/" + version;

    /// <summary>A reference of the project itself: a direct package or a referenced project.</summary>
    private sealed class Start
    {
        public Start(string name, bool flows, bool isImplicit)
        {
            Name = name;
            Flows = flows;
            Implicit = isImplicit;
        }

        public string Name { get; }

        /// <summary>It brings product assets to the project's users (<see cref="DependencyCollector.Flows"/>).</summary>
        public bool Flows { get; }

        /// <summary>The SDK added it (<c>IsImplicitlyDefined</c>, recorded by restore as <c>autoReferenced</c>).</summary>
        public bool Implicit { get; }
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
        public string Key => DependencyCollector.Key(Name, Version);

        public NuGet.Versioning.NuGetVersion? NuGetVersion { get; set; }

        public bool IsPackage { get; }

        /// <summary>See <see cref="DependencyCollector.BringsProduct"/>, in any runtime of the framework.</summary>
        public bool BringsProduct { get; set; }

        /// <summary>The target framework supplies this package's assemblies itself (System.Runtime 4.3.0 on net8.0).</summary>
        public bool Superseded { get; set; }

        public HashSet<string> Dependencies { get; } = new(StringComparer.OrdinalIgnoreCase);
    }
}
