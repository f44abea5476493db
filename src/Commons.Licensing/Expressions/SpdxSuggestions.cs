// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;

namespace Commons.Licensing;

/// <summary>
/// Suggestions for inputs that name a licence the way people write it ("Apache 2.0", "GPLv3", "MIT License"):
/// the embedded table <c>Expressions/Data/misspellings.tsv</c>, then ids whose spaces should be dashes ("BSD 3 Clause").
/// </summary>
internal static class SpdxSuggestions
{
    private const int MaxPhraseWords = 4;

    private static readonly Lazy<Dictionary<string, Suggestion>> Table = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The table entry for one phrase, or null.</summary>
    public static Suggestion? ForPhrase(string phrase)
        => Table.Value.TryGetValue(Key(phrase), out var suggestion) ? suggestion : null;

    /// <summary>A corrected whole expression for <paramref name="input"/> that parses with only known ids, or null.</summary>
    public static Suggestion? Suggest(string input, SpdxCatalog catalog, int maxLength)
    {
        if (input.Length == 0 || input.Length > maxLength)
        {
            return null;
        }

        if (ForPhrase(input) is { } whole)
        {
            return whole;
        }

        var words = Words(input);
        var rewritten = new StringBuilder();
        string? note = null;
        for (var i = 0; i < words.Count;)
        {
            var taken = 0;
            for (var n = Math.Min(MaxPhraseWords, words.Count - i); n >= 1 && taken == 0; n--)
            {
                var phrase = string.Join(" ", words.GetRange(i, n));
                if (ForPhrase(phrase) is { } entry)
                {
                    Append(rewritten, entry.Expression);
                    note ??= entry.Note;
                    taken = n;
                }
                else if (n >= 2 && catalog.TryGetLicense(string.Join("-", words.GetRange(i, n)), out var dashed) && !dashed.IsDeprecated)
                {
                    Append(rewritten, dashed.Id);
                    taken = n;
                }
            }

            if (taken == 0)
            {
                Append(rewritten, words[i]);
                taken = 1;
            }

            i += taken;
        }

        var candidate = SpdxExpressionParser.Parse(rewritten.ToString(), catalog, withSuggestions: false);
        return candidate.IsValid && !candidate.HasUnknownIds && candidate.Normalized != input.Trim()
            ? new Suggestion(candidate.Normalized!, note)
            : null;
    }

    private static void Append(StringBuilder sb, string word)
    {
        if (sb.Length > 0)
        {
            sb.Append(' ');
        }

        sb.Append(word);
    }

    /// <summary>Words and parentheses; commas, slashes and other separators people use between names are dropped.</summary>
    private static List<string> Words(string input)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        foreach (var c in input)
        {
            if (c is '(' or ')')
            {
                Flush();
                words.Add(c.ToString());
            }
            else if (char.IsLetterOrDigit(c) || c is '-' or '.' or '+' or ':')
            {
                current.Append(c);
            }
            else
            {
                Flush();
            }
        }

        Flush();
        return words;
    }

    private static string Key(string phrase)
    {
        var sb = new StringBuilder(phrase.Length);
        foreach (var c in phrase.Trim())
        {
            if (char.IsWhiteSpace(c) || c == '_')
            {
                if (sb.Length > 0 && sb[sb.Length - 1] != ' ')
                {
                    sb.Append(' ');
                }
            }
            else
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }

    private static Dictionary<string, Suggestion> Load()
    {
        var table = new Dictionary<string, Suggestion>(StringComparer.Ordinal);
        foreach (var row in EmbeddedTable.Read("misspellings.tsv", 2))
        {
            table[Key(row[0])] = new Suggestion(row[1], row.Length > 2 && row[2].Length > 0 ? row[2] : null);
        }

        return table;
    }

    internal sealed class Suggestion
    {
        public Suggestion(string expression, string? note)
        {
            Expression = expression;
            Note = note;
        }

        public string Expression { get; }

        public string? Note { get; }
    }
}
