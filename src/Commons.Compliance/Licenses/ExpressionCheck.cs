// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Linq;
using Commons.Licensing;

namespace Commons.Compliance.Licenses;

/// <summary>What the rules need to know about a written SPDX expression (a header value, PackageLicenseExpression).</summary>
public sealed class ExpressionCheck
{
    private ExpressionCheck(string text, string? problem, IReadOnlyList<string> ids, string? corrected)
    {
        Text = text;
        Problem = problem;
        LicenseIds = ids;
        Corrected = corrected;
    }

    public string Text { get; }

    /// <summary>Null when the expression is valid, uses known ids only and no deprecated one; otherwise one sentence.</summary>
    public string? Problem { get; }

    public bool IsValid => Problem is null;

    /// <summary>Every licence id in the expression as written (canonical case when known, <c>+</c> removed).</summary>
    public IReadOnlyList<string> LicenseIds { get; }

    /// <summary>The expression with deprecated and misspelled ids replaced, when every problem had a replacement.</summary>
    public string? Corrected { get; }

    /// <summary>
    /// Parses with Commons.Licensing (SPDX 2.3 grammar, deprecated ids) and adds what a header or project property needs on
    /// top: ids written in the wrong case, and the closest catalogue id for an unknown one. Never throws.
    /// </summary>
    public static ExpressionCheck Check(string text, SpdxCatalog catalog)
    {
        var result = SpdxExpression.Parse(text);
        if (result.Expression is not { } expression)
        {
            return new ExpressionCheck(text, result.Error?.Message ?? "is not a valid SPDX expression", Array.Empty<string>(), result.Error?.Suggestion ?? result.Suggestion);
        }

        var ids = expression.LicenseIds().Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        var problems = new List<string>();
        var corrected = result.Normalized;
        foreach (var deprecated in result.DeprecatedIds)
        {
            problems.Add("uses the deprecated id '" + deprecated.Key + "' (use '" + deprecated.Value + "')");
        }

        foreach (var warning in result.Warnings.Where(w => w.IndexOf("operator", StringComparison.Ordinal) >= 0))
        {
            problems.Add(warning);
        }

        foreach (var unknown in result.UnknownIds)
        {
            var closest = Closest(unknown, catalog);
            problems.Add("uses the unknown licence id '" + unknown + "'" + (closest is null ? "" : " (did you mean '" + closest + "'?)"));
            corrected = closest is null || corrected is null ? null : ReplaceToken(corrected, unknown, closest);
        }

        // SPDX matches ids ignoring case, NuGet does not: 'mit' is non-standard for NuGet, so say so.
        var written = Tokens(text);
        var canonical = Tokens(result.Normalized ?? "");
        if (problems.Count == 0 && written.Length == canonical.Length)
        {
            for (var i = 0; i < written.Length; i++)
            {
                if (written[i] != canonical[i] && string.Equals(written[i], canonical[i], StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add("writes '" + written[i] + "' for '" + canonical[i] + "'");
                }
            }
        }

        return problems.Count == 0
            ? new ExpressionCheck(text, null, ids, null)
            : new ExpressionCheck(text, string.Join("; ", problems.Distinct()), ids, corrected);
    }

    private static string[] Tokens(string expression) => expression.Split(new[] { ' ', '(', ')' }, StringSplitOptions.RemoveEmptyEntries);

    private static string ReplaceToken(string expression, string token, string replacement)
        => string.Join(" ", expression.Split(' ').Select(t => t.Trim('(', ')') == token ? t.Replace(token, replacement) : t));

    /// <summary>The non-deprecated catalogue id within two edits, for typos such as Apache2.0 or MTI.</summary>
    private static string? Closest(string id, SpdxCatalog catalog)
    {
        string? best = null;
        var bestDistance = 3;
        foreach (var license in catalog.Licenses)
        {
            if (license.IsDeprecated || Math.Abs(license.Id.Length - id.Length) >= bestDistance)
            {
                continue;
            }

            var distance = Distance(id.ToUpperInvariant(), license.Id.ToUpperInvariant(), bestDistance);
            if (distance < bestDistance)
            {
                best = license.Id;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>
    /// Edit distance with adjacent transpositions counting as one edit (MTI → MIT), giving up (returning
    /// <paramref name="limit"/>) once it cannot be below it.
    /// </summary>
    private static int Distance(string a, string b, int limit)
    {
        var beforePrevious = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], beforePrevious[j - 2] + 1);
                }

                rowMin = Math.Min(rowMin, current[j]);
            }

            if (rowMin >= limit)
            {
                return limit;
            }

            (beforePrevious, previous, current) = (previous, current, beforePrevious);
        }

        return previous[b.Length];
    }
}
