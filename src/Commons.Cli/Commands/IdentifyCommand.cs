// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Commons.Licensing;

namespace Commons.Cli.Commands;

/// <summary>
/// <c>commons identify FILE... [--format text|tsv|json] [--threshold N] [--explain]</c>: which SPDX licence each file holds.
/// One result per file, in the order given; a file that cannot be read or is not text gives NOASSERTION and its
/// reason on stderr, and the exit code stays 0 (the answer "unknown" is a result, not a failure).
/// </summary>
internal static class IdentifyCommand
{
    /// <summary>Only this much of a file is read: every licence text is far shorter, and a 100 MB file must not be loaded.</summary>
    public const int ReadCap = 1024 * 1024;

    private const string NoAssertion = "NOASSERTION";

    public static Command Create(CliConsole console)
    {
        var files = new Argument<string[]>("FILE") { Description = "Licence files to identify.", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "Output: text, tsv (path, SPDX id or NOASSERTION, confidence 0-100) or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "tsv", "json");
        var threshold = new Option<double>("--threshold") { Description = "Lowest similarity (0-100) reported as a match.", DefaultValueFactory = _ => LicenseIdentifier.DefaultThresholdPercent };
        threshold.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<double>();
            if (double.IsNaN(value) || value <= 0 || value > 100)
            {
                result.AddError("--threshold must be a percentage above 0 and at most 100.");
            }
        });

        var explain = new Option<bool>("--explain") { Description = "Show each licence text, notice, reference and exception found, with its lines, template and coverage, and the lines left over." };

        var command = new Command("identify", "Identify the SPDX licence of licence files (LICENSE, COPYING, …).");
        command.Arguments.Add(files);
        command.Options.Add(format);
        command.Options.Add(threshold);
        command.Options.Add(explain);
        command.SetAction(parseResult => Run(
            console,
            parseResult.GetValue(files) ?? Array.Empty<string>(),
            parseResult.GetValue(format) ?? "text",
            parseResult.GetValue(threshold),
            parseResult.GetValue(explain)));
        return command;
    }

    internal static int Run(CliConsole console, IReadOnlyList<string> paths, string format, double thresholdPercent, bool explain = false)
    {
        // At the default threshold, the same memo as the build: a text any build or run identified is answered from it.
        // The memo keeps answers, not detections: an explanation identifies the text again.
        Func<byte[], LicenseIdentification> identify = thresholdPercent == LicenseIdentifier.DefaultThresholdPercent && !explain
            ? Commons.Inspection.IdentificationMemo.Shared.Identify
            : Commons.Inspection.IdentifierIndexCache.Default.WithThreshold(thresholdPercent).Identify;
        // Files are independent and the identifier is shared safely: identified on every core (most of a first run on a
        // machine), reported in the order given.
        var results = new (string Path, LicenseIdentification Result)[paths.Count];
        Parallel.For(0, paths.Count, i =>
        {
            var content = ReadCapped(paths[i], out var readError);
            results[i] = (paths[i], content is null ? LicenseIdentification.NoAssertion(readError!) : identify(content).NamedByFile(paths[i], exceptionAlone: true));
        });
        foreach (var (path, result) in results)
        {
            if (!result.IsMatch)
            {
                console.Error.WriteLine(path + ": " + NoAssertion + ": " + (result.Reason ?? "not identified"));
            }
        }

        switch (format)
        {
            case "tsv":
                foreach (var (path, result) in results)
                {
                    console.Out.WriteLine(path + "\t" + (result.License ?? NoAssertion) + "\t" + Percent(result.IsMatch ? result.Confidence : 0));
                }

                break;
            case "json":
                console.Out.WriteLine(ToJson(results));
                break;
            default:
                foreach (var (path, result) in results)
                {
                    console.Out.WriteLine(Describe(path, result));
                    if (explain)
                    {
                        Explain(console, result);
                    }
                }

                break;
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// The first <see cref="ReadCap"/> bytes of a file, or null and why it cannot be read. Read by <see cref="Commons.Inspection.BoundedFile"/>:
    /// a FIFO reads as empty instead of blocking for ever, a device or a folder is refused.
    /// </summary>
    private static byte[]? ReadCapped(string path, out string? error)
    {
        var content = Commons.Inspection.BoundedFile.Read(path, new Commons.Inspection.BoundedRead { MaxBytes = ReadCap, Head = true });
        error = content.Refusal switch
        {
            Commons.Inspection.FileRefusal.None => null,
            Commons.Inspection.FileRefusal.Missing => "file not found",
            Commons.Inspection.FileRefusal.Directory => "a directory, not a file",
            _ => content.Problem,
        };
        return content.Bytes;
    }

    /// <summary>
    /// One line per detection and per span of left-over lines: where, what, how closely. Never the text itself (a report
    /// must not carry a licence text, FIELD-NOTES §3): line numbers and counts only.
    /// </summary>
    private static void Explain(CliConsole console, LicenseIdentification result)
    {
        if (result.Detections.Count == 0)
        {
            // A whole-file match has no reason; an answer the file's name gave (REUSE) says so in its reason.
            var how = result.IsMatch && result.Reason is null
                ? "the whole file is one catalogue text (" + (result.Confidence >= 100 ? "exact" : Percent(result.Confidence) + " % similar") + ")"
                : result.Reason ?? "nothing found";
            console.Out.WriteLine("  " + how);
            return;
        }

        foreach (var detection in result.Detections)
        {
            var differing = detection.DifferingWords == 0 ? string.Empty : ", " + detection.DifferingWords + " words differ";
            console.Out.WriteLine(
                "  lines " + Lines(detection.StartLine, detection.EndLine) + ": " + detection.Expression + " — " + Describe(detection.Kind) + " "
                + detection.Template + ", coverage " + Percent(detection.Coverage) + " %" + differing);
        }

        foreach (var left in result.Unmatched)
        {
            console.Out.WriteLine("  lines " + Lines(left.StartLine, left.EndLine) + ": left over, " + left.Words + " word" + (left.Words == 1 ? string.Empty : "s") + " no licence explains");
        }

        if (result.Reason is not null)
        {
            console.Out.WriteLine("  " + result.Reason);
        }
    }

    private static string Lines(int start, int end) => start == end ? start.ToString(CultureInfo.InvariantCulture) : start.ToString(CultureInfo.InvariantCulture) + "-" + end.ToString(CultureInfo.InvariantCulture);

    private static string Describe(DetectionKind kind) => kind switch
    {
        DetectionKind.Text => "text of",
        DetectionKind.Notice => "notice",
        DetectionKind.Reference => "cited by name",
        DetectionKind.Tag => "tag",
        DetectionKind.Exception => "exception",
        _ => "known non-SPDX licence",
    };

    private static string Describe(string path, LicenseIdentification result)
    {
        if (result.IsMatch)
        {
            var text = path + ": " + result.License + " (" + Percent(result.Confidence) + " %)";
            return result.Reason is null ? text : text + " — " + result.Reason;
        }

        var closest = result.ClosestLicense is null ? string.Empty : " (closest: " + result.ClosestLicense + " " + Percent(result.ClosestConfidence) + " %)";
        return path + ": " + NoAssertion + closest;
    }

    private static string ToJson(IReadOnlyList<(string Path, LicenseIdentification Result)> results)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartArray();
            foreach (var (path, result) in results)
            {
                writer.WriteStartObject();
                writer.WriteString("path", path);
                writer.WriteString("license", result.License ?? NoAssertion);
                writer.WriteNumber("confidence", Math.Round(result.IsMatch ? result.Confidence : 0, 2));
                writer.WriteStartArray("licenses");
                foreach (var license in result.Licenses)
                {
                    writer.WriteStringValue(license);
                }

                writer.WriteEndArray();
                WriteOptional(writer, "closest", result.ClosestLicense);
                writer.WriteNumber("closestConfidence", Math.Round(result.ClosestConfidence, 2));
                writer.WriteStartArray("equivalent");
                foreach (var id in result.EquivalentLicenses)
                {
                    writer.WriteStringValue(id);
                }

                writer.WriteEndArray();
                WriteOptional(writer, "reason", result.Reason);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
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

    private static string Percent(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
