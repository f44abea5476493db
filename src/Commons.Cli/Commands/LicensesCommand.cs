// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Commons.Cli.Projects;
using Commons.Compliance.Facts;
using Commons.Inspection;
using Commons.Inspection.Output;
using Commons.Inspection.Projects;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Commons.Cli.Commands;

/// <summary>
/// <c>commons licenses PATH [--format json|table|csv] [--restore]</c>: the dependency licences of restored projects,
/// read from their assets files with the same code the build uses. JSON is the dependency report of the README.
/// </summary>
internal static class LicensesCommand
{
    private static readonly string[] Formats = { "table", "json", "csv" };

    public static Command Create(CliConsole console)
    {
        var path = new Argument<string>("path") { Description = "A project, a solution (.sln, .slnx) or a folder of projects, restored." };
        var format = new Option<string>("--format") { Description = "Output format: table, json or csv.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong(Formats);
        var restore = new Option<bool>("--restore") { Description = "Run 'dotnet restore' on PATH first." };
        var policyFile = new Option<string?>("--policy-file") { Description = "A policy file whose curations correct package licences, as CommonsPolicyFile (default: the project's CommonsPolicyFile)." };

        var command = new Command("licenses", "List the licence of every package the projects depend on (direct and transitive).");
        command.Arguments.Add(path);
        command.Options.Add(format);
        command.Options.Add(restore);
        command.Options.Add(policyFile);
        command.SetAction(result => Run(console, result.GetValue(path)!, result.GetValue(format)!, result.GetValue(restore),
            result.GetValue(policyFile) is { } file ? Path.GetFullPath(file) : null));
        return command;
    }

    private static int Run(CliConsole console, string path, string format, bool restore, string? policyFile)
    {
        var projects = ProjectDiscovery.Find(path, out var error);
        if (error is not null || projects.Count == 0)
        {
            console.Error.WriteLine("error: " + (error ?? "no project under " + path));
            return ExitCodes.BadInput;
        }

        if (restore && !Restore(console, path))
        {
            return ExitCodes.BadInput;
        }

        // A project whose files move the assets file (UseArtifactsOutput, BaseIntermediateOutputPath …) is asked to MSBuild,
        // which says where it is; the others are read as written, with obj/ beside them (no MSBuild: a tenth of the time).
        var reports = new List<ProjectFacts>();
        var unusable = 0;
        foreach (var project in projects)
        {
            var evaluated = ProjectFileReader.MovesAssetsFile(project) && MSBuildHost.EnsureRegistered() is null ? EvaluatedRequest(console, project) : null;
            var request = evaluated ?? ProjectFileReader.CreateRequest(project);
            request.PolicyFilePath = policyFile ?? request.PolicyFilePath;
            var facts = FactsCollector.Collect(request);
            foreach (var problem in facts.Problems)
            {
                console.Error.WriteLine("warning: " + Path.GetFileName(project) + ": " + problem.Message);
            }

            if (facts.Problems.Any(p => p.Kind is CollectionProblemKind.AssetsFileMissing or CollectionProblemKind.AssetsFileUnreadable))
            {
                unusable++;
            }

            reports.Add(facts);
        }

        switch (format)
        {
            case "json":
                console.Out.Write(DependencyReport.ToJson(reports));
                break;
            case "csv":
                WriteCsv(console.Out, reports);
                break;
            default:
                WriteTable(console.Out, reports);
                break;
        }

        return unusable == projects.Count ? ExitCodes.BadInput : ExitCodes.Success;
    }

    /// <summary>The request the check would make for <paramref name="project"/>, or null when MSBuild cannot evaluate it.</summary>
    private static CollectionRequest? EvaluatedRequest(CliConsole console, string project)
    {
        try
        {
            using var evaluator = new ProjectEvaluator(new Dictionary<string, string>());
            return Workspace.Request(evaluator.Evaluate(project));
        }
        catch (CliInputException ex)
        {
            console.Error.WriteLine("warning: " + ex.Message + "; reading the project file as written");
            return null;
        }
    }

    private static bool Restore(CliConsole console, string path)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("restore");
        start.ArgumentList.Add(path);
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { console.Error.WriteLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { console.Error.WriteLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            console.Error.WriteLine("error: dotnet restore " + path + " failed with exit code " + process.ExitCode);
            return false;
        }

        return true;
    }

    private static void WriteCsv(TextWriter output, IReadOnlyList<ProjectFacts> reports)
    {
        output.Write("project,id,version,license,source,direct,devOnly,path,licenseUrl,licenseFile,confidence,curation\n");
        foreach (var facts in reports)
        {
            foreach (var p in Sorted(facts))
            {
                var fields = new[]
                {
                    facts.ProjectPath, p.Id, p.Version, p.License, DependencyReport.SourceName(p.Source), p.Direct ? "true" : "false",
                    p.DevOnly ? "true" : "false", string.Join(" > ", p.Path), p.LicenseUrl, p.LicenseFile,
                    p.Confidence?.ToString("0.##", CultureInfo.InvariantCulture), p.Curation,
                };
                output.Write(string.Join(",", fields.Select(Csv)) + "\n");
            }
        }
    }

    /// <summary>RFC 4180 quoting; a leading formula character is neutralised so spreadsheets do not evaluate package data.</summary>
    private static string Csv(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var text = "=+-@\t\r".IndexOf(value![0]) >= 0 ? "'" + value : value;
        return text.IndexOfAny(new[] { ',', '"', '\n', '\r' }) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }

    private static void WriteTable(TextWriter output, IReadOnlyList<ProjectFacts> reports)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 160;
        foreach (var facts in reports)
        {
            var table = new Table { Title = new TableTitle(Markup.Escape(facts.ProjectPath)) };
            table.AddColumns("Package", "Version", "Licence", "Source", "Direct", "Dev only", "Path");
            foreach (var p in Sorted(facts))
            {
                table.AddRow(new IRenderable[]
                {
                    new Text(p.Id), new Text(p.Version), new Text(p.License ?? "unknown"), new Text(DependencyReport.SourceName(p.Source)),
                    new Text(p.Direct ? "yes" : "no"), new Text(p.DevOnly ? "yes" : "no"), new Text(string.Join(" > ", p.Path)),
                });
            }

            console.Write(table);
            foreach (var p in Sorted(facts).Where(p => p.Source == LicenseSource.Curated))
            {
                console.WriteLine("curated: " + p.Id + " " + p.Version + " is " + p.License + " (declared: " + (p.DeclaredLicense ?? "unknown") + "; source: " + p.Curation + ")");
            }

            var known = facts.Packages.Count(p => p.License is not null);
            console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0} package(s), {1} with a known licence", facts.Packages.Count, known));
        }
    }

    private static IEnumerable<PackageFact> Sorted(ProjectFacts facts)
        => facts.Packages.OrderBy(p => p.Id, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Version, StringComparer.Ordinal);
}
