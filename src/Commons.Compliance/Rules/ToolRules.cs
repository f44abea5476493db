// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Linq;
using Commons.Compliance.Facts;
using Commons.Compliance.Input;
using Commons.Licensing;

namespace Commons.Compliance.Rules;

/// <summary>09xx: the tool's own trouble, so that a rule that could not run never passes silently.</summary>
internal static class ToolRules
{
    public const string NoFactsFile = "no facts file among the AdditionalFiles (the Commons.Analyzers build targets did not run)";

    public static void Evaluate(RuleContext context)
    {
        foreach (var name in context.Properties.List(PropertyNames.Policy).Where(n => !LicensePolicy.TryGetPreset(n, out _)))
        {
            context.Report(RuleIds.InputUnreadable, context.PropertyLocation(PropertyNames.Policy), "CommonsPolicy",
                "'" + name + "' is not a preset (" + string.Join(", ", LicensePolicy.PresetNames) + ")");
        }

        var facts = context.Facts;
        if (facts is null)
        {
            context.Report(RuleIds.FactsMissing, context.ProjectStart(), context.Input.FactsError ?? NoFactsFile);
        }
        else
        {
            CheckStale(context, facts);
            foreach (var problem in facts.Problems.Where(p => p.Kind != CollectionProblemKind.PolicyFileUnreadable))
            {
                var location = problem.Location is { } l ? FindingLocation.At(l.File, context.TextOf(l.File), l.Line, l.Column) : context.ProjectStart();
                // A file outside the repository (a private restore's assets file, a package's nuspec) is named, not pointed at.
                var file = problem.Location?.File is { } path && !context.IsInRepository(path) ? FolderPath.FileName(path) : problem.Location?.File;
                context.Report(RuleIds.InputUnreadable, location, file ?? problem.Kind.ToString(), problem.Message);
            }
        }

        if (context.Input.Baseline is { } baseline)
        {
            var text = context.TextOf(baseline.Path);
            foreach (var error in baseline.Errors)
            {
                var line = Math.Max(1, error.Line);
                var location = text is null ? new FindingLocation(baseline.Path, line, 1, line, 1) : FindingLocation.OfLine(baseline.Path, text, line);
                context.Report(RuleIds.InputUnreadable, location, "The baseline file", "line " + line + ": " + error.Message);
            }
        }

        if (!context.Properties.IsFalse(PropertyNames.SpdxHeaders))
        {
            // The header rules judge each file with these: one that cannot be used would leave its files judged by their headers alone, in silence.
            var reuse = context.Input.ReuseLicensing;
            foreach (var problem in reuse.Problems)
            {
                var text = problem.Line > 0 ? context.TextOf(problem.Path) : null;
                var location = text is null ? new FindingLocation(problem.Path, 1, 1, 1, 1) : FindingLocation.OfLine(problem.Path, text, problem.Line);
                context.Report(RuleIds.InputUnreadable, location, "'" + reuse.NameOf(problem.Path) + "' (REUSE licensing of the source files)", problem.Message);
            }
        }

        if (context.Input.Policy is { } policy)
        {
            var text = context.TextOf(policy.Path);
            foreach (var error in policy.Errors)
            {
                var location = text is null ? new FindingLocation(policy.Path, error.Line, 1, error.Line, 1) : FindingLocation.OfLine(policy.Path, text, error.Line);
                context.Report(RuleIds.InputUnreadable, location, "The policy file", "line " + error.Line + ": " + error.Message);
            }
        }
        else if (context.Properties.Get(PropertyNames.PolicyFile) is { } configured)
        {
            // Why the targets did not hand it on, as the collection found it (a folder, a pipe, binary …).
            var why = facts?.Problems.FirstOrDefault(p => p.Kind == CollectionProblemKind.PolicyFileUnreadable)?.Message
                ?? "it is not among the AdditionalFiles (missing file?)";
            context.Report(RuleIds.InputUnreadable, context.PropertyLocation(PropertyNames.PolicyFile), "The policy file '" + configured + "'", why);
        }
    }

    private static void CheckStale(RuleContext context, ProjectFacts facts)
    {
        var project = context.Properties.Get(PropertyNames.ProjectFullPath);
        if (project is not null && facts.ProjectPath.Length > 0 && !RuleContext.SamePath(project, facts.ProjectPath))
        {
            context.Report(RuleIds.FactsStale, context.ProjectStart(), facts.ProjectPath, project);
            return;
        }

        var tfm = context.Properties.Get(PropertyNames.TargetFramework);
        if (tfm is not null && facts.TargetFramework is { } collected && collected != tfm)
        {
            context.Report(RuleIds.FactsStale, context.ProjectStart(), facts.ProjectPath + " (" + collected + ")", (project ?? context.ProjectName) + " (" + tfm + ")");
        }
    }
}
