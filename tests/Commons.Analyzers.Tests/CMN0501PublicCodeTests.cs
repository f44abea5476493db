// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Threading.Tasks;
using Commons.Compliance.Facts;
using static Commons.Analyzers.Tests.Fixtures;
using Test = Commons.Analyzers.Tests.AnalyzerTest<Commons.Analyzers.CMN0501PublicCodeAnalyzer>;

namespace Commons.Analyzers.Tests;

public sealed class CMN0501PublicCodeTests
{
    /// <summary>A valid publiccode.yml; node lines match this text.</summary>
    private const string Yaml =
        "publiccodeYmlVersion: \"0\"\n" +          // 1
        "name: App\n" +                              // 2
        "url: https://example.org/app\n" +           // 3
        "platforms:\n  - web\n" +                    // 4-5
        "developmentStatus: stable\n" +              // 6
        "softwareType: library\n" +                  // 7
        "description:\n  en:\n    shortDescription: Does things\n    features:\n      - things\n" + // 8-12
        "legal:\n  license: MIT\n" +                 // 13-14
        "maintenance:\n  type: community\n  contacts:\n    - name: Jane\n"; // 15-18

    [Fact]
    public async Task TestValidFileHasNoFindingAsync()
    {
        await WithPublicCode(Valid()).RunAsync();
    }

    [Fact]
    public async Task TestBadValueIsReportedAtItsKeyAsync()
    {
        var facts = Valid();
        facts.PublicCode!.Nodes.Find(n => n.Path == "developmentStatus")!.Value = "finished";
        await WithPublicCode(facts, Yaml.Replace("stable", "finished"))
            .Expect(Rule("CMN0501").WithLocation(PublicCodePath, 6, 1)
                .WithArguments("developmentStatus 'finished' is not one of concept, development, beta, stable, obsolete"))
            .RunAsync();
    }

    [Fact]
    public async Task TestMissingKeyAndBadLanguageTagAsync()
    {
        var facts = Valid();
        facts.PublicCode!.Nodes.RemoveAll(n => n.Path == "url");
        facts.PublicCode.Nodes.ForEach(n => n.Path = n.Path.Replace("description.en", "description.english"));
        await WithPublicCode(facts)
            .Expect(
                Rule("CMN0501").WithLocation(PublicCodePath, 1, 1).WithArguments("the required key 'url' is missing"),
                Rule("CMN0501").WithLocation(PublicCodePath, 9, 3).WithArguments("description key 'english' is not a BCP-47 language tag"))
            .RunAsync();
    }

    [Fact]
    public async Task TestYamlParseErrorAsync()
    {
        var facts = new ProjectFacts { PublicCode = new PublicCodeFacts { RelativePath = "publiccode.yml", FullPath = PublicCodePath, ParseError = "mapping values are not allowed here", ParseErrorLine = 2, ParseErrorColumn = 5 } };
        await WithPublicCode(facts)
            .Expect(Rule("CMN0501").WithLocation(PublicCodePath, 2, 5).WithArguments("it is not valid YAML: mapping values are not allowed here"))
            .RunAsync();
    }

    [Fact]
    public async Task TestLicenceDiffersFromTheProjectAsync()
    {
        await WithPublicCode(Valid()).Property("PackageLicenseExpression", "Apache-2.0")
            .Expect(Rule("CMN0502").WithLocation(PublicCodePath, 14, 3).WithArguments("MIT", "Apache-2.0"))
            .RunAsync();
        await WithPublicCode(Valid()).Property("PackageLicenseExpression", "mit").RunAsync();
    }

    [Fact]
    public async Task TestFrenchPresetWantsPublicCodeAsync()
    {
        await new Test().Facts(new ProjectFacts()).Property("CommonsPolicy", "osi,fr-public-sector").Expect(Rule("CMN0503").WithLocation(ProjectPath, 1, 1)).RunAsync();
        await new Test().Facts(new ProjectFacts()).Property("CommonsPolicy", "osi").RunAsync();
    }

    [Fact]
    public async Task TestFrenchPresetChecksTheLicenceListAsync()
    {
        await WithPublicCode(Valid()).Property("CommonsPolicy", "fr-public-sector").Property("PackageLicenseExpression", "MIT").RunAsync();
        var facts = Valid();
        facts.PublicCode!.Nodes.Find(n => n.Path == "legal.license")!.Value = "WTFPL";
        await WithPublicCode(facts, Yaml.Replace("license: MIT", "license: WTFPL")).Property("CommonsPolicy", "fr-public-sector").Property("PackageLicenseExpression", "WTFPL")
            .Expect(Rule("CMN0504").WithLocation(ProjectPath, 1, 1).WithArguments("WTFPL", "list of " + Commons.Licensing.PublicSectorLists.France.Version))
            .RunAsync();
    }

    private static Test WithPublicCode(ProjectFacts facts, string text = Yaml)
        => new Test().Facts(facts).File("PublicCode", PublicCodePath, text);

    private static ProjectFacts Valid()
    {
        var publicCode = new PublicCodeFacts { RelativePath = "publiccode.yml", FullPath = PublicCodePath };
        void Node(string path, YamlNodeKind kind, string? value, int count, int line, int column)
            => publicCode.Nodes.Add(new YamlNodeFact { Path = path, Kind = kind, Value = value, Count = count, Line = line, Column = column });
        Node("publiccodeYmlVersion", YamlNodeKind.Scalar, "0", 0, 1, 1);
        Node("name", YamlNodeKind.Scalar, "App", 0, 2, 1);
        Node("url", YamlNodeKind.Scalar, "https://example.org/app", 0, 3, 1);
        Node("platforms", YamlNodeKind.Sequence, null, 1, 4, 1);
        Node("platforms[0]", YamlNodeKind.Scalar, "web", 0, 5, 5);
        Node("developmentStatus", YamlNodeKind.Scalar, "stable", 0, 6, 1);
        Node("softwareType", YamlNodeKind.Scalar, "library", 0, 7, 1);
        Node("description", YamlNodeKind.Mapping, null, 1, 8, 1);
        Node("description.en", YamlNodeKind.Mapping, null, 2, 9, 3);
        Node("description.en.shortDescription", YamlNodeKind.Scalar, "Does things", 0, 10, 5);
        Node("description.en.features", YamlNodeKind.Sequence, null, 1, 11, 5);
        Node("legal", YamlNodeKind.Mapping, null, 1, 13, 1);
        Node("legal.license", YamlNodeKind.Scalar, "MIT", 0, 14, 3);
        Node("maintenance", YamlNodeKind.Mapping, null, 2, 15, 1);
        Node("maintenance.type", YamlNodeKind.Scalar, "community", 0, 16, 3);
        Node("maintenance.contacts", YamlNodeKind.Sequence, null, 1, 17, 3);
        return new ProjectFacts { PublicCode = publicCode };
    }
}
