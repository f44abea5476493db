// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Commons.Compliance.Facts;

namespace Commons.Compliance.Rules;

/// <summary>02xx: the files a community needs, and what the README and CONTRIBUTING must say.</summary>
internal static class CommunityRules
{
    /// <summary>Which file kind each "missing file" rule looks for.</summary>
    private static readonly (RepositoryFileKind Kind, string RuleId)[] RequiredFiles =
    {
        (RepositoryFileKind.Readme, RuleIds.NoReadme),
        (RepositoryFileKind.Contributing, RuleIds.NoContributing),
        (RepositoryFileKind.CodeOfConduct, RuleIds.NoCodeOfConduct),
        (RepositoryFileKind.Security, RuleIds.NoSecurityPolicy),
        (RepositoryFileKind.Governance, RuleIds.NoGovernance),
        (RepositoryFileKind.Changelog, RuleIds.NoChangelog),
    };

    /// <summary>The README topics a user looks for, with heading keywords in English and French.</summary>
    private static readonly (string Topic, string[] Keywords)[] ReadmeTopics =
    {
        ("installation", new[] { "install", "getting started", "get started", "setup", "set up", "quick start", "quickstart", "démarr", "demarr", "prise en main" }),
        ("usage", new[] { "usage", "use", "using", "example", "how to", "quick start", "quickstart", "getting started", "utilisation", "utiliser", "exemple", "mode d'emploi" }),
        ("licence", new[] { "licen", "copying", "droits" }),
        ("contributing", new[] { "contribu", "development", "développ", "developp", "participer" }),
    };

    /// <summary>Phrases that show how contributions are licensed: a DCO sign-off or a CLA.</summary>
    private static readonly string[] SignOffPhrases =
    {
        "signed-off-by", "developer certificate of origin", "dco", "contributor license agreement", "contributor licence agreement",
        "cla", "certificat d'origine", "accord de licence de contributeur",
    };

    private static readonly Regex AtxHeading = new(@"^\s{0,3}#{1,6}\s+(?<text>.+?)\s*#*\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant);
    private static readonly Regex SetextHeading = new(@"^(?<text>[^\r\n]+)\r?\n\s{0,3}(=+|-+)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    public static void Evaluate(RuleContext context)
    {
        var facts = context.Facts;
        if (facts is null)
        {
            return;
        }

        foreach (var (kind, ruleId) in RequiredFiles)
        {
            if (!context.Input.HasRepositoryFile(kind))
            {
                context.Report(ruleId, context.ProjectStart());
            }
        }

        CheckReadme(context, facts);
        CheckSignOff(context, facts);
    }

    /// <summary>The headings of a Markdown text, lower case.</summary>
    internal static IReadOnlyList<string> Headings(string markdown)
        => AtxHeading.Matches(markdown).Cast<Match>().Concat(SetextHeading.Matches(markdown).Cast<Match>())
            .Select(m => m.Groups["text"].Value.Trim().ToLowerInvariant()).ToArray();

    /// <summary>
    /// The topics no heading covers, in the table's order. The licence is also covered by a sentence or a link that names
    /// it anywhere ("Licensed under the MIT License", "[Apache-2.0](LICENSE)", a licence badge): many READMEs say it in one
    /// line at the end, and that answers the reader's question as well as a section would.
    /// </summary>
    internal static IReadOnlyList<string> MissingTopics(string markdown)
    {
        var headings = Headings(markdown);
        var lower = markdown.ToLowerInvariant();
        return ReadmeTopics
            .Where(t => !headings.Any(h => t.Keywords.Any(k => ContainsWord(h, k))))
            .Where(t => t.Topic != "licence" || !LicenceNamedInProse(lower))
            .Select(t => t.Topic)
            .ToArray();
    }

    /// <summary>
    /// A word starting with "licen" (license, licensed, licence, licencié …) anywhere in the lower-cased text, or a sentence
    /// that puts the project under a licence by its name ("released under the LGPL", "distributed under the terms of the MIT").
    /// </summary>
    private static bool LicenceNamedInProse(string lower) => ContainsWord(lower, "licen") || UnderALicence.IsMatch(lower);

    private static readonly Regex UnderALicence = new(
        @"\bunder\s+(the\s+)?(terms\s+of\s+(the\s+)?)?(mit|apache|[al]?gpl|gnu|bsd|mpl|mozilla|eupl|isc|unlicense|cc0|cc-by|creative\s+commons|ms-pl|zlib|boost|public\s+domain)\b",
        RegexOptions.CultureInvariant);

    private static void CheckReadme(RuleContext context, ProjectFacts facts)
    {
        var readme = facts.Files.FirstOrDefault(f => f.Kind == RepositoryFileKind.Readme);
        var text = readme is null ? null : context.TextOf(readme.FullPath);
        if (readme is null || text is null)
        {
            return;
        }

        var missing = MissingTopics(text);
        if (missing.Count > 0)
        {
            context.Report(RuleIds.ReadmeLacksEssentials, context.FileStart(readme.FullPath), readme.RelativePath, string.Join(", ", missing));
        }
    }

    private static void CheckSignOff(RuleContext context, ProjectFacts facts)
    {
        if (context.Input.HasRepositoryFile(RepositoryFileKind.DeveloperCertificateOfOrigin)
            || context.Input.HasRepositoryFile(RepositoryFileKind.ContributorLicenseAgreement))
        {
            return;
        }

        var contributing = facts.Files.FirstOrDefault(f => f.Kind == RepositoryFileKind.Contributing);
        var text = contributing is null ? null : context.TextOf(contributing.FullPath);
        if (contributing is null || text is null)
        {
            return;
        }

        var lower = text.ToLowerInvariant();
        if (!SignOffPhrases.Any(p => ContainsWord(lower, p)))
        {
            context.Report(RuleIds.NoContributionSignOff, context.FileStart(contributing.FullPath), contributing.RelativePath);
        }
    }

    /// <summary>True when <paramref name="text"/> holds <paramref name="word"/> starting at a word boundary.</summary>
    private static bool ContainsWord(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var startsWord = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            var shortWord = word.Length <= 3;
            var endsWord = at + word.Length == text.Length || !char.IsLetterOrDigit(text[at + word.Length]);
            if (startsWord && (!shortWord || endsWord))
            {
                return true;
            }
        }

        return false;
    }
}
