// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using Commons.Inspection.Dependencies;
using Commons.Inspection.Online;

namespace Commons.Inspection;

/// <summary>What to collect for one project (and one target framework): what MSBuild or the CLI knows about it.</summary>
public sealed class CollectionRequest
{
    public CollectionRequest(string projectPath)
    {
        ProjectPath = projectPath;
    }

    /// <summary>Full path of the project file.</summary>
    public string ProjectPath { get; }

    /// <summary>The TargetFramework alias (<c>net8.0</c>); null collects every target framework of the assets file.</summary>
    public string? TargetFramework { get; set; }

    /// <summary>
    /// Collect the packages of every target framework of the assets file, each once with the frameworks that use it, while
    /// <see cref="TargetFramework"/> still names the build the facts are for (the primary one of a multi-targeted project,
    /// where the analyzer reports).
    /// </summary>
    public bool AllTargetFrameworks { get; set; }

    /// <summary><c>OutputType</c> Exe or WinExe: the runtime assets of every package used reach the output.</summary>
    public bool IsExecutable { get; set; }

    /// <summary>
    /// <c>IsPackable</c>. A library that is not packable distributes nothing by itself: what it uses ships only through the
    /// projects that reference it, and is judged there.
    /// </summary>
    public bool IsPackable { get; set; } = true;

    /// <summary>
    /// False for a project that restore gives no assets file and that declares no package (a legacy project without
    /// PackageReference or packages.config): it has no dependencies to collect, and no missing assets file to report.
    /// </summary>
    public bool HasRestoreGraph { get; set; } = true;

    /// <summary>The project's own <c>.nuspec</c> (<c>NuspecFile</c>), when it is packed from one.</summary>
    public string? NuspecFile { get; set; }

    /// <summary>The assets file; null means <c>obj/project.assets.json</c> beside the project.</summary>
    public string? AssetsFilePath { get; set; }

    /// <summary>The <c>CommonsRepositoryRoot</c> property, when set; otherwise the root is the folder holding <c>.git</c>.</summary>
    public string? ConfiguredRepositoryRoot { get; set; }

    /// <summary>
    /// The <c>CommonsPolicyFile</c>, as a full path, when set: read by the reading rule, so that a policy file the compiler
    /// does not receive (a folder, a pipe, a binary or oversized file) is a problem that says why.
    /// </summary>
    public string? PolicyFilePath { get; set; }

    /// <summary>The <c>CommonsBaseline</c> property: <c>false</c> turns the baseline off.</summary>
    public string? BaselineEnabled { get; set; }

    /// <summary>The <c>CommonsBaselineFile</c> property, as written (relative to the project's folder); null for the repository's default.</summary>
    public string? BaselineFile { get; set; }

    /// <summary>Test projects (and tools) use every dependency for development only.</summary>
    public bool IsTestProject { get; set; }

    /// <summary>The evaluated <c>@(PackageReference)</c> items with their defining files.</summary>
    public List<DeclaredReference> PackageReferences { get; } = new();

    /// <summary>The evaluated <c>@(PackageVersion)</c> items (Central Package Management) with their defining files.</summary>
    public List<DeclaredReference> PackageVersions { get; } = new();

    /// <summary>
    /// The ProjectReferences MSBuild evaluated, with the licence each project declares. The assets file adds those of the
    /// other target frameworks (their licence read from the project file as written).
    /// </summary>
    public List<DeclaredProjectReference> ProjectReferences { get; } = new();

    /// <summary>Ask the package sources for missing licences (<c>CommonsOnline=true</c>).</summary>
    public bool Online { get; set; }

    public TimeSpan OnlineBudget { get; set; } = OnlineLicenseEnricher.DefaultBudget;

    /// <summary>The persistent online cache file; null = the user's local application data.</summary>
    public string? OnlineCachePath { get; set; }

    /// <summary>The read cap for licence files and nuspecs.</summary>
    public long MaxBytes { get; set; } = BoundedFile.DefaultMaxBytes;
}
