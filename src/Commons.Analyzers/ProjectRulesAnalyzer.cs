// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Commons.Analyzers;

/// <summary>
/// The shape shared by every project-level rule family: read the inputs once per compilation, report the family's findings
/// at compilation end (these diagnostics carry the <c>CompilationEnd</c> tag: build and full-solution analysis only).
/// </summary>
public abstract class ProjectRulesAnalyzer : DiagnosticAnalyzer
{
    private readonly ImmutableArray<DiagnosticDescriptor> family;

    protected ProjectRulesAnalyzer(string idPrefix)
    {
        family = DiagnosticCatalog.Family(idPrefix);
    }

    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => family;

    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        // A compilation action runs at compilation end (RS1013 prefers it to a start/end pair that registers nothing else).
        context.RegisterCompilationAction(end =>
        {
            var inputs = ProjectInputs.Get(end.Compilation, end.Options, end.TryGetValue, end.TryGetValue, end.CancellationToken);
            FindingReporter.ReportFamily(end, inputs, family);
        });
    }
}
