// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.CommandLine;
using System.Globalization;
using Commons.Cli.Documents;

namespace Commons.Cli.Commands;

/// <summary><c>commons sbom [PATH] --format spdx-json|cyclonedx-json</c>: the software bill of materials.</summary>
internal static class SbomCommand
{
    public static Command Create(CliConsole console)
    {
        var path = CommandLine.PathArgument("A repository folder, solution or project (default: the current folder).");
        var format = new Option<string>("--format") { Description = "spdx-json (SPDX 2.3) or cyclonedx-json (CycloneDX 1.6).", DefaultValueFactory = _ => "spdx-json" };
        format.AcceptOnlyFromAmong("spdx-json", "cyclonedx-json");
        var output = CommandLine.OutputOption();
        var restore = CommandLine.RestoreOption();
        var command = new Command("sbom", "Write a software bill of materials (SPDX 2.3 or CycloneDX 1.6) with each package's licence expression.");
        command.Arguments.Add(path);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(restore);
        command.SetAction(parse => CommandLine.Guarded(console, () =>
        {
            var cycloneDx = parse.GetValue(format) == "cyclonedx-json";
            var created = CreationTime();
            return CommandLine.WritePackageDocument(console, parse.GetValue(path) ?? ".", parse.GetValue(restore), parse.GetValue(output),
                inventory => cycloneDx ? CycloneDxSbom.Write(inventory, created) : SpdxSbom.Write(inventory, created));
        }));
        return command;
    }

    /// <summary>Now, or <c>SOURCE_DATE_EPOCH</c> when set, so that a reproducible build writes the same document.</summary>
    public static DateTimeOffset CreationTime()
        => long.TryParse(Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : new DateTimeOffset(DateTime.UtcNow.Ticks - (DateTime.UtcNow.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
