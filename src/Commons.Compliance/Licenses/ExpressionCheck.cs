// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
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
    /// Checks the grammar of SPDX 2.3 Annex D (AND, OR, WITH, +, parentheses, LicenseRef-, DocumentRef-) and every id
    /// against the SPDX catalogue. Never throws.
    /// </summary>
    public static ExpressionCheck Check(string text, SpdxCatalog catalog)
    {
        var tokens = Tokenize(text);
        var reader = new Reader(tokens, catalog);
        string? grammar = null;
        if (tokens.Count == 0)
        {
            grammar = "is empty";
        }
        else
        {
            grammar = reader.Expression();
            if (grammar is null && reader.Position < tokens.Count)
            {
                grammar = "has '" + tokens[reader.Position] + "' where an operator (AND, OR, WITH) or the end was expected";
            }
        }

        if (grammar is not null)
        {
            return new ExpressionCheck(text, grammar, reader.Ids, null);
        }

        var problems = new List<string>();
        var corrected = new StringBuilder();
        var correctable = true;
        foreach (var token in tokens)
        {
            var replacement = token;
            if (reader.Replacements.TryGetValue(token, out var fix))
            {
                problems.Add(fix.Problem);
                correctable &= fix.Replacement is not null;
                replacement = fix.Replacement ?? token;
            }

            if (corrected.Length > 0 && token != ")" && corrected[corrected.Length - 1] != '(')
            {
                corrected.Append(' ');
            }

            corrected.Append(replacement);
        }

        return problems.Count == 0
            ? new ExpressionCheck(text, null, reader.Ids, null)
            : new ExpressionCheck(text, string.Join("; ", problems.Distinct()), reader.Ids, correctable ? corrected.ToString() : null);
    }

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '(' || c == ')')
            {
                if (current.Length > 0)
                {
                    tokens.Add(current.ToString());
                    current.Clear();
                }

                if (c == '(' || c == ')')
                {
                    tokens.Add(c.ToString());
                }
            }
            else
            {
                current.Append(c);
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }

    /// <summary>A recursive-descent reader; each method returns a problem sentence or null.</summary>
    private sealed class Reader
    {
        private readonly List<string> tokens;
        private readonly SpdxCatalog catalog;

        public Reader(List<string> tokens, SpdxCatalog catalog)
        {
            this.tokens = tokens;
            this.catalog = catalog;
        }

        public int Position { get; private set; }

        public List<string> Ids { get; } = new();

        public Dictionary<string, (string Problem, string? Replacement)> Replacements { get; } = new(StringComparer.Ordinal);

        private string? Peek => Position < tokens.Count ? tokens[Position] : null;

        public string? Expression()
        {
            var problem = And();
            while (problem is null && Peek == "OR")
            {
                Position++;
                problem = And();
            }

            return problem;
        }

        private string? And()
        {
            var problem = With();
            while (problem is null && Peek == "AND")
            {
                Position++;
                problem = With();
            }

            return problem;
        }

        private string? With()
        {
            var problem = Primary();
            if (problem is null && Peek == "WITH")
            {
                Position++;
                var exception = Peek;
                if (exception is null || IsOperator(exception) || exception == "(" || exception == ")")
                {
                    return "has WITH without an exception id after it";
                }

                Position++;
                if (!catalog.TryGetException(exception, out var known))
                {
                    Replacements[exception] = ("uses the unknown exception '" + exception + "'", null);
                }
                else if (known.Id != exception)
                {
                    Replacements[exception] = ("writes '" + exception + "' for '" + known.Id + "'", known.Id);
                }
            }

            return problem;
        }

        private string? Primary()
        {
            var token = Peek;
            if (token is null)
            {
                return "ends where a licence id was expected";
            }

            if (token == "(")
            {
                Position++;
                var problem = Expression();
                if (problem is not null)
                {
                    return problem;
                }

                if (Peek != ")")
                {
                    return "has an unclosed parenthesis";
                }

                Position++;
                return null;
            }

            if (token == ")" || IsOperator(token))
            {
                return "has '" + token + "' where a licence id was expected";
            }

            if (IsLowerCaseOperator(token))
            {
                return "writes the operator '" + token + "' in lower case (operators are AND, OR, WITH)";
            }

            Position++;
            License(token);
            return null;
        }

        private void License(string token)
        {
            var orLater = token.EndsWith("+", StringComparison.Ordinal);
            var id = orLater ? token.Substring(0, token.Length - 1) : token;
            if (id.StartsWith("LicenseRef-", StringComparison.Ordinal) || id.StartsWith("DocumentRef-", StringComparison.Ordinal))
            {
                Ids.Add(id);
                return;
            }

            if (!catalog.TryGetLicense(id, out var license))
            {
                var closest = Closest(id);
                Replacements[token] = closest is null
                    ? ("uses the unknown licence id '" + id + "'", null)
                    : ("uses the unknown licence id '" + id + "' (did you mean '" + closest + "'?)", closest + (orLater ? "+" : ""));
                Ids.Add(id);
                return;
            }

            Ids.Add(license.Id);
            if (license.IsDeprecated)
            {
                var successor = Successor(license.Id, orLater);
                Replacements[token] = ("uses the deprecated id '" + token + "'" + (successor is null ? "" : " (use '" + successor + "')"), successor);
            }
            else if (license.Id != id)
            {
                Replacements[token] = ("writes '" + id + "' for '" + license.Id + "'", license.Id + (orLater ? "+" : ""));
            }
        }

        /// <summary>The GNU family's deprecated ids have -only / -or-later successors in the catalogue.</summary>
        private string? Successor(string id, bool orLater)
        {
            var candidate = id.EndsWith("+", StringComparison.Ordinal) ? id.TrimEnd('+') + "-or-later" : id + (orLater ? "-or-later" : "-only");
            return catalog.TryGetLicense(candidate, out var successor) && !successor.IsDeprecated ? successor.Id : null;
        }

        /// <summary>The catalogue id within two edits, for typos such as Apache2.0 or MIT-0.</summary>
        private string? Closest(string id)
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

        private static bool IsOperator(string token) => token is "AND" or "OR" or "WITH";

        private static bool IsLowerCaseOperator(string token)
            => !IsOperator(token) && (string.Equals(token, "and", StringComparison.OrdinalIgnoreCase) || string.Equals(token, "or", StringComparison.OrdinalIgnoreCase)
                || string.Equals(token, "with", StringComparison.OrdinalIgnoreCase));

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
}
