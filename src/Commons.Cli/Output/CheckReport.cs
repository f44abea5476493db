// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Commons.Cli.Projects;
using Commons.Compliance.Input;
using Commons.Compliance.Rules;

namespace Commons.Cli.Output;

/// <summary>A finding as the tool reports it: with its effective severity and the projects that raised it.</summary>
internal sealed class ReportedFinding
{
    public ReportedFinding(Finding finding, RuleSeverity severity, string? relativePath, bool suppressed = false)
    {
        Finding = finding;
        Severity = severity;
        RelativePath = relativePath;
        Suppressed = suppressed;
    }

    public Finding Finding { get; }

    public RuleDescriptor Rule => RuleCatalog.Get(Finding.RuleId);

    public RuleSeverity Severity { get; }

    /// <summary>The location's path relative to the report's root, with forward slashes; null for a file-less finding.</summary>
    public string? RelativePath { get; }

    public List<string> Projects { get; } = new();

    /// <summary>Recorded in the baseline: not counted, not printed; in SARIF with a <c>suppressions</c> entry, as the build writes it.</summary>
    public bool Suppressed { get; }

    /// <summary><c>path(line,col)</c>, or "(project)" for a file-less finding.</summary>
    public string Where => Finding.Location is { } l
        ? RelativePath + "(" + l.Line + "," + l.Column + ")"
        : Projects.Count == 1 ? "(" + Projects[0] + ")" : "(" + Projects.Count + " projects)";

    public static string SeverityName(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Error => "error",
        RuleSeverity.Warning => "warning",
        RuleSeverity.Info => "note",
        _ => "hidden",
    };
}

/// <summary>Every finding of a run, once each, ordered by rule then place; shared by every output format.</summary>
internal sealed class CheckReport
{
    private CheckReport(string root, IReadOnlyList<string> projects, IReadOnlyList<ReportedFinding> findings, IReadOnlyList<ReportedFinding> suppressed, int notChecked)
    {
        Root = root;
        Projects = projects;
        Findings = findings;
        Suppressed = suppressed;
        NotChecked = notChecked;
    }

    /// <summary>How many of <see cref="Projects"/> could not be evaluated or restored (each a CMN0904 finding).</summary>
    public int NotChecked { get; }

    /// <summary>The folder paths are reported against: the repository root when known, else the checked folder.</summary>
    public string Root { get; }

    /// <summary>The checked projects, relative to <see cref="Root"/>.</summary>
    public IReadOnlyList<string> Projects { get; }

    /// <summary>The findings reported: what the build would print.</summary>
    public IReadOnlyList<ReportedFinding> Findings { get; }

    /// <summary>The findings the baseline records: the build reports them as suppressed.</summary>
    public IReadOnlyList<ReportedFinding> Suppressed { get; }

    public int Count(RuleSeverity severity) => Findings.Count(f => f.Severity == severity);

    public IEnumerable<IGrouping<string, ReportedFinding>> ByRule() => Findings.GroupBy(f => f.Finding.RuleId);

    public static CheckReport From(IReadOnlyList<AnalyzedProject> projects, string fallbackRoot)
    {
        var root = projects.Select(p => p.Facts.RepositoryRoot).FirstOrDefault(r => r is not null) ?? fallbackRoot;
        var byKey = new Dictionary<string, ReportedFinding>(StringComparer.Ordinal);
        foreach (var project in projects)
        {
            var projectName = Relative(root, project.Project.FullPath);
            foreach (var finding in project.Findings)
            {
                // As the build would report it: the project's analyzer configuration, NoWarn, WarningsAsErrors, the gate …
                if (project.SeverityOf(finding) is not { } severity || severity == RuleSeverity.Hidden)
                {
                    continue;
                }

                // A repository-wide finding is raised by every project (as the analyzer does per project): report it once. One
                // recorded in the baseline for some projects and not others is both suppressed and reported, as the build has it.
                var relative = finding.Location is { } l ? Relative(root, l.Path) : null;
                var suppressed = project.IsRecorded(finding);
                var key = finding.RuleId + "\n" + finding.Message + "\n" + relative + "\n" + finding.Location + "\n" + suppressed;
                if (!byKey.TryGetValue(key, out var reported))
                {
                    reported = new ReportedFinding(finding, severity, relative, suppressed);
                    byKey.Add(key, reported);
                }
                else if (severity > reported.Severity)
                {
                    var stronger = new ReportedFinding(finding, severity, relative, suppressed);
                    stronger.Projects.AddRange(reported.Projects);
                    byKey[key] = reported = stronger;
                }

                if (!reported.Projects.Contains(projectName))
                {
                    reported.Projects.Add(projectName);
                }
            }
        }

        var ordered = byKey.Values
            .OrderBy(f => f.Finding.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.RelativePath ?? "", StringComparer.Ordinal)
            .ThenBy(f => f.Finding.Location?.Line ?? 0)
            .ThenBy(f => f.Finding.Location?.Column ?? 0)
            .ThenBy(f => f.Finding.Message, StringComparer.Ordinal)
            .ToArray();
        return new CheckReport(root, projects.Select(p => Relative(root, p.Project.FullPath)).ToArray(),
            ordered.Where(f => !f.Suppressed).ToArray(), ordered.Where(f => f.Suppressed).ToArray(), projects.Count(p => p.IsNotChecked));
    }

    public static string Relative(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path);
        return (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative).Replace('\\', '/');
    }
}
