// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;

namespace Commons.Licensing;

/// <summary>Which map entry turned a URL into an expression: the provenance to show next to the result.</summary>
public sealed class LicenseUrlMatch
{
    internal LicenseUrlMatch(string expression, string pattern, string source)
    {
        Expression = expression;
        Pattern = pattern;
        Source = source;
    }

    /// <summary>The normalised SPDX expression.</summary>
    public string Expression { get; }

    /// <summary>The map pattern that matched (e.g. <c>spdx.org/licenses/{id}.html</c>).</summary>
    public string Pattern { get; }

    /// <summary>Where the URL form comes from.</summary>
    public string Source { get; }
}

/// <summary>
/// Legacy <c>licenseUrl</c> → SPDX expression, for versioned URL forms only (embedded <c>Urls/Data/url-map.tsv</c>).
/// http/https, "www.", a trailing slash, a fragment and letter case do not matter. GitHub blob/raw links and other
/// moving URLs are not mapped: unknown stays unknown.
/// </summary>
public static class LicenseUrlMap
{
    private static readonly Lazy<List<Entry>> DefaultEntries = new(() => EmbeddedTable.Read("url-map.tsv", 3).Select(f => new Entry(f[0], f[1], f[2])).ToList(), LazyThreadSafetyMode.ExecutionAndPublication);

    public static bool TryMap(string url, out string expression)
    {
        var match = Match(url);
        expression = match?.Expression ?? string.Empty;
        return match is not null;
    }

    /// <summary>The match for a URL, or null. <paramref name="extraEntries"/> (pattern → expression template) are tried first, so users can extend the map.</summary>
    public static LicenseUrlMatch? Match(string url, IEnumerable<KeyValuePair<string, string>>? extraEntries = null)
    {
        var key = Normalise(url);
        if (key is null)
        {
            return null;
        }

        var entries = (extraEntries ?? Enumerable.Empty<KeyValuePair<string, string>>())
            .Select(e => new Entry(e.Key, e.Value, "user entry"))
            .Concat(DefaultEntries.Value);
        foreach (var entry in entries)
        {
            var match = entry.Regex.Match(key);
            if (!match.Success)
            {
                continue;
            }

            var expression = Expand(entry.Template, match);
            var parsed = expression is null ? null : SpdxExpression.Parse(expression);
            if (parsed is { IsValid: true, HasUnknownIds: false } && !parsed.Expression!.Leaves().Any(l => l is SpdxLicenseRef { IsLicenseRef: true }))
            {
                return new LicenseUrlMatch(parsed.Normalized!, entry.Pattern, entry.Source);
            }
        }

        return null;
    }

    /// <summary>The URL without scheme, "www.", fragment and trailing slashes; null when it is not an http(s) or scheme-less URL.</summary>
    private static string? Normalise(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || url!.Length > 2048)
        {
            return null;
        }

        var s = url.Trim();
        foreach (var scheme in new[] { "https://", "http://" })
        {
            if (s.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                s = s.Substring(scheme.Length);
                break;
            }
        }

        if (s.IndexOf("://", StringComparison.Ordinal) >= 0)
        {
            return null;
        }

        if (s.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            s = s.Substring(4);
        }

        var hash = s.IndexOf('#');
        if (hash >= 0)
        {
            s = s.Substring(0, hash);
        }

        return s.TrimEnd('/');
    }

    private static string? Expand(string template, Match match)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] != '{')
            {
                sb.Append(template[i]);
                continue;
            }

            var end = template.IndexOf('}', i);
            var name = template.Substring(i + 1, end - i - 1);
            var value = match.Groups[name.ToLowerInvariant()].Value;
            if (name == "expr")
            {
                try
                {
                    value = Uri.UnescapeDataString(value);
                }
                catch (UriFormatException)
                {
                    return null;
                }
            }

            sb.Append(name == name.ToUpperInvariant() ? value.ToUpperInvariant() : value);
            i = end;
        }

        return sb.ToString();
    }

    private sealed class Entry
    {
        private static readonly Dictionary<string, string> Placeholders = new(StringComparer.Ordinal)
        {
            ["{id}"] = "(?<id>[A-Za-z0-9.+-]+?)",
            ["{expr}"] = "(?<expr>[^/?#]+)",
            ["{cc}"] = "(?<cc>by|by-sa|by-nd|by-nc|by-nc-sa|by-nc-nd|sa)",
            ["{ver}"] = "(?<ver>[0-9]\\.[0-9])",
            ["{port}"] = "(?<port>[a-z]{2,3})",
            ["{lang}"] = "(?<lang>[a-z]{2}(?:[-_][a-z]{2,4})?)",
        };

        public Entry(string pattern, string template, string source)
        {
            Pattern = pattern;
            Template = template;
            Source = source;
            var regex = new StringBuilder("^");
            var rest = pattern;
            while (rest.Length > 0)
            {
                var placeholder = Placeholders.Keys.FirstOrDefault(p => rest.StartsWith(p, StringComparison.Ordinal));
                if (placeholder is not null)
                {
                    regex.Append(Placeholders[placeholder]);
                    rest = rest.Substring(placeholder.Length);
                }
                else
                {
                    regex.Append(Regex.Escape(rest[0].ToString()));
                    rest = rest.Substring(1);
                }
            }

            Regex = new Regex(regex.Append('$').ToString(), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }

        public string Pattern { get; }

        public string Template { get; }

        public string Source { get; }

        public Regex Regex { get; }
    }
}
