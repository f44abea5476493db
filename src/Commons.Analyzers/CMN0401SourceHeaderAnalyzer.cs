// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Immutable;
using Commons.Compliance.Headers;
using Commons.Compliance.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Commons.Analyzers;

/// <summary>
/// CMN04xx: SPDX headers of source files (REUSE). A syntax-tree action, so these are live squiggles in the IDE;
/// generated code is skipped. Reads only the leading comments of each file.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CMN0401SourceHeaderAnalyzer : DiagnosticAnalyzer
{
    private const int HeaderWindow = 4096;

    private static readonly ImmutableArray<DiagnosticDescriptor> Family = DiagnosticCatalog.Family("CMN04");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Family;

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            var inputs = ProjectInputs.Get(start.Compilation, start.Options, start.TryGetValue, start.TryGetValue, start.CancellationToken);
            if (!inputs.ShouldReport || !inputs.Headers.IsEnabled)
            {
                return;
            }

            var headers = inputs.Headers;
            var baseline = inputs.Baseline;
            var fixProperties = ImmutableDictionary<string, string?>.Empty
                .Add(FixProperties.License, headers.SuggestedLicense)
                .Add(FixProperties.Holder, headers.SuggestedHolder);
            start.RegisterSyntaxTreeAction(tree =>
            {
                var text = HeaderText(tree.Tree.GetText(tree.CancellationToken));
                foreach (var finding in headers.Evaluate(tree.Tree.FilePath, text))
                {
                    var properties = finding.RuleId == RuleIds.InvalidSpdxHeaderExpression
                        ? fixProperties.Add(FixProperties.Replacement, headers.Correction(finding.Arguments[0]))
                        : fixProperties;
                    tree.ReportDiagnostic(FindingReporter.ToDiagnostic(finding, gate: false, baseline.IsRecorded(finding), tree.Tree, properties));
                }
            });
        });
    }

    /// <summary>
    /// The start of the file, enough for its leading comments: the first <see cref="HeaderWindow"/> characters, or, when
    /// those comments run past them, as much as can hold tags (<see cref="SpdxHeaderParser.MaxHeaderLength"/>): a large
    /// file is never copied into a string for its header, and a comment of any length is read within that bound.
    /// </summary>
    internal static string HeaderText(SourceText source)
    {
        if (source.Length <= HeaderWindow)
        {
            return source.ToString();
        }

        var window = source.ToString(new TextSpan(0, HeaderWindow));
        return SpdxHeaderParser.Parse(window).CommentEnd >= HeaderWindow - 2
            ? source.ToString(new TextSpan(0, Math.Min(source.Length, SpdxHeaderParser.MaxHeaderLength)))
            : window;
    }
}

/// <summary>What the header analyzer hands to the code fixes in <see cref="Diagnostic.Properties"/>.</summary>
public static class FixProperties
{
    /// <summary>The licence expression a new header states (absent when the project's licence is unknown).</summary>
    public const string License = "License";

    /// <summary>The copyright holder a new header names (absent when unknown).</summary>
    public const string Holder = "Holder";

    /// <summary>For CMN0402: the corrected expression (absent when there is none).</summary>
    public const string Replacement = "Replacement";
}
