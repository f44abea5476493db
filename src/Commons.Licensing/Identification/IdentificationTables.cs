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

    /// <summary>How many words a file may hold beyond the licences found in it (a preamble such as "X is dual-licensed") and still be those licences.</summary>
    public const int MaxUnmatchedWords = 60;

    /// <summary>Longer texts (in characters) are not split into sections: several licence texts together stay far below this.</summary>
    public const int MaxSectionsTextLength = 300_000;

    /// <summary>At most this many similarity searches per file in the section search; past it the answer is NOASSERTION.</summary>
    public const int MaxSectionMatches = 400;

    /// <summary>At most this many sections are tried when a file is split into several licences (bounded work per file).</summary>
    public const int MaxSections = 80;

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
