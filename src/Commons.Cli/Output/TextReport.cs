// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.IO;
using System.Linq;
using Commons.Compliance.Input;
using Commons.Compliance.Rules;
using Spectre.Console;

namespace Commons.Cli.Output;

/// <summary><c>--format text</c>: one table per rule (title, severity, count), each finding's place and message.</summary>
internal static class TextReport
{
    public static void Write(CheckReport report, TextWriter writer, bool interactive)
    {
        var console = Consoles.For(writer, interactive);
        console.WriteLine(report.NotChecked == 0
            ? "Checked " + report.Projects.Count + " project(s) under " + Printable.Escape(report.Root)
            : "Checked " + (report.Projects.Count - report.NotChecked) + " of " + report.Projects.Count + " project(s) under " + Printable.Escape(report.Root)
              + " (" + report.NotChecked + " could not be restored or evaluated: CMN0904)");
        foreach (var group in report.ByRule())
        {
            var first = group.First();
            var table = new Table().Border(TableBorder.Rounded).Expand();
            table.Title = new TableTitle(
                first.Finding.RuleId + "  " + ReportedFinding.SeverityName(first.Severity) + "  " + first.Rule.Title + "  (" + group.Count() + ")",
                new Style(Colour(first.Severity), decoration: Decoration.Bold));
            table.AddColumn(new TableColumn("Where").NoWrap());
            table.AddColumn("Message");
            foreach (var finding in group)
            {
                // Text, not Markup: messages quote file contents and must never be read as markup. Messages are escaped
                // (Finding); a path is a file name of the repository and may hold control characters too.
                table.AddRow(new Text(Printable.Escape(finding.Where)), new Text(finding.Finding.Message));
            }

            console.Write(table);
            console.WriteLine(first.Rule.HelpLink, new Style(Color.Grey));
        }

        console.WriteLine(Summary(report), new Style(report.Findings.Count == 0 ? Color.Green : Colour(report.Findings.Max(f => f.Severity)), decoration: Decoration.Bold));
    }

    public static string Summary(CheckReport report)
        => (report.Findings.Count == 0
            ? "No findings."
            : report.Count(RuleSeverity.Error) + " error(s), " + report.Count(RuleSeverity.Warning) + " warning(s), "
              + report.Count(RuleSeverity.Info) + " note(s) from " + report.ByRule().Count() + " rule(s).")
            + (report.Suppressed.Count == 0 ? "" : " " + report.Suppressed.Count + " finding(s) recorded in the baseline are not shown.");

    private static Color Colour(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => Color.Red,
        RuleSeverity.Warning => Color.Yellow,
        _ => Color.Blue,
    };
}

/// <summary>Spectre consoles over the tool's writers: colours only on a terminal, a fixed width otherwise.</summary>
internal static class Consoles
{
    public static IAnsiConsole For(TextWriter writer, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!interactive)
        {
            console.Profile.Width = 140;
        }

        return console;
    }
}
