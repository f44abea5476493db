// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using Commons.Licensing;

namespace Commons.Inspection;

/// <summary>The one place where collection asks Commons.Licensing what a text, an expression or a URL means.</summary>
internal static class LicensingBridge
{
    /// <summary>Parses and normalises an SPDX expression; null and an error message when it is not valid.</summary>
    public static string? Normalize(string text, out string? error)
    {
        var result = SpdxExpression.Parse(text);
        if (result.IsValid && result.Normalized is { } normalized)
        {
            error = null;
            return normalized;
        }

        error = result.Error is { } e ? "'" + text + "' is not a valid SPDX expression: " + e.Message : "'" + text + "' is not a valid SPDX expression";
        return null;
    }

    /// <summary>Maps a legacy licence URL to a normalised SPDX expression; null when the URL is not a known, versioned one.</summary>
    public static string? MapUrl(string url)
        => LicenseUrlMap.TryMap(url, out var expression) ? Normalize(expression, out _) ?? expression : null;

    /// <summary>
    /// Identifies a licence text (bytes, so that binary or invalid UTF-8 content gives NOASSERTION with a reason), from
    /// the memo of earlier identifications when this very content was met before.
    /// </summary>
    public static LicenseIdentification Identify(byte[] content) => IdentificationMemo.Shared.Identify(content);
}
