// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Commons.Licensing.Identification;

/// <summary>
/// Notices, pointers and exceptions as patterns over a file's normalised words (lower-case letters and digits joined
/// by single spaces: "version 2.1" reads "version 2 1", "and/or" reads "and or"). A rule either states an expression
/// or only explains the words it covers (the warranty sentence of a GNU notice states nothing by itself).
/// </summary>
internal static class NoticeRules
{
    private const RegexOptions Options = RegexOptions.CultureInvariant;

    // Which GNU licence a notice grants: family, version, and whether "or (at your option) any later version" follows.
    // "only version 2.1", "in version 2.1" (libbabeltrace, libnsl): the version the notice grants, nothing later.
    // The GNU Free Documentation License reads the same way ("either version 1.2 of the License, or (at your option) any later version").
    private static readonly Regex GnuGrant = new(
        @"\b(?:under the terms of|licensed under|released under|distributed under|available under|covered by|licensed to you under) (?:the )?(?:terms of (?:the )?)?(?:gnu )?(?:(?<k>lesser |library |affero )?general public|(?<k>free documentation)) license(?: [agl]?gpl| g?fdl)? (?:as published by the free software foundation )?(?:either |only |in )?(?:version |v)(?<v>[123])(?: (?<m>[0123]))?(?: dated [a-z]+ [0-9]{4})?(?: of the license)?(?: as published by the free software foundation)?(?<later> or at your (?:option|opinion|choice) any later version| or any later version| or at your option any later| or later| or newer)?",
        Options);

    // The same, with the version before the licence's name ("under the terms of version 3 of the GNU General Public License").
    private static readonly Regex GnuGrantVersionFirst = new(
        @"\bunder the terms (?:of )?(?:the )?version (?<v>[123])(?: (?<m>[01]))? of the gnu (?<k>lesser |library |affero )?general public license(?: as published by the free software foundation)?(?<later> or at your option any later version| or any later version| or later)?",
        Options);

    public const string DebianPointerRule = "debian-common-licenses";

    // "this library ", "the program ", or up to three words of a name that are not a licence's name or version.
    private const string GnuSubject = @"(?:(?:this|the) (?:[a-z0-9]+ ){0,5}?|(?:(?!(?:license|licence|version|v|gpl|lgpl|gnu)\b)[a-z][a-z0-9]* ){1,3}?)";

    /// <summary>The rules, tried in this order; a rule's matches may not overlap words an earlier detection took.</summary>
    public static readonly IReadOnlyList<NoticeRule> Rules = new[]
    {
        new NoticeRule("gnu-notice", GnuGrant, GnuExpression),
        new NoticeRule("gnu-notice", GnuGrantVersionFirst, GnuExpression),
        // The program's own name may open these sentences ("man-db is free software", "GNU Time is distributed …"), but
        // not the end of the sentence before ("… the GNU Lesser General Public License v.2.1. This package is …").
        Support("gnu-free-software", @"\b" + GnuSubject + @"(?:is|are) free software(?: you can redistribute (?:it|them) and or modify (?:it|them))?"),
        Support("gnu-warranty", @"\b" + GnuSubject + @"(?:is|are) distributed in the hope that (?:it|they) will be useful but without any warranty without even the implied warranty of merchantability or fitness for a particular purpose(?: see the gnu (?:lesser |library |affero )?general public license(?: for more details)?)?"),
        Support("gnu-copy", @"\byou should have received a copy of the gnu (?:lesser |library |affero )?general public license(?: along with (?:[a-z0-9]+ ){1,4}?(?=if not|see|$))?(?: if not see https www gnu org licenses| if not write to the free software foundation(?: [a-z0-9]+){0,20}? usa)?"),
        // The ASF's own header: "Licensed to the Apache Software Foundation (ASF) under one or more contributor license
        // agreements … The ASF licenses this file to You under the Apache License, Version 2.0 …".
        Support("apache-asf-header", @"\blicensed to the apache software foundation asf under one or more contributor license agreements(?: see the notice file distributed with this work for additional information regarding copyright ownership)?"),
        new NoticeRule("apache-2.0-notice", Pattern(@"\b(?:licensed under|the asf licenses this file to you under) the apache license(?: version)? 2 0(?: the license)?(?: you may not use this file except in compliance with the license)?(?: you may obtain a copy of the license at(?: https www apache org licenses license 2 0)?)?"), _ => "Apache-2.0"),
        Support("apache-2.0-warranty", @"\bunless required by applicable law or agreed to in writing software distributed under the license is distributed on an as is basis without warranties or conditions of any kind either express or implied(?: see the license for the specific language governing permissions and limitations under the license)?"),
        // The EUPL's own header (its appendix, and joinup's "How to use the EUPL"), in English; its warranty sentence is
        // the Apache one with "Licence", which the normaliser spells "license".
        new NoticeRule("eupl-notice", Pattern(@"\blicensed under the eupl(?: version| v)? (?<v>1 [012])(?: or as soon they will be approved by the european commission subsequent versions of the eupl)?(?: the license)?(?: you may not use this work except in compliance with the license)?(?: you may obtain a copy of the license at(?: https joinup ec europa eu (?:software page eupl|collection eupl(?: eupl text eupl 1 2)?))?)?"), m => "EUPL-" + m.Groups["v"].Value.Replace(' ', '.')),
        new NoticeRule("mpl-1.x-notice", Pattern(@"\bthe contents of this file are subject to the (?<name>mozilla|netscape) public license version (?<v>1 [01])(?: the license)?(?: you may not use this file except in compliance with the license)?(?: you may obtain a copy of the license at https www mozilla org mpl)?"), MozillaExpression),
        Support("mpl-1.x-warranty", @"\bsoftware distributed under the license is distributed on an as is basis without warranty of any kind either express or implied see the license for the specific language governing rights and limitations under the license"),
        new NoticeRule("cc0-1.0-notice", Pattern(@"\bto the extent possible under law (?:[a-z0-9]+ ){1,12}?ha(?:s|ve) (?:waived all copyright and related or neighboring rights to|dedicated all copyright and related and neighboring rights to) (?:[a-z0-9]+ ){0,12}?(?:to the public domain worldwide )?(?:this (?:[a-z0-9]+ ){0,3}?is distributed without any warranty )?(?:you should have received a copy of the cc0 public domain dedication along with (?:[a-z0-9]+ ){0,4}?if not see https creativecommons org publicdomain zero 1 0)?"), _ => "CC0-1.0"),
        new NoticeRule("mpl-2.0-notice", Pattern(@"\bthis source code form is subject to the terms of the mozilla public license v 2 0(?: if a copy of the mpl was not distributed with this file you can obtain one at https mozilla org mpl 2 0)?"), _ => "MPL-2.0"),
        new NoticeRule(DebianPointerRule, Pattern(@"\bon debian(?: [a-z0-9]+){0,4}? systems?(?: [a-z0-9]+){0,30}? usr share common licenses (?<file>[a-z]+(?: [0-9]+){0,2})\b"), DebianPointer),

        // The same sentence pointing at an unversioned file ("/usr/share/common-licenses/GPL", the latest version): it
        // explains its words and states nothing.
        Support("debian-common-licenses-unversioned", @"\bon debian(?: [a-z0-9]+){0,4}? systems?(?: [a-z0-9]+){0,30}? usr share common licenses (?:gpl|lgpl|gfdl|artistic|bsd|apache)\b(?! [0-9])"),

        // A path to Debian's copy of a licence anywhere else in the sentence is a pointer too, never a name cited.
        new NoticeRule(DebianPointerRule, Pattern(@"\busr share common licenses (?<file>[a-z]+(?: [0-9]+){0,2})\b"), DebianPointer),
    };

    // Debian's /usr/share/common-licenses files a pointer names, and the licence each holds.
    private static readonly Dictionary<string, string> DebianFiles = new(StringComparer.Ordinal)
    {
        ["apache 2 0"] = "Apache-2.0",
        ["gpl 1"] = "GPL-1.0-only",
        ["gpl 2"] = "GPL-2.0-only",
        ["gpl 3"] = "GPL-3.0-only",
        ["lgpl 2"] = "LGPL-2.0-only",
        ["lgpl 2 1"] = "LGPL-2.1-only",
        ["lgpl 3"] = "LGPL-3.0-only",
        ["mpl 1 1"] = "MPL-1.1",
        ["mpl 2 0"] = "MPL-2.0",
        ["cc0 1 0"] = "CC0-1.0",
        ["gfdl 1 2"] = "GFDL-1.2-only",
        ["gfdl 1 3"] = "GFDL-1.3-only",
    };

    private static Regex Pattern(string pattern) => new(pattern, Options);

    private static NoticeRule Support(string name, string pattern) => new(name, Pattern(pattern), null);

    private static string? GnuExpression(Match match)
    {
        var kind = match.Groups["k"].Value.Trim();
        var major = match.Groups["v"].Value;
        var minor = match.Groups["m"].Success ? match.Groups["m"].Value : "0";
        var family = kind switch { "lesser" => "LGPL", "library" => "LGPL", "affero" => "AGPL", "free documentation" => "GFDL", _ => "GPL" };
        var version = major + "." + minor;
        var valid = family switch
        {
            "GPL" => minor == "0",
            "AGPL" => version == "3.0",
            "GFDL" => version is "1.1" or "1.2" or "1.3",
            // "Lesser … version 2" (no minor) occurs in the wild for the LGPL 2.0, which was called "Library" then.
            _ => kind == "library" ? version == "2.0" : version is "2.1" or "3.0" || (version == "2.0" && !match.Groups["m"].Success),
        };

        return valid ? family + "-" + version + (match.Groups["later"].Success ? "-or-later" : "-only") : null;
    }

    private static string? MozillaExpression(Match match)
        => (match.Groups["name"].Value == "netscape" ? "NPL-" : "MPL-") + match.Groups["v"].Value.Replace(' ', '.');

    private static string? DebianPointer(Match match)
        => DebianFiles.TryGetValue(match.Groups["file"].Value, out var id) ? id : null;
}

/// <summary>One notice pattern; <see cref="Expression"/> is null for a rule that only explains words.</summary>
internal sealed class NoticeRule
{
    public NoticeRule(string name, Regex pattern, Func<Match, string?>? expression)
    {
        Name = name;
        Pattern = pattern;
        Expression = expression;
    }

    public string Name { get; }

    public Regex Pattern { get; }

    public Func<Match, string?>? Expression { get; }
}

/// <summary>
/// Licence names as a sentence cites them ("licensed under the MIT license", "Apache License, Version 2.0",
/// "LICENSE-MIT"): the catalogue's ids and names, curated spellings, and the names of the known non-SPDX licences.
/// </summary>
internal sealed class LicenseNames
{
    // Single words that are licence ids but also ordinary words: never read as a name on their own.
    private static readonly HashSet<string> AmbiguousSingleWords = new(StringComparer.Ordinal)
    {
        "fair", "glide", "zed", "xerox", "naumen", "crossword", "latex2e", "beerware", "wsuipa", "diffmark", "caldera", "eurosym",
        "abstyles", "afmparse", "bahyph", "barr", "borceux", "dotseqn", "intel", "motosoto", "multics", "mup", "nokia", "noweb",
        "psfrag", "psutils", "rdisc", "saxpath", "sendmail", "snprintf", "spencer", "ssh", "ttwl", "vim", "w3c", "wsuipa", "xnet",
        "zimbra", "adobe", "aml", "ampas", "apafml", "bitstream", "blessing", "cube", "dsdp", "entessa", "fsfap", "gd", "giftware",
        "haskellreport", "hpnd", "icu", "imagemagick", "imlib2", "info", "jasper", "json", "kastrup", "leptonica", "libtiff", "linux",
        "lzma", "magaz", "metamail", "minpack", "mplus", "naist", "newsletr", "nlod", "nrl", "ntp", "oml", "openvision", "pixar",
        "plexus", "qhull", "ruby", "scea", "sgp4", "sl", "smlnj", "ssh", "sunpro", "swl", "tcl", "tmate", "tosl", "tu", "unicode",
        "vostrom", "wtfnmfpl", "x11", "xfig", "xpp", "xzoom", "zend", "ofl", "cecill", "python", "php", "perl", "artistic", "openssl",
        "curl", "libpng", "postgresql", "mit", "isc", "expat", "zlib", "unlicense", "wtfpl", "0bsd", "ncsa",
    };

    // Of the words above, those that stand for one licence when a sentence cites them ("licensed under the MIT license").
    private static readonly Dictionary<string, string> CitedSingleWords = new(StringComparer.Ordinal)
    {
        ["mit"] = "MIT", ["expat"] = "MIT", ["isc"] = "ISC", ["zlib"] = "Zlib", ["unlicense"] = "Unlicense", ["wtfpl"] = "WTFPL",
        ["0bsd"] = "0BSD", ["ncsa"] = "NCSA", ["postgresql"] = "PostgreSQL", ["curl"] = "curl",
    };

    // Spellings the catalogue's ids and names miss (normalised words → SPDX id).
    private static readonly Dictionary<string, string> Curated = new(StringComparer.Ordinal)
    {
        ["apache license version 2 0"] = "Apache-2.0", ["apache license v2 0"] = "Apache-2.0", ["apache license v2"] = "Apache-2.0",
        ["apache 2"] = "Apache-2.0", ["apache2"] = "Apache-2.0", ["apache v2"] = "Apache-2.0", ["apache license 2"] = "Apache-2.0",
        ["apache software license 2 0"] = "Apache-2.0", ["apache software license version 2 0"] = "Apache-2.0", ["alv2"] = "Apache-2.0",
        ["license apache"] = "Apache-2.0", ["license apache2"] = "Apache-2.0", ["license apache 2 0"] = "Apache-2.0",
        ["mit license"] = "MIT", ["mit licence"] = "MIT", ["license mit"] = "MIT", ["expat license"] = "MIT",
        ["mozilla public license version 2 0"] = "MPL-2.0", ["mozilla public license v2 0"] = "MPL-2.0", ["mozilla public license v2"] = "MPL-2.0", ["mozilla public license v 2 0"] = "MPL-2.0", ["mpl 2"] = "MPL-2.0",
        ["mpl2"] = "MPL-2.0", ["mplv2"] = "MPL-2.0", ["license mpl"] = "MPL-2.0", ["license mpl 2 0"] = "MPL-2.0",
        ["mozilla public license version 1 1"] = "MPL-1.1",
        ["bsd 2 clause license"] = "BSD-2-Clause", ["2 clause bsd"] = "BSD-2-Clause", ["simplified bsd license"] = "BSD-2-Clause",
        ["bsd 3 clause license"] = "BSD-3-Clause", ["3 clause bsd"] = "BSD-3-Clause", ["new bsd license"] = "BSD-3-Clause",
        ["modified bsd license"] = "BSD-3-Clause", ["revised bsd license"] = "BSD-3-Clause",
        ["isc license"] = "ISC", ["zlib license"] = "Zlib", ["boost software license"] = "BSL-1.0",
        ["boost software license version 1 0"] = "BSL-1.0", ["the unlicense"] = "Unlicense",
        ["cc0"] = "CC0-1.0", ["cc0 1 0 universal"] = "CC0-1.0", ["creative commons zero"] = "CC0-1.0",
        ["eclipse public license version 2 0"] = "EPL-2.0", ["eclipse public license v2 0"] = "EPL-2.0",
        ["eclipse public license version 1 0"] = "EPL-1.0", ["eclipse public license v1 0"] = "EPL-1.0",
        ["european union public licence version 1 2"] = "EUPL-1.2", ["eupl v1 2"] = "EUPL-1.2",
        ["microsoft public license"] = "MS-PL", ["microsoft reciprocal license"] = "MS-RL",
        ["gplv2"] = "GPL-2.0-only", ["gplv3"] = "GPL-3.0-only", ["lgplv2 1"] = "LGPL-2.1-only", ["lgplv3"] = "LGPL-3.0-only",
        ["agplv3"] = "AGPL-3.0-only", ["gpl 2 0"] = "GPL-2.0-only", ["gpl 3 0"] = "GPL-3.0-only", ["lgpl 2 1"] = "LGPL-2.1-only",
        ["lgpl 3 0"] = "LGPL-3.0-only", ["agpl 3 0"] = "AGPL-3.0-only", ["gnu agpl v3 0"] = "AGPL-3.0-only",
        ["gnu gpl v3"] = "GPL-3.0-only", ["gnu gpl v2"] = "GPL-2.0-only", ["gnu lgpl v3"] = "LGPL-3.0-only",
        ["gnu lgpl v2 1"] = "LGPL-2.1-only", ["gnu affero general public license version 3"] = "AGPL-3.0-only",
        ["gnu general public license version 3"] = "GPL-3.0-only", ["gnu general public license version 2"] = "GPL-2.0-only",
        ["gnu lesser general public license version 3"] = "LGPL-3.0-only", ["gnu lesser general public license version 2 1"] = "LGPL-2.1-only",
        ["reciprocal public license 1 5"] = "RPL-1.5", ["business source license 1 1"] = "BUSL-1.1",
        ["server side public license"] = "SSPL-1.0", ["server side public license version 1"] = "SSPL-1.0",
        ["elastic license 2 0"] = "Elastic-2.0", ["elastic license v2"] = "Elastic-2.0",
        // Etalab's licence as French public bodies cite it ("Licence Ouverte / Open Licence version 2.0"; files are read as "license").
        ["license ouverte open license version 2 0"] = "etalab-2.0", ["license ouverte version 2 0"] = "etalab-2.0",
        ["license ouverte 2 0"] = "etalab-2.0",
        ["license ouverte v2 0"] = "etalab-2.0",
        // The Open Data Commons licences as data portals cite them, without the steward's name.
        ["open database license v1 0"] = "ODbL-1.0", ["open database license 1 0"] = "ODbL-1.0", ["open database license version 1 0"] = "ODbL-1.0",
        ["open database license odbl v1 0"] = "ODbL-1.0", ["open database license odbl 1 0"] = "ODbL-1.0", ["odbl v1 0"] = "ODbL-1.0",
        ["public domain dedication and license v1 0"] = "PDDL-1.0", ["public domain dedication and license 1 0"] = "PDDL-1.0",
        ["polyform noncommercial license 1 0 0"] = "PolyForm-Noncommercial-1.0.0",
        ["polyform small business license 1 0 0"] = "PolyForm-Small-Business-1.0.0",
    };

    private readonly Dictionary<string, string> names = new(StringComparer.Ordinal);

    public LicenseNames(SpdxCatalog catalog, IEnumerable<KeyValuePair<string, string>> knownAliases)
    {
        foreach (var license in catalog.Licenses.Where(l => !l.IsDeprecated))
        {
            Add(LicenseTextNormalizer.TitleKey(license.Id), license.Id);
            Add(LicenseTextNormalizer.TitleKey(license.Name), license.Id);
        }

        // Creative Commons' own spelling of its names ("Attribution-NonCommercial-ShareAlike 4.0 International",
        // "Attribution-NoDerivs 3.0 Unported"), which SPDX writes "Non Commercial", "Share Alike", "No Derivatives";
        // and without the port, which a sentence often leaves out.
        foreach (var license in catalog.Licenses.Where(l => !l.IsDeprecated && l.Id.StartsWith("CC-BY", StringComparison.Ordinal)))
        {
            var key = LicenseTextNormalizer.TitleKey(license.Name);
            var spellings = new[] { key.Replace("non commercial", "noncommercial").Replace("share alike", "sharealike") };
            if (key.Contains("no derivatives"))
            {
                spellings = new[] { spellings[0].Replace("no derivatives", "noderivatives"), spellings[0].Replace("no derivatives", "noderivs") };
            }

            // "Creative Commons BY-SA 4.0": the id's words with the name spelt out.
            spellings = spellings.Append("creative commons " + LicenseTextNormalizer.TitleKey(license.Id).Substring("cc ".Length)).ToArray();
            foreach (var spelling in spellings)
            {
                foreach (var form in new[] { spelling, WithoutPort(spelling) })
                {
                    if (form is not null && !names.ContainsKey(form))
                    {
                        names[form] = license.Id;
                    }
                }
            }
        }

        foreach (var pair in Curated.Concat(knownAliases))
        {
            names[pair.Key] = pair.Value;
        }

        foreach (var pair in CitedSingleWords)
        {
            names[pair.Key] = pair.Value;
        }

        // The GNU licences as sentences name them: "GNU GPL, Version 2", "GNU Lesser General Public License v.2.1".
        var families = new[]
        {
            ("GPL", new[] { "gnu general public license", "gnu gpl", "gpl" }, new[] { "1", "2", "3" }),
            ("LGPL", new[] { "gnu lesser general public license", "gnu lgpl", "lgpl" }, new[] { "2 1", "3" }),
            ("LGPL", new[] { "gnu library general public license" }, new[] { "2" }),
            ("AGPL", new[] { "gnu affero general public license", "gnu agpl", "agpl" }, new[] { "3" }),
        };
        foreach (var (family, spellings, versions) in families)
        {
            foreach (var spelling in spellings)
            {
                foreach (var version in versions)
                {
                    var id = family + "-" + (version.Length == 1 ? version + ".0" : version.Replace(' ', '.')) + "-only";
                    foreach (var form in new[] { "version " + version, "v " + version, "v" + version, version, version + " 0", "version " + version + " 0", "v" + version + " 0" })
                    {
                        if (!names.ContainsKey(spelling + " " + form))
                        {
                            names[spelling + " " + form] = id;
                        }
                    }
                }
            }
        }

        Longest = names.Keys.Max(k => k.Split(' ').Length);
    }

    /// <summary>A Creative Commons name without its last word when that is the unported port ("… 4 0 international").</summary>
    private static string? WithoutPort(string key)
    {
        foreach (var port in new[] { " international", " unported", " generic" })
        {
            if (key.EndsWith(port, StringComparison.Ordinal))
            {
                return key.Substring(0, key.Length - port.Length);
            }
        }

        return null;
    }

    /// <summary>The most words a name has.</summary>
    public int Longest { get; }

    /// <summary>A file name that stands for a licence ("LICENSE-MIT", "LICENSE-APACHE2"): cites one licence, never combines names.</summary>
    public static bool IsFileName(string[] words, int at) => words[at] == "license";

    /// <summary>The licence the words [at, at + length) name, if they are one of the names.</summary>
    public bool TryGet(string[] words, int at, int length, out string id)
    {
        id = string.Empty;
        if (at + length > words.Length)
        {
            return false;
        }

        var key = length == 1 ? words[at] : string.Join(" ", words, at, length);
        return names.TryGetValue(key, out id!);
    }

    private void Add(string key, string id)
    {
        if (key.Length == 0 || (key.IndexOf(' ') < 0 && AmbiguousSingleWords.Contains(key) && !CitedSingleWords.ContainsKey(key)))
        {
            return;
        }

        // An id also reads as a name: only a key with a digit or several words is specific enough (single words above).
        if (key.IndexOf(' ') < 0 && !key.Any(char.IsDigit) && !CitedSingleWords.ContainsKey(key))
        {
            return;
        }

        if (!names.ContainsKey(key))
        {
            names[key] = id;
        }
    }
}

/// <summary>A licence that SPDX does not list, recognised by phrases of its own text (<c>Knowledge/Data/non-spdx-licenses.tsv</c>).</summary>
internal sealed class KnownLicense
{
    private KnownLicense(string id, string expression, string[] phrases, string[] aliases)
    {
        Id = id;
        Expression = expression;
        Phrases = phrases;
        Aliases = aliases;
    }

    public static IReadOnlyList<KnownLicense> All { get; } = EmbeddedTable.Read("non-spdx-licenses.tsv", 4)
        .Select(f => new KnownLicense(f[0], f[1], f[2].Split('|'), f[3].Split(new[] { '|' }, StringSplitOptions.RemoveEmptyEntries)))
        .ToArray();

    public string Id { get; }

    /// <summary>What a file holding this licence states (the licence alone, or with the open licence it is offered beside).</summary>
    public string Expression { get; }

    /// <summary>Normalised word sequences that must all occur in the file.</summary>
    public string[] Phrases { get; }

    /// <summary>Names a sentence may cite the licence by.</summary>
    public string[] Aliases { get; }
}
