// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using Commons.Compliance.Facts;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Commons.Analyzers.Tests;

/// <summary>Shared inputs: a project file with known line numbers, facts for a tidy repository.</summary>
internal static class Fixtures
{
    public const string ProjectPath = "/0/App.csproj";
    public const string LicensePath = "/0/LICENSE";
    public const string ReadmePath = "/0/README.md";
    public const string ContributingPath = "/0/CONTRIBUTING.md";
    public const string PolicyPath = "/0/commons.policy";
    public const string PublicCodePath = "/0/publiccode.yml";

    /// <summary>Line 3: PackageLicenseExpression; line 4: PackageLicenseUrl; line 7: the PackageReference of Foo.</summary>
    public const string ProjectFile =
        "<Project Sdk=\"Microsoft.NET.Sdk\">\n" +
        "  <PropertyGroup>\n" +
        "    <PackageLicenseExpression>GPL-2.0</PackageLicenseExpression>\n" +
        "    <PackageLicenseUrl>https://example.org/license</PackageLicenseUrl>\n" +
        "  </PropertyGroup>\n" +
        "  <ItemGroup>\n" +
        "    <PackageReference Include=\"Foo\" Version=\"1.0.0\" />\n" +
        "  </ItemGroup>\n" +
        "</Project>\n";

    public const string Readme =
        "# App\n\nApp does things.\n\n## Installation\n\ndotnet add package App\n\n## Usage\n\nCall it.\n\n## Contributing\n\nSee CONTRIBUTING.md.\n\n## License\n\nMIT\n";

    public const string Contributing = "# Contributing\n\nSign off every commit (Developer Certificate of Origin): `git commit -s`.\n";

    public static DiagnosticResult Rule(string id) => new(DiagnosticCatalog.Get(id));

    public static DiagnosticResult Rule(string id, DiagnosticSeverity severity) => new(id, severity);

    /// <summary>Facts of a repository with every community file and an identified MIT licence.</summary>
    public static ProjectFacts TidyFacts()
    {
        var facts = new ProjectFacts { TargetFramework = "net8.0", RepositoryRoot = "/0" };
        facts.Files.Add(new RepositoryFile { Kind = RepositoryFileKind.License, RelativePath = "LICENSE", FullPath = LicensePath, IdentifiedLicense = "MIT", Confidence = 100 });
        facts.Files.Add(new RepositoryFile { Kind = RepositoryFileKind.Readme, RelativePath = "README.md", FullPath = ReadmePath });
        facts.Files.Add(new RepositoryFile { Kind = RepositoryFileKind.Contributing, RelativePath = "CONTRIBUTING.md", FullPath = ContributingPath });
        foreach (var kind in new[] { RepositoryFileKind.CodeOfConduct, RepositoryFileKind.Security, RepositoryFileKind.Governance, RepositoryFileKind.Changelog, RepositoryFileKind.ThirdPartyNotices })
        {
            facts.Files.Add(new RepositoryFile { Kind = kind, RelativePath = kind + ".md", FullPath = "/0/" + kind + ".md" });
        }

        return facts;
    }

    public static PackageFact Package(string id, string? license, int line = 7)
    {
        var package = new PackageFact
        {
            Id = id,
            Version = "1.0.0",
            License = license,
            Source = license is null ? LicenseSource.None : LicenseSource.Expression,
            Direct = true,
            ReferenceLocation = new SourceLocation(ProjectPath, line, 5),
        };
        package.Path.Add(id);
        return package;
    }
}
