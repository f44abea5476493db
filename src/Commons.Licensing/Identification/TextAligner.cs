// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;

namespace Commons.Licensing.Identification;

/// <summary>
/// The catalogue texts as word numbers, for finding where a licence text sits inside a longer file: which texts a file
/// may contain (most of their distinct words occur in it), then an alignment of each with the file.
/// </summary>
/// <remarks>Built on the first file that the whole-file match cannot answer (about 30 ms), then shared.</remarks>
internal sealed class DetectorIndex
{
    private DetectorIndex(Dictionary<string, int> ids, List<AlignedTemplate> templates)
    {
        Ids = ids;
        Templates = templates;
        Negations = IdentificationTables.NegationWords.Where(ids.ContainsKey).Select(w => ids[w]).ToArray();
        MissingNegations = IdentificationTables.NegationWords.Concat(IdentificationTables.MissingNegationWords).Where(ids.ContainsKey).Select(w => ids[w]).ToArray();
    }

    /// <summary>The numbers of words that change what a licence says ("may not", "a fee", "shall"): never allowed as an insertion.</summary>
    public int[] Negations { get; }

    /// <summary>The numbers of words whose absence turns a prohibition into a permission ("neither … nor … may be used"): never allowed missing.</summary>
    public int[] MissingNegations { get; }

    /// <summary>Word → number; words of a file the catalogue never uses have none (they can never match).</summary>
    public Dictionary<string, int> Ids { get; }

    /// <summary>One template per distinct catalogue text (the canonical entry of each twin group).</summary>
    public IReadOnlyList<AlignedTemplate> Templates { get; }

    public static DetectorIndex Build(CatalogueIndex index)
    {
        var ids = new Dictionary<string, int>(index.Vocabulary.Count, StringComparer.Ordinal);
        foreach (var word in index.Vocabulary)
        {
            ids[word] = ids.Count;
        }

        var stamp = new int[ids.Count];
        var templates = new List<AlignedTemplate>();
        foreach (var entry in index.Entries)
        {
            if (entry.Canonical != entry || entry.Text.Words.Length < IdentificationTables.MinTemplateWords)
            {
                continue;
            }

            var words = new int[entry.Text.Words.Length];
            var distinct = new List<int>();
            for (var i = 0; i < words.Length; i++)
            {
                var id = ids.TryGetValue(entry.Text.Words[i], out var n) ? n : -1;
                words[i] = id;
                if (id >= 0 && stamp[id] != templates.Count + 1)
                {
                    stamp[id] = templates.Count + 1;
                    distinct.Add(id);
                }
            }

            templates.Add(new AlignedTemplate(entry, words, distinct.ToArray(), FieldSlots(entry), index.RegionsOf));
        }

        return new DetectorIndex(ids, templates);
    }

    /// <summary>
    /// Where a copy may put words of its own: the template fields, and the variable phrases a copy replaces with its
    /// holder's name ("copyright holders" in the BSD texts), as the index of the template word they stand before.
    /// </summary>
    private static FieldSlot[] FieldSlots(CatalogueEntry entry)
    {
        var slots = new List<FieldSlot>(entry.Text.FieldPositions.Select(p => new FieldSlot(p, p)));
        var words = entry.Text.Words;
        foreach (var phrase in IdentificationTables.VariablePhrases)
        {
            if (!entry.License.Id.StartsWith(phrase.Key, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var parts = phrase.Value.Split(' ');
            for (var i = 0; i + parts.Length <= words.Length; i++)
            {
                var match = true;
                for (var k = 0; k < parts.Length && match; k++)
                {
                    match = words[i + k] == parts[k];
                }

                if (match)
                {
                    slots.Add(new FieldSlot(i, i + parts.Length));
                }
            }
        }

        // "The text of this License is Copyright 2020 Joint Development Foundation and is licensed under …", "Portions
        // Copyright (c) 2002-2007 Charlie Poole or Copyright (c) …": a copy
        // wrapped otherwise starts a line with "Copyright 2020", and the normaliser drops that line as a copyright notice.
        for (var i = 0; i + 1 < words.Length; i++)
        {
            var year = words[i + 1] == "c" && i + 2 < words.Length ? words[i + 2] : words[i + 1];
            if (words[i] == "copyright" && year.Length > 0 && char.IsDigit(year[0]))
            {
                slots.Add(new FieldSlot(i, i + 1, added: 0, missing: IdentificationTables.MaxCopyrightNoticeWords));
            }
        }

        return slots.OrderBy(s => s.From).ToArray();
    }

    /// <summary>The file's words as numbers (-1 for a word the catalogue never uses).</summary>
    public int[] Number(string[] words)
    {
        var numbers = new int[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            numbers[i] = Ids.TryGetValue(words[i], out var n) ? n : -1;
        }

        return numbers;
    }
}

/// <summary>A catalogue text as word numbers.</summary>
internal sealed class AlignedTemplate
{
    private Dictionary<ulong, int>? anchors;

    private readonly Func<CatalogueEntry, TextRegion[]> regionsOf;
    private Regex?[]? patterns;
    private TemplateChoices? choices;

    /// <param name="regionsOf">Locates the SPDX template's regions on the entry's words (see <see cref="CatalogueIndex.RegionsOf"/>), on first use.</param>
    public AlignedTemplate(CatalogueEntry entry, int[] words, int[] distinct, FieldSlot[] fieldSlots, Func<CatalogueEntry, TextRegion[]> regionsOf)
    {
        Entry = entry;
        Words = words;
        Distinct = distinct;
        FieldSlots = fieldSlots;
        this.regionsOf = regionsOf;
    }

    /// <summary>The template's alternatives (SPDX <c>&lt;alt&gt;</c>): words a copy may replace by others that match a pattern.</summary>
    public TextRegion[] Alternatives => Choices.Alternatives;

    /// <summary>For each template word, whether the SPDX template marks it optional (a copy may lack it).</summary>
    public bool[] Optional => Choices.Optional;

    /// <summary>How many template words are optional.</summary>
    public int OptionalWords => Choices.OptionalWords;

    /// <summary>How many template words stand in alternatives: a copy may say them in fewer words ("Jane Doe" for "THE UNIVERSITY OF CALIFORNIA").</summary>
    public int AlternativeWords => Choices.AlternativeWords;

    private TemplateChoices Choices => LazyInitializer.EnsureInitialized(ref choices, () => new TemplateChoices(regionsOf(Entry), Words.Length))!;

    /// <summary>The pattern of <see cref="Alternatives"/>[k] over normalised words, anchored; null when it does not compile.</summary>
    public Regex? Pattern(int k)
    {
        var compiled = LazyInitializer.EnsureInitialized(ref patterns, () => new Regex?[Alternatives.Length])!;
        if (compiled[k] is null && Alternatives[k].Pattern is { } pattern)
        {
            try
            {
                compiled[k] = new Regex("^(?:" + pattern + ")$", RegexOptions.CultureInvariant, TextAligner.PatternTimeout);
            }
            catch (ArgumentException)
            {
                return null;
            }
        }

        return compiled[k];
    }

    /// <summary>Where a copy may put words of its own (see <see cref="DetectorIndex"/>), in template order.</summary>
    public FieldSlot[] FieldSlots { get; }

    public CatalogueEntry Entry { get; }

    public int[] Words { get; }

    /// <summary>Each word number once: the candidate filter counts how many of them a file holds.</summary>
    public int[] Distinct { get; }

    /// <summary>Every run of <see cref="TextAligner.AnchorLength"/> words that occurs once in the text → where it starts (-1: several times).</summary>
    public Dictionary<ulong, int> Anchors => LazyInitializer.EnsureInitialized(ref anchors, () => TextAligner.AnchorsOf(Words))!;
}

/// <summary>What a template's SPDX regions allow, per word.</summary>
internal sealed class TemplateChoices
{
    public TemplateChoices(TextRegion[] regions, int length)
    {
        Alternatives = regions.Where(r => !r.IsOptional).ToArray();
        AlternativeWords = Alternatives.Sum(a => Math.Max(0, Math.Min(a.To, length) - a.From));
        Optional = new bool[length];
        foreach (var region in regions.Where(r => r.IsOptional))
        {
            for (var i = region.From; i < region.To && i < length; i++)
            {
                OptionalWords += Optional[i] ? 0 : 1;
                Optional[i] = true;
            }
        }
    }

    public TextRegion[] Alternatives { get; }

    public int AlternativeWords { get; }

    public bool[] Optional { get; }

    public int OptionalWords { get; }
}

/// <summary>
/// Template words a copy may replace with its own: a field stands before word <see cref="From"/> (then
/// <see cref="To"/> = <see cref="From"/>); a variable phrase ("copyright holders") covers words [From, To); a copyright
/// notice inside a sentence of the template starts at <see cref="From"/>.
/// </summary>
internal readonly struct FieldSlot
{
    public FieldSlot(int from, int to, int added = IdentificationTables.WordsPerField, int missing = IdentificationTables.WordsPerField)
    {
        From = from;
        To = to;
        Added = added;
        Missing = missing;
    }

    /// <summary>How many words of its own a copy may put there.</summary>
    public int Added { get; }

    /// <summary>How many of the template's words a copy may lack there.</summary>
    public int Missing { get; }

    public int From { get; }

    public int To { get; }

    /// <summary>True when the gap between matched template words <paramref name="after"/> and <paramref name="before"/> (exclusive) reaches the slot.</summary>
    public bool Touches(int after, int before) => after < Math.Max(From, To) && before >= From;
}

/// <summary>Where a template sits in a file and how closely the file follows it.</summary>
internal readonly struct Alignment
{
    public Alignment(int start, int end, int matched, int inserted, int deleted, bool insertedNegation, int insertedElsewhere, int deletedElsewhere, int longestUnexplainedRun)
    {
        LongestUnexplainedRun = longestUnexplainedRun;
        InsertedNegation = insertedNegation;
        Start = start;
        End = end;
        Matched = matched;
        Inserted = inserted;
        Deleted = deleted;
        InsertedElsewhere = insertedElsewhere;
        DeletedElsewhere = deletedElsewhere;
    }

    /// <summary>First word of the file in the aligned span.</summary>
    public int Start { get; }

    /// <summary>Last word of the file in the aligned span (inclusive).</summary>
    public int End { get; }

    /// <summary>Template words found in order in the file.</summary>
    public int Matched { get; }

    /// <summary>Words of the file inside the span that the template lacks.</summary>
    public int Inserted { get; }

    /// <summary>Words of the template that the file lacks.</summary>
    public int Deleted { get; }

    /// <summary>
    /// True when a word the file adds inside the text is a negation ("not", "never"), or a negation of the text is missing
    /// ("neither", "nor", "not"): a changed meaning, not noise.
    /// </summary>
    public bool InsertedNegation { get; }

    /// <summary>
    /// Of <see cref="Inserted"/>, the words that no template field explains: those added away from a field, and those
    /// beyond <see cref="IdentificationTables.WordsPerField"/> per field where one stands. A field takes a name; it
    /// never excuses words added elsewhere in the text.
    /// </summary>
    public int InsertedElsewhere { get; }

    /// <summary>Of <see cref="Deleted"/>, the words no field explains (see <see cref="InsertedElsewhere"/>).</summary>
    public int DeletedElsewhere { get; }

    /// <summary>The most words added, or missing, in one place that no field explains: a sentence added or a clause removed.</summary>
    public int LongestUnexplainedRun { get; }
}

/// <summary>
/// Aligns a template with a file: runs of words that occur once in the template are anchors; the longest chain of
/// anchors in order in both texts fixes the alignment, and the gaps between anchors are compared word by word.
/// Linear in the lengths for texts that match, bounded for texts that do not.
/// </summary>
internal static class TextAligner
{
    public const int AnchorLength = 4;

    /// <summary>An alternative's pattern that takes longer than this on a file's words explains nothing.</summary>
    public static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(50);

    // Gaps longer than this (in words, on either side) are not compared word by word: counted as all different.
    private const int MaxGapCompared = 160;

    /// <summary>How many times a long gap is split by anchors of its own (see <see cref="CompareLongGap"/>).</summary>
    private const int MaxGapDepth = 3;

    public static Dictionary<ulong, int> AnchorsOf(int[] words) => RunsWithin(words, 0, words.Length);

    /// <summary>Every run of <see cref="AnchorLength"/> known words of a file, as the keys <see cref="AnchorsOf"/> uses.</summary>
    public static HashSet<ulong> RunsOf(int[] words)
    {
        var runs = new HashSet<ulong>();
        for (var i = 0; i + AnchorLength <= words.Length; i++)
        {
            if (TryKey(words, i, out var key))
            {
                runs.Add(key);
            }
        }

        return runs;
    }

    /// <summary>The share (0–1) of the template's anchors that occur among a file's <see cref="RunsOf"/>; 1 for a template without anchors.</summary>
    public static double AnchorShare(AlignedTemplate template, HashSet<ulong> fileRuns)
    {
        int anchors = 0, found = 0;
        foreach (var pair in template.Anchors)
        {
            if (pair.Value >= 0)
            {
                anchors++;
                found += fileRuns.Contains(pair.Key) ? 1 : 0;
            }
        }

        return anchors == 0 ? 1 : (double)found / anchors;
    }

    /// <summary>Aligns <paramref name="template"/> with the words [from, to) of <paramref name="file"/>; null when no anchor is shared.</summary>
    /// <param name="fileWords">The file's words themselves: an alternative's pattern reads them (numbers lose words the catalogue never uses).</param>
    /// <param name="missingNegations">Template words that may not be missing unless the template says so (see <see cref="DetectorIndex.MissingNegations"/>).</param>
    public static Alignment? Align(AlignedTemplate template, int[] file, string[] fileWords, int from, int to, int[] negations, int[] missingNegations)
    {
        var e = template.Words;
        var anchors = template.Anchors;

        // Anchor pairs (template position, file position), in file order.
        var pairE = new List<int>();
        var pairF = new List<int>();
        for (var j = from; j + AnchorLength <= to; j++)
        {
            if (TryKey(file, j, out var key) && anchors.TryGetValue(key, out var i) && i >= 0)
            {
                pairE.Add(i);
                pairF.Add(j);
            }
        }

        if (pairE.Count == 0)
        {
            return null;
        }

        var chain = BestSegment(LongestIncreasingChain(pairE), pairE, pairF);
        var matchedE = new bool[e.Length];
        var matchedF = new bool[to - from];
        var pairOf = new int[to - from];
        var previousE = -1;
        var previousF = -1;
        foreach (var k in chain)
        {
            var i = pairE[k];
            var j = pairF[k];
            if (previousE >= 0 && i > previousE && j > previousF)
            {
                CompareGap(e, previousE, i, file, previousF, j, matchedE, matchedF, pairOf, from);
            }

            MarkAnchor(i, j, matchedE, matchedF, pairOf, from);

            previousE = i + AnchorLength;
            previousF = j + AnchorLength;
        }

        // Before the first anchor and after the last: the file's nearest words against the template's head and tail.
        var firstE = pairE[chain[0]];
        var firstF = pairF[chain[0]];
        if (firstE > 0)
        {
            var window = Math.Min(firstF - from, firstE + (firstE / 2) + 8);
            CompareGap(e, 0, firstE, file, firstF - window, firstF, matchedE, matchedF, pairOf, from);
        }

        if (previousE < e.Length)
        {
            var tail = e.Length - previousE;
            var window = Math.Min(to - previousF, tail + (tail / 2) + 8);
            CompareGap(e, previousE, e.Length, file, previousF, previousF + window, matchedE, matchedF, pairOf, from);
        }

        var start = -1;
        var end = -1;
        for (var f = 0; f < matchedF.Length; f++)
        {
            if (matchedF[f])
            {
                start = start < 0 ? f : start;
                end = f;
            }
        }

        var matched = 0;
        foreach (var m in matchedE)
        {
            matched += m ? 1 : 0;
        }

        // The alternatives the file takes: both neighbours of the region matched, and the words between them match the
        // region's pattern. Inside those, words added (even "not": "The name of the author may not be used") are the
        // template's own choice.
        var explained = start < 0 ? new List<(int After, int Before)>() : ExplainedAlternatives(template, fileWords, from, start, end, matchedF, pairOf);
        var inserted = 0;
        var negation = false;
        int? previous = null;
        for (var f = start; f <= end && start >= 0; f++)
        {
            if (matchedF[f])
            {
                previous = pairOf[f];
                continue;
            }

            inserted++;
            if (Array.IndexOf(negations, file[f + from]) >= 0)
            {
                negation |= !explained.Any(x => previous >= x.After && NextMatched(matchedF, pairOf, f, end) <= x.Before);
            }
        }

        // A negation of the template missing from the file ("Neither the name … nor … may be used" → "The name … may be
        // used") turns a prohibition into a permission: only optional text and the file's alternatives may lack one.
        for (var k = 0; k < e.Length && start >= 0 && !negation; k++)
        {
            negation = !matchedE[k] && !template.Optional[k] && Array.IndexOf(missingNegations, e[k]) >= 0
                && !explained.Any(x => k > x.After && k < x.Before);
        }

        var (insertedElsewhere, deletedElsewhere, longestRun) = Unexplained(template, start, end, matchedF, pairOf, explained);
        return new Alignment(start + from, end + from, matched, inserted, e.Length - matched, negation, insertedElsewhere, deletedElsewhere, longestRun);
    }

    /// <summary>
    /// Walks the gaps between consecutive matched words: the file words added in a gap and the template words missing
    /// from it are explained by the fields that stand in that gap (up to <see cref="IdentificationTables.WordsPerField"/>
    /// words each); the rest is returned, with the most unexplained words of one gap (a clause added or removed).
    /// </summary>
    private static (int Inserted, int Deleted, int LongestRun) Unexplained(AlignedTemplate template, int start, int end, bool[] matchedF, int[] pairOf, List<(int After, int Before)> explained)
    {
        if (start < 0)
        {
            return (0, template.Words.Length, template.Words.Length);
        }

        var insertedElsewhere = 0;
        var deletedElsewhere = 0;
        var longestRun = 0;
        var previousE = -1;
        var added = 0;
        for (var f = start; f <= end; f++)
        {
            if (!matchedF[f])
            {
                added++;
                continue;
            }

            var e = pairOf[f];
            var (i, d) = explained.Any(x => previousE >= x.After && e <= x.Before) ? (0, 0) : Gap(template, previousE, e, added);
            insertedElsewhere += i;
            deletedElsewhere += d;
            longestRun = Math.Max(longestRun, Math.Max(i, d));
            previousE = Math.Max(previousE, e);
            added = 0;
        }

        var (_, tail) = Gap(template, previousE, template.Words.Length, 0);
        return (insertedElsewhere, deletedElsewhere + tail, Math.Max(longestRun, tail));
    }

    /// <summary>The unexplained words of one gap: template words (after, before) exclusive, and the file words added there.</summary>
    private static (int Inserted, int Deleted) Gap(AlignedTemplate template, int after, int before, int added)
    {
        // Template words the SPDX template marks optional may be missing.
        var missing = 0;
        for (var k = Math.Max(0, after + 1); k < before && k < template.Words.Length; k++)
        {
            missing += template.Optional[k] ? 0 : 1;
        }

        if (added == 0 && missing == 0)
        {
            return (0, 0);
        }

        var addedAllowed = 0;
        var missingAllowed = 0;
        foreach (var slot in template.FieldSlots)
        {
            if (slot.Touches(after, before))
            {
                addedAllowed += slot.Added;
                missingAllowed += slot.Missing;
            }
        }

        return (Math.Max(0, added - addedAllowed), Math.Max(0, missing - missingAllowed));
    }

    /// <summary>
    /// The alternatives of the template that the file takes, as (last template word before, first template word after):
    /// both must be matched, and the file's words between them must match the alternative's pattern (and be no more
    /// than <see cref="IdentificationTables.MaxAlternativeExtraWords"/> beyond the template's own).
    /// </summary>
    private static List<(int After, int Before)> ExplainedAlternatives(AlignedTemplate template, string[] fileWords, int from, int start, int end, bool[] matchedF, int[] pairOf)
    {
        var explained = new List<(int After, int Before)>();
        if (template.Alternatives.Length == 0)
        {
            return explained;
        }

        var fileOf = new Dictionary<int, int>();
        for (var f = start; f <= end; f++)
        {
            if (matchedF[f] && !fileOf.ContainsKey(pairOf[f]))
            {
                fileOf[pairOf[f]] = f;
            }
        }

        for (var k = 0; k < template.Alternatives.Length; k++)
        {
            var region = template.Alternatives[k];
            if (!fileOf.TryGetValue(region.From - 1, out var left) || !fileOf.TryGetValue(region.To, out var right) || right <= left)
            {
                continue;
            }

            var count = right - left - 1;
            if (count > region.To - region.From + IdentificationTables.MaxAlternativeExtraWords || template.Pattern(k) is not { } pattern)
            {
                continue;
            }

            var words = string.Join(" ", fileWords, left + 1 + from, count);
            try
            {
                if (pattern.IsMatch(words))
                {
                    explained.Add((region.From - 1, region.To));
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // A pattern that cannot decide quickly explains nothing.
            }
        }

        return explained;
    }

    private static int NextMatched(bool[] matchedF, int[] pairOf, int f, int end)
    {
        for (var g = f + 1; g <= end; g++)
        {
            if (matchedF[g])
            {
                return pairOf[g];
            }
        }

        return int.MaxValue;
    }

    /// <summary>Marks the longest common subsequence of e[e0, e1) and f[f0, f1) as matched (for short gaps only).</summary>
    private static void CompareGap(int[] e, int e0, int e1, int[] f, int f0, int f1, bool[] matchedE, bool[] matchedF, int[] pairOf, int from, int depth = 0)
    {
        var n = e1 - e0;
        var m = f1 - f0;
        if (n <= 0 || m <= 0)
        {
            return;
        }

        if (n > MaxGapCompared || m > MaxGapCompared)
        {
            if (depth < MaxGapDepth)
            {
                CompareLongGap(e, e0, e1, f, f0, f1, matchedE, matchedF, pairOf, from, depth + 1);
            }

            return;
        }

        // Plain dynamic programming on a small table, then a walk back to mark the common words.
        var table = new int[(n + 1) * (m + 1)];
        for (var a = n - 1; a >= 0; a--)
        {
            for (var b = m - 1; b >= 0; b--)
            {
                table[(a * (m + 1)) + b] = e[e0 + a] >= 0 && e[e0 + a] == f[f0 + b]
                    ? table[((a + 1) * (m + 1)) + b + 1] + 1
                    : Math.Max(table[((a + 1) * (m + 1)) + b], table[(a * (m + 1)) + b + 1]);
            }
        }

        var x = 0;
        var y = 0;
        while (x < n && y < m)
        {
            if (e[e0 + x] >= 0 && e[e0 + x] == f[f0 + y])
            {
                matchedE[e0 + x] = true;
                matchedF[f0 + y - from] = true;
                pairOf[f0 + y - from] = e0 + x;
                x++;
                y++;
            }
            else if (table[((x + 1) * (m + 1)) + y] >= table[(x * (m + 1)) + y + 1])
            {
                x++;
            }
            else
            {
                y++;
            }
        }
    }

    /// <summary>
    /// A gap too long to compare word by word: where a template repeats itself (Sleepycat holds three BSD texts; their
    /// runs are no anchors of the whole template), the runs that occur once within the gap, on both sides, anchor it in
    /// turn, as patience diff does, and the shorter gaps between them are compared.
    /// </summary>
    private static void CompareLongGap(int[] e, int e0, int e1, int[] f, int f0, int f1, bool[] matchedE, bool[] matchedF, int[] pairOf, int from, int depth)
    {
        var inTemplate = RunsWithin(e, e0, e1);
        var inFile = RunsWithin(f, f0, f1);
        var pairE = new List<int>();
        var pairF = new List<int>();
        for (var j = f0; j + AnchorLength <= f1; j++)
        {
            if (TryKey(f, j, out var key) && inFile[key] == j && inTemplate.TryGetValue(key, out var i) && i >= 0)
            {
                pairE.Add(i);
                pairF.Add(j);
            }
        }

        var previousE = e0;
        var previousF = f0;
        foreach (var k in LongestIncreasingChain(pairE))
        {
            var i = pairE[k];
            var j = pairF[k];
            if (i < previousE || j < previousF)
            {
                continue;
            }

            CompareGap(e, previousE, i, f, previousF, j, matchedE, matchedF, pairOf, from, depth);
            MarkAnchor(i, j, matchedE, matchedF, pairOf, from);

            previousE = i + AnchorLength;
            previousF = j + AnchorLength;
        }

        if (previousE > e0)
        {
            CompareGap(e, previousE, e1, f, previousF, f1, matchedE, matchedF, pairOf, from, depth);
        }
    }

    /// <summary>The <see cref="AnchorLength"/> words of an anchor, at template word <paramref name="i"/> and file word <paramref name="j"/>, as matched.</summary>
    private static void MarkAnchor(int i, int j, bool[] matchedE, bool[] matchedF, int[] pairOf, int from)
    {
        for (var d = 0; d < AnchorLength; d++)
        {
            matchedE[i + d] = true;
            matchedF[j + d - from] = true;
            pairOf[j + d - from] = i + d;
        }
    }

    /// <summary>Each run of <see cref="AnchorLength"/> known words in [from, to) → where it starts, or -1 when it occurs more than once there.</summary>
    private static Dictionary<ulong, int> RunsWithin(int[] words, int from, int to)
    {
        var runs = new Dictionary<ulong, int>(Math.Max(0, to - from - AnchorLength + 1));
        for (var i = from; i + AnchorLength <= to; i++)
        {
            if (TryKey(words, i, out var key))
            {
                runs[key] = runs.ContainsKey(key) ? -1 : i;
            }
        }

        return runs;
    }

    /// <summary>
    /// The part of the chain between two large insertions of the file that holds the most anchors: a phrase the template
    /// shares with another text elsewhere in the file must not stretch the span over that other text.
    /// </summary>
    private static List<int> BestSegment(List<int> chain, List<int> pairE, List<int> pairF)
    {
        var bestStart = 0;
        var bestLength = 0;
        var start = 0;
        for (var k = 1; k <= chain.Count; k++)
        {
            var breaks = k == chain.Count;
            if (!breaks)
            {
                var gapE = pairE[chain[k]] - pairE[chain[k - 1]];
                var gapF = pairF[chain[k]] - pairF[chain[k - 1]];
                breaks = gapF > (2 * gapE) + IdentificationTables.MaxInsertionInsideText;
            }

            if (breaks)
            {
                if (k - start > bestLength)
                {
                    bestStart = start;
                    bestLength = k - start;
                }

                start = k;
            }
        }

        return chain.GetRange(bestStart, bestLength);
    }

    /// <summary>Indexes of the longest strictly increasing subsequence of <paramref name="values"/> (patience sorting).</summary>
    private static List<int> LongestIncreasingChain(List<int> values)
    {
        var tails = new List<int>();
        var previous = new int[values.Count];
        for (var k = 0; k < values.Count; k++)
        {
            int lo = 0, hi = tails.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (values[tails[mid]] < values[k])
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            previous[k] = lo > 0 ? tails[lo - 1] : -1;
            if (lo == tails.Count)
            {
                tails.Add(k);
            }
            else
            {
                tails[lo] = k;
            }
        }

        var chain = new List<int>(tails.Count);
        for (var k = tails.Count == 0 ? -1 : tails[tails.Count - 1]; k >= 0; k = previous[k])
        {
            chain.Add(k);
        }

        chain.Reverse();
        return chain;
    }

    private static bool TryKey(int[] words, int at, out ulong key)
    {
        key = 14695981039346656037UL;
        for (var d = 0; d < AnchorLength; d++)
        {
            var w = words[at + d];
            if (w < 0)
            {
                return false;
            }

            key = unchecked((key ^ (ulong)w) * 1099511628211UL);
        }

        return true;
    }
}
