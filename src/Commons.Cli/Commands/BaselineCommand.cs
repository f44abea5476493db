// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using Commons.Cli.Projects;
using Commons.Compliance.Baseline;
using Commons.Compliance.Input;
using Commons.Compliance.Rules;
using Commons.Inspection.Output;
using Commons.Inspection.Repository;

namespace Commons.Cli.Commands;

/// <summary>
/// <c>commons baseline [PATH]</c>: writes the repository's reviewed state, <c>commons.baseline.json</c> at its root (or where
/// <c>CommonsBaselineFile</c> puts it): every package of every project with its licence, and every finding the build would report
/// now. From then on the build and <c>commons check</c> report only what is new, and CMN0108 when a package's licence changes.
/// </summary>
internal static class BaselineCommand
{
    public static Command Create(CliConsole console)
    {
        var path = CommandLine.PathArgument("The repository folder, or a solution or project in it (default: the current folder).");
        var restore = CommandLine.RestoreOption();
        var properties = new Option<string[]>("--property", "-p") { Description = "Any MSBuild property, NAME=VALUE; wins over the project's, as dotnet build -p: does.", AllowMultipleArgumentsPerToken = false };
        var command = new Command("baseline", "Record every current finding and every package's licence in commons.baseline.json: from then on only new problems and licence changes are reported.");
        command.Arguments.Add(path);
        command.Options.Add(restore);
        command.Options.Add(properties);
        command.SetAction(parse => CommandLine.Guarded(console, () =>
        {
            // Every finding, as if there were no baseline yet: the file is written anew, not filtered by itself.
            var options = new WorkspaceOptions { Restore = parse.GetValue(restore), UseBaseline = false };
            foreach (var pair in CheckCommand.PropertyOptions(parse.GetValue(properties) ?? Array.Empty<string>()))
            {
                options.Properties[pair.Key] = pair.Value;
            }

            return Run(console, parse.GetValue(path) ?? ".", options);
        }));
        return command;
    }

    internal static int Run(CliConsole console, string path, WorkspaceOptions options)
    {
        var projects = CommandLine.LoadWorkspace(console, path, options);
        var unrestored = projects.Where(p => !p.Project.AssetsFileExists).Select(p => p.Project.Name).ToArray();
        if (unrestored.Length > 0)
        {
            // A baseline without their packages would record no licence and no dependency finding for them.
            throw new CliInputException(unrestored.Length + " project(s) are not restored (" + string.Join(", ", unrestored)
                + "): restore them first (dotnet restore), or pass --restore to restore them into a private folder");
        }

        var folder = InputResolver.Folder(path);
        var written = 0;
        foreach (var group in projects.Select(p => (Project: p, Location: LocationOf(p))).Where(p => p.Location is not null).GroupBy(p => p.Location!.Path, StringComparer.Ordinal))
        {
            var file = group.Key;
            var contents = Contents(group.Select(g => g.Project).ToArray(), file, folder);
            WriteAtomically(file, BaselineFile.Write(contents.Packages, contents.Findings));
            console.Error.WriteLine("wrote " + file + ": " + contents.Packages.Count + " package(s), " + contents.Findings.Count + " finding(s) of "
                + group.Count() + " project(s)");
            written++;
        }

        if (written == 0)
        {
            throw new CliInputException(projects.Count == 0
                ? "no project to record under " + path
                : "no baseline to write: the projects have no repository root (.git) and no CommonsBaselineFile, or set CommonsBaseline=false");
        }

        return ExitCodes.Success;
    }

    /// <summary>Where a project's baseline is (the same rule as the build's); null when the project turns it off.</summary>
    private static BaselineLocation? LocationOf(AnalyzedProject project)
        => BaselineLocation.Resolve(project.Project.Directory, project.Facts.RepositoryRoot, project.Project.Get(PropertyNames.Baseline), project.Project.Get(PropertyNames.BaselineFile));

    /// <summary>
    /// The packages and findings of the projects checked, under the keys the build reads them by (<see cref="BaselineMatch"/>). A
    /// run on part of the repository (a folder, solution or project below the baseline's folder) keeps the entries of the other
    /// projects that still exist, and the records of the packages that no checked project uses.
    /// </summary>
    private static (IReadOnlyList<BaselinePackage> Packages, IReadOnlyList<BaselineEntry> Findings) Contents(IReadOnlyList<AnalyzedProject> projects, string file, string folder)
    {
        var packages = new List<BaselinePackage>();
        var findings = new List<BaselineEntry>();
        var checkedProjects = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        string? root = null;
        foreach (var project in projects)
        {
            var match = BaselineMatch.For(project.Input, file);
            root ??= match.Root;
            checkedProjects.Add(match.Project);
            foreach (var finding in project.Findings)
            {
                // What the build reports, and nothing it hides (a rule turned off is no debt to record).
                if (project.SeverityOf(finding) is { } severity && severity != RuleSeverity.Hidden && match.EntryOf(finding) is { } entry)
                {
                    findings.Add(entry);
                }
            }

            packages.AddRange(project.Facts.Packages.Select(p => new BaselinePackage(p.Id, p.Version, p.License, DependencyReport.SourceName(p.Source))));
        }

        var partial = root is { Length: > 0 } && !string.Equals(Normal(folder), Normal(root), StringComparison.OrdinalIgnoreCase);
        if (partial && File.Exists(file) && DocumentReader.Read(file, BaselineLocation.MaxBytes).Text is { } text)
        {
            var existing = BaselineFile.Read(file, text);
            var seen = new HashSet<string>(packages.Select(p => p.Id), StringComparer.OrdinalIgnoreCase);
            packages.AddRange(existing.Packages.Where(p => !seen.Contains(p.Id)));
            findings.AddRange(existing.Findings.Where(e => !checkedProjects.Contains(e.Project) && File.Exists(Path.Combine(root!, e.Project))));
        }

        return (BaselineFile.Sorted(packages), BaselineFile.Sorted(findings));
    }

    private static string Normal(string path) => path.Replace('\\', '/').TrimEnd('/');

    /// <summary>Through a temporary file in the same folder and a rename: a build reading the baseline never sees half of it.</summary>
    private static void WriteAtomically(string path, string text)
    {
        var temporary = path + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(temporary, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
                // Nothing more to do: the message below says what failed.
            }

            throw new CliInputException("cannot write " + path + ": " + ex.Message);
        }
    }
}
