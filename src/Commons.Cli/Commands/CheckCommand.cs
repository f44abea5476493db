// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using Commons.Cli.Output;
using Commons.Cli.Projects;
using Commons.Compliance.Input;
using Commons.Compliance.Rules;

namespace Commons.Cli.Commands;

/// <summary>
/// <c>commons check [PATH]</c>: the analyzer's findings for a folder, solution or project, without building it or
/// changing it. Exit 0 when nothing reaches <c>--fail-on</c>, 1 when something does, 2 for bad usage or unreadable input.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(CliConsole console)
    {
        var path = CommandLine.PathArgument("A repository folder, solution or project (default: the current folder).");
        var format = new Option<string>("--format") { Description = "text (a table per rule), json, sarif (SARIF 2.1.0) or markdown (for a pull-request comment).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "sarif", "markdown");
        var failOn = new Option<string>("--fail-on") { Description = "The lowest severity that makes the exit code 1: error, warning or none.", DefaultValueFactory = _ => "warning" };
        failOn.AcceptOnlyFromAmong("error", "warning", "none");
        var output = CommandLine.OutputOption();
        var restore = CommandLine.RestoreOption();
        var policy = new Option<string?>("--policy") { Description = "Policy preset(s), as CommonsPolicy: osi, fsf-libre, permissive, fr-public-sector, cc-content." };
        var allow = new Option<string?>("--allow") { Description = "Allowed licence ids, as CommonsAllowedLicenses (comma-separated)." };
        var deny = new Option<string?>("--deny") { Description = "Denied licence ids, as CommonsDeniedLicenses (comma-separated)." };
        var ignore = new Option<string?>("--ignore") { Description = "Package ids to ignore, as CommonsIgnoredPackages (comma-separated)." };
        var policyFile = new Option<string?>("--policy-file") { Description = "A policy file, as CommonsPolicyFile." };
        var gate = new Option<bool>("--gate") { Description = "Make every licence and dependency finding an error, as CommonsGate=true." };
        var properties = new Option<string[]>("--property", "-p") { Description = "Any MSBuild property, NAME=VALUE; wins over the project's, as dotnet build -p: does.", AllowMultipleArgumentsPerToken = false };

        var command = new Command("check", "Check a repository, solution or project as the analyzer would, without building or changing it.");
        command.Arguments.Add(path);
        foreach (var option in new Option[] { format, failOn, output, restore, policy, allow, deny, ignore, policyFile, gate, properties })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => CommandLine.Guarded(console, () =>
        {
            var options = new WorkspaceOptions { Restore = parse.GetValue(restore) };
            foreach (var pair in PropertyOptions(parse.GetValue(properties) ?? Array.Empty<string>()))
            {
                options.Properties[pair.Key] = pair.Value;
            }

            Set(options, PropertyNames.Policy, parse.GetValue(policy));
            Set(options, PropertyNames.AllowedLicenses, parse.GetValue(allow));
            Set(options, PropertyNames.DeniedLicenses, parse.GetValue(deny));
            Set(options, PropertyNames.IgnoredPackages, parse.GetValue(ignore));
            Set(options, PropertyNames.PolicyFile, parse.GetValue(policyFile) is { } file ? Path.GetFullPath(file) : null);
            Set(options, PropertyNames.Gate, parse.GetValue(gate) ? "true" : null);
            return Run(console, parse.GetValue(path) ?? ".", options, parse.GetValue(format) ?? "text", parse.GetValue(failOn) ?? "warning", parse.GetValue(output));
        }));
        return command;
    }

    internal static int Run(CliConsole console, string path, WorkspaceOptions options, string format, string failOn, string? outputPath)
    {
        var projects = CommandLine.LoadWorkspace(console, path, options);
        var report = CheckReport.From(projects, InputResolver.Folder(path));
        CommandLine.WriteResult(console, outputPath, writer =>
        {
            switch (format)
            {
                case "json": JsonReport.Write(report, writer); break;
                case "sarif": SarifReport.Write(report, writer); break;
                case "markdown": MarkdownReport.Write(report, writer); break;
                default: TextReport.Write(report, writer, outputPath is null && CommandLine.OutputIsTerminal(console)); break;
            }
        });

        if (format != "text" || outputPath is not null)
        {
            console.Error.WriteLine(TextReport.Summary(report));
        }

        if (MSBuildHost.SdkNote is { } sdk)
        {
            console.Error.WriteLine("note: " + sdk);
        }

        if (!options.Restore && projects.Any(p => !p.IsNotChecked && p.Project.AssetsFile is not null && !p.Project.AssetsFileExists))
        {
            console.Error.WriteLine("hint: some projects are not restored; --restore restores them into a private folder, outside the repository");
        }

        return Fails(report, failOn) ? ExitCodes.Findings : ExitCodes.Success;
    }

    /// <summary>Whether a finding reaches the <c>--fail-on</c> level.</summary>
    public static bool Fails(CheckReport report, string failOn) => failOn switch
    {
        "none" => false,
        "error" => report.Findings.Any(f => f.Severity >= RuleSeverity.Error),
        _ => report.Findings.Any(f => f.Severity >= RuleSeverity.Warning),
    };

    internal static IEnumerable<KeyValuePair<string, string>> PropertyOptions(IEnumerable<string> values)
    {
        foreach (var value in values)
        {
            var equals = value.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new CliInputException("--property expects NAME=VALUE, not '" + value + "'");
            }

            yield return new KeyValuePair<string, string>(value.Substring(0, equals).Trim(), value.Substring(equals + 1));
        }
    }

    private static void Set(WorkspaceOptions options, string name, string? value)
    {
        if (value is not null)
        {
            options.Properties[name] = value;
        }
    }
}
