// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Collections.Generic;
using System.IO;
using System.Linq;
using Commons.Testing;

namespace Commons.EndToEnd.Tests.Infrastructure;

/// <summary>The files of the sample repositories: licence texts, community files, projects and sources.</summary>
public static class SampleFiles
{
    /// <summary>The Apache-2.0 text, as this repository ships it.</summary>
    public static string ApacheLicense => File.ReadAllText(Path.Combine(RepositoryPaths.Root, "LICENSE"));

    public const string MitLicense = """
        MIT License

        Copyright (c) 2026 Sample contributors

        Permission is hereby granted, free of charge, to any person obtaining a copy
        of this software and associated documentation files (the "Software"), to deal
        in the Software without restriction, including without limitation the rights
        to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
        copies of the Software, and to permit persons to whom the Software is
        furnished to do so, subject to the following conditions:

        The above copyright notice and this permission notice shall be included in all
        copies or substantial portions of the Software.

        THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
        OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
        SOFTWARE.

        """;

    /// <summary>Every community file a well-kept repository has, beside its licence.</summary>
    public static readonly IReadOnlyDictionary<string, string> CommunityFiles = new Dictionary<string, string>
    {
        ["README.md"] = """
            # Sample library

            A small library used by the Commons.Analyzers end-to-end tests.

            ## Installation

            `dotnet add package Sample.Library`

            ## Usage

            Call `Greeter.Hello()`.

            ## Contributing

            See CONTRIBUTING.md.

            ## Licence

            Apache-2.0, see LICENSE.

            """,
        ["CONTRIBUTING.md"] = """
            # Contributing

            Open an issue, then a pull request. Every commit carries a Developer Certificate of Origin sign-off
            (`git commit -s`, which adds `Signed-off-by: Your Name <you@example.org>`).

            """,
        ["CODE_OF_CONDUCT.md"] = "# Code of conduct\n\nThis project follows the Contributor Covenant, version 2.1.\n",
        ["SECURITY.md"] = "# Security policy\n\nReport vulnerabilities privately to security@example.org; we answer within a week.\n",
        ["GOVERNANCE.md"] = "# Governance\n\nThe maintainers listed in MAINTAINERS decide by lazy consensus.\n",
        ["CHANGELOG.md"] = "# Changelog\n\n## 1.0.0\n\n- First release.\n",
    };

    /// <summary>A C# source file with the SPDX header of the given licence.</summary>
    public static string Source(string typeName, string? spdxLicense) =>
        (spdxLicense is null ? string.Empty : $"// SPDX-License-Identifier: {spdxLicense}\n// SPDX-FileCopyrightText: 2026 Sample contributors\n\n")
        + $"namespace Sample;\n\npublic static class {typeName}\n{{\n    public static string Hello() => \"Hello\";\n}}\n";

    /// <summary>An SDK-style library project, with the package metadata a published library has.</summary>
    public static string Project(string targetFrameworks, string? licenseExpression, IEnumerable<string>? packageReferences = null, string extraProperties = "", IEnumerable<string>? projectReferences = null)
    {
        var tfm = targetFrameworks.Contains(';') ? $"<TargetFrameworks>{targetFrameworks}</TargetFrameworks>" : $"<TargetFramework>{targetFrameworks}</TargetFramework>";
        var license = licenseExpression is null ? string.Empty : $"\n    <PackageLicenseExpression>{licenseExpression}</PackageLicenseExpression>";
        var references = (packageReferences ?? Enumerable.Empty<string>()).Select(r => "\n    " + r)
            .Concat((projectReferences ?? Enumerable.Empty<string>()).Select(p => $"\n    <ProjectReference Include=\"{p}\" />"));
        var items = references.Any() ? "\n  <ItemGroup>" + string.Concat(references) + "\n  </ItemGroup>" : string.Empty;
        return $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                {tfm}{license}
                <LangVersion>latest</LangVersion>
                <Nullable>enable</Nullable>
                <IsPackable>true</IsPackable>
                <Description>A sample library for the end-to-end tests.</Description>
                <Authors>Sample contributors</Authors>
                <Copyright>Copyright (c) 2026 Sample contributors</Copyright>
                <PackageProjectUrl>https://example.org/sample</PackageProjectUrl>
                <RepositoryUrl>https://example.org/sample.git</RepositoryUrl>
                <PackageReadmeFile>README.md</PackageReadmeFile>{extraProperties}
              </PropertyGroup>{items}
            </Project>

            """;
    }

    /// <summary>A bare project: what <c>dotnet new classlib</c> gives, nothing more.</summary>
    public static string BareProject(string targetFramework) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>{targetFramework}</TargetFramework>
          </PropertyGroup>
        </Project>

        """;

    /// <summary>A <c>.slnx</c> solution of the given projects.</summary>
    public static string Solution(params string[] projectPaths)
        => "<Solution>\n" + string.Concat(projectPaths.Select(p => $"  <Project Path=\"{p}\" />\n")) + "</Solution>\n";

    public static string Reference(FixturePackage package, string attributes = "")
        => $"<PackageReference Include=\"{package.Id}\" Version=\"{package.Version}\"{attributes} />";

    public static string CentralReference(FixturePackage package) => $"<PackageReference Include=\"{package.Id}\" />";
}
