// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Commons.Compliance.Headers;
using Commons.Compliance.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace Commons.Analyzers.CodeFixes;

/// <summary>
/// CMN0401 / CMN0404: adds the missing SPDX lines at the top of the file, in the file's comment style, with the
/// project's licence and copyright holder that the analyzer passed in the diagnostic's properties.
/// One action per document fixes both rules, so Fix All (document, project, solution) writes each header once.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CMN0401AddSpdxHeaderCodeFixProvider))]
[Shared]
public sealed class CMN0401AddSpdxHeaderCodeFixProvider : CodeFixProvider
{
    public const string EquivalenceKey = "CommonsAddSpdxHeader";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIds.NoSpdxLicenseIdentifier, RuleIds.NoSpdxFileCopyrightText);

    public override FixAllProvider GetFixAllProvider()
        => FixAllProvider.Create(async (context, document, diagnostics) =>
            diagnostics.IsEmpty ? document : await AddHeaderAsync(document, diagnostics[0], context.CancellationToken).ConfigureAwait(false));

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var diagnostic = context.Diagnostics[0];
        if (Lines(diagnostic, HeaderCommentStyle.LineComment, needLicense: true, needCopyright: true) is null)
        {
            // The project's licence or holder is unknown: nothing sensible to write.
            return Task.CompletedTask;
        }

        context.RegisterCodeFix(
            CodeAction.Create("Add SPDX header", ct => AddHeaderAsync(context.Document, diagnostic, ct), EquivalenceKey),
            context.Diagnostics);
        return Task.CompletedTask;
    }

    private static async Task<Document> AddHeaderAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var content = text.ToString();
        var header = SpdxHeaderParser.Parse(content);
        var lines = Lines(diagnostic, header.Style, header.Licenses.Count == 0, header.Copyrights.Count == 0);
        if (lines is null || lines.Count == 0)
        {
            return document;
        }

        var newLine = content.Contains("\r\n") ? "\r\n" : "\n";
        var block = new StringBuilder();
        if (header.Style == HeaderCommentStyle.BlockComment)
        {
            block.Append("/*").Append(newLine);
            foreach (var line in lines)
            {
                block.Append(" * ").Append(line).Append(newLine);
            }

            block.Append(" */").Append(newLine);
        }
        else
        {
            foreach (var line in lines)
            {
                block.Append("// ").Append(line).Append(newLine);
            }
        }

        // A file with no comment gets a blank line between the header and the code.
        if (header.Style == HeaderCommentStyle.None)
        {
            block.Append(newLine);
        }

        var insertAt = header.Style == HeaderCommentStyle.None ? (content.Length > 0 && content[0] == '\uFEFF' ? 1 : 0) : header.CommentStart;
        return document.WithText(text.WithChanges(new TextChange(new TextSpan(insertAt, 0), block.ToString())));
    }

    /// <summary>The header lines to add, or null when a needed value is unknown.</summary>
    private static List<string>? Lines(Diagnostic diagnostic, HeaderCommentStyle style, bool needLicense, bool needCopyright)
    {
        diagnostic.Properties.TryGetValue(FixProperties.License, out var license);
        diagnostic.Properties.TryGetValue(FixProperties.Holder, out var holder);
        if ((needLicense && string.IsNullOrEmpty(license)) || (needCopyright && string.IsNullOrEmpty(holder)))
        {
            return null;
        }

        var lines = new List<string>();
        if (needLicense)
        {
            lines.Add(SpdxHeaderParser.LicenseTag + " " + license);
        }

        if (needCopyright)
        {
            lines.Add(SpdxHeaderParser.CopyrightTag + " " + holder);
        }

        return lines;
    }
}
