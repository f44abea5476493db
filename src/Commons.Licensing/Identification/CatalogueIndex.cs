// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Linq;

namespace Commons.Licensing.Identification;

/// <summary>
/// Every catalogue text normalised once: word sets for the similarity score, joined words for the exact match,
/// and the "twin" groups of ids whose texts normalise to the same words. Built once per catalogue, then shared.
/// </summary>
internal sealed class CatalogueIndex
{
    private readonly Dictionary<string, CatalogueEntry> byJoined;

    public CatalogueIndex(SpdxCatalog catalog)
    {
        var titles = new List<string>();
        foreach (var license in catalog.Licenses)
        {
            titles.Add(LicenseTextNormalizer.TitleKey(license.Name));
            titles.Add(LicenseTextNormalizer.TitleKey(license.Id));
        }

        titles.RemoveAll(t => t.Length == 0);
        var catalogueNormalizer = new LicenseTextNormalizer(titles, vocabulary: null);

        var entries = new List<CatalogueEntry>();
        var vocabulary = new HashSet<string>(StringComparer.Ordinal);
        foreach (var license in catalog.Licenses)
        {
            var text = license.HasText ? catalog.GetText(license.Id) : null;
            if (text is null)
            {
                continue;
            }

            var normalized = catalogueNormalizer.Normalize(text);
            if (normalized.IsEmpty)
            {
                continue;
            }

            entries.Add(new CatalogueEntry(license, normalized));
            vocabulary.UnionWith(normalized.Words);
        }

        entries.AddRange(EmbeddedTextParts(entries));

        // Twins: ids whose texts normalise to the same words (GPL-2.0-only, GPL-2.0-or-later and the deprecated GPL-2.0).
        // The group answers with one canonical id: a current id before a deprecated one, "-only" before "-or-later"
        // (the text alone never grants "or later": a notice does), then the shortest id.
        byJoined = new Dictionary<string, CatalogueEntry>(StringComparer.Ordinal);
        foreach (var group in entries.GroupBy(e => e.Text.Joined, StringComparer.Ordinal))
        {
            var ordered = group.OrderBy(e => e.License.IsDeprecated)
                .ThenBy(e => e.License.Id.EndsWith("-or-later", StringComparison.Ordinal) || e.License.Id.EndsWith("+", StringComparison.Ordinal))
                .ThenBy(e => e.License.Id.Length)
                .ThenBy(e => e.License.Id, StringComparer.Ordinal)
                .ToList();
            var twins = ordered.Select(e => e.License.Id).ToArray();
            foreach (var entry in ordered)
            {
                entry.Canonical = ordered[0];
                entry.Twins = twins;
            }

            byJoined[group.Key] = ordered[0];
        }

        Entries = entries;
        LongestText = entries.Max(e => e.Text.Length);
        Vocabulary = vocabulary;
        FileNormalizer = new LicenseTextNormalizer(titles, vocabulary);
    }

    public IReadOnlyList<CatalogueEntry> Entries { get; }

    /// <summary>Characters of the longest normalised catalogue text.</summary>
    public int LongestText { get; }

    /// <summary>For each <see cref="IdentificationTables.EmbeddedTexts"/> pair: the host's words before the embedded text starts.</summary>
    private static IEnumerable<CatalogueEntry> EmbeddedTextParts(List<CatalogueEntry> entries)
    {
        const int Probe = 30;
        foreach (var pair in IdentificationTables.EmbeddedTexts)
        {
            var host = entries.FirstOrDefault(e => e.License.Id == pair.Key);
            var embedded = entries.FirstOrDefault(e => e.License.Id == pair.Value);
            if (host is null || embedded is null || embedded.Text.Words.Length < Probe)
            {
                continue;
            }

            var probe = string.Join(" ", embedded.Text.Words.Take(Probe));
            for (var k = 1; k + Probe <= host.Text.Words.Length; k++)
            {
                if (host.Text.Words[k] == embedded.Text.Words[0] && string.Join(" ", host.Text.Words.Skip(k).Take(Probe)) == probe)
                {
                    var words = host.Text.Words.Take(k).ToArray();
                    var lines = host.Text.Lines.Take(k).ToArray();
                    yield return new CatalogueEntry(host.License, new NormalizedText(words, lines, host.Text.FieldCount));
                    break;
                }
            }
        }
    }

    /// <summary>Every word of every catalogue text.</summary>
    public HashSet<string> Vocabulary { get; }

    /// <summary>The normaliser for files: the catalogue's, plus its vocabulary to rejoin words hyphenated across lines.</summary>
    public LicenseTextNormalizer FileNormalizer { get; }

    /// <summary>The canonical entry whose normalised text is exactly this one, if any.</summary>
    public CatalogueEntry? FindExact(NormalizedText text)
        => byJoined.TryGetValue(text.Joined, out var entry) ? entry : null;

    public CatalogueEntry? Find(string id)
        => Entries.FirstOrDefault(e => string.Equals(e.License.Id, id, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One catalogue licence, normalised.</summary>
internal sealed class CatalogueEntry
{
    public CatalogueEntry(SpdxLicense license, NormalizedText text)
    {
        License = license;
        Text = text;
        Canonical = this;
        Twins = new[] { license.Id };
        (WordSet, FieldCount) = ScoringWords(license.Id, text);
    }

    /// <summary>The words the similarity compares: the text's, less the variable phrases of <see cref="IdentificationTables.VariablePhrases"/>.</summary>
    public HashSet<string> WordSet { get; }

    /// <summary>Template fields and variable phrases: each forgives some length difference.</summary>
    public int FieldCount { get; }

    private HashSet<string>? bigrams;

    public SpdxLicense License { get; }

    public NormalizedText Text { get; }

    private static (HashSet<string> Words, int Fields) ScoringWords(string id, NormalizedText text)
    {
        var phrases = IdentificationTables.VariablePhrases.Where(p => id.StartsWith(p.Key, StringComparison.OrdinalIgnoreCase)).Select(p => p.Value.Split(' ')).ToList();
        if (phrases.Count == 0)
        {
            return (text.WordSet, text.FieldCount);
        }

        var words = text.Words.ToList();
        var fields = text.FieldCount;
        foreach (var phrase in phrases)
        {
            for (var i = 0; i + phrase.Length <= words.Count; i++)
            {
                if (phrase.Select((w, k) => words[i + k] == w).All(x => x))
                {
                    words.RemoveRange(i, phrase.Length);
                    fields++;
                    i--;
                }
            }
        }

        return (new HashSet<string>(words, StringComparer.Ordinal), fields);
    }

    /// <summary>Pairs of consecutive words, computed on first use (only near-ties need them).</summary>
    public HashSet<string> Bigrams => bigrams ??= LicenseIdentifier.Bigrams(Text.Words);

    /// <summary>The entry that answers for every id with the same normalised text.</summary>
    public CatalogueEntry Canonical { get; set; }

    /// <summary>Every id with the same normalised text, the canonical one first.</summary>
    public IReadOnlyList<string> Twins { get; set; }
}
