// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace Commons.Testing;

/// <summary>
/// The standard set of fixture packages (one per way a licence can be declared, a dev-only analyzer, a chain
/// A → B → C) and sample projects that reference them, plainly or under Central Package Management.
/// </summary>
public static class LicenseFixtureSet
{
    public const string UnknownLicenseText = "Copyright (c) Example Corp. All rights reserved.\nYou may not copy, modify or distribute this software.\n";

    public const string GitHubBlobUrl = "https://github.com/example/project/blob/main/LICENSE";

    /// <summary>The directly referenced packages, in the order the sample projects list them. Fix.Analyzer is PrivateAssets="all".</summary>
    public static readonly IReadOnlyList<string> DirectReferences = new[]
    {
        "Fix.Mit", "Fix.Gpl", "Fix.Lgpl", "Fix.Dual", "Fix.ApacheFile", "Fix.UnknownFile", "Fix.UrlMit", "Fix.UrlGitHub", "Fix.None", "Fix.Analyzer", "Fix.ChainA",
    };

    /// <summary>Writes every fixture package into the repository's feed. <paramref name="apacheText"/> is the Apache-2.0 licence text.</summary>
    public static void WritePackages(SampleRepository repository, string apacheText)
    {
        var packages = new[]
        {
            new FixturePackage("Fix.Mit").WithExpression("MIT"),
            new FixturePackage("Fix.Gpl").WithExpression("GPL-3.0-only"),
            new FixturePackage("Fix.Lgpl").WithExpression("LGPL-2.1-or-later"),
            new FixturePackage("Fix.Dual").WithExpression("MIT OR GPL-2.0-only"),
            new FixturePackage("Fix.ApacheFile").WithLicenseFile("LICENSE.txt", apacheText),
            new FixturePackage("Fix.UnknownFile").WithLicenseFile("LICENSE.md", UnknownLicenseText),
            new FixturePackage("Fix.UrlMit").WithLicenseUrl("https://opensource.org/licenses/MIT"),
            new FixturePackage("Fix.UrlGitHub").WithLicenseUrl(GitHubBlobUrl),
            new FixturePackage("Fix.None"),
            new FixturePackage("Fix.Analyzer").WithExpression("MIT").AsDevelopmentDependency().WithAssets(FixtureAssets.AnalyzersOnly),
            new FixturePackage("Fix.ChainA").WithExpression("MIT").DependingOn("Fix.ChainB"),
            new FixturePackage("Fix.ChainB").WithExpression("BSD-3-Clause").DependingOn("Fix.ChainC"),
            new FixturePackage("Fix.ChainC").WithExpression("Apache-2.0"),
        };
        foreach (var package in packages)
        {
            repository.AddPackage(package);
        }
    }

    /// <summary>
    /// Writes <c>&lt;folder&gt;/App/App.csproj</c> referencing every direct fixture; under CPM the versions go to
    /// <c>&lt;folder&gt;/Directory.Packages.props</c>. <paramref name="extraProperties"/> and <paramref name="imports"/>
    /// (a props and a targets file) let build tests import the package's MSBuild files directly. Returns the project path.
    /// </summary>
    public static string WriteProject(SampleRepository repository, string folder, bool centralPackageManagement, string extraProperties = "", string? propsImport = null, string? targetsImport = null)
    {
        var references = new StringBuilder();
        foreach (var id in DirectReferences)
        {
            var version = centralPackageManagement ? "" : " Version=\"1.0.0\"";
            var privateAssets = id == "Fix.Analyzer" ? " PrivateAssets=\"all\"" : "";
            references.Append("    <PackageReference Include=\"").Append(id).Append('"').Append(version).Append(privateAssets).Append(" />\n");
        }

        if (centralPackageManagement)
        {
            var versions = string.Concat(DirectReferences.Select(id => "    <PackageVersion Include=\"" + id + "\" Version=\"1.0.0\" />\n"));
            repository.WriteFile(folder + "/Directory.Packages.props",
                "<Project>\n  <PropertyGroup>\n    <ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally>\n  </PropertyGroup>\n  <ItemGroup>\n" + versions + "  </ItemGroup>\n</Project>\n");
        }

        var project = "<Project Sdk=\"Microsoft.NET.Sdk\">\n"
            + (propsImport is null ? "" : "  <Import Project=\"" + propsImport + "\" />\n")
            + "  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n    <OutputType>Library</OutputType>\n" + extraProperties + "  </PropertyGroup>\n"
            + "  <ItemGroup>\n" + references + "  </ItemGroup>\n"
            + (targetsImport is null ? "" : "  <Import Project=\"" + targetsImport + "\" />\n")
            + "</Project>\n";
        repository.WriteFile(folder + "/App/Class1.cs", "namespace App;\n\npublic static class Class1\n{\n}\n");
        return repository.WriteFile(folder + "/App/App.csproj", project);
    }

    /// <summary>The 1-based line of the first line of <paramref name="file"/> that contains <paramref name="text"/>.</summary>
    public static int LineOf(string file, string text)
        => File.ReadAllLines(file).Select((line, index) => (line, index)).First(x => x.line.Contains(text)).index + 1;
}
