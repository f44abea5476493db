// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using Commons.Inspection.Dependencies;

namespace Commons.Cli.Projects;

/// <summary>What MSBuild's evaluation of one project says, as plain data (no Microsoft.Build type escapes the evaluator).</summary>
internal sealed class EvaluatedProject
{
    public EvaluatedProject(string fullPath)
    {
        FullPath = fullPath;
    }

    public string FullPath { get; }

    public string Name => System.IO.Path.GetFileNameWithoutExtension(FullPath);

    public string Directory => System.IO.Path.GetDirectoryName(FullPath)!;

    /// <summary>The evaluated properties the tool reads (the contract's, plus a few of its own), by name.</summary>
    public Dictionary<string, string> Properties { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The <c>TargetFrameworks</c> of a multi-targeted project; empty for a single target framework.</summary>
    public List<string> TargetFrameworks { get; } = new();

    /// <summary>The <c>PackageReference</c> items of every target framework.</summary>
    public List<DeclaredReference> PackageReferences { get; } = new();

    public List<DeclaredReference> PackageVersions { get; } = new();

    /// <summary>Referenced projects with the licence each declares.</summary>
    public List<DeclaredProjectReference> ProjectReferences { get; } = new();

    /// <summary>Full paths of the files that declare this project's package references (the project file included).</summary>
    public List<string> DeclaringFiles { get; } = new();

    /// <summary>Full paths of the <c>Compile</c> items.</summary>
    public List<string> CompileFiles { get; } = new();

    /// <summary>
    /// Full paths of the analyzer configuration files the compiler gets (<c>@(EditorConfigFiles)</c>: the <c>.editorconfig</c> and
    /// <c>.globalconfig</c> files above the sources, and any the project or a package adds).
    /// </summary>
    public List<string> AnalyzerConfigFiles { get; } = new();

    public string? Get(string name) => Properties.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    /// <summary>The assets file MSBuild would restore to (<c>ProjectAssetsFile</c>).</summary>
    public string? AssetsFile => Get("ProjectAssetsFile");

    public bool AssetsFileExists => AssetsFile is { } path && System.IO.File.Exists(path);
}
