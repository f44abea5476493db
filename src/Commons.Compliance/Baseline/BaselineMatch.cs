// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Linq;
using Commons.Compliance.Facts;
using Commons.Compliance.Input;
using Commons.Compliance.Rules;

namespace Commons.Compliance.Baseline;

/// <summary>
/// Which of one project's findings the baseline records, and which of its entries match nothing any more: decided here, once, so
/// that the analyzer (which reports a recorded finding as suppressed) and <c>commons check</c> (which keeps it out of the count
/// and writes it to SARIF as suppressed) cannot disagree. An entry belongs to one project; only that project's compilation judges
/// it, so a stale entry is reported once, however many projects the repository has.
/// </summary>
public sealed class BaselineMatch
{
    /// <summary>
    /// Why a recorded finding is suppressed, as the build's SARIF shows it (a <c>DiagnosticSuppressor</c>'s justification) and as
    /// <c>commons check --format sarif</c> writes it, so that code scanning shows both alike.
    /// </summary>
    public const string SuppressionJustification = "Recorded in the repository's baseline (commons.baseline.json): reviewed, not new";

    private readonly HashSet<string> keys;
    private readonly IReadOnlyList<BaselineEntry> entries;

    private BaselineMatch(ComplianceInput input, string root, string project, IReadOnlyList<BaselineEntry> entries)
    {
        Input = input;
        Root = root;
        Project = project;
        this.entries = entries;
        keys = new HashSet<string>(entries.Select(e => e.Key), StringComparer.Ordinal);
    }

    public ComplianceInput Input { get; }

    /// <summary>The folder the baseline's paths are relative to: the repository root (else the baseline file's folder).</summary>
    public string Root { get; }

    /// <summary>This project, as the baseline names it (its file relative to <see cref="Root"/>).</summary>
    public string Project { get; }

    /// <summary>True when the baseline file was read and has entries for this project.</summary>
    public bool HasEntries => entries.Count > 0;

    /// <summary>
    /// The match for one project: its entries in the baseline, or none when there is no baseline (or it could not be read: then
    /// nothing is suppressed, and the CMN0902 finding says why).
    /// </summary>
    public static BaselineMatch For(ComplianceInput input) => For(input, input.Baseline?.Path);

    /// <summary>
    /// The match for one project against the baseline at <paramref name="baselinePath"/>: what <c>commons baseline</c> uses to
    /// write entries under the keys the build will read them by.
    /// </summary>
    public static BaselineMatch For(ComplianceInput input, string? baselinePath)
    {
        var root = RootOf(input, baselinePath);
        var project = ProjectOf(input, root);
        var entries = input.Baseline is { } baseline && root is not null
            ? baseline.Findings.Where(e => string.Equals(e.Project, project, StringComparison.OrdinalIgnoreCase)).ToArray()
            : Array.Empty<BaselineEntry>();
        return new BaselineMatch(input, root ?? "", project, entries);
    }

    /// <summary>The entry a finding would be recorded as, or null for a rule that is never recorded (09xx: the tool's own trouble).</summary>
    public BaselineEntry? EntryOf(Finding finding)
    {
        var rule = RuleCatalog.Get(finding.RuleId);
        if (!rule.IsBaselined)
        {
            return null;
        }

        var file = finding.Location is { } location ? FileKey(location.Path) : "";
        return new BaselineEntry(Project, finding.RuleId, file, rule.SubjectOf(finding.Arguments));
    }

    /// <summary>
    /// A file as an entry names it: relative to the root; a file outside the repository (the SDK's props that declare an implicit
    /// package, a file above the root) by its name alone, since its folder differs from one machine to the next.
    /// </summary>
    private string FileKey(string path)
    {
        var relative = Relative(Root, path);
        if (Root.Length == 0 || !string.Equals(relative, path.Replace('\\', '/'), StringComparison.Ordinal))
        {
            return relative;
        }

        return relative.Substring(relative.LastIndexOf('/') + 1);
    }

    /// <summary>Whether the baseline records this finding: then it is reported as suppressed.</summary>
    public bool IsRecorded(Finding finding) => keys.Count > 0 && EntryOf(finding) is { } entry && keys.Contains(entry.Key);

    /// <summary>
    /// CMN0905 for each of this project's entries that none of its findings matches: <paramref name="findings"/> must be every finding
    /// the project raises (its project-level findings, and the header findings of the source files the entries name).
    /// </summary>
    public IReadOnlyList<Finding> StaleEntries(IEnumerable<Finding> findings)
    {
        if (entries.Count == 0)
        {
            return Array.Empty<Finding>();
        }

        // Rules that could not run match nothing, yet their entries are not stale: without facts no project-level rule ran,
        // without the assets file no dependency rule did (CMN0901 / CMN0902 say why). Those entries wait for a run that can judge them.
        if (Input.Facts is not { } facts)
        {
            return Array.Empty<Finding>();
        }

        var dependenciesRead = !facts.Problems.Any(p => p.Kind is CollectionProblemKind.AssetsFileMissing or CollectionProblemKind.AssetsFileUnreadable);
        var raised = new HashSet<string>(findings.Select(EntryOf).OfType<BaselineEntry>().Select(e => e.Key), StringComparer.Ordinal);
        var path = Input.Baseline!.Path;
        var text = Input.FileOfKind(TextFileKinds.Baseline)?.Text;
        var stale = new List<Finding>();
        foreach (var entry in entries.Where(e => !raised.Contains(e.Key) && (dependenciesRead || !e.Rule.StartsWith("CMN01", StringComparison.Ordinal))))
        {
            var line = Math.Max(1, entry.Line);
            var location = text is null ? new FindingLocation(path, line, 1, line, 1) : FindingLocation.OfLine(path, text, line);
            var subject = entry.Subject.Length == 0 ? "" : " for '" + entry.Subject + "'";
            stale.Add(new Finding(RuleIds.StaleBaselineEntry, new[] { entry.Rule, entry.File, subject, entry.Project }, location));
        }

        return stale;
    }

    /// <summary>The source files (relative to <see cref="Root"/>) that this project's entries of a per-file rule name.</summary>
    public IEnumerable<string> EntryFiles(Func<string, bool> ruleFilter)
        => entries.Where(e => ruleFilter(e.Rule)).Select(e => e.File).Distinct(StringComparer.OrdinalIgnoreCase);

    /// <summary>The id of the suppression that hides a recorded finding of a rule: <c>CMNB</c> and the rule's number.</summary>
    public static string SuppressionId(string ruleId) => "CMNB" + ruleId.Substring(3);

    /// <summary>A path relative to the root, with forward slashes; the path itself (slashes turned) when it is outside the root.</summary>
    public static string Relative(string root, string path)
        => root.Length > 0 && FolderPath.RelativeBelow(root, path) is { } relative ? relative : path.Replace('\\', '/');

    /// <summary>The repository root as the build hands it (<c>CommonsRepositoryRoot</c>), else as the collection found it, else the baseline's folder.</summary>
    private static string? RootOf(ComplianceInput input, string? baselinePath)
    {
        if ((input.Properties.Get(PropertyNames.RepositoryRoot) ?? input.Facts?.RepositoryRoot) is { Length: > 0 } root)
        {
            return root;
        }

        var baseline = baselinePath?.Replace('\\', '/');
        var slash = baseline?.LastIndexOf('/') ?? -1;
        return slash > 0 ? baseline!.Substring(0, slash) : null;
    }

    private static string ProjectOf(ComplianceInput input, string? root)
    {
        var path = input.Properties.Get(PropertyNames.ProjectFullPath) ?? input.Facts?.ProjectPath ?? "";
        return root is null ? path.Replace('\\', '/') : Relative(root, path);
    }
}
