// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Collections.Generic;
using System.Linq;
using Commons.Compliance.Facts;
using Commons.Compliance.Input;

namespace Commons.Compliance.Tests;

/// <summary>
/// Issue 14: the false warnings real repositories showed (README prose, SourceLink's repository URL, a nuspec that
/// declares the licence, packages that do not ship, SDK files) and the findings they lost (a copyleft sibling project).
/// </summary>
public sealed class RealRepositoryRulesTests
{
    private const string Root = "/repo";
    private const string ProjectPath = "/repo/src/Lib/Lib.csproj";
    private const string ProjectText = "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n    <ProjectReference Include=\"../Gpl/Gpl.csproj\" />\n  </ItemGroup>\n</Project>\n";

    [Fact]
    public void A_package_that_does_not_ship_gets_a_note_instead_of_a_licence_warning()
    {
        var facts = Facts();
        facts.Packages.Add(Package("Some.Analyzers", license: null, devOnly: true));
        facts.Packages.Add(Package("Some.Tool", license: null, devOnly: true, url: "https://example.com/eula"));
        facts.Packages.Add(Package("Gpl.BuildTask", license: "GPL-3.0-only", devOnly: true));

        var findings = Evaluate(facts, ("CommonsPolicy", "permissive"));

        Assert.DoesNotContain(findings, f => f.RuleId is "CMN0101" or "CMN0102" or "CMN0103" or "CMN0104");
        var note = Assert.Single(findings, f => f.RuleId == "CMN0110");
        Assert.StartsWith("3 package(s) that do not ship", note.Message, System.StringComparison.Ordinal);
        Assert.Contains("Gpl.BuildTask 1.0.0 ('GPL-3.0-only' is not allowed by the policy", note.Message, System.StringComparison.Ordinal);
        Assert.Contains("Some.Tool 1.0.0 (licence URL maps to no SPDX licence: https://example.com/eula)", note.Message, System.StringComparison.Ordinal);
        Assert.Equal(ProjectPath, note.Location!.Path);

        // A shipped package with the same problems keeps its warnings.
        var shipped = Facts();
        shipped.Packages.Add(Package("Some.Library", license: null, devOnly: false));
        Assert.Contains(Evaluate(shipped), f => f.RuleId == "CMN0101");
    }

    [Fact]
    public void A_licence_file_that_says_how_the_others_combine_answers_CMN0009()
    {
        var facts = Facts();
        facts.Files.Add(LicenseFile("LICENSE-APACHE2", "Apache-2.0"));
        facts.Files.Add(LicenseFile("LICENSE-MPL-RabbitMQ", "MPL-2.0"));
        Assert.Contains(Evaluate(facts, ("PackageLicenseExpression", "")), f => f.RuleId == "CMN0009");

        facts.Files.Add(LicenseFile("LICENSE", "Apache-2.0 OR MPL-2.0"));
        Assert.DoesNotContain(Evaluate(facts, ("PackageLicenseExpression", "")), f => f.RuleId == "CMN0009");
    }

    [Fact]
    public void A_package_the_SDK_references_by_itself_is_not_judged()
    {
        var facts = Facts();
        var netStandard = Package("NETStandard.Library", license: null, devOnly: false, url: "http://go.microsoft.com/fwlink/?LinkId=329770");
        netStandard.Implicit = true;
        facts.Packages.Add(netStandard);

        Assert.DoesNotContain(Evaluate(facts), f => f.RuleId.StartsWith("CMN01", System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_copyleft_referenced_project_is_incompatible_at_the_ProjectReference()
    {
        var facts = Facts();
        facts.ProjectReferences.Add(new ProjectReferenceFact
        {
            Name = "Gpl",
            Path = "/repo/src/Gpl/Gpl.csproj",
            License = "GPL-3.0-only",
            ReferenceLocation = new SourceLocation(ProjectPath, 3, 5),
        });

        var finding = Assert.Single(Evaluate(facts), f => f.RuleId == "CMN0104");

        Assert.Contains("'Gpl' (project reference) is licensed 'GPL-3.0-only'", finding.Message, System.StringComparison.Ordinal);
        Assert.Equal((ProjectPath, 3), (finding.Location!.Path, finding.Location.Line));
    }

    [Fact]
    public void A_package_of_some_target_frameworks_says_which()
    {
        var facts = Facts();
        var gpl = Package("Gpl.Lib", license: "GPL-3.0-only", devOnly: false);
        gpl.Frameworks.Add("net10.0");
        facts.Packages.Add(gpl);

        var finding = Assert.Single(Evaluate(facts), f => f.RuleId == "CMN0104");

        Assert.EndsWith("(net10.0 only)", finding.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_finding_located_outside_the_repository_moves_to_the_project_file()
    {
        var facts = Facts();
        var package = Package("Odd.Package", license: null, devOnly: false);
        package.ReferenceLocation = new SourceLocation("/usr/share/dotnet/sdk/10.0.100/Sdks/Microsoft.NET.Sdk/targets/Microsoft.NET.Sdk.DefaultItems.props", 40, 5);
        facts.Packages.Add(package);
        facts.Problems.Add(new CollectionProblem { Kind = CollectionProblemKind.NuspecUnreadable, Message = "bad", Location = new SourceLocation("/home/me/.nuget/packages/odd/1.0.0/odd.nuspec", 1, 1) });

        var findings = Evaluate(facts);

        Assert.Equal(ProjectPath, Assert.Single(findings, f => f.RuleId == "CMN0101").Location!.Path);
        var unreadable = Assert.Single(findings, f => f.RuleId == "CMN0902");
        Assert.Equal(ProjectPath, unreadable.Location!.Path);
        Assert.StartsWith("odd.nuspec could not be read", unreadable.Message, System.StringComparison.Ordinal);
        Assert.All(findings.Where(f => f.Location is not null), f => Assert.StartsWith(Root + "/", f.Location!.Path, System.StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("# Lib\n\nA library.\n\n## Install\n\n`dotnet add package Lib`\n\n## Usage\n\nCall it.\n\n## Contributing\n\nPRs welcome.\n\nLib is licensed under the MIT License.\n")]
    [InlineData("# Lib\n\n## Getting started\n\nRead on.\n\n## Contributing\n\nYes.\n\n[Apache-2.0](LICENSE) · Copyright Lib authors\n")]
    [InlineData("# Lib\n\n## Getting started\n\nRead on.\n\n## Contributing\n\nYes.\n\nLib is free/open source software, released under the LGPL.\n")]
    public void A_README_that_names_its_licence_in_a_sentence_covers_the_licence(string readme)
    {
        var facts = Facts();
        facts.Files.Add(new RepositoryFile { Kind = RepositoryFileKind.Readme, RelativePath = "README.md", FullPath = "/repo/README.md" });

        var findings = Evaluate(facts, files: new TextFile("Readme", "/repo/README.md", readme));

        Assert.DoesNotContain(findings, f => f.RuleId == "CMN0202");
    }

    [Fact]
    public void A_README_that_never_names_a_licence_still_lacks_the_section()
    {
        var facts = Facts();
        facts.Files.Add(new RepositoryFile { Kind = RepositoryFileKind.Readme, RelativePath = "README.md", FullPath = "/repo/README.md" });

        var finding = Assert.Single(Evaluate(facts, files: new TextFile("Readme", "/repo/README.md", "# Lib\n\n## Install\n\nx\n\n## Usage\n\ny\n\n## Contributing\n\nz\n")), f => f.RuleId == "CMN0202");

        Assert.EndsWith("licence", finding.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void PublishRepositoryUrl_with_a_git_remote_gives_the_package_its_repository_URL()
    {
        var withRemote = Facts();
        withRemote.RepositoryRemote = "https://github.com/example/lib.git";
        var packable = new[] { ("IsPackable", "true"), ("PublishRepositoryUrl", "true") };

        Assert.DoesNotContain(Evaluate(withRemote, packable), f => f.RuleId == "CMN0302");
        Assert.Contains(Evaluate(Facts(), packable), f => f.RuleId == "CMN0302");
        Assert.Contains(Evaluate(withRemote, ("IsPackable", "true")), f => f.RuleId == "CMN0302");
    }

    [Fact]
    public void A_project_packed_from_its_own_nuspec_is_judged_by_that_nuspec()
    {
        var facts = Facts();
        facts.Nuspec = new NuspecFacts
        {
            Path = "/repo/src/Lib/Lib.nuspec",
            LicenseUrl = "https://github.com/example/lib/blob/main/LICENSE",
            RepositoryUrl = "https://github.com/example/lib",
            ProjectUrl = "https://example.com",
            Description = "$description$",
            Authors = "Example",
            Copyright = "Copyright Example",
            Readme = "docs/README.md",
        };

        var findings = Evaluate(facts, ("IsPackable", "true"));

        Assert.DoesNotContain(findings, f => f.RuleId == "CMN0003" || f.RuleId.StartsWith("CMN03", System.StringComparison.Ordinal));

        facts.Nuspec = new NuspecFacts { Path = "/repo/src/Lib/Lib.nuspec" };
        Assert.Contains(Evaluate(facts, ("IsPackable", "true")), f => f.RuleId == "CMN0003");
    }

    private static RepositoryFile LicenseFile(string name, string license)
        => new() { Kind = RepositoryFileKind.License, RelativePath = name, FullPath = Root + "/" + name, IdentifiedLicense = license, Confidence = 100 };

    private static ProjectFacts Facts() => new() { ProjectPath = ProjectPath, RepositoryRoot = Root };

    private static PackageFact Package(string id, string? license, bool devOnly, string? url = null)
    {
        var package = new PackageFact
        {
            Id = id,
            Version = "1.0.0",
            License = license,
            LicenseUrl = url,
            Source = license is null ? (url is null ? LicenseSource.None : LicenseSource.Url) : LicenseSource.Expression,
            Direct = true,
            DevOnly = devOnly,
            ReferenceLocation = new SourceLocation(ProjectPath, 3, 5),
        };
        package.Path.Add(id);
        return package;
    }

    private static IReadOnlyList<Finding> Evaluate(ProjectFacts facts, params (string Name, string Value)[] properties)
        => Evaluate(facts, properties, null);

    private static IReadOnlyList<Finding> Evaluate(ProjectFacts facts, (string Name, string Value)[]? properties = null, TextFile? files = null)
    {
        var all = new List<KeyValuePair<string, string>>
        {
            new("MSBuildProjectFullPath", ProjectPath),
            new("PackageLicenseExpression", "MIT"),
        };
        all.AddRange((properties ?? System.Array.Empty<(string, string)>()).Select(p => new KeyValuePair<string, string>(p.Item1, p.Item2)));
        var texts = new List<TextFile> { new(TextFileKinds.ProjectFile, ProjectPath, ProjectText) };
        if (files is not null)
        {
            texts.Add(files);
        }

        return ComplianceEvaluator.Evaluate(new ComplianceInput(new ProjectProperties(all), texts) { Facts = facts });
    }
}
