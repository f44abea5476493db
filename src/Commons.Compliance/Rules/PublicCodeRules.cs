// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Commons.Compliance.Facts;
using Commons.Compliance.Input;
using Commons.Compliance.Licenses;
using Commons.Licensing;

namespace Commons.Compliance.Rules;

/// <summary>
/// 05xx: publiccode.yml checked offline from its flattened nodes (FIELD-NOTES §7), and the French public-sector preset.
/// </summary>
internal static class PublicCodeRules
{
    public const string FrenchPreset = "fr-public-sector";

    private static readonly string[] RequiredKeys = { "publiccodeYmlVersion", "name", "url", "platforms", "developmentStatus", "softwareType", "description", "legal.license", "maintenance.type" };

    /// <summary>Scalar keys whose value must be one of a fixed set.</summary>
    private static readonly (string Path, string[] Allowed)[] AllowedValues =
    {
        ("developmentStatus", new[] { "concept", "development", "beta", "stable", "obsolete" }),
        ("softwareType", new[]
        {
            "standalone/mobile", "standalone/iot", "standalone/desktop", "standalone/web", "standalone/backend", "standalone/other",
            "addon", "library", "configurationFiles",
        }),
        ("maintenance.type", new[] { "internal", "contract", "community", "none" }),
        ("localisation.localisationReady", new[] { "true", "false" }),
    };

    /// <summary>Length limits of the description fields, per language.</summary>
    private static readonly (string Field, int Min, int Max)[] DescriptionLengths =
    {
        ("shortDescription", 1, 150),
        ("longDescription", 150, 10000),
        ("genericName", 1, 35),
    };

    private static readonly string[] SupportedVersions = { "0", "0.1", "0.2", "0.3", "0.4" };

    /// <summary>BCP-47 as publiccode uses it: a language subtag, then optional script, region or variant subtags.</summary>
    private static readonly Regex LanguageTag = new(@"^[a-zA-Z]{2,3}(-[a-zA-Z]{4})?(-([a-zA-Z]{2}|[0-9]{3}))?(-[a-zA-Z0-9]{5,8})*$", RegexOptions.CultureInvariant);

    public static void Evaluate(RuleContext context)
    {
        CheckFrenchList(context);
        var facts = context.Facts;
        if (facts is null)
        {
            return;
        }

        var frenchPreset = context.Properties.List(PropertyNames.Policy).Contains(FrenchPreset, StringComparer.OrdinalIgnoreCase);
        var publicCode = facts.PublicCode;
        if (publicCode is null)
        {
            if (frenchPreset && !context.Input.HasRepositoryFile(RepositoryFileKind.PublicCode))
            {
                context.Report(RuleIds.NoPublicCode, context.ProjectStart());
            }

            return;
        }

        if (publicCode.ParseError is { } error)
        {
            var text = context.TextOf(publicCode.FullPath);
            context.Report(RuleIds.PublicCodeInvalid, FindingLocation.At(publicCode.FullPath, text, Math.Max(1, publicCode.ParseErrorLine), Math.Max(1, publicCode.ParseErrorColumn)), "it is not valid YAML: " + error);
            return;
        }

        Validate(context, publicCode);
    }

    /// <summary>CMN0504: under the <c>fr-public-sector</c> preset, the project's licence must be on the French list.</summary>
    private static void CheckFrenchList(RuleContext context)
    {
        if (context.Outbound is not { } outbound
            || !context.Properties.List(PropertyNames.Policy).Contains(FrenchPreset, StringComparer.OrdinalIgnoreCase))
        {
            return;
        }

        var decision = PolicyEvaluator.Evaluate(outbound, LicensePolicy.FromPreset(FrenchPreset));
        if (!decision.IsAllowed)
        {
            context.Report(RuleIds.LicenseNotOnPublicSectorList, context.PropertyLocation(PropertyNames.PackageLicenseExpression), outbound.ToString(),
                "list of " + PublicSectorLists.France.Version);
        }
    }

    private static void Validate(RuleContext context, PublicCodeFacts publicCode)
    {
        var nodes = publicCode.Nodes.GroupBy(n => n.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var text = context.TextOf(publicCode.FullPath);
        FindingLocation At(YamlNodeFact? node) => node is null
            ? FindingLocation.At(publicCode.FullPath, text, 1, 1)
            : FindingLocation.At(publicCode.FullPath, text, Math.Max(1, node.Line), Math.Max(1, node.Column));
        void Report(YamlNodeFact? node, string message) => context.Report(RuleIds.PublicCodeInvalid, At(node), message);

        foreach (var key in RequiredKeys.Where(k => !nodes.ContainsKey(k)))
        {
            Report(null, "the required key '" + key + "' is missing");
        }

        if (nodes.TryGetValue("publiccodeYmlVersion", out var version) && !SupportedVersions.Contains(version.Value))
        {
            Report(version, "publiccodeYmlVersion '" + version.Value + "' is not a known version (" + string.Join(", ", SupportedVersions) + ")");
        }

        if (nodes.TryGetValue("url", out var url) && !IsUrl(url.Value))
        {
            Report(url, "url '" + url.Value + "' is not an http(s) URL");
        }

        if (nodes.TryGetValue("platforms", out var platforms) && (platforms.Kind != YamlNodeKind.Sequence || platforms.Count == 0))
        {
            Report(platforms, "platforms must list at least one platform");
        }

        foreach (var (path, allowed) in AllowedValues)
        {
            if (nodes.TryGetValue(path, out var node) && !allowed.Contains(node.Value, StringComparer.Ordinal))
            {
                Report(node, path + " '" + node.Value + "' is not one of " + string.Join(", ", allowed));
            }
        }

        CheckDescriptions(nodes, Report);
        CheckMaintenance(nodes, Report);
        CheckLocalisation(nodes, Report);
        CheckLicense(context, nodes, Report);
    }

    private static void CheckDescriptions(Dictionary<string, YamlNodeFact> nodes, Action<YamlNodeFact?, string> report)
    {
        if (!nodes.TryGetValue("description", out var description))
        {
            return;
        }

        var languages = nodes.Keys.Where(p => p.StartsWith("description.", StringComparison.Ordinal) && p.IndexOf('.', "description.".Length) < 0).ToArray();
        if (description.Kind != YamlNodeKind.Mapping || languages.Length == 0)
        {
            report(description, "description must have at least one language (e.g. description.en)");
            return;
        }

        foreach (var languagePath in languages)
        {
            var language = languagePath.Substring("description.".Length);
            if (!LanguageTag.IsMatch(language))
            {
                report(nodes[languagePath], "description key '" + language + "' is not a BCP-47 language tag");
            }

            if (!nodes.ContainsKey(languagePath + ".shortDescription"))
            {
                report(nodes[languagePath], languagePath + ".shortDescription is missing");
            }

            foreach (var (field, min, max) in DescriptionLengths)
            {
                if (nodes.TryGetValue(languagePath + "." + field, out var node) && ((node.Value?.Length ?? 0) < min || (node.Value?.Length ?? 0) > max))
                {
                    report(node, languagePath + "." + field + " has " + (node.Value?.Length ?? 0) + " characters (allowed " + min + "–" + max + ")");
                }
            }

            if (nodes.TryGetValue(languagePath + ".features", out var features) && (features.Kind != YamlNodeKind.Sequence || features.Count == 0))
            {
                report(features, languagePath + ".features must list at least one feature");
            }
        }
    }

    private static void CheckMaintenance(Dictionary<string, YamlNodeFact> nodes, Action<YamlNodeFact?, string> report)
    {
        if (!nodes.TryGetValue("maintenance.type", out var type))
        {
            return;
        }

        if (type.Value == "contract" && !HasItems(nodes, "maintenance.contractors"))
        {
            report(type, "maintenance.type 'contract' needs maintenance.contractors");
        }

        if ((type.Value == "community" || type.Value == "internal") && !HasItems(nodes, "maintenance.contacts"))
        {
            report(type, "maintenance.type '" + type.Value + "' needs maintenance.contacts");
        }
    }

    private static void CheckLocalisation(Dictionary<string, YamlNodeFact> nodes, Action<YamlNodeFact?, string> report)
    {
        if (!nodes.TryGetValue("localisation", out var localisation))
        {
            return;
        }

        if (!nodes.ContainsKey("localisation.localisationReady"))
        {
            report(localisation, "localisation.localisationReady is missing");
        }

        if (!HasItems(nodes, "localisation.availableLanguages"))
        {
            report(localisation, "localisation.availableLanguages must list at least one language");
            return;
        }

        foreach (var item in nodes.Values.Where(n => n.Path.StartsWith("localisation.availableLanguages[", StringComparison.Ordinal)))
        {
            if (!LanguageTag.IsMatch(item.Value ?? ""))
            {
                report(item, "'" + item.Value + "' in localisation.availableLanguages is not a BCP-47 language tag");
            }
        }
    }

    private static void CheckLicense(RuleContext context, Dictionary<string, YamlNodeFact> nodes, Action<YamlNodeFact?, string> report)
    {
        if (!nodes.TryGetValue("legal.license", out var license))
        {
            return;
        }

        var check = ExpressionCheck.Check(license.Value ?? "", context.Catalog);
        if (!check.IsValid)
        {
            report(license, "legal.license '" + license.Value + "' " + check.Problem);
            return;
        }

        if (context.ProjectLicense is { } project && !SameExpression(context, project, license.Value!))
        {
            context.Report(RuleIds.PublicCodeLicenseDiffers, FindingLocation.At(context.Facts!.PublicCode!.FullPath, context.TextOf(context.Facts.PublicCode.FullPath), license.Line, license.Column), license.Value!, project);
        }
    }

    /// <summary>Same licence ids with the same operators, ignoring case and spacing.</summary>
    private static bool SameExpression(RuleContext context, string a, string b)
    {
        var left = ExpressionCheck.Check(a, context.Catalog);
        var right = ExpressionCheck.Check(b, context.Catalog);
        return left.LicenseIds.OrderBy(x => x, StringComparer.OrdinalIgnoreCase).SequenceEqual(right.LicenseIds.OrderBy(x => x, StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase)
            && Operators(a).SequenceEqual(Operators(b));
    }

    private static IEnumerable<string> Operators(string expression)
        => expression.Split(new[] { ' ', '(', ')' }, StringSplitOptions.RemoveEmptyEntries).Where(t => t is "AND" or "OR" or "WITH").OrderBy(t => t, StringComparer.Ordinal);

    private static bool HasItems(Dictionary<string, YamlNodeFact> nodes, string path) => nodes.TryGetValue(path, out var node) && node.Count > 0;

    private static bool IsUrl(string? value)
        => Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == "https" || uri.Scheme == "http");
}
