// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Commons.Compliance.Baseline;
using Commons.Compliance.Rules;

namespace Commons.Cli.Output;

/// <summary>
/// <c>--format sarif</c>: SARIF 2.1.0 as GitHub code scanning accepts it: every rule in <c>tool.driver.rules</c>,
/// paths relative to <c>%SRCROOT%</c> (the repository root), a region on every location, and a stable fingerprint.
/// Every finding has a location (a repository-wide one points at the project that raised it, as in the build); were one
/// file-less, it would point at line 1 of that project, since code scanning rejects a result without a location. A finding the
/// baseline records is kept, with a <c>suppressions</c> entry.
/// </summary>
internal static class SarifReport
{
    public const string SrcRoot = "SRCROOT";

    public static void Write(CheckReport report, TextWriter output)
    {
        var rules = RuleCatalog.All;
        output.Write(Json.Document(json =>
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();

            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "commons");
            json.WriteString("informationUri", "https://github.com/commons-analyzers/commons-analyzers");
            json.WriteString("semanticVersion", ToolVersion());
            json.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                WriteRule(json, rule);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject(SrcRoot);
            json.WriteString("uri", new Uri(report.Root.TrimEnd('/', '\\') + Path.DirectorySeparatorChar).AbsoluteUri);
            json.WriteEndObject();
            json.WriteEndObject();

            json.WriteStartArray("results");
            foreach (var finding in report.Findings.Concat(report.Suppressed))
            {
                WriteResult(json, finding, rules.ToList().FindIndex(r => r.Id == finding.Finding.RuleId));
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }));
    }

    public static string Level(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => "error",
        RuleSeverity.Warning => "warning",
        RuleSeverity.Info => "note",
        _ => "none",
    };

    private static void WriteRule(Utf8JsonWriter json, RuleDescriptor rule)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("name", rule.Id);
        json.WriteStartObject("shortDescription");
        json.WriteString("text", rule.Title);
        json.WriteEndObject();
        json.WriteStartObject("fullDescription");
        json.WriteString("text", rule.Description);
        json.WriteEndObject();
        json.WriteString("helpUri", rule.HelpLink);
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", Level(rule.DefaultSeverity));
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("category", rule.Category);
        Json.WriteStrings(json, "tags", new[] { rule.Category });
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, ReportedFinding finding, int ruleIndex)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.Finding.RuleId);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", Level(finding.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", finding.Finding.Message);
        json.WriteEndObject();
        if (finding.Suppressed)
        {
            WriteBaselineSuppression(json, finding.Finding.RuleId);
        }

        var location = finding.Finding.Location;
        var path = finding.RelativePath ?? finding.Projects.FirstOrDefault() ?? ".";
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", UriOf(path));
        if (!Path.IsPathRooted(path))
        {
            json.WriteString("uriBaseId", SrcRoot);
        }

        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", location?.Line ?? 1);
        json.WriteNumber("startColumn", location?.Column ?? 1);
        if (location is not null)
        {
            json.WriteNumber("endLine", Math.Max(location.EndLine, location.Line));
            json.WriteNumber("endColumn", location.EndLine > location.Line ? location.EndColumn : Math.Max(location.EndColumn, location.Column));
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();

        json.WriteStartObject("partialFingerprints");
        json.WriteString("commonsFinding/v1", Fingerprint(finding.Finding.RuleId + "\n" + path + "\n" + finding.Finding.Message));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>
    /// A finding the baseline records, kept with a suppression exactly as the compiler's SARIF log shows one that the package's
    /// <c>BaselineSuppressor</c> suppressed (Roslyn's SarifV2ErrorLogger: kind <c>inSource</c>, the suppressor's id and
    /// justification in <c>properties.suppressionType</c>), so that code scanning shows the build's log and this one alike.
    /// </summary>
    private static void WriteBaselineSuppression(Utf8JsonWriter json, string ruleId)
    {
        json.WriteStartArray("suppressions");
        json.WriteStartObject();
        json.WriteString("kind", "inSource");
        json.WriteStartObject("properties");
        json.WriteString("suppressionType", "DiagnosticSuppressor { Suppression Id: " + BaselineMatch.SuppressionId(ruleId)
            + ", Suppression Justification: " + BaselineMatch.SuppressionJustification + " }");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
    }

    /// <summary>A relative path as a URI reference: each segment percent-encoded, forward slashes.</summary>
    private static string UriOf(string path)
        => Path.IsPathRooted(path)
            ? new Uri(path).AbsoluteUri
            : string.Join("/", path.Split('/').Select(Uri.EscapeDataString));

    private static string Fingerprint(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 16).ToLowerInvariant();

    public static string ToolVersion()
        => typeof(SarifReport).Assembly.GetName().Version is { } v ? v.Major + "." + v.Minor + "." + v.Build : "0.0.0";
}
