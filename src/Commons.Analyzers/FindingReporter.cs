// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Immutable;
using System.Linq;
using Commons.Compliance.Baseline;
using Commons.Compliance.Input;
using Commons.Compliance.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Commons.Analyzers;

/// <summary>Turns Commons.Compliance findings into Roslyn diagnostics.</summary>
internal static class FindingReporter
{
    /// <summary>The property that marks a finding the baseline records: <see cref="BaselineSuppressor"/> reports it as suppressed.</summary>
    public const string RecordedProperty = "CommonsBaseline";

    public static Diagnostic ToDiagnostic(Finding finding, bool gate, bool recorded = false, SyntaxTree? tree = null, ImmutableDictionary<string, string?>? properties = null)
    {
        var descriptor = DiagnosticCatalog.Get(finding.RuleId);
        if (recorded)
        {
            properties = (properties ?? ImmutableDictionary<string, string?>.Empty).SetItem(RecordedProperty, BaselineFile.FileName);
        }

        var location = ToLocation(finding.Location, tree);
        var args = finding.Arguments.Cast<object?>().ToArray();
        // Only the gate passes an effective severity: the default one leaves .editorconfig / .globalconfig in charge.
        return gate && RuleCatalog.IsGated(finding.RuleId)
            ? Diagnostic.Create(descriptor, location, DiagnosticSeverity.Error, additionalLocations: null, properties, args)
            : Diagnostic.Create(descriptor, location, properties, args);
    }

    /// <summary>
    /// A location in a syntax tree, or in an additional or project file by path and span (DeclarePublicApiAnalyzer's way);
    /// <see cref="Location.None"/> only for a file-less finding.
    /// </summary>
    public static Location ToLocation(FindingLocation? location, SyntaxTree? tree)
    {
        if (location is null)
        {
            return Location.None;
        }

        var span = location.Start >= 0 ? new TextSpan(location.Start, location.Length) : default;
        if (tree is not null && location.Start >= 0)
        {
            return Location.Create(tree, span);
        }

        // Lines and columns may come from a damaged facts file (a problem "at line -5"): Roslyn throws on a negative
        // position or an end before the start, which would be an analyzer crash (AD0001) instead of the finding.
        var start = new LinePosition(Math.Max(0, location.Line - 1), Math.Max(0, location.Column - 1));
        var end = new LinePosition(Math.Max(0, location.EndLine - 1), Math.Max(0, location.EndColumn - 1));
        var lineSpan = new LinePositionSpan(start, end < start ? start : end);
        return Location.Create(location.Path, span, lineSpan);
    }

    /// <summary>Reports, at compilation end, the project-level findings of one rule family.</summary>
    public static void ReportFamily(Microsoft.CodeAnalysis.Diagnostics.CompilationAnalysisContext context, ProjectInputs inputs, ImmutableArray<DiagnosticDescriptor> family)
    {
        if (!inputs.ShouldReport)
        {
            return;
        }

        var baseline = inputs.Baseline;
        foreach (var finding in inputs.Findings)
        {
            if (family.Any(d => d.Id == finding.RuleId))
            {
                context.ReportDiagnostic(ToDiagnostic(finding, inputs.Gate, baseline.IsRecorded(finding)));
            }
        }

        // The baseline's stale entries are the tool's own business (09xx), reported by that family once per project.
        if (family.Any(d => d.Id == RuleIds.StaleBaselineEntry))
        {
            foreach (var finding in inputs.StaleBaselineEntries(context.Compilation, context.CancellationToken))
            {
                context.ReportDiagnostic(ToDiagnostic(finding, inputs.Gate));
            }
        }
    }
}
