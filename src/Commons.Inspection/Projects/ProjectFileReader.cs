// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using Commons.Inspection.Dependencies;
using NuGet.ProjectModel;

namespace Commons.Inspection.Projects;

/// <summary>
/// Builds a <see cref="CollectionRequest"/> for a project without MSBuild (the CLI): the declaring files are found by
/// reading the project file and the <c>Directory.*.props/targets</c> MSBuild would import, as XML with line information.
/// </summary>
public static class ProjectFileReader
{
    private static readonly string[] ImportedFiles = { "Directory.Build.props", "Directory.Build.targets" };

    /// <summary>
    /// The files that may declare a project's references as written: the project, the nearest <c>Directory.Build.props</c>
    /// and <c>.targets</c>, and <c>Directory.Packages.props</c>. Where a reference the evaluation did not see (one written
    /// for another target framework) is looked for.
    /// </summary>
    public static IReadOnlyList<string> DeclaringFiles(string projectPath)
    {
        var directory = Path.GetDirectoryName(projectPath)!;
        var files = new List<string> { projectPath };
        files.AddRange(ImportedFiles.Append("Directory.Packages.props").Select(name => FindAbove(directory, name)).OfType<string>());
        return files;
    }

    public static CollectionRequest CreateRequest(string projectPath)
    {
        var request = new CollectionRequest(projectPath);
        var directory = Path.GetDirectoryName(projectPath)!;
        var packageFiles = new List<string> { projectPath };
        packageFiles.AddRange(ImportedFiles.Select(name => FindAbove(directory, name)).Where(f => f is not null)!);
        foreach (var file in packageFiles)
        {
            request.PackageReferences.AddRange(ReferenceLocator.ReadItems(file)
                .Where(i => i.Element == "PackageReference")
                .Select(i => new DeclaredReference(i.Id, file)));
        }

        if (FindAbove(directory, "Directory.Packages.props") is { } central)
        {
            request.PackageVersions.AddRange(ReferenceLocator.ReadItems(central)
                .Where(i => i.Element == "PackageVersion")
                .Select(i => new DeclaredReference(i.Id, central)));
        }

        request.IsTestProject = string.Equals(PropertyOf(projectPath, "IsTestProject"), "true", StringComparison.OrdinalIgnoreCase)
            || request.PackageReferences.Any(r => string.Equals(r.Id, "Microsoft.NET.Test.Sdk", StringComparison.OrdinalIgnoreCase));
        request.PolicyFilePath = PolicyFile(projectPath);
        request.Online = FlagProperty(projectPath, "CommonsOnline");
        request.OnlineCachePath = PathProperty(projectPath, "CommonsOnlineCacheFile");
        request.IsExecutable = IsExecutable(PropertyOf(projectPath, "OutputType"));
        request.IsPackable = !string.Equals(PropertyOf(projectPath, "IsPackable"), "false", StringComparison.OrdinalIgnoreCase);
        request.AllTargetFrameworks = true;
        return request;
    }

    /// <summary>
    /// The <c>CommonsPolicyFile</c> (for its curations) from the project file, else the nearest <c>Directory.Build.props</c>, as a
    /// full path (see <see cref="PathProperty"/>); null when unset or written with other properties (MSBuild alone knows those:
    /// <c>commons check</c> and <c>commons sbom</c> evaluate the project).
    /// </summary>
    public static string? PolicyFile(string projectPath) => PathProperty(projectPath, "CommonsPolicyFile");

    /// <summary>
    /// A property naming a file, from the project file, else the nearest <c>Directory.Build.props</c>, as a full path:
    /// <c>$(MSBuildThisFileDirectory)</c> and <c>$(MSBuildProjectDirectory)</c> are expanded, a relative path is taken from the
    /// project's folder, as the targets take it; null when unset or written with other properties.
    /// </summary>
    public static string? PathProperty(string projectPath, string name)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(projectPath))!;
        if (DefiningFile(projectPath, name) is not { } defining || PropertyOf(defining, name) is not { } value)
        {
            return null;
        }

        var expanded = value
            .Replace("$(MSBuildThisFileDirectory)", Path.GetDirectoryName(Path.GetFullPath(defining)) + Path.DirectorySeparatorChar)
            .Replace("$(MSBuildProjectDirectory)", directory);
        if (expanded.Contains("$("))
        {
            return null;
        }

        try
        {
            return Path.GetFullPath(Path.Combine(directory, expanded));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
    }

    /// <summary>True when the project file, else the nearest <c>Directory.Build.props</c>, sets <paramref name="name"/> to <c>true</c>.</summary>
    public static bool FlagProperty(string projectPath, string name)
        => DefiningFile(projectPath, name) is { } defining && string.Equals(PropertyOf(defining, name)?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The project file when it sets <paramref name="name"/>, else the nearest <c>Directory.Build.props</c>, which may not.</summary>
    private static string? DefiningFile(string projectPath, string name)
        => PropertyOf(projectPath, name) is not null ? projectPath : FindAbove(Path.GetDirectoryName(Path.GetFullPath(projectPath))!, "Directory.Build.props");

    /// <summary>The properties that move a project's assets file away from <c>obj/project.assets.json</c>.</summary>
    private static readonly string[] AssetsFileMovers =
    {
        "UseArtifactsOutput", "ArtifactsPath", "BaseIntermediateOutputPath", "MSBuildProjectExtensionsPath", "ProjectAssetsFile", "RestoreOutputPath",
    };

    /// <summary>
    /// True when the project or a <c>Directory.Build.props</c>/<c>.targets</c> above it names a property that moves the assets
    /// file (<c>UseArtifactsOutput</c>, <c>BaseIntermediateOutputPath</c> …): only MSBuild can say where it is then.
    /// </summary>
    public static bool MovesAssetsFile(string projectPath)
    {
        var files = new List<string> { projectPath };
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(projectPath)!); dir is not null; dir = dir.Parent)
        {
            files.AddRange(ImportedFiles.Select(name => Path.Combine(dir.FullName, name)).Where(File.Exists));
        }

        foreach (var file in files)
        {
            var bytes = BoundedFile.TryRead(file, BoundedFile.DefaultMaxBytes, out _);
            var text = bytes is null ? "" : System.Text.Encoding.UTF8.GetString(bytes);
            if (AssetsFileMovers.Any(name => text.IndexOf(name, StringComparison.Ordinal) >= 0))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>OutputType</c> Exe or WinExe (AppContainerExe too): an application, whose output holds its packages' runtime assets.</summary>
    public static bool IsExecutable(string? outputType)
        => outputType is not null && outputType.Trim().EndsWith("exe", StringComparison.OrdinalIgnoreCase);

    /// <summary>The ProjectReferences the assets file recorded, each with the licence its project declares.</summary>
    public static IEnumerable<DeclaredProjectReference> ProjectReferences(LockFile lockFile)
        => lockFile.PackageSpec?.RestoreMetadata?.TargetFrameworks
            .SelectMany(t => t.ProjectReferences)
            .Select(r => r.ProjectPath)
            .Distinct(StringComparer.Ordinal)
            .Select(p => new DeclaredProjectReference(p, DeclaredLicense(p)))
            ?? Enumerable.Empty<DeclaredProjectReference>();

    /// <summary>The <c>PackageLicenseExpression</c> of a project, from its file or the nearest <c>Directory.Build.props</c>.</summary>
    public static string? DeclaredLicense(string projectPath)
        => PropertyOf(projectPath, "PackageLicenseExpression")
            ?? (FindAbove(Path.GetDirectoryName(projectPath)!, "Directory.Build.props") is { } props ? PropertyOf(props, "PackageLicenseExpression") : null);

    /// <summary>The last value an MSBuild file assigns to a property, ignoring conditions; null when none.</summary>
    public static string? PropertyOf(string file, string property)
    {
        string? value = null;
        try
        {
            using var reader = XmlReader.Create(file, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true });
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == property)
                {
                    value = reader.ReadElementContentAsString().Trim();
                }
            }
        }
        catch (Exception ex) when (ex is XmlException or IOException or UnauthorizedAccessException)
        {
            return value;
        }

        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static string? FindAbove(string directory, string fileName)
    {
        for (var dir = new DirectoryInfo(directory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
