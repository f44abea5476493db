// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Commons.Licensing.Identification;

/// <summary>
/// Turns a licence text into the words that carry its legal meaning, so that two copies of the same licence
/// compare equal however they were formatted (FIELD-NOTES §1.3): comment markers, Markdown, titles, version
/// lines, copyright lines, "All rights reserved", template fields, bullets, quotes, dashes, case, whitespace,
/// spelling variants and everything after "END OF TERMS AND CONDITIONS" do not count.
/// </summary>
/// <remarks>
/// The result is a word sequence rather than a string: punctuation (quotes, dashes, bullets) then cannot make two
/// texts differ, and every word remembers the line it came from (<see cref="LicenseTextComparer"/> needs it).
/// The same normaliser runs on both sides: the catalogue texts and the file being identified.
/// </remarks>
internal sealed class LicenseTextNormalizer
{
    private const RegexOptions Options = RegexOptions.CultureInvariant;

    // A line made only of comment markup: every line of a licence pasted into a source comment starts like this.
    private static readonly Regex CommentMarker = new(@"^\s*(?:/\*+|\*+/|\*+|//+|#+|;+|--|')\s?", Options);
    private static readonly Regex HorizontalRule = new(@"^\s*(?:[=\-*_~#+]\s*){3,}$", Options);
    private static readonly Regex MarkdownHeading = new(@"^\s*#{1,6}\s+", Options);
    private static readonly Regex BlockQuote = new(@"^\s*>+\s?", Options);
    private static readonly Regex LinkMarkup = new(@"\[([^\[\]\n]+)\]\([^()\s]+\)", Options);
    private const int MaxLinkLines = 3;
    private static readonly char[] Brackets = { '[', ']' };
    private static readonly Regex WrappedLinkEnd = new(@"^([^\[\]]*)\]\([^()\s]+\)", Options);
    private static readonly Regex VersionLine = new(@"^\s*(?:version|v)\s*\d[\w.\-]*[\s,]*(?:[\w,.]+\s*){0,4}$", Options | RegexOptions.IgnoreCase);
    private static readonly Regex UrlLine = new(@"^\s*<?(?:https?://|www\.)\S+>?\s*$", Options | RegexOptions.IgnoreCase);

    // A copyright notice: "Copyright (c) 2020 Foo", "Copyright 2020 Foo", "Copyright: Foo", "© Foo", "(c) 2020 Foo",
    // "Copyright Foo Inc." — but not a wrapped sentence that happens to start with "copyright notice" or
    // "Copyright Holder" (Artistic-2.0 defines that term) or a heading "(A) Copyright Grant" (MS-PL, MS-RL), hence the
    // case-sensitive capital and the excluded nouns.
    // Up to four capitalised-first words may come before it ("Original code Copyright Jane", "Portions Copyright …").
    private static readonly Regex CopyrightLine = new(
        @"^[\s*#/\-]*(?:portions\s+|[A-Z][\w.]*(?:\s+[\w.]+){0,3}\s+(?=[Cc]opyright|COPYRIGHT|©))?(?:(?:[Cc]opyright|COPYRIGHT)\s*(?:\(c\)|\(C\)|©|\d{4}|[<\[{:]|by\b)|Copyright\s+(?!(?:Holders?|Owners?|Notices?|Licen[cs]e|Act|Law|Statement|Grant)\b)[A-Z0-9]|©|\([cC]\)\s*\d{4}).*$",
        Options);

    // The end of a sentence inside a line: a full stop before a capitalised word ("Foo Inc. Permission is hereby…").
    private static readonly Regex SentenceEnd = new(@"\.(?=\s+[A-Z][a-z])", Options);

    private static readonly Regex EndOfTerms = new(@"^[\s#*_]*end of (?:the )?terms and conditions[\s#*_.]*$", Options | RegexOptions.IgnoreCase);

    // Template fields of the SPDX texts: <year>, <copyright holders>, [yyyy], [name of copyright owner], [____].
    // URLs and e-mail addresses in angle brackets are text, not fields.
    // A field may name several things ("<Name of Development Group, Name of Institution>", "<URL for Development Group/Institution>").
    private static readonly Regex AngleField = new(@"<(?![^<>\n]*(?:https?:|www\.|@|#))\s*[A-Za-z][A-Za-z _.,'/\-]{0,78}>", Options);
    private static readonly Regex SquareField = new(
        @"\[(?:[_\s]{2,}|[^\[\]\n]{0,40}\b(?:year|yyyy|xxxx|name|owner|holder|enter|insert|licensor|author|organization|software name)\b[^\[\]\n]{0,40})\]",
        Options | RegexOptions.IgnoreCase);

    // What a template field becomes before the line is split into words: not a word, but the next word remembers it.
    private const char FieldMarkChar = '\u0001';
    private static readonly string FieldMark = " " + FieldMarkChar + " ";

    private static readonly Regex AnyLineListMarker = new(NormalizationTables.AnyLineListMarker, Options);
    private static readonly Regex ParagraphListMarker = new(NormalizationTables.ParagraphListMarker, Options | RegexOptions.IgnoreCase);
    private static readonly Regex LineEndHyphen = new(@"\p{L}-\s*$", Options);

    private readonly HashSet<string> knownTitles;
    private readonly HashSet<string>? vocabulary;

    /// <param name="knownTitles">Licence names and ids as <see cref="TitleKey"/>s: a leading line equal to one is a title.</param>
    /// <param name="vocabulary">Words of the catalogue, used to rejoin a word hyphenated across a line break.</param>
    public LicenseTextNormalizer(IEnumerable<string> knownTitles, HashSet<string>? vocabulary)
    {
        this.knownTitles = new HashSet<string>(knownTitles, StringComparer.Ordinal);
        this.vocabulary = vocabulary;
    }

    /// <summary>Normalises a whole text.</summary>
    public NormalizedText Normalize(string text)
    {
        var lines = SplitLines(text);
        return Normalize(lines, 0, lines.Length);
    }

    /// <summary>Normalises lines [start, end) of a text; word line numbers stay relative to the whole text.</summary>
    /// <param name="keepAfterEndOfTerms">Keep the words after "END OF TERMS AND CONDITIONS" (a file may hold another
    /// licence after one that ends so) and list those lines in <see cref="NormalizedText.EndOfTermsLines"/> instead.</param>
    /// <param name="keepTitles">Keep leading title paragraphs (the detector reads them: a first line may cite the licence).</param>
    public NormalizedText Normalize(string[] allLines, int start, int end, bool keepAfterEndOfTerms = false, bool keepTitles = false)
    {
        var lines = new string[end - start];
        Array.Copy(allLines, start, lines, 0, lines.Length);

        StripCommentMarkers(lines);
        JoinWrappedLinks(lines);
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = CleanMarkup(lines[i]);
        }

        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = AnyLineListMarker.Replace(lines[i], string.Empty, 1);
            if (i == 0 || lines[i - 1].Trim().Length == 0)
            {
                lines[i] = ParagraphListMarker.Replace(lines[i], string.Empty, 1);
            }
        }

        if (!keepTitles)
        {
            StripLeadingTitles(lines);
        }

        var fieldCount = 0;
        var endOfTerms = new List<int>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (keepAfterEndOfTerms && EndOfTerms.IsMatch(lines[i]))
            {
                endOfTerms.Add(start + i + 1);
                lines[i] = string.Empty;
                continue;
            }

            if (EndOfTerms.IsMatch(lines[i]))
            {
                for (var j = i; j < lines.Length; j++)
                {
                    lines[j] = string.Empty;
                }

                break;
            }

            if (CopyrightLine.IsMatch(lines[i]))
            {
                i = BlankCopyrightNotice(lines, i);
                continue;
            }

            lines[i] = AngleField.Replace(lines[i], _ => { fieldCount++; return FieldMark; });
            lines[i] = SquareField.Replace(lines[i], _ => { fieldCount++; return FieldMark; });
        }

        var words = new List<string>();
        var wordLines = new List<int>();
        var fieldBefore = new List<int>();
        var pendingField = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var joinNext = LineEndHyphen.IsMatch(lines[i]);
            AddWords(lines[i], start + i + 1, words, wordLines, fieldBefore, ref pendingField);
            if (joinNext)
            {
                RejoinHyphenated(lines, i, words);
            }
        }

        ApplyPhrases(words, wordLines, fieldBefore);
        var fieldPositions = new List<int>(fieldCount);
        for (var w = 0; w <= fieldBefore.Count; w++)
        {
            for (var k = w < fieldBefore.Count ? fieldBefore[w] : pendingField; k > 0; k--)
            {
                fieldPositions.Add(w);
            }
        }

        return new NormalizedText(words.ToArray(), wordLines.ToArray(), fieldCount, fieldPositions: fieldPositions.ToArray()) { EndOfTermsLines = endOfTerms };
    }

    /// <summary>The comparable form of a title line: lower-case words, without a leading "the".</summary>
    public static string TitleKey(string line)
    {
        var words = new List<string>();
        var pending = 0;
        AddWords(line, 0, words, new List<int>(), new List<int>(), ref pending);
        if (words.Count > 0 && words[0] == "the")
        {
            words.RemoveAt(0);
        }

        return string.Join(" ", words);
    }

    /// <summary>A horizontal rule: a line of three or more '=', '-', '*', '_' …</summary>
    public static bool IsRule(string line) => HorizontalRule.IsMatch(line);

    /// <summary>"END OF TERMS AND CONDITIONS": what follows is how to apply the licence, not its terms.</summary>
    public static bool IsEndOfTerms(string line) => EndOfTerms.IsMatch(line);

    public static string[] SplitLines(string text)
        => text.Replace("\r\n", "\n").Replace('\r', '\n').Replace("\uFEFF", string.Empty).Split('\n');

    private static void StripCommentMarkers(string[] lines)
    {
        var nonEmpty = 0;
        foreach (var line in lines)
        {
            if (line.Trim().Length == 0)
            {
                continue;
            }

            nonEmpty++;
            if (!CommentMarker.IsMatch(line))
            {
                return;
            }
        }

        if (nonEmpty < 2)
        {
            return;
        }

        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = CommentMarker.Replace(lines[i], string.Empty, 1);
        }
    }

    /// <summary>
    /// A Markdown link whose text a re-wrapped file breaks over two lines ("[the Apache License" / "2.0](https://…)", as
    /// prettier wraps the Parity and Blue Oak texts): its target goes, as <see cref="LinkMarkup"/> takes it from a link on
    /// one line, or the address would be a dozen words the licence does not have.
    /// </summary>
    private static void JoinWrappedLinks(string[] lines)
    {
        for (var i = 0; i + 1 < lines.Length; i++)
        {
            var open = lines[i].LastIndexOf('[');
            if (open < 0 || lines[i].IndexOf(']', open) >= 0)
            {
                continue;
            }

            // The link's text may take a few lines ("[the" / "Apache License" / "2.0](…)"), never a blank one.
            for (var k = i + 1; k < lines.Length && k <= i + MaxLinkLines; k++)
            {
                if (WrappedLinkEnd.Match(lines[k]) is { Success: true } end)
                {
                    lines[i] = lines[i].Remove(open, 1);
                    lines[k] = end.Groups[1].Value + lines[k].Substring(end.Length);
                    break;
                }

                if (lines[k].Trim().Length == 0 || lines[k].IndexOfAny(Brackets) >= 0)
                {
                    break;
                }
            }
        }
    }

    private static string CleanMarkup(string line)
    {
        if (HorizontalRule.IsMatch(line))
        {
            return string.Empty;
        }

        line = MarkdownHeading.Replace(line, string.Empty, 1);
        line = BlockQuote.Replace(line, string.Empty, 1);
        line = LinkMarkup.Replace(line, "$1");
        return line.Replace('\t', ' ').Replace('\u00A0', ' ');
    }

    /// <summary>
    /// Blanks the leading paragraphs that are only titles, versions, URLs or copyright notices. Whole paragraphs, not
    /// lines: a re-wrapped text may carry a title on the first line of a sentence. (A copyright notice elsewhere is
    /// blanked by <see cref="BlankCopyrightNotice"/>, sentence by sentence.)
    /// </summary>
    private void StripLeadingTitles(string[] lines)
    {
        var blanked = new List<int>();
        var i = 0;
        for (var paragraphs = 0; paragraphs < NormalizationTables.MaxLeadingLinesStripped; paragraphs++)
        {
            while (i < lines.Length && lines[i].Trim().Length == 0)
            {
                i++;
            }

            var end = i;
            while (end < lines.Length && lines[end].Trim().Length > 0)
            {
                end++;
            }

            if (end == i || !IsStrippableParagraph(lines, i, end))
            {
                break;
            }

            for (var k = i; k < end; k++)
            {
                blanked.Add(k);
            }

            i = end;
        }

        // A text made of nothing but a title keeps it: better a short text than an empty one.
        var anyLeft = false;
        for (var k = 0; k < lines.Length && !anyLeft; k++)
        {
            anyLeft = lines[k].Trim().Length > 0 && !blanked.Contains(k);
        }

        if (anyLeft)
        {
            foreach (var k in blanked)
            {
                lines[k] = string.Empty;
            }
        }
    }

    private bool IsStrippableParagraph(string[] lines, int start, int end)
    {
        for (var k = start; k < end; k++)
        {
            var line = lines[k];
            if (!IsTitle(line) && !VersionLine.IsMatch(line) && !UrlLine.IsMatch(line) && !CopyrightLine.IsMatch(line)
                && !line.Trim().Trim('.').Equals("all rights reserved", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Blanks a copyright notice that starts on line <paramref name="i"/>: up to the end of its sentence on that line
    /// ("Copyright 2004 Foo Inc. Permission is…" keeps "Permission is…"), and over the next lines while a line ends
    /// with a comma or "and" (a notice wrapped over lines). Returns the last line touched.
    /// </summary>
    private static int BlankCopyrightNotice(string[] lines, int i)
    {
        for (var hops = 0; hops < 3 && i < lines.Length; hops++)
        {
            var end = SentenceEnd.Match(lines[i]);
            if (end.Success)
            {
                lines[i] = lines[i].Substring(end.Index + 1);
                return i;
            }

            var trimmed = lines[i].TrimEnd();
            lines[i] = string.Empty;
            var continues = trimmed.EndsWith(",", StringComparison.Ordinal) || trimmed.EndsWith(" and", StringComparison.OrdinalIgnoreCase)
                || trimmed.EndsWith("&", StringComparison.Ordinal);
            if (i + 1 >= lines.Length || lines[i + 1].Trim().Length == 0 || !(continues || IsAddressLine(lines[i + 1])))
            {
                return i;
            }

            i++;
        }

        return i;
    }

    /// <summary>A postal address under a notice ("51 Franklin Street, Fifth Floor, Boston, MA 02110-1301 USA"): short, with a number, not a sentence.</summary>
    private static bool IsAddressLine(string line)
    {
        var words = TitleKey(line).Split(' ');
        var hasDigit = false;
        foreach (var c in line)
        {
            hasDigit |= char.IsDigit(c);
        }

        return hasDigit && words.Length <= 10 && !SentenceEnd.IsMatch(line) && !line.TrimEnd().EndsWith(".", StringComparison.Ordinal);
    }

    /// <summary>A line that carries no terms of its own: a title, a version line, a lone URL or "all rights reserved".</summary>
    public bool IsIgnorableLine(string line)
        => IsTitle(line) || VersionLine.IsMatch(line) || UrlLine.IsMatch(line) || HorizontalRule.IsMatch(line)
            || line.Trim().Trim('.').Equals("all rights reserved", StringComparison.OrdinalIgnoreCase);

    /// <summary>A short line naming a licence ("MIT License", "GNU GENERAL PUBLIC LICENSE") or equal to a catalogue name or id.</summary>
    public bool IsTitle(string line)
    {
        var key = TitleKey(line);
        if (key.Length == 0)
        {
            return false;
        }

        if (knownTitles.Contains(key))
        {
            return true;
        }

        var wordCount = key.Split(' ').Length;
        if (wordCount > NormalizationTables.MaxTitleWords)
        {
            return false;
        }

        foreach (var word in NormalizationTables.TitleWords)
        {
            if ((" " + key + " ").IndexOf(" " + word, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Splits a line into lower-case words: runs of letters and digits ('&amp;' reads "and"). A <see cref="FieldMark"/>
    /// adds no word: the next word counts the fields just before it (<paramref name="pendingField"/> carries the count
    /// over to the next line).
    /// </summary>
    private static void AddWords(string line, int lineNumber, List<string> words, List<int> wordLines, List<int> fieldBefore, ref int pendingField)
    {
        var sb = new StringBuilder();
        foreach (var c in line)
        {
            // Chinese and Japanese write no spaces: each ideograph or kana is a word, so that a text wrapped at another
            // column (MulanPSL's Chinese part, rewrapped by choosealicense.com) has the same words.
            if (IsCjk(c))
            {
                Flush(sb, lineNumber, words, wordLines, fieldBefore, ref pendingField);
                Add(c.ToString(), lineNumber, words, wordLines, fieldBefore, ref pendingField);
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
                continue;
            }

            Flush(sb, lineNumber, words, wordLines, fieldBefore, ref pendingField);
            if (c == '&')
            {
                Add("and", lineNumber, words, wordLines, fieldBefore, ref pendingField);
            }
            else if (c == FieldMarkChar)
            {
                pendingField++;
            }
        }

        Flush(sb, lineNumber, words, wordLines, fieldBefore, ref pendingField);
    }

    private static bool IsCjk(char c)
        => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF') or (>= '\u3040' and <= '\u30FF');

    private static void Flush(StringBuilder sb, int lineNumber, List<string> words, List<int> wordLines, List<int> fieldBefore, ref int pendingField)
    {
        if (sb.Length == 0)
        {
            return;
        }

        var word = sb.ToString();
        if (NormalizationTables.VarietalWords.TryGetValue(word, out var canonical))
        {
            word = canonical;
        }
        else if (word == "http")
        {
            word = "https";
        }

        Add(word, lineNumber, words, wordLines, fieldBefore, ref pendingField);
        sb.Clear();
    }

    private static void Add(string word, int lineNumber, List<string> words, List<int> wordLines, List<int> fieldBefore, ref int pendingField)
    {
        words.Add(word);
        wordLines.Add(lineNumber);
        fieldBefore.Add(pendingField);
        pendingField = 0;
    }

    /// <summary>"infringe-" at a line end + "ment" becomes "infringement" when the catalogue knows that word.</summary>
    private void RejoinHyphenated(string[] lines, int lineIndex, List<string> words)
    {
        if (vocabulary is null || words.Count == 0 || lineIndex + 1 >= lines.Length)
        {
            return;
        }

        var next = lines[lineIndex + 1].TrimStart();
        var length = 0;
        while (length < next.Length && char.IsLetter(next[length]))
        {
            length++;
        }

        if (length == 0 || !char.IsLower(next[0]))
        {
            return;
        }

        var tail = next.Substring(0, length).ToLowerInvariant();
        var head = words[words.Count - 1];
        var joined = head + tail;
        if (vocabulary.Contains(joined) && !(vocabulary.Contains(head) && vocabulary.Contains(tail)))
        {
            words[words.Count - 1] = joined;
            lines[lineIndex + 1] = next.Substring(length);
        }
    }

    /// <summary>Multi-word spelling variants and boilerplate that is not part of the licence ("all rights reserved").</summary>
    /// <remarks>Fields before replaced words move to the first word of the replacement (or the word after it).</remarks>
    private static void ApplyPhrases(List<string> words, List<int> wordLines, List<int> fieldBefore)
    {
        foreach (var phrase in NormalizationTables.WordPhrases)
        {
            var from = phrase.Key;
            for (var i = 0; i + from.Length <= words.Count; i++)
            {
                var match = true;
                for (var k = 0; k < from.Length && match; k++)
                {
                    match = words[i + k] == from[k];
                }

                if (!match)
                {
                    continue;
                }

                words.RemoveRange(i, from.Length);
                var line = wordLines[i];
                wordLines.RemoveRange(i, from.Length);
                var fields = 0;
                for (var k = i; k < i + from.Length; k++)
                {
                    fields += fieldBefore[k];
                }

                fieldBefore.RemoveRange(i, from.Length);
                var replacement = phrase.Value.Length == 0 ? Array.Empty<string>() : phrase.Value.Split(' ');
                words.InsertRange(i, replacement);
                wordLines.InsertRange(i, Enumerable.Repeat(line, replacement.Length));
                // No lambda here: its closure would be allocated for every word this loop visits, not only on a match.
                fieldBefore.InsertRange(i, new int[replacement.Length]);
                if (i < fieldBefore.Count)
                {
                    fieldBefore[i] += fields;
                }

                i += replacement.Length - 1;
            }
        }
    }
}

/// <summary>A normalised licence text: its words in order, the 1-based line each came from, and how many template fields it had.</summary>
internal sealed class NormalizedText
{
    private HashSet<string>? wordSet;
    private int length = -1;

    public NormalizedText(string[] words, int[] lines, int fieldCount, HashSet<string>? wordSet = null, int[]? fieldPositions = null)
    {
        this.wordSet = wordSet;
        Words = words;
        Lines = lines;
        FieldCount = fieldCount;
        FieldPositions = fieldPositions ?? Array.Empty<int>();
    }

    public string[] Words { get; }

    public int[] Lines { get; }

    public int FieldCount { get; }

    /// <summary>
    /// Where the template fields stood, in ascending order: the index of the word each field came before
    /// (<see cref="Words"/>.Length for a field at the end). A copy may put a name there; nowhere else.
    /// </summary>
    public int[] FieldPositions { get; }

    /// <summary>1-based lines that said "END OF TERMS AND CONDITIONS", when the normaliser was asked to keep what follows.</summary>
    public IReadOnlyList<int> EndOfTermsLines { get; set; } = Array.Empty<int>();

    /// <summary>The words joined by single spaces, for reading (the exact match compares <see cref="Words"/> themselves).</summary>
    public string Joined => string.Join(" ", Words);

    /// <summary>Characters of <see cref="Joined"/> (counted, not joined): the length the pre-filter and the size penalty use.</summary>
    public int Length => length >= 0 ? length : length = CountJoinedLength(Words);

    public HashSet<string> WordSet => wordSet ??= new HashSet<string>(Words, StringComparer.Ordinal);

    public bool IsEmpty => Words.Length == 0;

    public override string ToString() => Joined is var joined && joined.Length > 80 ? joined.Substring(0, 80) + "…" : joined;

    private static int CountJoinedLength(string[] words)
    {
        var total = words.Length == 0 ? 0 : words.Length - 1;
        foreach (var word in words)
        {
            total += word.Length;
        }

        return total;
    }

    internal static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
