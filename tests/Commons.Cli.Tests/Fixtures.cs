// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Collections.Generic;
using Commons.Cli.Documents;
using Commons.Cli.Projects;
using Commons.Compliance.Facts;
using Commons.Compliance.Input;

namespace Commons.Cli.Tests;

/// <summary>Hand-built projects and packages for the document writers (no MSBuild, no restore).</summary>
internal static class Fixtures
{
    public const string Root = "/repo";

    public static PackageFact Package(string id, string version, string? license)
    {
        var fact = new PackageFact { Id = id, Version = version, License = license, Source = license is null ? LicenseSource.None : LicenseSource.Expression, Direct = true };
        fact.Path.Add(id);
        return fact;
    }

    public static PackageInventory Inventory(params PackageFact[] packages)
    {
        var project = new EvaluatedProject(Root + "/src/App/App.csproj");
        project.Properties["PackageLicenseExpression"] = "EUPL-1.2";
        project.Properties["OutputType"] = "Exe";
        var facts = new ProjectFacts { ProjectPath = project.FullPath, RepositoryRoot = Root };
        facts.Packages.AddRange(packages);
        var input = new ComplianceInput(new ProjectProperties(project.Properties), new List<TextFile>());
        return PackageInventory.From(new[] { new AnalyzedProject(project, facts, input, new List<Finding>(), new List<Finding>(), Commons.Compliance.Rules.SeverityResolution.Defaults) }, Root);
    }
}
