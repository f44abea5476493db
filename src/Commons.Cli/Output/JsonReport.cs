// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.IO;
using System.Text;
using System.Text.Json;
using Commons.Compliance.Rules;

namespace Commons.Cli.Output;

/// <summary>
/// <c>--format json</c>: <c>{"root", "projects": [...], "summary": {"errors", "warnings", "notes", "suppressed"},
/// "findings": [{"ruleId", "severity", "title", "message", "location"?: {"path", "line", "column", "endLine", "endColumn"}, "projects", "helpUri"}],
/// "suppressed": [the findings the baseline records, in the same shape]}</c>.
/// </summary>
internal static class JsonReport
{
    public static void Write(CheckReport report, TextWriter output)
    {
        output.Write(Json.Document(json =>
        {
            json.WriteStartObject();
            json.WriteString("root", report.Root);
            Json.WriteStrings(json, "projects", report.Projects);
            json.WriteStartObject("summary");
            json.WriteNumber("errors", report.Count(RuleSeverity.Error));
            json.WriteNumber("warnings", report.Count(RuleSeverity.Warning));
            json.WriteNumber("notes", report.Count(RuleSeverity.Info));
            json.WriteNumber("suppressed", report.Suppressed.Count);
            json.WriteEndObject();
            WriteFindings(json, "findings", report.Findings);
            WriteFindings(json, "suppressed", report.Suppressed);
            json.WriteEndObject();
        }));
    }

    private static void WriteFindings(Utf8JsonWriter json, string name, System.Collections.Generic.IEnumerable<ReportedFinding> findings)
    {
        json.WriteStartArray(name);
        foreach (var finding in findings)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", finding.Finding.RuleId);
            json.WriteString("severity", ReportedFinding.SeverityName(finding.Severity));
            json.WriteString("title", finding.Rule.Title);
            json.WriteString("message", finding.Finding.Message);
            if (finding.Finding.Location is { } l)
            {
                json.WriteStartObject("location");
                json.WriteString("path", finding.RelativePath);
                json.WriteNumber("line", l.Line);
                json.WriteNumber("column", l.Column);
                json.WriteNumber("endLine", l.EndLine);
                json.WriteNumber("endColumn", l.EndColumn);
                json.WriteEndObject();
            }

            Json.WriteStrings(json, "projects", finding.Projects);
            json.WriteString("helpUri", finding.Rule.HelpLink);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}

/// <summary>Small helpers over <see cref="Utf8JsonWriter"/> shared by the JSON outputs.</summary>
internal static class Json
{
    public static void WriteStrings(Utf8JsonWriter json, string name, System.Collections.Generic.IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    public static void WriteIfSet(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    /// <summary>Writes a document with the writer and returns its text, ending with a newline.</summary>
    public static string Document(System.Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
