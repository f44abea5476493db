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
        return request;
    }

    /// <summary>
    /// The <c>CommonsPolicyFile</c> (for its curations) from the project file, else the nearest <c>Directory.Build.props</c>, as a
    /// full path: <c>$(MSBuildThisFileDirectory)</c> and <c>$(MSBuildProjectDirectory)</c> are expanded, a relative path is taken
    /// from the project's folder, as the targets take it; null when unset or written with other properties (MSBuild alone knows
    /// those: <c>commons check</c> and <c>commons sbom</c> evaluate the project).
    /// </summary>
    public static string? PolicyFile(string projectPath)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(projectPath))!;
        var defining = PropertyOf(projectPath, "CommonsPolicyFile") is not null ? projectPath : FindAbove(directory, "Directory.Build.props");
        if (defining is null || PropertyOf(defining, "CommonsPolicyFile") is not { } value)
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
