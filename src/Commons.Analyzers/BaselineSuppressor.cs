// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Commons.Compliance.Baseline;
using Commons.Compliance.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Commons.Analyzers;

/// <summary>
/// Suppresses the findings that the repository's baseline records (<c>commons.baseline.json</c>): the analyzer marks them
/// (<see cref="FindingReporter.RecordedProperty"/>, decided by Commons.Compliance's <see cref="BaselineMatch"/>), this suppressor
/// suppresses what is marked. The compiler then neither prints nor counts them (a gated error included: Roslyn lets a suppressor
/// suppress any diagnostic whose descriptor's default severity is below error), and its SARIF log keeps them with a
/// <c>suppressions</c> entry naming this suppressor and its justification, which code scanning shows as suppressed.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BaselineSuppressor : DiagnosticSuppressor
{
    private static readonly Dictionary<string, SuppressionDescriptor> ByRule = RuleCatalog.All
        .Where(r => r.IsBaselined)
        .ToDictionary(r => r.Id, r => new SuppressionDescriptor(BaselineMatch.SuppressionId(r.Id), r.Id, BaselineMatch.SuppressionJustification));

    public override ImmutableArray<SuppressionDescriptor> SupportedSuppressions { get; } = ByRule.Values.OrderBy(d => d.Id, System.StringComparer.Ordinal).ToImmutableArray();

    public override void ReportSuppressions(SuppressionAnalysisContext context)
    {
        foreach (var diagnostic in context.ReportedDiagnostics)
        {
            if (diagnostic.Properties.ContainsKey(FindingReporter.RecordedProperty) && ByRule.TryGetValue(diagnostic.Id, out var descriptor))
            {
                context.ReportSuppression(Suppression.Create(descriptor, diagnostic));
            }
        }
    }
}
