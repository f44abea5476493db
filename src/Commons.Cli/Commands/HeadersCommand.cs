// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Commons.Cli.Projects;
using Commons.Compliance.Facts;
using Commons.Compliance.Headers;
using Commons.Compliance.Input;
using Commons.Compliance.Rules;
using Commons.Inspection;
using Commons.Inspection.Repository;

namespace Commons.Cli.Commands;

/// <summary>
/// <c>commons headers [PATH] [--license EXPR] [--format text|tsv|json]</c>: the SPDX header rules (04xx) over every C#
/// source file of a folder, without building anything: what the analyzer reports file by file, for a whole tree at once
/// (REUSE's <c>reuse lint</c> does the same for every file type). The licences a header may name are the repository's
/// (its licence files and <c>LICENSES/</c>) and <c>--license</c>, as the analyzer takes the project's declared licence. Exit 1 when a file lacks or misstates its header.
/// </summary>
internal static class HeadersCommand
{
    public static Command Create(CliConsole console)
    {
        var path = new Argument<string>("PATH") { Description = "A folder (default: the current one).", DefaultValueFactory = _ => "." };
        var license = new Option<string?>("--license") { Description = "The project's licence, as PackageLicenseExpression: headers may name it besides the repository's licence files." };
        var format = new Option<string>("--format") { Description = "Output: text (one line per finding), tsv (path, line, column, rule) or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "tsv", "json");

        var command = new Command("headers", "Check the SPDX headers of every C# source file under a folder.");
        command.Arguments.Add(path);
        command.Options.Add(license);
        command.Options.Add(format);
        command.SetAction(parseResult => CommandLine.Guarded(console, () => Run(
            console,
            parseResult.GetValue(path) ?? ".",
            parseResult.GetValue(license),
            parseResult.GetValue(format) ?? "text")));
        return command;
    }

    internal static int Run(CliConsole console, string path, string? license, string format)
    {
        var folder = Path.GetFullPath(path);
        if (!Directory.Exists(folder))
        {
            console.Error.WriteLine("commons headers: " + path + " is not a folder.");
            return ExitCodes.BadInput;
        }

        var rules = RulesFor(folder, license);
        var sources = SourceFiles(folder).ToList();
        var findings = new List<Finding>[sources.Count];
        var unread = new string?[sources.Count];
        Parallel.For(0, sources.Count, i =>
        {
            var content = ReadHead(folder, sources[i]);
            unread[i] = content.Problem;
            findings[i] = content.Text is not { } text || GeneratedCode.IsGenerated(sources[i], text)
                ? new List<Finding>()
                : rules.Evaluate(sources[i], text).ToList();
        });

        for (var i = 0; i < sources.Count; i++)
        {
            if (unread[i] is { } problem)
            {
                console.Error.WriteLine("commons headers: " + Printable.Escape(PathSafety.Relative(folder, sources[i])) + ": not checked, " + problem);
            }
        }

        var all = findings.SelectMany(f => f).ToList();
        Write(console, format, folder, sources.Count, all);
        return all.Count == 0 ? ExitCodes.Success : ExitCodes.Findings;
    }

    /// <summary>
    /// The start of a source file, as much as can hold its header (<see cref="SpdxHeaderParser.MaxHeaderLength"/> characters
    /// of UTF-8 at most): a FIFO named <c>.cs</c> reads as empty instead of hanging, a link or a binary file is not read.
    /// </summary>
    private static BoundedContent ReadHead(string folder, string path)
        => BoundedFile.ReadText(path, new BoundedRead { MaxBytes = 4L * SpdxHeaderParser.MaxHeaderLength, Head = true, Inside = folder });

    /// <summary>The header rules as the analyzer builds them, for a repository rather than a project: headers on.</summary>
    private static HeaderRules RulesFor(string folder, string? license)
    {
        var root = RepositoryRoot.Find(folder, null) ?? folder;
        var facts = new ProjectFacts { RepositoryRoot = root };
        facts.Files.AddRange(RepositoryScanner.Find(root, new List<CollectionProblem>()));

        // Identify only the licence files whose text the header rules read.
        foreach (var file in facts.Files.Where(HeaderRules.ReadsIdentifiedLicense))
        {
            RepositoryScanner.Identify(file, new List<CollectionProblem>());
        }

        var properties = new Dictionary<string, string>
        {
            [PropertyNames.SpdxHeaders] = "true",
            [PropertyNames.RepositoryRoot] = root,
        };
        if (license is not null)
        {
            properties[PropertyNames.PackageLicenseExpression] = license;
        }

        return HeaderRules.For(new ComplianceInput(new ProjectProperties(properties), Array.Empty<TextFile>()) { Facts = facts });
    }

    /// <summary>
    /// Every <c>.cs</c> file in the tree under <paramref name="folder"/> as <see cref="RepositoryTree.Walk"/> walks it (no
    /// build output, tool folders or restored packages), in path order; a file that is a link is not followed.
    /// </summary>
    private static IEnumerable<string> SourceFiles(string folder)
        => RepositoryTree.Walk(new DirectoryInfo(folder))
            .SelectMany(f => f.Files)
            .Where(f => f.Name.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) && !PathSafety.IsLink(f))
            .Select(f => f.FullName)
            .OrderBy(f => f, StringComparer.Ordinal);

    private static void Write(CliConsole console, string format, string folder, int fileCount, List<Finding> findings)
    {
        switch (format)
        {
            case "tsv":
                foreach (var finding in findings)
                {
                    console.Out.WriteLine(Printable.Escape(finding.Location?.Path) + "\t" + finding.Location?.Line + "\t" + finding.Location?.Column + "\t" + finding.RuleId);
                }

                break;
            case "json":
                console.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    folder,
                    files = fileCount,
                    findings = findings.Select(f => new { rule = f.RuleId, path = f.Location?.Path, line = f.Location?.Line, column = f.Location?.Column, message = f.Message }),
                }, new JsonSerializerOptions { WriteIndented = true }));
                break;
            default:
                foreach (var finding in findings)
                {
                    var severity = RuleCatalog.Get(finding.RuleId).DefaultSeverity.ToString().ToLowerInvariant();
                    console.Out.WriteLine(Printable.Escape(finding.Location?.ToString()) + ": " + severity + " " + finding.RuleId + ": " + finding.Message);
                }

                var filesWith = findings.Select(f => f.Location?.Path).Distinct().Count();
                console.Out.WriteLine(fileCount + " C# file(s) checked, " + filesWith + " with header findings (" + findings.Count + ").");
                break;
        }
    }
}
