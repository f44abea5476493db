// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Globalization;

namespace Commons.Compliance.Policy;

/// <summary>
/// NuGet's version order (SemVer 2.0 with up to four numeric parts; build metadata ignored; release labels compared part by
/// part, numbers numerically and below words, words case-insensitively), written out here because the analyzer may load no
/// NuGet assembly.
/// </summary>
public static class PackageVersionOrder
{
    /// <summary>Negative, zero or positive as <paramref name="a"/> sorts before, with or after <paramref name="b"/>; null when either is no version.</summary>
    public static int? Compare(string a, string b)
    {
        if (!TryParse(a, out var left) || !TryParse(b, out var right))
        {
            return null;
        }

        for (var i = 0; i < 4; i++)
        {
            var c = left.Numbers[i].CompareTo(right.Numbers[i]);
            if (c != 0)
            {
                return c;
            }
        }

        // A release sorts after every prerelease of the same numbers.
        if (left.Labels.Length == 0 || right.Labels.Length == 0)
        {
            return left.Labels.Length == right.Labels.Length ? 0 : left.Labels.Length == 0 ? 1 : -1;
        }

        for (var i = 0; i < Math.Min(left.Labels.Length, right.Labels.Length); i++)
        {
            var c = CompareLabel(left.Labels[i], right.Labels[i]);
            if (c != 0)
            {
                return c;
            }
        }

        return left.Labels.Length.CompareTo(right.Labels.Length);
    }

    private static int CompareLabel(string a, string b)
    {
        var aNumber = IsNumber(a);
        var bNumber = IsNumber(b);
        if (aNumber && bNumber)
        {
            var byLength = a.TrimStart('0').Length.CompareTo(b.TrimStart('0').Length);
            return byLength != 0 ? byLength : string.CompareOrdinal(a.TrimStart('0'), b.TrimStart('0'));
        }

        return aNumber ? -1 : bNumber ? 1 : string.Compare(a, b, StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsNumber(string s)
    {
        foreach (var c in s)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        return s.Length > 0;
    }

    private static bool TryParse(string text, out (long[] Numbers, string[] Labels) version)
    {
        version = (new long[4], Array.Empty<string>());
        var s = text.Trim();
        var plus = s.IndexOf('+');
        if (plus >= 0)
        {
            s = s.Substring(0, plus);
        }

        var dash = s.IndexOf('-');
        var numbers = dash >= 0 ? s.Substring(0, dash) : s;
        if (dash >= 0)
        {
            version.Labels = s.Substring(dash + 1).Split('.');
            if (Array.Exists(version.Labels, l => l.Length == 0))
            {
                return false;
            }
        }

        var parts = numbers.Split('.');
        if (parts.Length > 4)
        {
            return false;
        }

        for (var i = 0; i < parts.Length; i++)
        {
            if (!IsNumber(parts[i]) || !long.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out version.Numbers[i]))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>
/// The versions a curation covers: NuGet's interval notation (<c>[1.0,2.0)</c>, <c>[1.0,)</c>, <c>(,2.0]</c>, <c>[1.0]</c>), or a
/// bare version, which here means exactly that version (NuGet reads it as "this or later"; a correction of a licence must not
/// reach versions nobody has read).
/// </summary>
public sealed class PackageVersionRange
{
    private PackageVersionRange(string text, string? minimum, bool minimumInclusive, string? maximum, bool maximumInclusive)
    {
        Text = text;
        Minimum = minimum;
        MinimumInclusive = minimumInclusive;
        Maximum = maximum;
        MaximumInclusive = maximumInclusive;
    }

    /// <summary>The range as written.</summary>
    public string Text { get; }

    public string? Minimum { get; }

    public bool MinimumInclusive { get; }

    public string? Maximum { get; }

    public bool MaximumInclusive { get; }

    /// <summary>Parses a range; null and a reason when the text is none.</summary>
    public static PackageVersionRange? Parse(string text, out string? error)
    {
        error = null;
        var s = text.Trim();
        if (s.Length == 0)
        {
            error = "is empty";
            return null;
        }

        if (s[0] != '[' && s[0] != '(')
        {
            if (PackageVersionOrder.Compare(s, s) is null)
            {
                error = "is not a version";
                return null;
            }

            return new PackageVersionRange(text.Trim(), s, true, s, true);
        }

        var close = s[s.Length - 1];
        if (s.Length < 3 || (close != ']' && close != ')'))
        {
            error = "must end with ']' or ')'";
            return null;
        }

        var inner = s.Substring(1, s.Length - 2);
        var comma = inner.IndexOf(',');
        string? minimum;
        string? maximum;
        if (comma < 0)
        {
            // [1.0]: exactly one version.
            if (s[0] != '[' || close != ']')
            {
                error = "a single version must be written [version]";
                return null;
            }

            minimum = maximum = inner.Trim();
        }
        else
        {
            minimum = inner.Substring(0, comma).Trim();
            maximum = inner.Substring(comma + 1).Trim();
            if (maximum.IndexOf(',') >= 0)
            {
                error = "has more than one ','";
                return null;
            }
        }

        minimum = minimum.Length == 0 ? null : minimum;
        maximum = maximum.Length == 0 ? null : maximum;
        foreach (var bound in new[] { minimum, maximum })
        {
            if (bound is not null && PackageVersionOrder.Compare(bound, bound) is null)
            {
                error = "'" + bound + "' is not a version";
                return null;
            }
        }

        if (minimum is null && maximum is null)
        {
            error = "names no version";
            return null;
        }

        if (minimum is not null && maximum is not null && PackageVersionOrder.Compare(minimum, maximum) > 0)
        {
            error = "its lower bound is above its upper bound";
            return null;
        }

        return new PackageVersionRange(text.Trim(), minimum, s[0] == '[', maximum, close == ']');
    }

    /// <summary>True when the version is inside the range; a text that is no version is inside none.</summary>
    public bool Contains(string version)
    {
        if (Minimum is not null && (PackageVersionOrder.Compare(version, Minimum) is not { } low || low < 0 || (low == 0 && !MinimumInclusive)))
        {
            return false;
        }

        return Maximum is null || (PackageVersionOrder.Compare(version, Maximum) is { } high && (high < 0 || (high == 0 && MaximumInclusive)));
    }

    public override string ToString() => Text;
}
