// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Commons.Compliance.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace Commons.Analyzers.CodeFixes;

/// <summary>CMN0402: replaces a deprecated or misspelled SPDX id in a header with the analyzer's correction.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CMN0402ReplaceSpdxIdCodeFixProvider))]
[Shared]
public sealed class CMN0402ReplaceSpdxIdCodeFixProvider : CodeFixProvider
{
    public const string EquivalenceKey = "CommonsReplaceSpdxId";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.InvalidSpdxHeaderExpression);

    public override FixAllProvider GetFixAllProvider()
        => FixAllProvider.Create(async (context, document, diagnostics) =>
        {
            var text = await document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
            var changes = diagnostics.Select(Change).Where(c => c is not null).Select(c => c!.Value).ToArray();
            return changes.Length == 0 ? document : document.WithText(text.WithChanges(changes));
        });

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (Change(diagnostic) is { } change)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Replace with '" + change.NewText + "'", ct => ReplaceAsync(context.Document, change, ct), EquivalenceKey),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }

    private static TextChange? Change(Diagnostic diagnostic)
        => diagnostic.Properties.TryGetValue(FixProperties.Replacement, out var replacement) && !string.IsNullOrEmpty(replacement)
            ? new TextChange(diagnostic.Location.SourceSpan, replacement!)
            : null;

    private static async Task<Document> ReplaceAsync(Document document, TextChange change, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return document.WithText(text.WithChanges(change));
    }
}
