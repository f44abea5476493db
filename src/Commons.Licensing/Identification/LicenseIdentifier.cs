// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Commons.Licensing.Identification;

namespace Commons.Licensing;

/// <summary>
/// Says which SPDX licence a text is: exact match of the normalised words first, then a similarity score against every
/// catalogue text (licensee's Dice-with-size-penalty), with a threshold (98 % by default, as licensee).
/// A file that is not one licence text from start to end goes to <see cref="LicenseDetector"/>, which finds every text,
/// notice, reference and exception inside it, with their lines, and combines them as the file says (see <see cref="Identify(string)"/>).
/// </summary>
/// <remarks>
/// The catalogue is normalised once, on first use, and shared by every identification (thread-safe).
/// Identification never throws: bad input gives NOASSERTION with a reason.
/// </remarks>
public sealed class LicenseIdentifier
{
    /// <summary>licensee's default threshold (<c>CONFIDENCE_THRESHOLD</c>).</summary>
    public const double DefaultThresholdPercent = 98;

    // Characters of length difference forgiven per template field: the file has a name or a year where the catalogue had "<year>".
    private const int FieldAllowance = 10;

    // Words of the file forgiven per template field (see Score).
    private const int FieldWords = 2;

    // Candidates scoring within this many points of the best are told apart by word order (see Match).
    private const double NearMargin = 2.0;

    private static readonly Lazy<LicenseIdentifier> DefaultIdentifier = new(() => new LicenseIdentifier(SpdxCatalog.Default), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Lazy<CatalogueIndex> index;

    public LicenseIdentifier(SpdxCatalog catalog, double thresholdPercent = DefaultThresholdPercent)
    {
        if (catalog is null)
        {
            throw new ArgumentNullException(nameof(catalog));
        }

        if (double.IsNaN(thresholdPercent) || thresholdPercent <= 0 || thresholdPercent > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(thresholdPercent), thresholdPercent, "the threshold is a percentage in (0, 100]");
        }

        Catalog = catalog;
        ThresholdPercent = thresholdPercent;
        index = new Lazy<CatalogueIndex>(() => new CatalogueIndex(catalog), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private LicenseIdentifier(SpdxCatalog catalog, CatalogueIndex index)
        : this(catalog)
    {
        this.index = new Lazy<CatalogueIndex>(() => index);
    }

    private LicenseIdentifier(LicenseIdentifier shared, double thresholdPercent)
        : this(shared.Catalog, thresholdPercent)
    {
        index = shared.index;
    }

    /// <summary>The identifier over <see cref="SpdxCatalog.Default"/> with the default threshold.</summary>
    public static LicenseIdentifier Default => DefaultIdentifier.Value;

    public SpdxCatalog Catalog { get; }

    /// <summary>The lowest similarity (0–100) reported as a match.</summary>
    public double ThresholdPercent { get; }

    internal CatalogueIndex Index => index.Value;

    /// <summary>The same catalogue (and its normalised texts, already computed or not) with another threshold.</summary>
    public LicenseIdentifier WithThreshold(double thresholdPercent)
        => thresholdPercent == ThresholdPercent ? this : new LicenseIdentifier(this, thresholdPercent);

    /// <summary>Normalises every catalogue text now rather than on the first identification.</summary>
    public void Warm() => _ = Index;

    /// <summary>
    /// Saves the normalised catalogue (normalising it first if needed), for <see cref="ReadIndex"/>: a process that
    /// identifies a few files then starts in milliseconds instead of normalising 700 texts (about a second of CPU).
    /// </summary>
    public void WriteIndex(Stream stream) => Index.Write(stream, Catalog);

    /// <summary>Names what a saved index is valid for (this build of the library, this catalogue): a cache file name can carry it.</summary>
    public string IndexKey => CatalogueIndex.KeyFor(Catalog);

    /// <summary>
    /// An identifier over <paramref name="catalog"/> whose normalised texts come from <paramref name="stream"/>; null when
    /// the stream does not hold an index written by <see cref="WriteIndex"/> of this very build of the library for this
    /// catalogue (truncated, corrupt, older or newer: the caller then uses a fresh identifier and may save its index).
    /// </summary>
    public static LicenseIdentifier? ReadIndex(SpdxCatalog catalog, Stream stream)
    {
        if (catalog is null)
        {
            throw new ArgumentNullException(nameof(catalog));
        }

        return CatalogueIndex.TryRead(stream, catalog) is { } index ? new LicenseIdentifier(catalog, index) : null;
    }

    /// <summary>Identifies the content of a licence file: UTF-8 (BOM optional) or UTF-16 with a BOM.</summary>
    /// <remarks>Binary content, invalid UTF-8 and empty files give NOASSERTION with a reason. Capping huge files is the caller's job.</remarks>
    public LicenseIdentification Identify(byte[] content)
    {
        var text = LicenseTextDecoder.Decode(content, out var reason);
        return text is null ? LicenseIdentification.NoAssertion(reason ?? "unreadable") : Identify(text);
    }

    /// <summary>
    /// Identifies a licence text.
    /// <list type="bullet">
    /// <item>One licence: its id (the canonical id of its twins, see <see cref="LicenseIdentification.EquivalentLicenses"/>).</item>
    /// <item>A licence and an exception (e.g. the GPL and the Classpath exception): <c>GPL-2.0-only WITH Classpath-exception-2.0</c>.</item>
    /// <item>Several licences: each is listed in <see cref="LicenseIdentification.Licenses"/>; the expression joins them with
    /// OR when the file's other words say they are alternatives ("dual licensed", "at your option", …), otherwise with AND
    /// (every licence's terms apply: the safe reading when the file does not say).</item>
    /// <item>Licences plus more than <see cref="IdentificationTables.MaxUnmatchedWords"/> other words: NOASSERTION (the file adds terms), the licences still listed.</item>
    /// </list>
    /// </summary>
    public LicenseIdentification Identify(string text)
    {
        try
        {
            return IdentifyText(text);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A last resort: identification must never take the caller down.
            return LicenseIdentification.Failure(exception);
        }
    }

    private LicenseIdentification IdentifyText(string? text)
    {
        if (text is null || text.Trim().Length == 0)
        {
            return LicenseIdentification.NoAssertion(LicenseIdentification.EmptyFileReason);
        }

        // A licence published as a page (a package's license.html): its text, not its markup.
        if (HtmlText.IsHtml(text))
        {
            text = HtmlText.ToText(text);
        }

        var lines = LicenseTextNormalizer.SplitLines(text);
        // YAML/TOML front matter (choosealicense.com's templates) is metadata: its "spdx-id: Kastrup" would be five words
        // added to a 20-word text.
        LicenseDetector.BlankFrontMatter(lines);
        var normalizer = Index.FileNormalizer;
        var whole = normalizer.Normalize(lines, 0, lines.Length);
        if (whole.IsEmpty)
        {
            return LicenseIdentification.NoAssertion("no licence terms: only a title or a copyright notice");
        }

        var title = TitleWords(lines);
        var best = Match(whole, title);
        // Only an exact copy skips the word-by-word check: a similarity of 100 % may still be a text with words added
        // (the score forgives words where the template has fields, wherever the file puts them). A threshold below the
        // default asks for resemblance, as licensee's --confidence does: the similarity alone answers then.
        if (best.Entry is not null && best.Score >= ThresholdPercent
            && (Index.FindExact(whole) == best.Entry || ThresholdPercent < DefaultThresholdPercent || FollowsInOrder(best.Entry, whole)))
        {
            // The whole-file normalisation drops what follows "END OF TERMS AND CONDITIONS": another licence may stand
            // there (COPYING with COPYING.LESSER appended). When much follows, the detector reads the file instead.
            if (WordsAfterEndOfTerms(lines) > IdentificationTables.MaxWordsAfterEndOfTerms
                && new LicenseDetector(Index, Index.DetectorIndex, Index.Names(Catalog)).Detect(lines) is { } appended
                && appended.Detections.Count(d => d.Kind == DetectionKind.Text) > 1)
            {
                return appended;
            }

            var found = Describe(best.Entry, LicenseTextNormalizer.TitleKey(text));
            return new LicenseIdentification(found, best.Score, best.Entry.Canonical.License.Id, best.Score, new[] { found }, null, best.Entry.Canonical.Twins.Skip(1).ToArray());
        }

        // Not one licence text from start to end: find each text, notice, reference and exception inside the file.
        var detected = new LicenseDetector(Index, Index.DetectorIndex, Index.Names(Catalog)).Detect(lines);
        if (detected is not null && (detected.IsMatch || detected.Detections.Count > 0))
        {
            if (!detected.IsMatch && best.Entry is not null && best.Score < IdentificationTables.MinClosestPercent)
            {
                // A licence that shares a third of the file's words is no "closest" licence: the reason says what was found.
                var withoutClosest = new LicenseIdentification(null, 0, null, 0, detected.Licenses, detected.Reason);
                withoutClosest.Detections = detected.Detections;
                withoutClosest.Unmatched = detected.Unmatched;
                return withoutClosest;
            }

            if (!detected.IsMatch && best.Entry is not null)
            {
                // NOASSERTION: the closest licence is the catalogue text the whole file resembles, with its similarity,
                // not a detection's coverage (a text found whole beside added terms is not "100 % close" to the file).
                // The licences found stay listed: the file holds them, with more.
                var closest = new LicenseIdentification(null, 0, best.Entry.Canonical.License.Id, best.Score, detected.Licenses, detected.Reason + "; " + Closest(best.Entry, best.Score));
                closest.Detections = detected.Detections;
                closest.Unmatched = detected.Unmatched;
                return closest;
            }

            return detected;
        }

        return best.Entry is null || best.Score < IdentificationTables.MinClosestPercent
            ? LicenseIdentification.NoAssertion("no catalogue licence resembles this text")
            : LicenseIdentification.NoAssertion(Closest(best.Entry, best.Score), best.Entry.Canonical.License.Id, best.Score);
    }

    private string Closest(CatalogueEntry entry, double score)
        => "closest is " + entry.Canonical.License.Id + " at " + NormalizedText.Format(score) + " %"
            + (score < ThresholdPercent
                ? ", below the " + NormalizedText.Format(ThresholdPercent) + " % threshold"
                : ", but the file does not follow its text word for word");

    /// <summary>
    /// A similarity on word sets cannot see order, an appended text nor an added "not": a match below 100 % must also
    /// follow its text word by word (the detector's alignment and limits). One that does not goes to the detector.
    /// </summary>
    private bool FollowsInOrder(CatalogueEntry entry, NormalizedText file)
    {
        var detector = Index.DetectorIndex;
        var template = detector.Templates.FirstOrDefault(t => t.Entry == entry.Canonical);
        if (template is null)
        {
            return true; // too short to align (see IdentificationTables.MinTemplateWords): the similarity alone decides, as before
        }

        var numbers = detector.Number(file.Words);
        return TextAligner.Align(template, numbers, file.Words, 0, numbers.Length, detector.Negations, detector.MissingNegations) is { } alignment
            && LicenseDetector.Accepts(template, alignment)
            && alignment.Start <= IdentificationTables.MaxWordsAroundWholeText
            && numbers.Length - 1 - alignment.End <= IdentificationTables.MaxWordsAroundWholeText;
    }

    private static int WordsAfterEndOfTerms(string[] lines)
    {
        var words = -1;
        foreach (var line in lines)
        {
            if (words < 0)
            {
                words = LicenseTextNormalizer.IsEndOfTerms(line) ? 0 : -1;
                continue;
            }

            words += line.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries).Length;
        }

        return Math.Max(0, words);
    }

    /// <summary>The canonical id, or what a deprecated "-with-exception" id means, plus an exception the file adds.</summary>
    private static string Describe(CatalogueEntry entry, string allWords)
    {
        var id = entry.Canonical.License.Id;
        if (IdentificationTables.DeprecatedIdExpressions.TryGetValue(id, out var expression))
        {
            return expression;
        }

        var exception = FindException(allWords.Split(' '), excludedBy: entry.Text.Words);
        return exception is null ? id : id + " WITH " + exception;
    }

    /// <summary>The best catalogue entry for a text: exact, or the highest similarity. Candidates are visited in order of
    /// an upper bound of their score computed from lengths alone, so most are never scored.</summary>
    /// <param name="floor">Scores below this are not worth computing (the section search only wants matches).</param>
    internal (CatalogueEntry? Entry, double Score) Match(NormalizedText file, string titleWords, double floor = 0)
    {
        var exact = Index.FindExact(file);
        if (exact is not null && !Excluded(exact, titleWords))
        {
            return (exact, 100);
        }

        var fileSet = file.WordSet;
        var candidates = new List<(CatalogueEntry Entry, double Bound)>(Index.Entries.Count);
        foreach (var entry in Index.Entries)
        {
            if (!Excluded(entry, titleWords))
            {
                candidates.Add((entry, Score(fileSet, file.Length, entry, Math.Min(fileSet.Count, entry.WordSetCount))));
            }
        }

        candidates.Sort((a, b) => b.Bound.CompareTo(a.Bound));
        var scored = new List<(CatalogueEntry Entry, double Score)>();
        var bestScore = 0.0;
        foreach (var (entry, bound) in candidates)
        {
            if (bound <= bestScore - NearMargin || bound < floor)
            {
                break;
            }

            var score = Score(fileSet, file.Length, entry, Overlap(fileSet, entry.WordSet));
            scored.Add((entry, score));
            bestScore = Math.Max(bestScore, score);
        }

        if (scored.Count == 0)
        {
            return (null, 0);
        }

        // Near-identical catalogue texts (QPL-1.0 and QPL-1.0-INRIA-2004, the BSD variants) score within a point of each
        // other on word sets. Among those, the word order decides: the most shared word pairs wins.
        // Only a would-be match needs this: below the threshold, the closest is the best word-set score.
        var near = scored.Where(c => c.Score >= bestScore - NearMargin).Select(c => c.Entry.Canonical).Distinct().ToList();
        if (near.Count == 1 || bestScore < ThresholdPercent)
        {
            return (scored.First(c => c.Score == bestScore).Entry.Canonical, bestScore);
        }

        var fileBigrams = Bigrams(file.Words);
        var chosen = near.OrderByDescending(e => Dice(fileBigrams, e.Bigrams)).ThenByDescending(e => scored.First(c => c.Entry.Canonical == e).Score).First();
        return (chosen, scored.Where(c => c.Entry.Canonical == chosen).Max(c => c.Score));
    }

    /// <summary>The pairs of consecutive words of a text: they see order, where word sets do not.</summary>
    internal static HashSet<string> Bigrams(string[] words)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < words.Length; i++)
        {
            set.Add(words[i] + " " + words[i + 1]);
        }

        return set;
    }

    private static double Dice(HashSet<string> a, HashSet<string> b)
        => a.Count + b.Count == 0 ? 0 : 2.0 * Overlap(a, b) / (a.Count + b.Count);

    /// <summary>licensee's similarity: Dice on word sets, with a penalty for the difference in length (beyond what the template fields explain).</summary>
    private static double Score(HashSet<string> fileSet, int fileLength, CatalogueEntry entry, int overlap)
    {
        // Like licensee, words the file has where the licence has a field (a holder's name) are not held against it:
        // up to FieldWords per field of the file's own words leave the total.
        var fileOnly = fileSet.Count - overlap;
        var total = fileSet.Count + entry.WordSetCount - Math.Min(fileOnly, entry.FieldCount * FieldWords);
        var delta = Math.Max(0, Math.Abs(fileLength - entry.Text.Length) - (entry.FieldCount * FieldAllowance));
        var score = overlap * 200.0 / (total + (delta / 4.0));
        return Math.Min(100, score);
    }

    private static int Overlap(HashSet<string> a, HashSet<string> b)
    {
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var overlap = 0;
        foreach (var word in small)
        {
            if (large.Contains(word))
            {
                overlap++;
            }
        }

        return overlap;
    }

    private static bool Excluded(CatalogueEntry entry, string titleWords)
    {
        foreach (var guard in IdentificationTables.VariantGuards)
        {
            if (guard.Excludes(entry.License.Id, titleWords))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The words of the first non-empty lines, where a title stands: the false-positive guards read them.</summary>
    private static string TitleWords(string[] lines)
    {
        var taken = new List<string>();
        for (var i = 0; i < lines.Length && taken.Count < 3; i++)
        {
            var key = LicenseTextNormalizer.TitleKey(lines[i]);
            if (key.Length > 0)
            {
                taken.Add(key);
            }
        }

        return string.Join(" ", taken);
    }

    /// <summary>The exception whose characteristic sentence the words contain (and the catalogue text, if given, does not).</summary>
    private static string? FindException(string[] words, string[]? excludedBy)
    {
        var text = " " + string.Join(" ", words) + " ";
        var excluded = excludedBy is null ? null : " " + string.Join(" ", excludedBy) + " ";
        foreach (var pair in IdentificationTables.ExceptionPhrases)
        {
            var phrase = " " + pair.Value + " ";
            if (text.IndexOf(phrase, StringComparison.Ordinal) >= 0 && (excluded is null || excluded.IndexOf(phrase, StringComparison.Ordinal) < 0))
            {
                return pair.Key;
            }
        }

        return null;
    }
}
