// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Commons.Compliance.Input;
using Commons.Inspection.Dependencies;
using Microsoft.Build.Evaluation;
using Microsoft.Build.Exceptions;

namespace Commons.Cli.Projects;

/// <summary>
/// Evaluates projects with the SDK's MSBuild (never by reading their XML): properties, package and project references,
/// compile items. A multi-targeted project's properties are those of its first target framework, where the analyzer
/// reports; its references and compile items are those of every target framework, as the build judges them all.
/// Call <see cref="MSBuildHost.EnsureRegistered"/> first.
/// </summary>
internal sealed class ProjectEvaluator : IDisposable
{
    /// <summary>Properties read besides the contract's (<see cref="PropertyNames.All"/>).</summary>
    private static readonly string[] ToolProperties =
    {
        "ProjectAssetsFile", "TargetFrameworks", "Version", "PackageVersion", "AssemblyName", "Company", "Product",
        "CommonsOnline", "MSBuildProjectExtensionsPath", "OutputType", "NuspecFile",
        "NoWarn", "WarningsAsErrors", "WarningsNotAsErrors", "TreatWarningsAsErrors", "WarningLevel",
    };

    private readonly ProjectCollection collection;

    public ProjectEvaluator(IDictionary<string, string> globalProperties)
    {
        collection = new ProjectCollection(globalProperties);
    }

    /// <summary>Evaluates a project; throws <see cref="CliInputException"/> when MSBuild cannot.</summary>
    public EvaluatedProject Evaluate(string projectPath)
    {
        var project = Load(projectPath, null);
        var frameworks = project.GetPropertyValue("TargetFrameworks").Split(';').Select(f => f.Trim()).Where(f => f.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var perFramework = new List<Project> { project };
        if (project.GetPropertyValue("TargetFramework").Length == 0 && frameworks.Count > 0)
        {
            perFramework = frameworks.Select(f => Load(projectPath, f)).ToList();
            project = perFramework[0];
        }

        var result = new EvaluatedProject(project.FullPath);
        foreach (var name in PropertyNames.All.Concat(ToolProperties))
        {
            result.Properties[name] = project.GetPropertyValue(name);
        }

        result.TargetFrameworks.AddRange(frameworks);
        foreach (var evaluated in perFramework)
        {
            result.PackageReferences.AddRange(Declared(evaluated, "PackageReference"));
            result.PackageVersions.AddRange(Declared(evaluated, "PackageVersion"));
            foreach (var item in evaluated.GetItems("Compile"))
            {
                result.CompileFiles.Add(Path.GetFullPath(Path.Combine(evaluated.DirectoryPath, item.EvaluatedInclude)));
            }

            foreach (var item in evaluated.GetItems("ProjectReference"))
            {
                var path = Path.GetFullPath(Path.Combine(evaluated.DirectoryPath, item.EvaluatedInclude));
                if (!result.ProjectReferences.Any(r => r.Path == path))
                {
                    result.ProjectReferences.Add(new DeclaredProjectReference(path, ReferencedLicense(path)));
                }
            }
        }

        Distinct(result.CompileFiles);
        result.DeclaringFiles.Add(project.FullPath);
        result.DeclaringFiles.AddRange(result.PackageReferences.Concat(result.PackageVersions)
            .Select(r => r.DefiningFile).OfType<string>().Where(File.Exists));
        Distinct(result.DeclaringFiles);

        // The analyzer configuration the compiler is handed (.editorconfig files and global configs), for the severities.
        foreach (var item in project.GetItems("EditorConfigFiles"))
        {
            result.AnalyzerConfigFiles.Add(Path.GetFullPath(Path.Combine(project.DirectoryPath, item.EvaluatedInclude)));
        }

        return result;
    }

    private static void Distinct(List<string> list)
    {
        var distinct = list.Distinct(StringComparer.Ordinal).ToList();
        list.Clear();
        list.AddRange(distinct);
    }

    public void Dispose() => collection.Dispose();

    private static IEnumerable<DeclaredReference> Declared(Project project, string itemType)
        => project.GetItems(itemType).Select(i => new DeclaredReference(
            i.EvaluatedInclude, i.Xml?.ContainingProject?.FullPath, NonEmpty(i.GetMetadataValue("VersionOverride")) ?? i.GetMetadataValue("Version")));

    private static string? NonEmpty(string value) => value.Length == 0 ? null : value;

    /// <summary>What a referenced project declares (the targets ask it through <c>CommonsGetDeclaredLicense</c>).</summary>
    private string? ReferencedLicense(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var value = Load(path, null).GetPropertyValue("PackageLicenseExpression");
            return value.Length == 0 ? null : value;
        }
        catch (CliInputException)
        {
            return null;
        }
    }

    private Project Load(string path, string? targetFramework)
    {
        var properties = new Dictionary<string, string>(collection.GlobalProperties, StringComparer.OrdinalIgnoreCase);
        if (targetFramework is not null)
        {
            properties["TargetFramework"] = targetFramework;
        }

        try
        {
            return collection.LoadProject(path, properties, toolsVersion: null);
        }
        catch (InvalidProjectFileException ex)
        {
            throw new CliInputException("MSBuild cannot evaluate " + path + ": " + ex.BaseMessage);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new CliInputException("cannot read " + path + ": " + ex.Message);
        }
    }
}

/// <summary>Input the tool cannot read (exit code 2): a path that is not there, a project MSBuild rejects.</summary>
internal sealed class CliInputException : Exception
{
    public CliInputException(string message)
        : base(message)
    {
    }
}
