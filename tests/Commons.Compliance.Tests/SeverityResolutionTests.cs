// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Collections.Generic;
using System.Linq;
using Commons.Compliance.Input;
using Commons.Compliance.Rules;

namespace Commons.Compliance.Tests;

/// <summary>
/// The compiler's severity precedence (Roslyn's CSharpDiagnosticFilter.GetDiagnosticReport), as <c>commons check</c> applies it.
/// CMN0201 is a warning by default, CMN0203 a note, CMN0101 a gated warning, CMN0401 a header rule (in a source file).
/// </summary>
public sealed class SeverityResolutionTests
{
    private static readonly Finding NoReadme = new("CMN0201", new string[0], new FindingLocation("/r/A.csproj", 1, 1, 1, 1));
    private static readonly Finding NoContributing = new("CMN0203", new string[0], new FindingLocation("/r/A.csproj", 1, 1, 1, 1));
    private static readonly Finding UnknownLicence = new("CMN0101", new[] { "Foo", "1.0.0", "" }, new FindingLocation("/r/A.csproj", 7, 5, 7, 9));
    private static readonly Finding NoHeader = new("CMN0401", new string[0], new FindingLocation("/r/src/A.cs", 1, 1, 1, 1));

    public static TheoryData<string, string, RuleSeverity?> Cases => new()
    {
        { "", "CMN0201", RuleSeverity.Warning },
        { "", "CMN0203", RuleSeverity.Info },
        { "global CMN0201=Error", "CMN0201", RuleSeverity.Error },
        { "global CMN0203=Suppress", "CMN0203", null },
        { "NoWarn=CMN0201", "CMN0201", null },
        { "NoWarn=CMN0201;WarningsAsErrors=CMN0201", "CMN0201", null },
        { "WarningsAsErrors=CMN0201;global CMN0201=Suppress", "CMN0201", RuleSeverity.Error },
        { "TreatWarningsAsErrors=true", "CMN0201", RuleSeverity.Error },
        { "TreatWarningsAsErrors=true", "CMN0203", RuleSeverity.Info },
        { "TreatWarningsAsErrors=true;global CMN0203=Warn", "CMN0203", RuleSeverity.Error },
        { "TreatWarningsAsErrors=true;WarningsNotAsErrors=CMN0201", "CMN0201", RuleSeverity.Warning },
        { "WarningsAsErrors=CMN0201;WarningsNotAsErrors=CMN0201", "CMN0201", RuleSeverity.Warning },
        { "WarningsNotAsErrors=CMN0201;global CMN0201=Error", "CMN0201", RuleSeverity.Warning },
        { "WarningsNotAsErrors=CMN0201;global CMN0201=Suppress", "CMN0201", null },
        { "gate", "CMN0101", RuleSeverity.Error },
        { "gate", "CMN0201", RuleSeverity.Warning },
        { "gate;global CMN0101=Suppress", "CMN0101", RuleSeverity.Error },
        { "gate;NoWarn=CMN0101", "CMN0101", null },
        { "gate;WarningsNotAsErrors=CMN0101;global CMN0101=Warn", "CMN0101", RuleSeverity.Warning },
        { "WarningLevel=0", "CMN0201", null },
        { "WarningLevel=0;gate", "CMN0101", RuleSeverity.Error },
        { "file CMN0201=Error", "CMN0201", RuleSeverity.Warning },
        { "file CMN0401=Suppress", "CMN0401", null },
        { "file CMN0401=Info;global CMN0401=Error", "CMN0401", RuleSeverity.Info },
        { "bulk=Suppress", "CMN0401", null },
        { "bulk=Suppress", "CMN0201", RuleSeverity.Warning },
        { "bulk=Suppress;global CMN0401=Error", "CMN0401", RuleSeverity.Error },
        { "nowarn list=1701, CMN0201 ;CS1591", "CMN0201", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Resolves_as_the_compiler_does(string configuration, string ruleId, RuleSeverity? expected)
    {
        var settings = configuration.Split(';', System.StringSplitOptions.RemoveEmptyEntries);
        string? Property(string name) => settings.Where(s => s.StartsWith(name + "=")).Select(s => s.Substring(name.Length + 1)).FirstOrDefault();
        ReportSetting? Config(string scope, string id)
            => settings.Where(s => s.StartsWith(scope + " " + id + "=")).Select(s => (ReportSetting?)System.Enum.Parse<ReportSetting>(s.Split('=')[1])).FirstOrDefault();
        var properties = new ProjectProperties(settings.Contains("gate") ? new[] { new KeyValuePair<string, string>("CommonsGate", "true") } : new KeyValuePair<string, string>[0]);
        var noWarn = configuration.StartsWith("nowarn list=") ? configuration.Substring("nowarn list=".Length) : Property("NoWarn");
        var resolution = SeverityResolution.FromProject(properties, noWarn, Property("WarningsAsErrors"), Property("WarningsNotAsErrors"),
                Property("TreatWarningsAsErrors"), Property("WarningLevel"))
            .WithAnalyzerConfig(
                id => Config("global", id),
                (path, id) => Config("file", id),
                (path, category) => Property("bulk") is { } bulk ? System.Enum.Parse<ReportSetting>(bulk) : null);
        var finding = new[] { NoReadme, NoContributing, UnknownLicence, NoHeader }.Single(f => f.RuleId == ruleId);

        Assert.Equal(expected, resolution.Resolve(finding, inSourceFile: ruleId.StartsWith("CMN04")));
    }
}
