// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.IO;
using System.Linq;

namespace Commons.Cli.Output;

/// <summary><c>--format markdown</c>: a pull-request comment: a summary line, then one table per rule.</summary>
internal static class MarkdownReport
{
    public static void Write(CheckReport report, TextWriter output)
    {
        output.WriteLine("### Commons check");
        output.WriteLine();
        output.WriteLine((report.Findings.Count == 0 ? ":white_check_mark: " : ":warning: ") + Markdown.Inline(TextReport.Summary(report)));
        foreach (var group in report.ByRule())
        {
            var first = group.First();
            output.WriteLine();
            output.WriteLine("#### [" + first.Finding.RuleId + "](" + first.Rule.HelpLink + ") " + Markdown.Inline(first.Rule.Title)
                + " (" + ReportedFinding.SeverityName(first.Severity) + ", " + group.Count() + ")");
            output.WriteLine();
            output.WriteLine("| Where | Message |");
            output.WriteLine("| --- | --- |");
            foreach (var finding in group)
            {
                output.WriteLine("| " + Markdown.Inline(finding.Where) + " | " + Markdown.Inline(finding.Finding.Message) + " |");
            }
        }
    }
}
