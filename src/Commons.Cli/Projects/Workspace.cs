// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Commons.Compliance;
using Commons.Compliance.Baseline;
using Commons.Compliance.Facts;
using Commons.Compliance.Headers;
using Commons.Compliance.Input;
using Commons.Compliance.Policy;
using Commons.Compliance.Reuse;
using Commons.Compliance.Rules;
using Commons.Inspection;
using Commons.Inspection.Projects;
using Commons.Inspection.Repository;

namespace Commons.Cli.Projects;

/// <summary>How to load the projects of a PATH argument.</summary>
internal sealed class WorkspaceOptions
{
    /// <summary>Restore into a private folder the projects that have no assets file.</summary>
    public bool Restore { get; set; }

    /// <summary>MSBuild global properties given by options (<c>CommonsPolicy</c> …): they win over the project's, as <c>-p:</c> does.</summary>
    public Dictionary<string, string> Properties { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Told what is being done, for the progress display.</summary>
    public Action<string> Progress { get; set; } = _ => { };

    /// <summary>Read the repository's baseline, as the build does; <c>commons baseline</c> turns it off to see every finding.</summary>
    public bool UseBaseline { get; set; } = true;
}

/// <summary>One project, evaluated, collected and judged by the same code as the build and the analyzer.</summary>
internal sealed class AnalyzedProject
{
    private readonly HashSet<Finding> inSourceFiles;

    public AnalyzedProject(EvaluatedProject project, ProjectFacts facts, ComplianceInput input, IReadOnlyList<Finding> findings,
        IEnumerable<Finding> inSourceFiles, SeverityResolution severities, BaselineMatch? baseline = null)
    {
        Project = project;
        Facts = facts;
        Input = input;
        Findings = findings;
        this.inSourceFiles = new HashSet<Finding>(inSourceFiles);
        Severities = severities;
        Baseline = baseline ?? BaselineMatch.For(input);
    }

    public EvaluatedProject Project { get; }

    public ProjectFacts Facts { get; }

    /// <summary>What the analyzer would receive for this project: the same properties, AdditionalFiles and facts.</summary>
    public ComplianceInput Input { get; }

    /// <summary>Project-level findings, then the source-header findings of each C# file.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>How the project's compilation would configure each finding's severity (analyzer configuration, NoWarn, the gate …).</summary>
    public SeverityResolution Severities { get; }

    /// <summary>The baseline's view of this project: which findings it records, and the entry each finding would be recorded as.</summary>
    public BaselineMatch Baseline { get; }

    /// <summary>The severity the build would give the finding, or null when it suppresses it.</summary>
    public RuleSeverity? SeverityOf(Finding finding) => Severities.Resolve(finding, inSourceFiles.Contains(finding));

    /// <summary>Whether the baseline records the finding: the build reports it as suppressed, and so does the tool.</summary>
    public bool IsRecorded(Finding finding) => Baseline.IsRecorded(finding);

    /// <summary>A project that could not be evaluated or restored: its only finding is CMN0904.</summary>
    public bool IsNotChecked { get; private set; }

    /// <summary>
    /// A project that could not be evaluated or restored, as one CMN0904 finding at its project file. Its own analyzer
    /// configuration is unknown (MSBuild could not evaluate it), so the finding keeps the catalogue's severity.
    /// </summary>
    public static AnalyzedProject NotChecked(string projectPath, string why, FindingLocation? listedAt = null)
    {
        var full = Path.GetFullPath(projectPath);
        var root = RepositoryRoot.Find(Path.GetDirectoryName(full)!, null);
        var facts = new ProjectFacts { ProjectPath = full, RepositoryRoot = root };
        var input = new ComplianceInput(ProjectProperties.Empty, Array.Empty<TextFile>()) { Facts = facts };
        var shown = root is null ? full : Path.GetRelativePath(root, full).Replace('\\', '/');
        // A project file that does not exist is pointed at where the solution lists it.
        var location = File.Exists(full) ? new FindingLocation(full, 1, 1, 1, 1) : listedAt;
        var finding = new Finding(RuleIds.ProjectNotChecked, new[] { shown, why }, location);
        return new AnalyzedProject(new EvaluatedProject(full), facts, input, new[] { finding }, Array.Empty<Finding>(), SeverityResolution.Defaults)
        {
            IsNotChecked = true,
        };
    }
}

/// <summary>
/// Loads the projects of a PATH: MSBuild evaluation → <see cref="FactsCollector"/> → a <see cref="ComplianceInput"/> built
/// as the targets and the analyzer build it → <see cref="ComplianceEvaluator"/> and <see cref="HeaderRules"/>.
/// </summary>
internal static class Workspace
{
    /// <summary>Evaluates and judges every project; throws <see cref="CliInputException"/> for unreadable input.</summary>
    public static IReadOnlyList<AnalyzedProject> Load(string path, WorkspaceOptions options)
    {
        if (MSBuildHost.EnsureRegistered() is { } failure)
        {
            throw new CliInputException(failure);
        }

        var projects = InputResolver.Projects(path);
        return Evaluate(path, projects, options);
    }

    /// <summary>
    /// Evaluates, restores when asked, and judges every project. A project that cannot be evaluated or restored becomes a
    /// CMN0904 finding and the others are still checked; <see cref="CliInputException"/> only when none could be.
    /// </summary>
    private static IReadOnlyList<AnalyzedProject> Evaluate(string path, IReadOnlyList<string> projects, WorkspaceOptions options)
    {
        var outcomes = new AnalyzedProject?[projects.Count];
        var evaluated = new EvaluatedProject?[projects.Count];
        var restore = new PrivateRestore(path);
        using var evaluator = new ProjectEvaluator(options.Properties);
        for (var i = 0; i < projects.Count; i++)
        {
            options.Progress("evaluating " + Path.GetFileName(projects[i]) + " (" + (i + 1) + "/" + projects.Count + ")");
            if (!File.Exists(projects[i]))
            {
                outcomes[i] = AnalyzedProject.NotChecked(projects[i], MissingProject(projects[i]), ListedAt(projects[i], path));
                continue;
            }

            try
            {
                evaluated[i] = evaluator.Evaluate(projects[i]);
                if (evaluated[i]!.AssetsFile is null && !IsDisabled(evaluated[i]!)
                    && (File.Exists(Path.Combine(evaluated[i]!.Directory, "packages.config")) || evaluated[i]!.PackageReferences.Count > 0))
                {
                    // No ProjectAssetsFile, yet packages: a legacy project whose packages no restore graph describes.
                    outcomes[i] = AnalyzedProject.NotChecked(projects[i],
                        "it is a legacy project whose packages (packages.config) no assets file describes; the tool reads PackageReference restores (migrate it)");
                    evaluated[i] = null;
                }
            }
            catch (CliInputException ex)
            {
                outcomes[i] = AnalyzedProject.NotChecked(projects[i], ex.Message);
            }
        }

        // Judge what is restored; with --restore, a project without an assets file, or with one older than the project
        // (it records other references than the project declares), is restored into the private folder first.
        var toRestore = new List<int>();
        for (var i = 0; i < projects.Count; i++)
        {
            if (evaluated[i] is not { } project || IsDisabled(project))
            {
                continue;
            }

            if (options.Restore && project.AssetsFile is not null && !project.AssetsFileExists)
            {
                toRestore.Add(i);
                continue;
            }

            options.Progress("checking " + project.Name);
            var analyzed = Analyze(project, options.UseBaseline);
            if (options.Restore && analyzed.Facts.Problems.Any(p => p.Kind == CollectionProblemKind.AssetsFileStale))
            {
                toRestore.Add(i);
            }
            else
            {
                outcomes[i] = analyzed;
            }
        }

        if (toRestore.Count > 0)
        {
            RestorePrivately(projects, toRestore, outcomes, restore, options);
        }

        var results = outcomes.OfType<AnalyzedProject>().ToList();
        if (results.Count > 0 && results.All(r => r.IsNotChecked))
        {
            throw new CliInputException("no project could be checked:\n" + string.Join("\n", results.Select(r => r.Findings[0].Message)));
        }

        return results;
    }

    /// <summary>
    /// Restores the projects at <paramref name="indices"/> into the private folder, all in one run, then judges each from
    /// its private assets file; a project restore could not restore is explained by its own errors (CMN0904).
    /// </summary>
    private static void RestorePrivately(
        IReadOnlyList<string> projects, List<int> indices, AnalyzedProject?[] outcomes, PrivateRestore restore, WorkspaceOptions options)
    {
        options.Progress("restoring " + indices.Count + " project(s) into " + restore.Folder);
        var batch = restore.RestoreAll(indices.Select(i => projects[i]).ToList(), options.Properties);
        var properties = new Dictionary<string, string>(options.Properties, StringComparer.OrdinalIgnoreCase);
        foreach (var pair in restore.GlobalProperties)
        {
            properties[pair.Key] = pair.Value;
        }

        using var privateEvaluator = new ProjectEvaluator(properties);
        foreach (var i in indices)
        {
            try
            {
                var project = privateEvaluator.Evaluate(projects[i]);
                if (!project.AssetsFileExists)
                {
                    // The batch can stop short of a project another one broke (static-graph restore does): this project
                    // alone is restored again, which also says what went wrong with it when the batch's output does not.
                    var why = PrivateRestore.ErrorsOf(batch.Output, projects[i]) ?? restore.Restore(projects[i], options.Properties);
                    if (why is not null || !project.AssetsFileExists)
                    {
                        outcomes[i] = AnalyzedProject.NotChecked(projects[i], "restore failed: " + (why ?? "restore wrote no assets file (" + project.AssetsFile + ")"));
                        continue;
                    }
                }

                options.Progress("checking " + project.Name);
                outcomes[i] = Analyze(project, options.UseBaseline);
            }
            catch (CliInputException ex)
            {
                outcomes[i] = AnalyzedProject.NotChecked(projects[i], ex.Message);
            }
        }
    }

    /// <summary>Why a project a solution lists is not there: most often a git submodule that is not checked out.</summary>
    /// <summary>
    /// Where a solution of PATH (PATH itself, or those in its folder) names <paramref name="projectPath"/>: the span of the
    /// project's relative path on its line; null when no solution names it.
    /// </summary>
    private static FindingLocation? ListedAt(string projectPath, string path)
    {
        var full = Path.GetFullPath(path);
        var solutions = File.Exists(full) ? new[] { full }
            : Directory.Exists(full) ? Directory.EnumerateFiles(full, "*.sln").Concat(Directory.EnumerateFiles(full, "*.slnx")).OrderBy(f => f, StringComparer.Ordinal).ToArray()
            : Array.Empty<string>();
        foreach (var solution in solutions.Where(f => f.EndsWith(".sln", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase)))
        {
            if (ReadText(solution) is not { } text)
            {
                continue;
            }

            var relative = Path.GetRelativePath(Path.GetDirectoryName(solution)!, Path.GetFullPath(projectPath));
            foreach (var written in new[] { relative.Replace('/', '\\'), relative.Replace('\\', '/') })
            {
                var at = text.IndexOf(written, StringComparison.OrdinalIgnoreCase);
                if (at >= 0)
                {
                    return FindingLocation.OfSpan(solution, text, at, written.Length);
                }
            }
        }

        return null;
    }

    private static string MissingProject(string projectPath)
    {
        var root = Inspection.Repository.RepositoryRoot.Find(Path.GetDirectoryName(projectPath)!, null) is { } found && Directory.Exists(found) ? found : null;
        var modules = root is null ? null : ReadText(Path.Combine(root, ".gitmodules"));
        var relative = root is null ? null : Path.GetRelativePath(root, projectPath).Replace('\\', '/');
        var submodule = modules?.Split('\n').Select(l => l.Trim())
            .Where(l => l.StartsWith("path", StringComparison.Ordinal) && l.Contains('='))
            .Select(l => l.Substring(l.IndexOf('=') + 1).Trim())
            .FirstOrDefault(p => relative is not null && relative.StartsWith(p.TrimEnd('/') + "/", StringComparison.Ordinal));
        return submodule is null
            ? "the project file does not exist"
            : "the project file does not exist: it is in the git submodule '" + submodule + "', which is not checked out (git submodule update --init)";
    }

    private static bool IsDisabled(EvaluatedProject project) => string.Equals(project.Get(PropertyNames.Enabled), "false", StringComparison.OrdinalIgnoreCase);

    /// <summary>Collects and judges one evaluated project (public for tests that build their own evaluation).</summary>
    public static AnalyzedProject Analyze(EvaluatedProject project, bool useBaseline = true)
    {
        var request = Request(project, useBaseline);

        // Through the facts format and back, exactly as the analyzer receives them from obj/commons.facts.
        var collected = FactsCollector.Collect(request);
        var read = FactsFormat.Read(FactsFormat.Write(collected));
        var facts = read.Facts ?? collected;

        // The AdditionalFiles the targets would hand to the compiler: the repository's texts and the policy file, by the
        // reading rule the targets follow (DocumentReader), and the project files.
        var files = new List<TextFile>();
        var unreadableReuseFiles = new List<(string Path, string Problem)>();
        if (facts.RepositoryRoot is { } root)
        {
            var repositoryFiles = RepositoryScanner.Find(root, new List<CollectionProblem>());
            foreach (var file in repositoryFiles)
            {
                AddDocument(files, file.Kind.ToString(), file.FullPath);
            }

            // The REUSE files that can license the compiled files, as the targets hand them over (FindCommonsRepositoryFiles).
            var found = new HashSet<string>(repositoryFiles.Select(f => f.FullPath), StringComparer.Ordinal);
            foreach (var (path, kind) in ReuseBuildFiles.Find(root, project.CompileFiles))
            {
                var reuseFile = DocumentReader.Read(path, ReuseBuildFiles.MaxBytes);
                if (reuseFile.State == FileContent.Text)
                {
                    if (!found.Contains(path))
                    {
                        files.Add(new TextFile(kind, path, reuseFile.Text!));
                    }
                }
                else if (!(found.Contains(path) && reuseFile.State is FileContent.TooLarge or FileContent.Unreadable))
                {
                    unreadableReuseFiles.Add((path, ReuseBuildFiles.Why(reuseFile.State)));
                }
            }
        }

        PolicyFile? policy = null;
        if (request.PolicyFilePath is { } policyPath && AddDocument(files, TextFileKinds.PolicyFile, policyPath) is { } policyText)
        {
            policy = PolicyFile.Parse(policyPath, policyText);
        }

        // The baseline, found and read by the rule the targets follow (BaselineLocation), as the compiler would receive it.
        BaselineFile? baseline = null;
        if (BaselineLocation.Resolve(project.Directory, facts.RepositoryRoot, request.BaselineEnabled, request.BaselineFile) is { } location
            && AddDocument(files, TextFileKinds.Baseline, location.Path, BaselineLocation.MaxBytes) is { } baselineText)
        {
            baseline = BaselineFile.Read(location.Path, baselineText);
        }

        foreach (var declaring in project.DeclaringFiles)
        {
            if (ReadText(declaring) is { } text)
            {
                files.Add(new TextFile(TextFileKinds.ProjectFile, declaring, text));
            }
        }

        var properties = CompilerProperties(project, facts).ToList();
        if (unreadableReuseFiles.Count > 0)
        {
            properties.Add(new KeyValuePair<string, string>(PropertyNames.UnreadableInputs, ReuseBuildLicensing.EncodeUnreadable(unreadableReuseFiles)));
        }

        var input = new ComplianceInput(new ProjectProperties(properties), files)
        {
            Facts = read.Facts,
            FactsError = read.Error,
            Policy = policy,
            Baseline = baseline,
            Today = DateTime.UtcNow.Date,
        };

        var findings = new List<Finding>(ComplianceEvaluator.Evaluate(input));
        var inSourceFiles = new List<Finding>();
        var headers = HeaderRules.For(input);
        if (headers.IsEnabled)
        {
            foreach (var source in project.CompileFiles.Where(IsCheckedSource))
            {
                if (ReadText(source) is { } text && !GeneratedCode.IsGenerated(source, text))
                {
                    inSourceFiles.AddRange(headers.Evaluate(source, text));
                }
            }
        }

        findings.AddRange(inSourceFiles);

        // The baseline's entries that none of these findings matches any more, as the analyzer's 09xx family reports them.
        var match = BaselineMatch.For(input);
        findings.AddRange(match.StaleEntries(findings));
        return new AnalyzedProject(project, facts, input, findings, inSourceFiles, AnalyzerConfiguration.For(project, input.Properties), match);
    }

    /// <summary>What to collect for an evaluated project, as the build's targets ask it (every target framework's packages).</summary>
    public static CollectionRequest Request(EvaluatedProject project, bool useBaseline = true)
    {
        var request = new CollectionRequest(project.FullPath)
        {
            // The declarations are those of every target framework: the collection compares them with all of the assets file's.
            TargetFramework = project.TargetFrameworks.Count > 1 ? null : project.Get(PropertyNames.TargetFramework),
            AllTargetFrameworks = true,
            IsExecutable = ProjectFileReader.IsExecutable(project.Get(PropertyNames.OutputType)),
            IsPackable = !string.Equals(project.Get(PropertyNames.IsPackable), "false", StringComparison.OrdinalIgnoreCase),
            NuspecFile = project.Get(PropertyNames.NuspecFile),
            AssetsFilePath = project.AssetsFile,

            // A legacy project without packages (no ProjectAssetsFile): the repository and licence rules only.
            HasRestoreGraph = project.AssetsFile is not null,
            ConfiguredRepositoryRoot = project.Get(PropertyNames.RepositoryRoot),
            IsTestProject = string.Equals(project.Get(PropertyNames.IsTestProject), "true", StringComparison.OrdinalIgnoreCase),
            Online = string.Equals(project.Get("CommonsOnline"), "true", StringComparison.OrdinalIgnoreCase),
            PolicyFilePath = PolicyFilePath(project),
            BaselineEnabled = useBaseline ? project.Get(PropertyNames.Baseline) : "false",
            BaselineFile = project.Get(PropertyNames.BaselineFile),
        };
        request.PackageReferences.AddRange(project.PackageReferences);
        request.PackageVersions.AddRange(project.PackageVersions);
        request.ProjectReferences.AddRange(project.ProjectReferences);
        return request;
    }


    /// <summary>
    /// The properties the analyzer receives: the evaluated values, whole (the targets encode them, PropertyEncoding), with the
    /// two the targets compute.
    /// </summary>
    private static IEnumerable<KeyValuePair<string, string>> CompilerProperties(EvaluatedProject project, ProjectFacts facts)
    {
        foreach (var name in PropertyNames.All)
        {
            var value = project.Get(name) ?? "";
            if (name == PropertyNames.RepositoryRoot && value.Length == 0)
            {
                value = facts.RepositoryRoot ?? "";
            }
            else if (name == PropertyNames.PrimaryTargetFramework)
            {
                // The tool judges the project once, as the analyzer does in the first target framework (with every framework's packages).
                value = "true";
            }

            yield return new KeyValuePair<string, string>(name, value);
        }
    }

    /// <summary>The <c>CommonsPolicyFile</c> as a full path (relative to the project's folder, as the targets take it), or null.</summary>
    private static string? PolicyFilePath(EvaluatedProject project)
    {
        if (project.Get(PropertyNames.PolicyFile) is not { } configured)
        {
            return null;
        }

        try
        {
            return Path.GetFullPath(Path.Combine(project.Directory, configured.Trim()));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
    }

    /// <summary>Adds a repository document or the policy file when the reading rule makes it a text, as the targets do; returns its text.</summary>
    private static string? AddDocument(List<TextFile> files, string kind, string path, long maxBytes = BoundedFile.DefaultMaxBytes)
    {
        var read = DocumentReader.Read(path, maxBytes);
        if (read.State != FileContent.Text)
        {
            // Not handed to the compiler either; the collection records why (or the rules judge an empty file as "").
            return null;
        }

        var text = read.Text!;
        files.Add(new TextFile(kind, path, text));
        return text;
    }

    /// <summary>
    /// A project or source file's text, as the compiler decodes it; null when it is no text. Bounded and never blocking: a pipe
    /// named like a source reads as empty, a file over <see cref="SourceMaxBytes"/> as nothing.
    /// </summary>
    internal static string? ReadText(string path) => DocumentReader.Read(path, SourceMaxBytes).Text;

    /// <summary>The largest project or source file read (the compiler reads larger ones; no real one comes near).</summary>
    private const long SourceMaxBytes = 32 * 1024 * 1024;

    private static bool IsCheckedSource(string path) => path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Roslyn's rule for generated code, which the header analyzer skips: by file name or an auto-generated comment.</summary>
internal static class GeneratedCode
{
    private static readonly string[] Suffixes = { ".designer.cs", ".generated.cs", ".g.cs", ".g.i.cs" };

    public static bool IsGenerated(string path, string text)
    {
        var name = Path.GetFileName(path);
        if (name.StartsWith("TemporaryGeneratedFile_", StringComparison.OrdinalIgnoreCase)
            || Suffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        // Only the leading comments count, as for Roslyn.
        var head = text.Length > 2000 ? text.Substring(0, 2000) : text;
        foreach (var line in head.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            if (!trimmed.StartsWith("//", StringComparison.Ordinal) && !trimmed.StartsWith("/*", StringComparison.Ordinal) && !trimmed.StartsWith("*", StringComparison.Ordinal))
            {
                return false;
            }

            if (trimmed.IndexOf("<auto-generated", StringComparison.OrdinalIgnoreCase) >= 0 || trimmed.IndexOf("<autogenerated", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
