// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;

namespace Commons.Licensing.Identification;

/// <summary>Domain data the identifier decides with: exceptions, false-positive guards, how several licences combine.</summary>
internal static class IdentificationTables
{
    /// <summary>
    /// Licence exceptions recognised by a sentence of their own text (the catalogue has no exception texts).
    /// The phrase is compared word by word after normalisation, so punctuation and case do not matter.
    /// </summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> ExceptionPhrases = new[]
    {
        Pair("Classpath-exception-2.0", "linking this library statically or dynamically with other modules is making a combined work based on this library"),
        Pair("LLVM-exception", "as an exception if as a result of your compiling your source code portions of this software are embedded into an object form of such source code"),
        Pair("Font-exception-2.0", "as a special exception if you create a document which uses this font and embed this font or unaltered portions of this font into the document"),
        Pair("Bison-exception-2.2", "as a special exception you may create a larger work that contains part or all of the bison parser skeleton"),
        Pair("GCC-exception-3.1", "gcc runtime library exception version 3 1"),
        Pair("Autoconf-exception-3.0", "autoconf configure script exception version 3 0"),
        Pair("Universal-FOSS-exception-1.0", "the universal foss exception version 1 0"),
        Pair("GCC-exception-3.1", "is an additional permission under section 7 of the gnu general public license version 3 gplv3 it applies to a given file the runtime library"),
        Pair("LGPL-3.0-linking-exception", "the copyright holders of this library give you permission to convey to a third party a combined work that links statically or dynamically to this library without providing any minimal corresponding source or minimal application code"),
        Pair("Qt-LGPL-exception-1.1", "as an additional permission to the gnu lesser general public license version 2 1 the object code form of a work that uses the library may incorporate material from a header file that is part of the library"),
        Pair("Texinfo-exception", "as a special exception when this file is read by tex when processing a texinfo source document you may use the result without restriction"),
        Pair("WxWindows-exception-3.1", "the exception is that you may use copy link modify and distribute under your own terms binary object code versions of works based on the library"),
    };

    /// <summary>
    /// Deprecated ids whose text is a licence plus an exception: what they mean in today's expression syntax.
    /// Used when the catalogue text that matched best is one of them.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> DeprecatedIdExpressions = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["GPL-2.0-with-classpath-exception"] = "GPL-2.0-only WITH Classpath-exception-2.0",
        ["GPL-2.0-with-autoconf-exception"] = "GPL-2.0-only WITH Autoconf-exception-2.0",
        ["GPL-2.0-with-bison-exception"] = "GPL-2.0-only WITH Bison-exception-2.2",
        ["GPL-2.0-with-font-exception"] = "GPL-2.0-only WITH Font-exception-2.0",
        ["GPL-2.0-with-GCC-exception"] = "GPL-2.0-only WITH GCC-exception-2.0",
        ["GPL-3.0-with-autoconf-exception"] = "GPL-3.0-only WITH Autoconf-exception-3.0",
        ["GPL-3.0-with-GCC-exception"] = "GPL-3.0-only WITH GCC-exception-3.1",
    };

    /// <summary>
    /// Catalogue texts that carry another licence's full text after their own (the SPDX LGPL-3.0 text ends with the
    /// GPL-3.0 it supplements), while files in the wild (COPYING.LESSER) hold only the first part. The part before the
    /// embedded text is indexed too, under the same id.
    /// </summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> EmbeddedTexts = new[]
    {
        Pair("LGPL-3.0-only", "GPL-3.0-only"),
        Pair("LGPL-3.0-or-later", "GPL-3.0-only"),
        Pair("LGPL-3.0", "GPL-3.0-only"),
        Pair("LGPL-3.0+", "GPL-3.0-only"),
    };

    /// <summary>
    /// Where real copies of a licence name their own holder in place of the catalogue's words (the SPDX templates mark
    /// these as variable; the plain texts do not). For ids starting with the key, these word sequences leave the word
    /// set the similarity uses and count as template fields (their length is forgiven); the exact match is unchanged.
    /// </summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> VariablePhrases = new[]
    {
        Pair("BSD-", "copyright holders"),
        Pair("BSD-", "copyright holder"),
        Pair("ISC", "the author"),
        Pair("X11", "x consortium"),

        // The FSF's all-permissive licences name their grantor; autoconf, gnulib and glib files that use them name their
        // own ("the author(s) gives unlimited permission"): the same grant by another holder.
        Pair("FSFUL", "the free software foundation"),
    };

    /// <summary>
    /// False-positive guards (licensee <c>matchers/dice.rb</c>): the non-free Creative Commons variants are more than
    /// 98 % similar to the free ones. A file whose title names a restriction is only compared with catalogue ids of
    /// that family that carry the restriction's marker.
    /// </summary>
    public static readonly IReadOnlyList<VariantGuard> VariantGuards = new[]
    {
        new VariantGuard("CC-", new[] { "noncommercial", "non commercial" }, "-NC"),
        new VariantGuard("CC-", new[] { "noderivatives", "noderivs", "no derivative", "no derivatives" }, "-ND"),
    };

    /// <summary>Words of a file's other text that say several licences are alternatives (dual licensing): they combine with OR.</summary>
    public static readonly IReadOnlyList<string> AlternativePhrases = new[]
    {
        "at your option", "dual licensed", "dual license", "dually licensed", "either license", "either of", "your choice",
        "you may choose", "you can choose", "choose either", "one of the following", "or alternatively", "multi licensed",
    };

    /// <summary>Catalogue texts shorter than this (in words) are not looked for inside longer files: too little to be sure of.</summary>
    public const int MinTemplateWords = 20;

    /// <summary>A text found inside a file covers at least this share of its template's words, whatever its fields allow.</summary>
    public const double MinTextCoverage = 0.95;

    /// <summary>Words that turn a permission into a prohibition: a copy that adds one inside a licence text is a modified licence.</summary>
    public static readonly IReadOnlyList<string> NegationWords = new[] { "not", "never", "cannot" };

    /// <summary>More words whose absence from a copy turns a prohibition into a permission (beside <see cref="NegationWords"/>).</summary>
    public static readonly IReadOnlyList<string> MissingNegationWords = new[] { "neither", "nor", "no" };

    /// <summary>A whole-file match leaves at most this many words before or after the text it aligns with.</summary>
    public const int MaxWordsAroundWholeText = 60;

    /// <summary>More words than this after "END OF TERMS AND CONDITIONS" (the GPL's how-to-apply has about 300) may be another licence.</summary>
    public const int MaxWordsAfterEndOfTerms = 500;

    /// <summary>Without a licence text found, only files up to this many words are read for references by name.</summary>
    public const int MaxWordsForReferencesAlone = 400;

    /// <summary>The same text is looked for at most this many times in one file.</summary>
    public const int MaxCopiesOfOneText = 12;

    /// <summary>A file holding at least this share of a text's distinct words is aligned with that text.</summary>
    public const double CandidateContainment = 0.85;

    /// <summary>
    /// ... and at least this share of its anchors (runs of four words found once in the text). A copy the detector
    /// accepts differs in a few places only, so it keeps far more; a long file with the words of many texts does not.
    /// </summary>
    public const double CandidateAnchorShare = 0.5;

    /// <summary>
    /// A file's words inside a matched text that the text lacks, beyond the template fields (a holder's name): at most this
    /// many, plus <see cref="InsertedWordsPerThousand"/> per thousand words of the text. More, and the text was modified.
    /// </summary>
    public const int MaxInsertedWords = 3;

    /// <summary>See <see cref="MaxInsertedWords"/>.</summary>
    public const int InsertedWordsPerThousand = 5;

    /// <summary>Words of a text that a copy may lack (a dropped title line, a missing optional sentence): this many plus <see cref="DeletedWordsPerThousand"/>.</summary>
    public const int MaxDeletedWords = 3;

    /// <summary>See <see cref="MaxDeletedWords"/>.</summary>
    public const int DeletedWordsPerThousand = 10;

    /// <summary>
    /// Words a copy may add, or lack, in one place of a text where no field stands (the FSF's old and new postal
    /// addresses differ by five; real copies in the labelled corpus by at most seven). More is a sentence added or a
    /// clause removed, however long the text.
    /// </summary>
    public const int MaxChangedRun = 8;

    /// <summary>An SPDX alternative ("THE AUTHORS OR COPYRIGHT HOLDERS" → any name) may take at most this many words more than the template's.</summary>
    public const int MaxAlternativeExtraWords = 12;

    /// <summary>
    /// Wordings an SPDX template's alternative lacks but that say the same thing, added to it: (licence id, a piece of the
    /// alternative's pattern that finds the region, the pattern added). BSD-3-Clause's third clause in real files also
    /// reads "The names of Kitware, Inc., … may not be used" and "The name Michael Bostock may not be used" (the template
    /// has "The name of … may not" only): still the non-endorsement clause, nothing added or taken away.
    /// </summary>
    public static readonly IReadOnlyList<(string Id, string Finds, string Added)> AddedAlternatives = new[]
    {
        ("BSD-3-Clause", "(?:the ?name ?of.+may ?not)", "(?:the ?names? ?(?:of ?)?.+may ?not)"),
    };

    /// <summary>Words of a copyright notice inside a template's sentence that a copy may lack (its wrapping made it a copyright line).</summary>
    public const int MaxCopyrightNoticeWords = 30;

    /// <summary>Words a template field (a holder's name, a year, a product name) may stand for in a copy.</summary>
    public const int WordsPerField = 6;

    /// <summary>A run of file words this long inside an alignment splits it: the two sides are not one copy of the text.</summary>
    public const int MaxInsertionInsideText = 40;

    /// <summary>An exception takes at most this many words of its section (its own text, not whatever follows it).</summary>
    public const int MaxExceptionWords = 400;

    /// <summary>A file this short (in words) may name its licence without a citing verb ("MIT", "Apache-2.0 OR MIT").</summary>
    public const int MaxNameOnlyWords = 12;

    /// <summary>Names at most this many words apart belong to one reference ("Apache License 2.0 (LICENSE-APACHE) or MIT").</summary>
    public const int MaxWordsBetweenNames = 14;

    /// <summary>A name counts as cited when one of <see cref="CitingWords"/> stands at most this many words before it.</summary>
    public const int MaxWordsBeforeName = 8;

    /// <summary>Words that cite a licence by name in the sentence that follows them ("licensed under the MIT license").</summary>
    public static readonly HashSet<string> CitingWords = new(StringComparer.Ordinal)
    {
        "licensed", "licenced", "released", "distributed", "available", "published", "provided", "under", "license", "licensing",
        "licenses", "see", "terms", "dual", "either", "identifier", "spdx",
    };

    /// <summary>Words after a licence's name that grant later versions too.</summary>
    public static readonly IReadOnlyList<string> OrLaterPhrases = new[]
    {
        "or at your option any later version", "or any later version", "or later", "or newer", "or any later", "or above",
    };

    /// <summary>A pointer to Debian's copy of a licence names the licence only when at most this many other words are left.</summary>
    public const int MaxWordsBesidePointer = 10;

    /// <summary>
    /// Licence families as sentences name them without a version (normalised words). The GNU names overlap ("lesser
    /// general public license" holds "general public license"): a text naming both families names two.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> UnversionedNames = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["LGPL"] = new[] { "lgpl", "lesser general public license", "library general public license", "gnu lesser general public license" },
        ["GPL"] = new[] { "gpl", "gnu general public license" },
        ["AGPL"] = new[] { "agpl", "affero general public license" },
        ["MPL"] = new[] { "mpl", "mozilla public license" },
        ["Apache"] = new[] { "apache license" },
        ["GFDL"] = new[] { "gfdl", "fdl", "free documentation license" },
    };

    /// <summary>Front matter (YAML, TOML) longer than this many lines is not taken for front matter.</summary>
    public const int MaxFrontMatterLines = 200;

    /// <summary>Words (and phrases) that, in the text no licence explains, read as terms of their own (a file that adds conditions is not its licences).</summary>
    public static readonly IReadOnlyList<string> TermWords = new[]
    {
        "shall", "must", "prohibited", "forbidden", "restricted", "restriction", "restrictions", "fee", "fees", "royalty",
        "royalties", "noncommercial", "commercial", "agree", "agrees", "warrant", "indemnify", "liable", "liability", "revoke",

        // Restrictions: "The Software may not be used by …", "nor for any purpose on a Tuesday". (Not "not" alone: zlib's
        // authors "would appreciate not receiving lengthy legal documents", its library "does not include third-party code".)
        "may not", "must not", "shall not", "cannot", "can not", "not be", "not permitted", "not allowed", "nor",
    };

    /// <summary>
    /// Below this similarity no catalogue licence is named as the closest: unrelated texts share a third of their words
    /// (TTWL at 2 % for a two-word file, Cronyx at 26 % for Qt's commercial terms), which tells a reader nothing.
    /// </summary>
    public const double MinClosestPercent = 50;

    /// <summary>How many words a file may hold beyond the licences found in it (a preamble such as "X is dual-licensed") and still be those licences.</summary>
    public const int MaxUnmatchedWords = 60;

    /// <summary>At most this many words of commentary beside long licence texts (see the detector's Combine).</summary>
    public const int MaxCommentaryWords = 150;

    private static KeyValuePair<string, string> Pair(string id, string phrase) => new(id, phrase);
}

/// <summary>One false-positive guard: a title naming a restriction excludes candidates of the family without its marker.</summary>
internal sealed class VariantGuard
{
    public VariantGuard(string family, IReadOnlyList<string> titlePhrases, string requiredMarker)
    {
        Family = family;
        TitlePhrases = titlePhrases;
        RequiredMarker = requiredMarker;
    }

    /// <summary>Id prefix of the family the guard applies to.</summary>
    public string Family { get; }

    /// <summary>Phrases (normalised words) that, in the title, name the restriction.</summary>
    public IReadOnlyList<string> TitlePhrases { get; }

    /// <summary>What a candidate id must contain once the title names the restriction.</summary>
    public string RequiredMarker { get; }

    public bool Excludes(string candidateId, string titleWords)
    {
        if (!candidateId.StartsWith(Family, StringComparison.OrdinalIgnoreCase)
            || candidateId.IndexOf(RequiredMarker, StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return false;
        }

        foreach (var phrase in TitlePhrases)
        {
            if ((" " + titleWords + " ").IndexOf(" " + phrase + " ", StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
