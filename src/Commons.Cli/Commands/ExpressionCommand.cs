// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Commons.Licensing;

namespace Commons.Cli.Commands;

/// <summary>
/// <c>commons expression EXPR [--format text|json]</c>: the normalised SPDX expression and what is known of each licence
/// in it, or the error with its position (a caret under the input) and a suggestion. Exit 2 when the expression is invalid.
/// </summary>
internal static class ExpressionCommand
{
    /// <summary>How much of the input is echoed on each side of an error, so that a 1 MB input prints one short line.</summary>
    private const int EchoWindow = 40;

    public static Command Create(CliConsole console)
    {
        var expression = new Argument<string[]>("EXPR")
        {
            Description = "An SPDX licence expression, e.g. \"MIT OR Apache-2.0\" (several words are joined with spaces).",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format") { Description = "Output: text or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");

        var command = new Command("expression", "Check and explain an SPDX licence expression.");
        command.Arguments.Add(expression);
        command.Options.Add(format);
        command.SetAction(parseResult => Run(
            console,
            string.Join(" ", parseResult.GetValue(expression) ?? Array.Empty<string>()),
            parseResult.GetValue(format) ?? "text"));
        return command;
    }

    internal static int Run(CliConsole console, string input, string format)
    {
        var result = SpdxExpression.Parse(input);
        var licences = result.Expression is null ? new List<LicenceRow>() : Rows(result);
        if (format == "json")
        {
            console.Out.WriteLine(ToJson(input, result, licences));
        }
        else if (result.IsValid)
        {
            WriteText(console.Out, result, licences);
        }
        else
        {
            WriteError(console.Error, input, result);
        }

        return result.IsValid ? ExitCodes.Success : ExitCodes.BadInput;
    }

    private static List<LicenceRow> Rows(SpdxParseResult result)
    {
        var replacements = new HashSet<string>(result.DeprecatedIds.Values, StringComparer.Ordinal);
        var rows = new List<LicenceRow>();
        foreach (var leaf in result.Expression!.Leaves())
        {
            var key = leaf.ToString();
            if (rows.Any(r => r.Key == key))
            {
                continue;
            }

            var license = leaf as SpdxLicenseRef ?? ((SpdxWithException)leaf).License;
            var exceptionId = (leaf as SpdxWithException)?.ExceptionId;
            var unknown = result.UnknownIds.Contains(license.Id) || (exceptionId is not null && result.UnknownIds.Contains(exceptionId));
            var traitsKey = exceptionId is null ? license.QualifiedId : license.QualifiedId + " WITH " + exceptionId;
            rows.Add(new LicenceRow(key, license, exceptionId, LicenseKnowledge.Get(traitsKey), replacements.Contains(key) || replacements.Contains(license.ToString()), unknown));
        }

        return rows;
    }

    private static void WriteText(TextWriter output, SpdxParseResult result, List<LicenceRow> rows)
    {
        output.WriteLine(result.Normalized);
        var width = rows.Max(r => r.Key.Length);
        foreach (var row in rows)
        {
            output.WriteLine("  " + row.Key.PadRight(width) + "  " + string.Join("; ", Flags(row)));
        }

        foreach (var warning in result.Warnings)
        {
            output.WriteLine("warning: " + warning);
        }

        if (result.Suggestion is not null)
        {
            output.WriteLine("did you mean: " + result.Suggestion + (result.SuggestionNote is null ? string.Empty : " (" + result.SuggestionNote + ")"));
        }
    }

    private static IEnumerable<string> Flags(LicenceRow row)
    {
        if (row.License.IsLicenseRef)
        {
            yield return "LicenseRef (your own terms; nothing known)";
            yield break;
        }

        if (row.IsUnknown)
        {
            yield return "unknown id";
            yield break;
        }

        yield return KindText(row.Traits.Kind);
        if (row.Traits.IsOsiApproved)
        {
            yield return "OSI";
        }

        if (row.Traits.IsFsfLibre)
        {
            yield return "FSF libre";
        }

        if (!row.Traits.IsOpen && row.Traits.IsKnown)
        {
            yield return "not open";
        }

        if (row.IsDeprecatedMapped)
        {
            yield return "mapped from a deprecated id";
        }

        if (row.Traits.Suits != ResourceKinds.None)
        {
            yield return "suits " + row.Traits.Suits.ToString().ToLowerInvariant();
        }
    }

    private static string KindText(LicenseKind kind) => kind switch
    {
        LicenseKind.WeakCopyleftFile => "weak copyleft (file)",
        LicenseKind.WeakCopyleftLibrary => "weak copyleft (library)",
        LicenseKind.StrongCopyleft => "strong copyleft",
        LicenseKind.NetworkCopyleft => "network copyleft",
        LicenseKind.PublicDomain => "public domain",
        LicenseKind.NonCommercialOrRestricted => "non-commercial or restricted",
        LicenseKind.SourceAvailableOrProprietary => "source-available or proprietary",
        LicenseKind.Permissive => "permissive",
        _ => "kind unknown",
    };

    private static void WriteError(TextWriter error, string input, SpdxParseResult result)
    {
        var e = result.Error!;
        error.WriteLine("error: " + e.Message + " (position " + e.Position + ")");

        // Echo a window of the input with the caret under the error; control characters are shown as '?' so nothing reaches the terminal raw.
        var start = Math.Max(0, e.Position - EchoWindow);
        var end = Math.Min(input.Length, Math.Max(e.Position + e.Length, e.Position + 1) + EchoWindow);
        var prefix = start > 0 ? "…" : string.Empty;
        var echo = new StringBuilder(prefix);
        foreach (var c in input.Substring(start, Math.Max(0, end - start)))
        {
            echo.Append(char.IsControl(c) || char.IsSurrogate(c) ? '?' : c);
        }

        error.WriteLine("  " + echo + (end < input.Length ? "…" : string.Empty));
        error.WriteLine("  " + new string(' ', prefix.Length + e.Position - start) + new string('^', Math.Max(1, e.Length)));
        if (e.Suggestion is not null)
        {
            error.WriteLine("did you mean: " + e.Suggestion + (e.SuggestionNote is null ? string.Empty : " (" + e.SuggestionNote + ")"));
        }
    }

    private static string ToJson(string input, SpdxParseResult result, List<LicenceRow> rows)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("input", input);
            writer.WriteBoolean("valid", result.IsValid);
            WriteOptional(writer, "normalized", result.Normalized);
            writer.WriteStartArray("licenses");
            foreach (var row in rows)
            {
                writer.WriteStartObject();
                writer.WriteString("expression", row.Key);
                writer.WriteString("id", row.License.QualifiedId);
                writer.WriteBoolean("orLater", row.License.OrLater);
                WriteOptional(writer, "exception", row.ExceptionId);
                writer.WriteString("kind", row.Traits.Kind.ToString());
                writer.WriteBoolean("osiApproved", row.Traits.IsOsiApproved);
                writer.WriteBoolean("fsfLibre", row.Traits.IsFsfLibre);
                writer.WriteBoolean("open", row.Traits.IsOpen);
                writer.WriteBoolean("deprecatedMapped", row.IsDeprecatedMapped);
                writer.WriteBoolean("unknown", row.IsUnknown);
                writer.WriteBoolean("licenseRef", row.License.IsLicenseRef);
                writer.WriteStartArray("suits");
                foreach (ResourceKinds kind in Enum.GetValues(typeof(ResourceKinds)))
                {
                    if (kind != ResourceKinds.None && row.Traits.Suits.HasFlag(kind))
                    {
                        writer.WriteStringValue(kind.ToString());
                    }
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            WriteStrings(writer, "warnings", result.Warnings);
            WriteStrings(writer, "unknownIds", result.UnknownIds);
            writer.WriteStartObject("deprecatedIds");
            foreach (var pair in result.DeprecatedIds)
            {
                writer.WriteString(pair.Key, pair.Value);
            }

            writer.WriteEndObject();
            WriteOptional(writer, "suggestion", result.Suggestion);
            WriteOptional(writer, "suggestionNote", result.SuggestionNote);
            if (result.Error is { } e)
            {
                writer.WriteStartObject("error");
                writer.WriteString("message", e.Message);
                writer.WriteNumber("position", e.Position);
                writer.WriteNumber("length", e.Length);
                WriteOptional(writer, "suggestion", e.Suggestion);
                writer.WriteEndObject();
            }
            else
            {
                writer.WriteNull("error");
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    private sealed class LicenceRow
    {
        public LicenceRow(string key, SpdxLicenseRef license, string? exceptionId, LicenseTraits traits, bool isDeprecatedMapped, bool isUnknown)
        {
            Key = key;
            License = license;
            ExceptionId = exceptionId;
            Traits = traits;
            IsDeprecatedMapped = isDeprecatedMapped;
            IsUnknown = isUnknown;
        }

        public string Key { get; }

        public SpdxLicenseRef License { get; }

        public string? ExceptionId { get; }

        public LicenseTraits Traits { get; }

        public bool IsDeprecatedMapped { get; }

        public bool IsUnknown { get; }
    }
}
