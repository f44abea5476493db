// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Commons.Licensing.Identification;

/// <summary>
/// Finds every licence text, notice, reference, SPDX tag and exception inside a file, each with its lines, and combines
/// them into the one expression the file states (ScanCode's approach: many matches per file, spans, coverage, what is
/// left over). It keeps the exact matcher's promise: a text counts only when the file follows it word for word (a
/// holder's name where the template has a field, a few words of wrapping noise); words left over inside a text, or
/// left-over sentences that read as terms, make the answer NOASSERTION, with the detections still listed.
/// </summary>
internal sealed class LicenseDetector
{
    private static readonly Regex SpdxTag = new(@"SPDX-License-Identifier\s*:\s*(?<expression>[A-Za-z0-9.+\-: ()]+?)\s*(?:\*/|-->|#\}|\*\)|$)", RegexOptions.CultureInvariant);
    private static readonly Regex FrontMatterEntry = new(@"^\s*(?:[A-Za-z_][\w\-]*\s*[:=]|-\s|#|$|\s)", RegexOptions.CultureInvariant);

    private readonly CatalogueIndex index;
    private readonly DetectorIndex detectorIndex;
    private readonly LicenseNames names;

    public LicenseDetector(CatalogueIndex index, DetectorIndex detectorIndex, LicenseNames names)
    {
        this.index = index;
        this.detectorIndex = detectorIndex;
        this.names = names;
    }

    /// <summary>The detections in a file and what they add up to; null when nothing was found.</summary>
    public LicenseIdentification? Detect(string[] rawLines)
    {
        var lines = (string[])rawLines.Clone();
        BlankFrontMatter(lines);
        var file = index.FileNormalizer.Normalize(lines, 0, lines.Length, keepAfterEndOfTerms: true, keepTitles: true);
        if (file.IsEmpty)
        {
            return null;
        }

        var words = file.Words;
        var taken = new bool[words.Length];
        var found = new List<Found>();

        FindTexts(file, taken, found);
        FindTags(rawLines, file, taken, found);
        FindKnownLicences(file, taken, found);
        FindNotices(file, taken, found);
        FindExceptions(file, lines, taken, found);
        FindReferences(file, lines, taken, found);
        TakeAppendices(file, lines, taken, found);

        if (found.Count == 0)
        {
            return null;
        }

        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        var unmatched = Unmatched(file, lines, taken, out var unmatchedWords, out var leftOver);
        var detections = found.Select(f => f.ToDetection(file)).ToList();
        var result = Combine(found, leftOver, unmatchedWords, out var reason);
        var confidence = found.Where(f => f.Kind != DetectionKind.Exception).Select(f => f.Coverage).DefaultIfEmpty(100).Min();
        var closest = found.FirstOrDefault(f => f.Kind == DetectionKind.Text)?.Expression ?? found[0].Expression;
        var licences = LicencesOf(result, found);
        var identification = result is null
            ? new LicenseIdentification(null, 0, closest, confidence, licences, reason)
            : new LicenseIdentification(result, confidence, closest, confidence, licences, reason, EquivalentsOf(result, found));
        identification.Detections = detections;
        identification.Unmatched = unmatched;
        return identification;
    }

    /// <summary>
    /// When the answer is one licence text (with words around it), the other ids whose text it is as well (GPL-2.0-only's
    /// text is GPL-2.0-or-later's): what a whole-file match lists too.
    /// </summary>
    private IReadOnlyList<string>? EquivalentsOf(string result, List<Found> found)
    {
        var texts = found.Where(f => f.Kind != DetectionKind.Exception).ToList();
        if (texts.Count != 1 || texts[0].Kind != DetectionKind.Text || texts[0].Expression != result)
        {
            return null;
        }

        // The answer's own twins (a text found by the deprecated "GPL-2.0+" template answers GPL-2.0-only).
        return index.Find(result)?.Canonical.Twins.Where(t => !string.Equals(t, result, StringComparison.Ordinal)).ToArray();
    }

    /// <summary>
    /// Each licence of the answer once, in file order ("MIT OR Apache-2.0" → MIT, Apache-2.0; "X WITH E" stays whole);
    /// for NOASSERTION, each licence found.
    /// </summary>
    private static List<string> LicencesOf(string? result, List<Found> found)
    {
        var expressions = result is null
            ? found.Where(f => f.Kind != DetectionKind.Exception && f.Expression is not null).Select(f => f.Expression!)
            : new[] { result };
        var licences = new List<string>();
        foreach (var expression in expressions)
        {
            if (SpdxExpression.Parse(expression).Expression is not { } parsed)
            {
                continue;
            }

            foreach (var leaf in parsed.Leaves())
            {
                var text = leaf.ToString();
                if (!licences.Contains(text, StringComparer.Ordinal))
                {
                    licences.Add(text);
                }
            }
        }

        // The answer's operands come in the order the file states them; a text earlier in the file goes first.
        return licences.OrderBy(l => FirstPosition(found, l)).ToList();
    }

    private static int FirstPosition(List<Found> found, string licence)
    {
        var id = licence.IndexOf(" WITH ", StringComparison.Ordinal) is var at and >= 0 ? licence.Substring(0, at) : licence;
        foreach (var f in found.OrderBy(f => f.Start))
        {
            if (f.Expression is not null && (" " + f.Expression.Replace("(", " ").Replace(")", " ") + " ").Contains(" " + id + " "))
            {
                return f.Start;
            }
        }

        return int.MaxValue;
    }

    /// <summary>
    /// The catalogue texts the file holds: candidates by shared words, then an alignment each; the best alignments win
    /// their span, and a text is kept only when the file follows it closely (see <see cref="IdentificationTables.MaxInsertedWords"/>).
    /// </summary>
    private void FindTexts(NormalizedText file, bool[] taken, List<Found> found)
    {
        var numbers = detectorIndex.Number(file.Words);
        var present = new bool[detectorIndex.Ids.Count];
        foreach (var n in numbers)
        {
            if (n >= 0)
            {
                present[n] = true;
            }
        }

        var accepted = new List<(AlignedTemplate Template, Alignment Alignment)>();
        HashSet<ulong>? runs = null;
        var title = string.Join(" ", file.Lines.Length == 0 ? Array.Empty<string>() : new[] { string.Join(" ", file.Words.Take(12)) });
        foreach (var template in detectorIndex.Templates)
        {
            // licensee's false-positive guard: a title naming a restriction (NonCommercial, NoDerivatives) excludes the free variants.
            if (IdentificationTables.VariantGuards.Any(g => g.Excludes(template.Entry.License.Id, title)))
            {
                continue;
            }

            var shared = 0;
            foreach (var id in template.Distinct)
            {
                shared += present[id] ? 1 : 0;
            }

            // Most of the file's words, then a length it can hold (which reads the template's optional and alternative
            // words: only now), then most of its word runs: a long file holds most words of many texts, and an alignment
            // costs far more.
            if (shared < template.Distinct.Length * IdentificationTables.CandidateContainment
                || template.Words.Length > numbers.Length + MaxDeleted(template)
                || TextAligner.AnchorShare(template, runs ??= TextAligner.RunsOf(numbers)) < IdentificationTables.CandidateAnchorShare)
            {
                continue;
            }

            // A file may hold the same text several times (one MIT text per bundled component): align again on the rest.
            var rest = numbers;
            for (var copy = 0; copy < IdentificationTables.MaxCopiesOfOneText; copy++)
            {
                if (TextAligner.Align(template, rest, file.Words, 0, rest.Length, detectorIndex.Negations, detectorIndex.MissingNegations) is not { } alignment || !Accepts(template, alignment))
                {
                    break;
                }

                accepted.Add((template, alignment));
                rest = copy == 0 ? (int[])numbers.Clone() : rest;
                for (var w = alignment.Start; w <= alignment.End; w++)
                {
                    rest[w] = -1;
                }
            }
        }

        // Best first: the most template words matched less twice the differences (a near-variant with an extra clause
        // loses to the text the file follows exactly); a span goes to the first that claims it.
        foreach (var (template, alignment) in accepted
            .OrderByDescending(a => a.Alignment.Matched - (2 * (a.Alignment.Inserted + a.Alignment.Deleted)))
            .ThenByDescending(a => a.Template.Words.Length))
        {
            if (Overlaps(taken, alignment.Start, alignment.End))
            {
                continue;
            }

            var entry = template.Entry;
            var id = IdentificationTables.DeprecatedIdExpressions.TryGetValue(entry.License.Id, out var expression) ? expression : entry.Canonical.License.Id;

            // A deprecated "GPL-2.0+" text is the GPL-2.0 text: a text alone never grants later versions (a notice does).
            id = id.EndsWith("+", StringComparison.Ordinal) ? id.TrimEnd('+') + "-only" : id;
            // Template words a field explains (a name in place of "copyright holders") count as covered.
            var coverage = 100.0 * (alignment.Matched + alignment.Deleted - alignment.DeletedElsewhere) / template.Words.Length;
            Take(taken, alignment.Start, alignment.End);
            found.Add(new Found(id, DetectionKind.Text, alignment.Start, alignment.End, entry.License.Id, coverage, alignment.Inserted + alignment.Deleted));
        }
    }

    /// <summary>
    /// A text counts only when the file follows it: no negation added, and beyond what its fields explain (a name
    /// where the template has one), only a few words added or missing, whose number grows slowly with the text's length,
    /// and never many in one place (a sentence added, a clause removed).
    /// </summary>
    internal static bool Accepts(AlignedTemplate template, Alignment alignment)
        => !alignment.InsertedNegation
            && alignment.LongestUnexplainedRun <= IdentificationTables.MaxChangedRun
            && alignment.InsertedElsewhere <= IdentificationTables.MaxInsertedWords + (template.Words.Length * IdentificationTables.InsertedWordsPerThousand / 1000)
            && alignment.DeletedElsewhere <= IdentificationTables.MaxDeletedWords + (template.Words.Length * IdentificationTables.DeletedWordsPerThousand / 1000)
            && alignment.Matched + (alignment.Deleted - alignment.DeletedElsewhere) >= template.Words.Length * IdentificationTables.MinTextCoverage;

    /// <summary>The most template words a copy may lack: a template longer than the file by more cannot be in it.</summary>
    private static int MaxDeleted(AlignedTemplate template)
        => IdentificationTables.MaxDeletedWords + (template.FieldSlots.Length * IdentificationTables.WordsPerField) + template.OptionalWords + template.AlternativeWords
            + (template.Words.Length * IdentificationTables.DeletedWordsPerThousand / 1000);

    /// <summary><c>SPDX-License-Identifier:</c> lines, read from the raw text (the normaliser would split the expression into words).</summary>
    private static void FindTags(string[] rawLines, NormalizedText file, bool[] taken, List<Found> found)
    {
        for (var i = 0; i < rawLines.Length; i++)
        {
            if (rawLines[i].IndexOf("SPDX-License-Identifier", StringComparison.OrdinalIgnoreCase) < 0)
            {
                continue;
            }

            var match = SpdxTag.Match(rawLines[i]);
            var parsed = match.Success ? SpdxExpression.Parse(match.Groups["expression"].Value.Trim()) : null;
            if (parsed?.Normalized is not { } expression || parsed.HasUnknownIds)
            {
                continue;
            }

            // A tag inside a licence text found is part of that text (Community-Spec-1.0 ends with its own text's
            // "SPDX-License-Identifier: CC-BY-4.0"): a licence named inside a licence's own text is not a second licence.
            var (first, last) = WordsOnLines(file, i + 1, i + 1);
            if (first < 0 || Overlaps(taken, first, last))
            {
                continue;
            }

            Take(taken, first, last);
            found.Add(new Found(expression, DetectionKind.Tag, first, last, "SPDX-License-Identifier", 100, 0));
        }
    }

    /// <summary>The known non-SPDX licences: all their phrases in the file make the file's untaken words theirs.</summary>
    private static void FindKnownLicences(NormalizedText file, bool[] taken, List<Found> found)
    {
        var joined = " " + file.Joined + " ";

        // In the table's order, and the first whose phrases all occur takes the file: a specific licence's row stands
        // before a generic one (Microsoft's .NET Library terms before any "Microsoft Software License Terms").
        foreach (var known in KnownLicense.All)
        {
            if (!known.Phrases.All(p => joined.IndexOf(" " + p + " ", StringComparison.Ordinal) >= 0))
            {
                continue;
            }

            var first = Array.IndexOf(taken, false);
            var last = Array.LastIndexOf(taken, false);
            if (first < 0)
            {
                continue;
            }

            for (var w = first; w <= last; w++)
            {
                taken[w] = true;
            }

            found.Add(new Found(known.Expression, DetectionKind.KnownLicense, first, last, known.Id, 100, 0));
        }
    }

    private static void FindNotices(NormalizedText file, bool[] taken, List<Found> found)
    {
        var words = new WordString(file.Words);
        foreach (var rule in NoticeRules.Rules)
        {
            foreach (Match match in rule.Pattern.Matches(words.Text))
            {
                var (first, last) = words.WordsOf(match.Index, match.Length);
                if (first < 0 || Overlaps(taken, first, last))
                {
                    continue;
                }

                var expression = rule.Expression?.Invoke(match);
                if (rule.Expression is not null && expression is null)
                {
                    continue; // a notice of a licence that does not exist (an LGPL "version 2" that is not 2.1, say): left over
                }

                Take(taken, first, last);
                found.Add(new Found(expression, DetectionKind.Notice, first, last, rule.Name, 100, 0));
            }
        }
    }

    /// <summary>An exception's sentence, and the rest of its section: up to the next detection, rule or the end.</summary>
    private static void FindExceptions(NormalizedText file, string[] lines, bool[] taken, List<Found> found)
    {
        var words = new WordString(file.Words);
        foreach (var pair in IdentificationTables.ExceptionPhrases)
        {
            var at = words.Text.IndexOf(pair.Value, StringComparison.Ordinal);
            if (at < 0 || (at > 0 && words.Text[at - 1] != ' '))
            {
                continue;
            }

            var (first, _) = words.WordsOf(at, pair.Value.Length);
            if (first < 0 || taken[first])
            {
                continue;
            }

            // Back to the start of the paragraph, forward to the next thing found or a horizontal rule.
            var paragraphLine = file.Lines[first];
            while (paragraphLine > 1 && lines[paragraphLine - 2].Trim().Length > 0)
            {
                paragraphLine--;
            }

            var start = first;
            while (start > 0 && !taken[start - 1] && file.Lines[start - 1] >= paragraphLine)
            {
                start--;
            }

            var end = first;
            while (end + 1 < file.Words.Length && !taken[end + 1] && end - start < IdentificationTables.MaxExceptionWords
                && !CrossesRule(lines, file.Lines[end], file.Lines[end + 1]))
            {
                end++;
            }

            Take(taken, start, end);
            found.Add(new Found(pair.Key, DetectionKind.Exception, start, end, pair.Key, 100, 0));
        }
    }

    /// <summary>
    /// Sentences that cite licences by name: a name after "licensed under", "released under", "under the terms of" …
    /// (within a few words), or a file that holds nothing but names. Several names combine with OR when the sentence
    /// offers a choice ("either", "dual", "at your option", "or" between names), otherwise with AND.
    /// </summary>
    private void FindReferences(NormalizedText file, string[] lines, bool[] taken, List<Found> found)
    {
        var words = file.Words;

        // A long file in which no text was found is not a notice: names inside it are the prose of some other licence
        // (the MPL's definition of "Secondary License" names the GPL, the LGPL and the AGPL).
        if (words.Length > IdentificationTables.MaxWordsForReferencesAlone && !found.Any(f => f.Kind is DetectionKind.Text or DetectionKind.KnownLicense))
        {
            return;
        }

        var wholeFileIsNames = words.Length <= IdentificationTables.MaxNameOnlyWords;
        var cited = new List<(int Start, int End, string Id)>();
        for (var i = 0; i < words.Length; i++)
        {
            if (taken[i])
            {
                continue;
            }

            for (var length = Math.Min(names.Longest, words.Length - i); length >= 1; length--)
            {
                if (names.TryGet(words, i, length, out var id) && !Overlaps(taken, i, i + length - 1)
                    && (wholeFileIsNames || CitedInContext(words, i)))
                {
                    var end = i + length - 1;

                    // "MIT License", "Apache License 2.0 (the License)": the trailing word "license" belongs to the name.
                    if (end + 1 < words.Length && words[end + 1] == "license" && !taken[end + 1])
                    {
                        end++;
                    }

                    // "GNU GPL, Version 2 or later": the version choice belongs to the name too.
                    if (id.EndsWith("-only", StringComparison.Ordinal) && LaterVersion(words, end + 1) is var later and > 0)
                    {
                        id = OrLater(id);
                        end += later;
                    }

                    cited.Add((i, end, id));
                    i = end;
                    break;
                }
            }
        }

        // A title line over a text ("BSD 3-Clause License" over the Tso variant, "SENDMAIL LICENSE" over Sendmail-8.23's
        // text) names that text, less exactly than the text: it joins no reference, not even one that sentences around
        // it make ("This project is licensed under the terms below."), where it would add a second licence.
        if (found.Any(f => f.Kind == DetectionKind.Text))
        {
            cited.RemoveAll(c => OnTitleLines(file, lines, c.Start, c.End));
        }

        // Names close together form one reference ("either Apache License 2.0 or MIT license at your option").
        for (var k = 0; k < cited.Count;)
        {
            var group = new List<(int Start, int End, string Id)> { cited[k] };
            var next = k + 1;
            while (next < cited.Count && cited[next].Start - group[group.Count - 1].End <= IdentificationTables.MaxWordsBetweenNames)
            {
                group.Add(cited[next]);
                next++;
            }

            // File names ("see LICENSE-APACHE2 and LICENSE-MPL") point at texts; they combine nothing by themselves:
            // a group of file names only is one reference per file.
            if (group.All(g => LicenseNames.IsFileName(words, g.Start)) && group.Count > 1)
            {
                next = k + 1;
                group.RemoveRange(1, group.Count - 1);
            }

            var start = ContextStart(words, taken, group[0].Start);
            var end = group[group.Count - 1].End;
            var between = string.Join(" ", words, start, end - start + 1);
            var tail = string.Join(" ", words, end + 1, Math.Min(6, words.Length - end - 1));
            var ids = group.Where(g => group.Count == 1 || !LicenseNames.IsFileName(words, g.Start)).Select(g => g.Id).Distinct(StringComparer.Ordinal).ToList();
            var choice = IdentificationTables.AlternativePhrases.Any(p => (" " + between + " " + tail + " ").IndexOf(" " + p + " ", StringComparison.Ordinal) >= 0)
                || (" " + between + " ").Contains(" or ") || (" " + between + " ").Contains(" either ") || (" " + between + " ").Contains(" dual ");
            // "X-or-later OR X-only" is X-or-later: the later versions include X.
            if (choice)
            {
                ids.RemoveAll(id => id.EndsWith("-only", StringComparison.Ordinal) && ids.Contains(OrLater(id)));
            }

            var expression = ids.Count == 1 ? ids[0] : string.Join(choice ? " OR " : " AND ", ids.Select(Parenthesised));
            Take(taken, start, end);
            found.Add(new Found(expression, DetectionKind.Reference, start, end, "reference", 100, 0));
            k = next;
        }
    }

    /// <summary>How many words from <paramref name="at"/> say "or later" ("or any later version", "or (at your option) any later version").</summary>
    private static int LaterVersion(string[] words, int at)
    {
        foreach (var phrase in IdentificationTables.OrLaterPhrases)
        {
            var parts = phrase.Split(' ');
            var matches = at + parts.Length <= words.Length;
            for (var k = 0; k < parts.Length && matches; k++)
            {
                matches = words[at + k] == parts[k];
            }

            if (matches)
            {
                return parts.Length;
            }
        }

        return 0;
    }

    private static bool CitedInContext(string[] words, int at)
    {
        for (var back = 1; back <= IdentificationTables.MaxWordsBeforeName && at - back >= 0; back++)
        {
            if (IdentificationTables.CitingWords.Contains(words[at - back]))
            {
                return true;
            }
        }

        // The name itself may say it ("LICENSE-MIT", "MIT License").
        return words[at] == "license" || (at + 1 < words.Length && words[at + 1] == "license");
    }

    /// <summary>Where the sentence citing a name starts: back over untaken words to the citing verb.</summary>
    private static int ContextStart(string[] words, bool[] taken, int nameStart)
    {
        var start = nameStart;
        for (var back = 1; back <= IdentificationTables.MaxWordsBeforeName && nameStart - back >= 0 && !taken[nameStart - back]; back++)
        {
            if (IdentificationTables.CitingWords.Contains(words[nameStart - back]))
            {
                start = nameStart - back;
            }
        }

        return start;
    }

    /// <summary>
    /// After "END OF TERMS AND CONDITIONS" comes how to apply the licence (its notice with blanks, an example), up to the
    /// next licence or horizontal rule: part of the licence before it, never a licence of its own nor words left over.
    /// </summary>
    private static void TakeAppendices(NormalizedText file, string[] lines, bool[] taken, List<Found> found)
    {
        foreach (var endLine in file.EndOfTermsLines)
        {
            var owner = found.Where(f => f.Kind == DetectionKind.Text && file.Lines[f.End] <= endLine).OrderByDescending(f => f.End).FirstOrDefault();
            if (owner is null)
            {
                continue;
            }

            var stop = lines.Length + 1;
            for (var line = endLine + 1; line <= lines.Length; line++)
            {
                if (LicenseTextNormalizer.IsRule(lines[line - 1]) || found.Any(f => f.Kind is DetectionKind.Text or DetectionKind.KnownLicense && file.Lines[f.Start] == line))
                {
                    stop = line;
                    break;
                }
            }

            found.RemoveAll(f => (f.Kind is DetectionKind.Notice or DetectionKind.Reference
                    || (f.Kind == DetectionKind.Text && f.Expression is not null && Family(f.Expression) == Family(owner.Expression!)))
                && file.Lines[f.Start] > endLine && file.Lines[f.Start] < stop);
            for (var w = 0; w < file.Words.Length; w++)
            {
                if (file.Lines[w] > endLine && file.Lines[w] < stop)
                {
                    taken[w] = true;
                }
            }

            owner.End = Math.Max(owner.End, LastWordBefore(file, stop));
        }
    }

    /// <summary>"GPL-2.0-only", "GPL-2.0-or-later" and "GPL-2.0+" are one family: the appendix of one may quote another's notice.</summary>
    private static string Family(string id)
        => id.EndsWith("-only", StringComparison.Ordinal) ? id.Substring(0, id.Length - 5)
            : id.EndsWith("-or-later", StringComparison.Ordinal) ? id.Substring(0, id.Length - 9)
            : id.TrimEnd('+');

    private static int LastWordBefore(NormalizedText file, int line)
    {
        var last = -1;
        for (var w = 0; w < file.Words.Length && file.Lines[w] < line; w++)
        {
            last = w;
        }

        return last;
    }

    /// <summary>Words no detection took, by line; titles, version and URL lines are not counted.</summary>
    private List<UnmatchedSpan> Unmatched(NormalizedText file, string[] lines, bool[] taken, out int count, out string leftOver)
    {
        var spans = new List<UnmatchedSpan>();
        var left = new StringBuilder();
        count = 0;
        var w = 0;
        while (w < file.Words.Length)
        {
            if (taken[w])
            {
                w++;
                continue;
            }

            var line = file.Lines[w];
            var onLine = 0;
            var start = w;
            while (w < file.Words.Length && file.Lines[w] == line)
            {
                onLine += taken[w] ? 0 : 1;
                w++;
            }

            if (index.FileNormalizer.IsIgnorableLine(lines[line - 1]))
            {
                continue;
            }

            count += onLine;
            for (var k = start; k < w; k++)
            {
                if (!taken[k])
                {
                    left.Append(file.Words[k]).Append(' ');
                }
            }

            if (spans.Count > 0 && spans[spans.Count - 1].EndLine >= line - 2)
            {
                var previous = spans[spans.Count - 1];
                spans[spans.Count - 1] = new UnmatchedSpan(previous.StartLine, line, previous.Words + onLine);
            }
            else
            {
                spans.Add(new UnmatchedSpan(line, line, onLine));
            }
        }

        leftOver = left.ToString();
        return spans;
    }

    /// <summary>
    /// The file's expression: exceptions joined to their licence with WITH; a notice's "-or-later" refining the same
    /// licence's text; a reference or tag that names every other licence found taken as the file's own combining
    /// statement; otherwise OR when the file offers a choice, else AND. Null (NOASSERTION) when words left over add terms.
    /// </summary>
    private static string? Combine(List<Found> found, string leftOver, int unmatchedWords, out string? reason)
    {
        reason = null;
        var licences = found.Where(f => f.Kind != DetectionKind.Exception && f.Expression is not null).ToList();

        // A pointer to Debian's copy of a licence text names the text, not the version choice the notice makes.
        // Alone, it names the licence only when nothing else is said: "the GNU GPL, version 2 or later, found in
        // /usr/share/common-licenses/GPL-2" makes a choice the pointer's file name does not tell.
        // A sentence that names the pointer's licence without a version ("released under LGPL … refer to
        // /usr/share/common-licenses/LGPL-2.1") lets the pointer say which version.
        if (licences.Any(l => !IsPointer(l))
            || (unmatchedWords > IdentificationTables.MaxWordsBesidePointer && !NamesOnlyThePointersLicence(licences, leftOver)))
        {
            licences.RemoveAll(IsPointer);
        }

        var named = licences.Select(f => f.Expression!).Distinct(StringComparer.Ordinal).ToList();
        // Commentary around the licences (who wrote it, whom to ask, zlib's "we would appreciate") is allowed up to a
        // bound that grows with what was matched: a short notice may carry a line of its own, a text as much again as
        // itself, up to a few paragraphs. Words that read as terms are refused below, whatever their number.
        var matchedWords = found.Sum(f => f.End - f.Start + 1);
        var allowed = Math.Max(IdentificationTables.MaxUnmatchedWords, Math.Min(IdentificationTables.MaxCommentaryWords, matchedWords));
        if (unmatchedWords > allowed)
        {
            reason = "holds " + string.Join(", ", named) + " and " + unmatchedWords + " more words that match no licence";
            return null;
        }

        var padded = " " + leftOver + " ";

        // "version 2 of the license, or (at your opinion) any later version": a grant read as "-only" while the words
        // left over speak of later versions is not that grant.
        if (licences.Any(l => l.Kind == DetectionKind.Notice && l.Expression!.EndsWith("-only", StringComparison.Ordinal))
            && padded.IndexOf(" later ", StringComparison.Ordinal) >= 0)
        {
            reason = "a notice grants " + string.Join(", ", named) + " only, and the words left over speak of later versions";
            return null;
        }

        var terms = IdentificationTables.TermWords.Where(t => padded.IndexOf(" " + t + " ", StringComparison.Ordinal) >= 0).ToList();
        if (terms.Count > 0)
        {
            reason = "holds " + string.Join(", ", named) + " and words that read as terms of their own (" + string.Join(", ", terms.Take(3)) + ")";
            return null;
        }

        if (licences.Count == 0)
        {
            reason = found.Any(IsPointer) ? "names where the licence text is, but not which version the file grants" : "only an exception, without the licence it belongs to";
            return null;
        }

        // Exceptions: WITH the nearest licence before them (else after), when that licence is one id.
        var expressions = new List<string>();
        foreach (var licence in licences)
        {
            expressions.Add(licence.Expression!);
        }

        foreach (var exception in found.Where(f => f.Kind == DetectionKind.Exception))
        {
            var at = licences.FindLastIndex(l => l.Start < exception.Start && IsSingleId(l.Expression!));
            at = at >= 0 ? at : licences.FindIndex(l => IsSingleId(l.Expression!));
            if (at < 0)
            {
                reason = "an exception (" + exception.Expression + ") and no single licence to join it to";
                return null;
            }

            if (expressions[at].IndexOf(" WITH ", StringComparison.Ordinal) < 0)
            {
                var with = expressions[at] + " WITH " + exception.Expression;
                for (var k = 0; k < expressions.Count; k++)
                {
                    if (string.Equals(expressions[k], expressions[at], StringComparison.Ordinal) && k != at)
                    {
                        expressions[k] = with;
                    }
                }

                expressions[at] = with;
            }
        }

        var distinct = Refine(expressions.Distinct(StringComparer.Ordinal).ToList());
        if (distinct.Count == 1)
        {
            return distinct[0];
        }

        // A statement that names every licence found is the file's own answer to how they combine.
        var statements = licences.Where(l => l.Kind is DetectionKind.Reference or DetectionKind.Tag or DetectionKind.KnownLicense).Select(l => l.Expression!).Distinct().ToList();
        foreach (var statement in statements.OrderByDescending(s => IdsOf(s).Count))
        {
            var covered = IdsOf(statement);
            if (distinct.All(e => IdsOf(e).All(id => covered.Contains(id) || covered.Contains(OrLater(id)))))
            {
                reason = "several licences; the file's own statement says how they combine";
                return Refine(new List<string> { statement }.Concat(distinct.Where(e => IdsOf(e).All(covered.Contains) && e.Contains(" WITH "))).ToList())[0];
            }
        }

        var alternatives = IdentificationTables.AlternativePhrases.Any(p => padded.IndexOf(" " + p + " ", StringComparison.Ordinal) >= 0);
        reason = alternatives
            ? "several licences, offered as alternatives: combined with OR"
            : "several licences and no word saying they are alternatives: combined with AND (all apply)";
        return string.Join(alternatives ? " OR " : " AND ", distinct.Select(Parenthesised));
    }

    /// <summary>
    /// Drops what another expression refines: a text's "GPL-2.0-only" when a notice says "GPL-2.0-or-later", the GPL-3.0
    /// that the LGPL-3.0 builds on when both texts are there, a bare licence when it also appears WITH an exception.
    /// </summary>
    private static List<string> Refine(List<string> expressions)
    {
        var all = new HashSet<string>(expressions.SelectMany(IdsOf), StringComparer.Ordinal);
        var withIds = new HashSet<string>(expressions.Where(e => e.Contains(" WITH ")).Select(e => e.Substring(0, e.IndexOf(" WITH ", StringComparison.Ordinal))), StringComparer.Ordinal);
        var lesserThree = all.Any(id => id.StartsWith("LGPL-3.0", StringComparison.Ordinal));
        return expressions.Where(e =>
        {
            if (!IsSingleId(e))
            {
                return true;
            }

            return !(e.EndsWith("-only", StringComparison.Ordinal) && all.Contains(OrLater(e)))
                && !(lesserThree && e.StartsWith("GPL-3.0", StringComparison.Ordinal))
                && !withIds.Contains(e);
        }).ToList();
    }

    private static bool IsPointer(Found found) => found.Template == NoticeRules.DebianPointerRule;

    /// <summary>
    /// True when every licence found is a pointer to one licence, and the words left over name that licence's family
    /// (<see cref="IdentificationTables.UnversionedNames"/>) without a version, "later", or any other family.
    /// </summary>
    private static bool NamesOnlyThePointersLicence(List<Found> licences, string leftOver)
    {
        var ids = licences.Select(l => l.Expression!).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count != 1 || !licences.All(IsPointer))
        {
            return false;
        }

        var padded = " " + leftOver + " ";
        bool Says(string phrase) => padded.IndexOf(" " + phrase + " ", StringComparison.Ordinal) >= 0;
        var named = IdentificationTables.UnversionedNames.Where(n => n.Value.Any(Says)).Select(n => n.Key).ToList();
        return named.Count == 1 && ids[0].StartsWith(named[0] + "-", StringComparison.Ordinal)
            && !Says("later") && !Says("version") && !Says("newer");
    }

    private static string OrLater(string id) => id.EndsWith("-only", StringComparison.Ordinal) ? id.Substring(0, id.Length - 5) + "-or-later" : id;

    private static HashSet<string> IdsOf(string expression)
        => SpdxExpression.TryParse(expression, out var parsed) && parsed is not null
            ? new HashSet<string>(parsed.LicenseIds(), StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal) { expression };

    private static bool IsSingleId(string expression) => expression.IndexOf(' ') < 0;

    private static string Parenthesised(string expression)
        => expression.IndexOf(" AND ", StringComparison.Ordinal) >= 0 || expression.IndexOf(" OR ", StringComparison.Ordinal) >= 0 ? "(" + expression + ")" : expression;

    /// <summary>YAML or TOML front matter (<c>---</c> … <c>---</c>, <c>+++</c> … <c>+++</c>) at the top: metadata, not licence text.</summary>
    internal static void BlankFrontMatter(string[] lines)
    {
        var first = 0;
        while (first < lines.Length && lines[first].Trim().Length == 0)
        {
            first++;
        }

        if (first >= lines.Length || (lines[first].Trim() != "---" && lines[first].Trim() != "+++"))
        {
            return;
        }

        var fence = lines[first].Trim();
        for (var i = first + 1; i < lines.Length && i <= first + IdentificationTables.MaxFrontMatterLines; i++)
        {
            if (lines[i].Trim() == fence)
            {
                for (var k = first; k <= i; k++)
                {
                    lines[k] = string.Empty;
                }

                return;
            }

            if (!FrontMatterEntry.IsMatch(lines[i]))
            {
                return;
            }
        }
    }

    private bool OnTitleLines(NormalizedText file, string[] lines, int start, int end)
    {
        for (var line = file.Lines[start]; line <= file.Lines[end]; line++)
        {
            if (lines[line - 1].Trim().Length > 0 && !index.FileNormalizer.IsIgnorableLine(lines[line - 1]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool CrossesRule(string[] lines, int fromLine, int toLine)
    {
        for (var line = fromLine; line < toLine; line++)
        {
            if (LicenseTextNormalizer.IsRule(lines[line - 1]))
            {
                return true;
            }
        }

        return false;
    }

    private static (int First, int Last) WordsOnLines(NormalizedText file, int fromLine, int toLine)
    {
        int first = -1, last = -1;
        for (var w = 0; w < file.Words.Length; w++)
        {
            if (file.Lines[w] >= fromLine && file.Lines[w] <= toLine)
            {
                first = first < 0 ? w : first;
                last = w;
            }
        }

        return (first, last);
    }

    private static bool Overlaps(bool[] taken, int first, int last)
    {
        var overlap = 0;
        for (var w = first; w <= last; w++)
        {
            overlap += taken[w] ? 1 : 0;
        }

        return overlap * 5 > last - first + 1;
    }

    private static void Take(bool[] taken, int first, int last)
    {
        for (var w = first; w <= last; w++)
        {
            taken[w] = true;
        }
    }

    /// <summary>A detection while the file is read (word positions; lines come at the end).</summary>
    private sealed class Found
    {
        public Found(string? expression, DetectionKind kind, int start, int end, string template, double coverage, int differing)
        {
            Expression = expression;
            Kind = kind;
            Start = start;
            End = end;
            Template = template;
            Coverage = coverage;
            Differing = differing;
        }

        public string? Expression { get; }

        public DetectionKind Kind { get; }

        public int Start { get; }

        public int End { get; set; }

        public string Template { get; }

        public double Coverage { get; }

        public int Differing { get; }

        public LicenseDetection ToDetection(NormalizedText file)
            => new(Expression ?? "(explains a notice)", Kind, file.Lines[Start], file.Lines[End], Template, Math.Round(Coverage, 2), Differing);
    }

    /// <summary>Words joined by single spaces, with the word at each character: patterns run on the text, spans come back as words.</summary>
    private sealed class WordString
    {
        private readonly int[] starts;

        public WordString(string[] words)
        {
            starts = new int[words.Length];
            var text = new StringBuilder();
            for (var i = 0; i < words.Length; i++)
            {
                if (i > 0)
                {
                    text.Append(' ');
                }

                starts[i] = text.Length;
                text.Append(words[i]);
            }

            Text = text.ToString();
        }

        public string Text { get; }

        public (int First, int Last) WordsOf(int index, int length)
        {
            if (length <= 0 || starts.Length == 0)
            {
                return (-1, -1);
            }

            var first = Array.BinarySearch(starts, index);
            first = first >= 0 ? first : ~first - 1;
            var last = Array.BinarySearch(starts, index + length - 1);
            last = last >= 0 ? last : ~last - 1;
            return (Math.Max(0, first), Math.Max(0, last));
        }
    }
}
