// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Commons.Compliance.Input;
using Commons.Compliance.Rules;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Commons.Analyzers.Tests;

/// <summary>
/// Everything derived from the rule catalogue (<see cref="RuleCatalog"/>, <see cref="RuleIds"/>, <see cref="PropertyNames"/>),
/// written out by code: the descriptors, the release-tracking table, the summary table of rules.md and the lists the
/// package's targets carry. <see cref="DerivedArtefactsTests"/> regenerates each and fails on any difference;
/// <c>COMMONS_REGENERATE=1</c> makes it rewrite them instead (CONTRIBUTING.md, "Adding a rule").
/// </summary>
public static class DerivedArtefacts
{
    public const string GeneratedNote = "Generated from the rule catalogue by tests/Commons.Analyzers.Tests/DerivedArtefacts.cs: do not edit";

    /// <summary>One artefact: a whole file, or the part of a file between two fixed markers (a path may name its part after a '#').</summary>
    public sealed record Artefact(string Name, string Start, string End, Func<string> Generate)
    {
        public string RelativePath => Name.Split('#')[0];

        public bool IsWholeFile => Start.Length == 0;

        /// <summary>The file's current text with the generated part replaced.</summary>
        public string Apply(string current)
        {
            if (IsWholeFile)
            {
                return Generate();
            }

            var from = current.IndexOf(Start, StringComparison.Ordinal);
            var to = from < 0 ? -1 : current.IndexOf(End, from + Start.Length, StringComparison.Ordinal);
            if (from < 0 || to < 0)
            {
                throw new InvalidOperationException(RelativePath + " has lost its markers '" + Start + "' … '" + End + "'");
            }

            return current.Substring(0, from + Start.Length) + Generate() + current.Substring(to);
        }
    }

    public static IReadOnlyList<Artefact> All { get; } = new[]
    {
        new Artefact("src/Commons.Analyzers/Descriptors.cs", "", "", Descriptors),
        new Artefact("src/Commons.Analyzers/AnalyzerReleases.Unshipped.md", "", "", UnshippedReleases),
        new Artefact("rules.md", "|---|---|---|---|---|---|---|\n", "\n## ", RulesSummaryRows),
        new Artefact("build/Commons.Analyzers.targets", "<_CommonsGateRuleIds>", "</_CommonsGateRuleIds>", () => string.Join(";", GatedIds())),
        new Artefact("build/Commons.Analyzers.targets#properties", "<!-- analyzer properties: generated -->\n", "      <!-- end of the generated analyzer properties -->", AnalyzerPropertyItems),
        new Artefact("rules.md#baseline", "<!-- baseline subjects: generated -->\n", "  <!-- end of the generated baseline subjects -->", BaselineSubjects),
    };

    /// <summary>Which rules a baseline entry names by a subject (<see cref="RuleDescriptor.BaselineSubject"/>), as a table in rules.md.</summary>
    private static string BaselineSubjects()
    {
        var text = new StringBuilder("  | Rules | Subject of an entry |\n  |---|---|\n");
        foreach (var group in RuleCatalog.All.Where(r => r.IsBaselined).GroupBy(r => r.BaselineSubject?.Name ?? "none: the rule and the file are enough"))
        {
            text.Append("  | ").Append(string.Join(", ", group.Select(r => r.Id))).Append(" | ").Append(group.Key).Append(" |\n");
        }

        return text.Append("  | ").Append(string.Join(", ", RuleCatalog.All.Where(r => !r.IsBaselined).Select(r => r.Id))).Append(" | never recorded: the tool's own trouble |\n").ToString();
    }

    /// <summary>The rules <c>CommonsGate=true</c> raises to errors, as the targets list them in <c>WarningsAsErrors</c>.</summary>
    public static IEnumerable<string> GatedIds() => RuleCatalog.All.Select(r => r.Id).Where(RuleCatalog.IsGated);

    /// <summary>One item per property the analyzer reads (<see cref="PropertyNames.All"/>), for the targets to encode.</summary>
    private static string AnalyzerPropertyItems()
        => string.Concat(PropertyNames.All.Select(name => "      <_CommonsAnalyzerProperty Include=\"" + name + "\" Value=\"$(" + name + ")\" />\n"));

    private static string Descriptors()
    {
        var constants = typeof(RuleIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .ToDictionary(f => (string)f.GetRawConstantValue()!, f => f.Name);
        var categories = typeof(RuleCategories).GetFields(BindingFlags.Public | BindingFlags.Static)
            .ToDictionary(f => (string)f.GetRawConstantValue()!, f => f.Name);
        var text = new StringBuilder();
        text.Append("// SPDX-License-Identifier: Apache-2.0\n")
            .Append("// SPDX-FileCopyrightText: Commons.Analyzers contributors\n")
            .Append("// ").Append(GeneratedNote).Append(" (COMMONS_REGENERATE=1 rewrites it).\n\n")
            .Append("using System.Collections.Immutable;\n")
            .Append("using Commons.Compliance.Rules;\n")
            .Append("using Microsoft.CodeAnalysis;\n\n")
            .Append("namespace Commons.Analyzers;\n\n")
            .Append("/// <summary>\n")
            .Append("/// One DiagnosticDescriptor per rule of <see cref=\"RuleCatalog\"/>. Titles, messages, descriptions and help links are read\n")
            .Append("/// from the catalogue; id, category and severity are written as constants because the release-tracking analyzer\n")
            .Append("/// (RS2000–RS2008) reads them from the <c>new DiagnosticDescriptor(…)</c> expression.\n")
            .Append("/// </summary>\n")
            .Append("public static class Descriptors\n{\n")
            .Append("    private static readonly string[] BuildOnly = { WellKnownDiagnosticTags.CompilationEnd };\n")
            .Append("    private static readonly string[] Live = { };\n\n");
        foreach (var rule in RuleCatalog.All)
        {
            var id = "RuleIds." + constants[rule.Id];
            text.Append("    public static readonly DiagnosticDescriptor ").Append(rule.Id).Append(" = new(\n")
                .Append("        ").Append(id).Append(", Title(").Append(id).Append("), Message(").Append(id).Append("), RuleCategories.")
                .Append(categories[rule.Category]).Append(", DiagnosticSeverity.").Append(rule.DefaultSeverity).Append(",\n")
                .Append("        isEnabledByDefault: true, Description(").Append(id).Append("), HelpLink(").Append(id).Append("), ")
                .Append(rule.IsBuildOnly ? "BuildOnly" : "Live").Append(");\n\n");
        }

        text.Append("    /// <summary>Every descriptor, in id order.</summary>\n")
            .Append("    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(\n        ")
            .Append(string.Join(", ", RuleCatalog.All.Select(r => r.Id))).Append(");\n\n")
            .Append("    private static string Title(string id) => RuleCatalog.Get(id).Title;\n\n")
            .Append("    private static string Message(string id) => RuleCatalog.Get(id).MessageFormat;\n\n")
            .Append("    private static string Description(string id) => RuleCatalog.Get(id).Description;\n\n")
            .Append("    private static string HelpLink(string id) => RuleCatalog.Get(id).HelpLink;\n")
            .Append("}\n");
        return text.ToString();
    }

    private static string UnshippedReleases()
    {
        var analyzers = typeof(Descriptors).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .SelectMany(a => a.SupportedDiagnostics.Select(d => (d.Id, Analyzer: a.GetType().Name)))
            .ToDictionary(p => p.Id, p => p.Analyzer);
        var text = new StringBuilder("""
            ; Unshipped analyzer release
            ; https://github.com/dotnet/roslyn-analyzers/blob/main/src/Microsoft.CodeAnalysis.Analyzers/ReleaseTrackingAnalyzers.Help.md

            ### New Rules

            Rule ID | Category | Severity | Notes
            --------|----------|----------|-------

            """);
        foreach (var rule in RuleCatalog.All)
        {
            text.Append(rule.Id).Append(" | ").Append(rule.Category).Append(" | ").Append(rule.DefaultSeverity).Append(" | ")
                .Append(analyzers[rule.Id]).Append(": ").Append(rule.Title).Append(", [Documentation](").Append(rule.HelpLink).Append(")\n");
        }

        return text.ToString();
    }

    private static string RulesSummaryRows()
    {
        var text = new StringBuilder();
        foreach (var rule in RuleCatalog.All)
        {
            var keys = rule.ConfigurationKeys.Count == 0 ? "—" : string.Join(", ", rule.ConfigurationKeys.Select(k => "`" + k + "`"));
            text.Append(CultureInfo.InvariantCulture, $"| [{rule.Id}](#{rule.Id.ToLowerInvariant()}) | {rule.Title} | {rule.Category} | {rule.DefaultSeverity} | ")
                .Append(rule.IsCliOnly ? "`commons headers` only" : rule.IsBuildOnly ? "Build only" : "IDE live").Append(" | ").Append(rule.HasCodeFix ? "Yes" : "No").Append(" | ").Append(keys).Append(" |\n");
        }

        return text.ToString();
    }

    /// <summary>The repository root: the folder holding Commons.Analyzers.sln, above the test's output.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Commons.Analyzers.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("the repository root (Commons.Analyzers.sln) is not above " + AppContext.BaseDirectory);
    }

    /// <summary>Normalises line endings, so a checkout with CRLF compares equal.</summary>
    public static string Lf(string text) => Regex.Replace(text, "\r\n?", "\n");
}
