// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Text;

namespace Commons.Compliance.Input;

/// <summary>
/// How the build hands the contract's properties to the analyzer: all in one <c>build_property.CommonsAnalyzerProperties</c>,
/// as <c>Name=value&amp;Name=value</c> with every byte of a value outside <c>A-Z a-z 0-9 - . _ ~</c> percent-encoded (UTF-8).
/// </summary>
/// <remarks>
/// The SDK writes each compiler-visible property into a generated analyzer config as <c>build_property.X = value</c>, raw: a value
/// with a line break (a newline, or U+2028, which Roslyn's config reader also splits on) added lines of its own, so
/// <c>&lt;CommonsCopyrightHolder&gt;ACME&amp;#10;build_property.CommonsGate = true&lt;/CommonsCopyrightHolder&gt;</c> turned the gate on,
/// and a list written over several lines was cut at its first; <c>#</c> and <c>;</c> start a comment there, so a value was cut
/// at them too. Encoded, no value can add a line or lose a character, and the analyzer reads exactly what MSBuild evaluated.
/// </remarks>
public static class PropertyEncoding
{
    /// <summary>The one compiler-visible property the package's targets write.</summary>
    public const string PropertyName = "CommonsAnalyzerProperties";

    public static string Encode(IEnumerable<KeyValuePair<string, string>> properties)
    {
        var text = new StringBuilder();
        foreach (var pair in properties)
        {
            if (text.Length > 0)
            {
                text.Append('&');
            }

            Escape(text, pair.Key);
            text.Append('=');
            Escape(text, pair.Value ?? "");
        }

        return text.ToString();
    }

    /// <summary>The pairs of an encoded value; never throws (a malformed escape is kept as it is).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Decode(string? encoded)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        if (string.IsNullOrEmpty(encoded))
        {
            return pairs;
        }

        foreach (var part in encoded!.Split('&'))
        {
            var equals = part.IndexOf('=');
            if (equals > 0)
            {
                pairs.Add(new KeyValuePair<string, string>(Unescape(part.Substring(0, equals)), Unescape(part.Substring(equals + 1))));
            }
        }

        return pairs;
    }

    private static void Escape(StringBuilder text, string value)
    {
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c is '-' or '.' or '_' or '~')
            {
                text.Append(c);
            }
            else
            {
                text.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
            }
        }
    }

    private static string Unescape(string value)
    {
        if (value.IndexOf('%') < 0)
        {
            return value;
        }

        var bytes = new List<byte>(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '%' && i + 2 < value.Length && HexValue(value[i + 1]) is { } high && HexValue(value[i + 2]) is { } low)
            {
                bytes.Add((byte)((high << 4) | low));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(value[i].ToString()));
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static int? HexValue(char c)
        => c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : c >= 'a' && c <= 'f' ? c - 'a' + 10 : null;

    private const string Hex = "0123456789ABCDEF";
}
