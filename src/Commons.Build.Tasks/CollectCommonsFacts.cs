// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Globalization;
using System.Linq;
using Commons.Inspection;
using Commons.Inspection.Dependencies;
using Commons.Inspection.Output;
using Commons.Inspection.Projects;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Commons.Build.Tasks;

/// <summary>
/// Collects the facts of one project and target framework (repository files, publiccode.yml, dependency licences) and
/// writes the facts file and the dependency report into <c>obj/</c>. Compliance findings are not logged here: the
/// analyzer reports them from the facts file. The log gets only this task's own trouble.
/// </summary>
public sealed class CollectCommonsFacts : Task
{
    [Required]
    public string ProjectPath { get; set; } = "";

    [Required]
    public string FactsFile { get; set; } = "";

    public string? ReportFile { get; set; }

    public string? TargetFramework { get; set; }

    /// <summary>The project's <c>TargetFrameworks</c>: the first one's build collects the packages of all of them.</summary>
    public string? TargetFrameworks { get; set; }

    /// <summary><c>OutputType</c>: an application ships the runtime assets of every package it uses.</summary>
    public string? OutputType { get; set; }

    /// <summary><c>IsPackable</c>: a library that is not packable ships nothing by itself.</summary>
    public string? IsPackable { get; set; }

    /// <summary><c>NuspecFile</c>: a project packed from its own nuspec is judged by that nuspec.</summary>
    public string? NuspecFile { get; set; }

    public string? AssetsFile { get; set; }

    public string? RepositoryRoot { get; set; }

    public bool IsTestProject { get; set; }

    /// <summary>The <c>CommonsPolicyFile</c> as a full path, when set.</summary>
    public string? PolicyFile { get; set; }

    /// <summary>The <c>CommonsBaseline</c> property (<c>false</c> turns the baseline off).</summary>
    public string? Baseline { get; set; }

    /// <summary>The <c>CommonsBaselineFile</c> property, as written.</summary>
    public string? BaselineFile { get; set; }

    /// <summary>Evaluated <c>@(PackageReference)</c>; the defining file comes from <c>DefiningProjectFullPath</c>.</summary>
    public ITaskItem[] PackageReferences { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Evaluated <c>@(PackageVersion)</c> (Central Package Management).</summary>
    public ITaskItem[] PackageVersions { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Referenced projects, with metadata <c>License</c> = their <c>PackageLicenseExpression</c>.</summary>
    public ITaskItem[] ProjectReferences { get; set; } = Array.Empty<ITaskItem>();

    public bool Online { get; set; }

    public int OnlineBudgetSeconds { get; set; } = 10;

    public string? OnlineCacheFile { get; set; }

    public override bool Execute()
    {
        try
        {
            var request = new CollectionRequest(ProjectPath)
            {
                TargetFramework = Empty(TargetFramework),
                AllTargetFrameworks = IsPrimary(TargetFramework, TargetFrameworks),
                IsExecutable = ProjectFileReader.IsExecutable(OutputType),
                NuspecFile = Empty(NuspecFile),
                IsPackable = !string.Equals(IsPackable?.Trim(), "false", StringComparison.OrdinalIgnoreCase),
                AssetsFilePath = Empty(AssetsFile),
                ConfiguredRepositoryRoot = Empty(RepositoryRoot),
                IsTestProject = IsTestProject,
                PolicyFilePath = Empty(PolicyFile),
                BaselineEnabled = Empty(Baseline),
                BaselineFile = Empty(BaselineFile),
                Online = Online,
                OnlineBudget = TimeSpan.FromSeconds(Math.Max(1, OnlineBudgetSeconds)),
                OnlineCachePath = Empty(OnlineCacheFile),
            };
            request.PackageReferences.AddRange(PackageReferences.Select(Declared));
            request.PackageVersions.AddRange(PackageVersions.Select(Declared));
            request.ProjectReferences.AddRange(ProjectReferences.Select(r => new DeclaredProjectReference(r.GetMetadata("FullPath"), Empty(r.GetMetadata("License")))));

            var facts = FactsCollector.Collect(request);
            foreach (var problem in facts.Problems)
            {
                // Reported by the analyzer (09xx); kept in the detailed log for whoever debugs the build.
                Log.LogMessage(MessageImportance.Low, "Commons: " + problem.Kind + ": " + problem.Message);
            }

            if (OutputFiles.Write(facts, FactsFile, Empty(ReportFile)) is { } error)
            {
                Log.LogWarning(null, "CMNTASK02", null, null, 0, 0, 0, 0, "{0}", error);
            }
            else
            {
                Log.LogMessage(MessageImportance.Normal, string.Format(CultureInfo.InvariantCulture,
                    "Commons: collected {0} package(s) and {1} repository file(s) into {2}", facts.Packages.Count, facts.Files.Count, FactsFile));
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Never fail the build on the collector's own trouble: without a facts file the analyzer says so once.
            Log.LogWarning(null, "CMNTASK01", null, null, 0, 0, 0, 0, "Commons could not collect the project's facts: {0}", ex.ToString());
        }

        return true;
    }

    private static DeclaredReference Declared(ITaskItem item)
        => new(item.ItemSpec, Empty(item.GetMetadata("DefiningProjectFullPath")), Empty(item.GetMetadata("VersionOverride")) ?? Empty(item.GetMetadata("Version")));

    /// <summary>
    /// The build where the analyzer reports (the targets' <c>CommonsPrimaryTargetFramework</c>): the only one of a project,
    /// or the first of <c>TargetFrameworks</c>. It judges the packages of every target framework, each finding once.
    /// </summary>
    internal static bool IsPrimary(string? targetFramework, string? targetFrameworks)
    {
        var first = (targetFrameworks ?? "").Split(';').Select(f => f.Trim()).FirstOrDefault(f => f.Length > 0);
        return first is null || string.IsNullOrWhiteSpace(targetFramework) || string.Equals(first, targetFramework!.Trim(), StringComparison.OrdinalIgnoreCase);
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
