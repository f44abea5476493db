// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using Commons.Compliance.Facts;
using Commons.Compliance.Input;

namespace Commons.Compliance.Rules;

/// <summary>09xx: the tool's own trouble, so that a rule that could not run never passes silently.</summary>
internal static class ToolRules
{
    public const string NoFactsFile = "no facts file among the AdditionalFiles (the Commons.Analyzers build targets did not run)";

    public static void Evaluate(RuleContext context)
    {
        var facts = context.Facts;
        if (facts is null)
        {
            context.Report(RuleIds.FactsMissing, null, context.Input.FactsError ?? NoFactsFile);
        }
        else
        {
            CheckStale(context, facts);
            foreach (var problem in facts.Problems)
            {
                var location = problem.Location is { } l ? FindingLocation.At(l.File, context.TextOf(l.File), l.Line, l.Column) : null;
                // A file outside the repository (a private restore's assets file, a package's nuspec) is named, not pointed at.
                var file = problem.Location?.File is { } path && !context.IsInRepository(path) ? path.Substring(System.Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\')) + 1) : problem.Location?.File;
                context.Report(RuleIds.InputUnreadable, location, file ?? problem.Kind.ToString(), problem.Message);
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
            context.Report(RuleIds.InputUnreadable, context.PropertyLocation(PropertyNames.PolicyFile), "The policy file '" + configured + "'",
                "it is not among the AdditionalFiles (missing file?)");
        }
    }

    private static void CheckStale(RuleContext context, ProjectFacts facts)
    {
        var project = context.Properties.Get(PropertyNames.ProjectFullPath);
        if (project is not null && facts.ProjectPath.Length > 0 && !RuleContext.SamePath(project, facts.ProjectPath))
        {
            context.Report(RuleIds.FactsStale, null, facts.ProjectPath, project);
            return;
        }

        var tfm = context.Properties.Get(PropertyNames.TargetFramework);
        if (tfm is not null && facts.TargetFramework is { } collected && collected != tfm)
        {
            context.Report(RuleIds.FactsStale, null, facts.ProjectPath + " (" + collected + ")", (project ?? context.ProjectName) + " (" + tfm + ")");
        }
    }
}
