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
/// compile items. A multi-targeted project is evaluated for its first target framework, where the analyzer reports.
/// Call <see cref="MSBuildHost.EnsureRegistered"/> first.
/// </summary>
internal sealed class ProjectEvaluator : IDisposable
{
    /// <summary>Properties read besides the contract's (<see cref="PropertyNames.All"/>).</summary>
    private static readonly string[] ToolProperties =
    {
        "ProjectAssetsFile", "TargetFrameworks", "Version", "PackageVersion", "AssemblyName", "Company", "Product",
        "CommonsOnline", "MSBuildProjectExtensionsPath", "OutputType",
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
        var frameworks = project.GetPropertyValue("TargetFrameworks");
        if (project.GetPropertyValue("TargetFramework").Length == 0 && frameworks.Trim().Length > 0)
        {
            var first = frameworks.Split(';').Select(f => f.Trim()).First(f => f.Length > 0);
            project = Load(projectPath, first);
        }

        var result = new EvaluatedProject(project.FullPath);
        foreach (var name in PropertyNames.All.Concat(ToolProperties))
        {
            result.Properties[name] = project.GetPropertyValue(name);
        }

        result.PackageReferences.AddRange(Declared(project, "PackageReference"));
        result.PackageVersions.AddRange(Declared(project, "PackageVersion"));
        result.DeclaringFiles.Add(project.FullPath);
        result.DeclaringFiles.AddRange(result.PackageReferences.Concat(result.PackageVersions)
            .Select(r => r.DefiningFile).OfType<string>().Where(File.Exists));
        var distinct = result.DeclaringFiles.Distinct(StringComparer.Ordinal).ToList();
        result.DeclaringFiles.Clear();
        result.DeclaringFiles.AddRange(distinct);

        foreach (var item in project.GetItems("Compile"))
        {
            result.CompileFiles.Add(Path.GetFullPath(Path.Combine(project.DirectoryPath, item.EvaluatedInclude)));
        }

        foreach (var item in project.GetItems("EditorConfigFiles"))
        {
            result.AnalyzerConfigFiles.Add(Path.GetFullPath(Path.Combine(project.DirectoryPath, item.EvaluatedInclude)));
        }

        foreach (var item in project.GetItems("ProjectReference"))
        {
            var path = Path.GetFullPath(Path.Combine(project.DirectoryPath, item.EvaluatedInclude));
            result.ProjectReferences.Add(new DeclaredProjectReference(path, ReferencedLicense(path)));
        }

        return result;
    }

    public void Dispose() => collection.Dispose();

    private static IEnumerable<DeclaredReference> Declared(Project project, string itemType)
        => project.GetItems(itemType).Select(i => new DeclaredReference(i.EvaluatedInclude, i.Xml?.ContainingProject?.FullPath));

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
