// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;

namespace Commons.Licensing.Identification;

/// <summary>
/// Domain data the normaliser applies. Tables, not branches: add a row, not an <c>if</c>.
/// </summary>
internal static class NormalizationTables
{
    /// <summary>
    /// Legally equivalent spellings (SPDX matching guidelines, "varietal words"; the same list licensee uses).
    /// Applied word by word after lower-casing; the left side is replaced by the right side.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> VarietalWords = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["acknowledgment"] = "acknowledgement",
        ["analogue"] = "analog",
        ["analyse"] = "analyze",
        ["artefact"] = "artifact",
        ["authorisation"] = "authorization",
        ["authorised"] = "authorized",
        ["calibre"] = "caliber",
        ["cancelled"] = "canceled",
        ["capitalisations"] = "capitalizations",
        ["catalogue"] = "catalog",
        ["categorise"] = "categorize",
        ["centre"] = "center",
        ["emphasised"] = "emphasized",
        ["favour"] = "favor",
        ["favourite"] = "favorite",
        ["fulfil"] = "fulfill",
        ["fulfilment"] = "fulfillment",
        ["initialise"] = "initialize",
        ["judgment"] = "judgement",
        ["labelling"] = "labeling",
        ["labour"] = "labor",
        ["licence"] = "license",
        ["licences"] = "licenses",
        ["licenced"] = "licensed",
        ["licencee"] = "licensee",
        ["licencor"] = "licensor",
        ["licencing"] = "licensing",
        ["maximise"] = "maximize",
        ["modelled"] = "modeled",
        ["modelling"] = "modeling",
        ["offence"] = "offense",
        ["optimise"] = "optimize",
        ["organisation"] = "organization",
        ["organisations"] = "organizations",
        ["organise"] = "organize",
        ["practise"] = "practice",
        ["programme"] = "program",
        ["realise"] = "realize",
        ["recognise"] = "recognize",
        ["signalling"] = "signaling",
        ["utilisation"] = "utilization",
        ["whilst"] = "while",
        ["wilful"] = "willful",
        ["owner"] = "holder",
        ["owners"] = "holders",
    };

    /// <summary>
    /// Word sequences replaced by one word (multi-word spelling variants; "sub-license" arrives as "sub" "license"
    /// because punctuation separates words) or removed (empty replacement: boilerplate that is not licence terms).
    /// Applied in this order, after the single-word variants.
    /// </summary>
    public static readonly IReadOnlyList<KeyValuePair<string[], string>> WordPhrases = new[]
    {
        Phrase("sub license", "sublicense"),
        Phrase("sub licenses", "sublicenses"),
        Phrase("sub licensed", "sublicensed"),
        Phrase("sub licensing", "sublicensing"),
        Phrase("non commercial", "noncommercial"),
        Phrase("per cent", "percent"),
        Phrase("all rights reserved", string.Empty),

        // MIT's optional clause (SPDX marks it optional; licensee strips it).
        Phrase("including the next paragraph", string.Empty),

        // The SPDX ISC text names its own holder where ISC files in the wild (choosealicense, npm) say "the author".
        Phrase("and isc disclaims", "and the author disclaims"),
        Phrase("shall isc be liable", "shall the author be liable"),

        // Creative Commons boilerplate around the legal code, present in some copies only (licensee strips it too).
        Phrase("the text of the creative commons public licenses is dedicated to the public domain under the cc0 public domain dedication", string.Empty),
        Phrase("wiki creativecommons org considerations for licensors", string.Empty),
        Phrase("wiki creativecommons org considerations for licensees", string.Empty),
        Phrase("creative commons may be contacted at creativecommons org", string.Empty),
    };

    /// <summary>
    /// List markers removed from the start of a line: "1.", "(2)", "3)", "*", "-", "•" anywhere; "a.", "(b)", "iv)" only
    /// at the start of a paragraph (in running text a line may well start with "a"). Numbered and bulleted copies of a
    /// licence then read the same (licensee turns both into "- ").
    /// </summary>
    public const string AnyLineListMarker = @"^\s*(?:[*\-•·+]|\(?\d{1,2}[.)]|\(\d{1,2}\))\s+";

    /// <summary>See <see cref="AnyLineListMarker"/>.</summary>
    public const string ParagraphListMarker = @"^\s*(?:\(?[a-z][.)]|\([a-z]\)|\(?[ivx]{1,4}[.)])\s+";

    /// <summary>
    /// Words that make a short leading line a title ("MIT License", "GNU GENERAL PUBLIC LICENSE", "ISC License:").
    /// Titles are stripped from both sides, so a file with or without one normalises the same.
    /// </summary>
    public static readonly IReadOnlyList<string> TitleWords = new[]
    {
        "license", "licence", "licensing", "copying", "agreement", "exception", "public domain", "unlicense", "terms of use",
        "attribution", "creative commons",
    };

    private static KeyValuePair<string[], string> Phrase(string words, string replacement)
        => new(words.Split(' '), replacement);

    /// <summary>The longest line, in words, still read as a title.</summary>
    public const int MaxTitleWords = 10;

    /// <summary>How many leading title, version, URL or copyright paragraphs are stripped at most (titles are sometimes doubled).</summary>
    public const int MaxLeadingLinesStripped = 8;
}
