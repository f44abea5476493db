// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Commons.Compliance.Facts;
using Commons.Compliance.Input;
using Commons.Compliance.Reuse;
using Commons.Compliance.Rules;
using Commons.Inspection;
using Commons.Inspection.Repository;
using Commons.Licensing;

namespace Commons.Cli.Commands;

/// <summary>
/// <c>commons headers [PATH] [--fix] [--license EXPR] [--copyright HOLDER] [--format text|tsv|json]</c>: <c>reuse lint</c>
/// (REUSE Specification 3.3) over every covered file of the repository that holds PATH, as 04xx findings located at the
/// file at fault: no licensing or copyright information (from the file's header, its <c>.license</c> sidecar, REUSE.toml
/// or <c>.reuse/dep5</c>), invalid expressions, licence texts <c>LICENSES/</c> lacks or holds in vain, misnamed licence
/// files, unreadable files. For PATH below the root, only its files are judged (and <c>LICENSES/</c> as a whole is not).
/// <c>--fix</c> adds the missing headers, as <c>reuse annotate</c> does. Exit 1 when anything is not compliant.
/// </summary>
internal static class HeadersCommand
{
    public static Command Create(CliConsole console)
    {
        var path = new Argument<string>("PATH") { Description = "A folder (default: the current one).", DefaultValueFactory = _ => "." };
        var license = new Option<string?>("--license") { Description = "With --fix: the SPDX expression new headers state (default: the one licence in LICENSES/, else the repository's identified licence file)." };
        var copyright = new Option<string?>("--copyright") { Description = "With --fix: the copyright holder new headers name (default: CommonsCopyrightHolder from Directory.Build.props)." };
        var fix = new Option<bool>("--fix") { Description = "Add the missing headers (a .license sidecar for files that cannot hold a comment), then check again." };
        var format = new Option<string>("--format") { Description = "Output: text (one line per finding), tsv (path, line, column, rule) or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "tsv", "json");

        var command = new Command("headers", "Check that every file of a repository states its licence and copyright, as reuse lint does (REUSE 3.3).");
        command.Arguments.Add(path);
        command.Options.Add(fix);
        command.Options.Add(license);
        command.Options.Add(copyright);
        command.Options.Add(format);
        command.SetAction(parseResult => CommandLine.Guarded(console, () => Run(
            console,
            parseResult.GetValue(path) ?? ".",
            parseResult.GetValue(license),
            parseResult.GetValue(format) ?? "text",
            parseResult.GetValue(fix),
            parseResult.GetValue(copyright))));
        return command;
    }

    internal static int Run(CliConsole console, string path, string? license, string format, bool fix = false, string? copyright = null)
    {
        var folder = Path.GetFullPath(path).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        if (!Directory.Exists(folder))
        {
            console.Error.WriteLine("commons headers: " + path + " is not a folder.");
            return ExitCodes.BadInput;
        }

        var root = (RepositoryRoot.Find(folder, null) ?? folder).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var below = string.Equals(root, folder, StringComparison.Ordinal) ? null : PathSafety.Relative(root, folder).Replace('\\', '/') + "/";
        var (tree, project, checkedFiles, findings) = Lint(root, below);

        if (fix)
        {
            var fixedCount = Fix(console, tree, project, findings, checkedFiles, license, copyright);
            if (fixedCount < 0)
            {
                return ExitCodes.BadInput;
            }

            if (fixedCount > 0)
            {
                (tree, project, checkedFiles, findings) = Lint(root, below);
            }
        }

        Write(console, format, folder, checkedFiles.Count, findings);
        return findings.Count == 0 ? ExitCodes.Success : ExitCodes.Findings;
    }

    private static (ReuseTree Tree, ReuseProject Project, List<ReuseCoveredFile> Checked, List<Finding> Findings) Lint(string root, string? below)
    {
        var tree = ReuseTreeReader.Read(root);
        var project = new ReuseProject(tree.LicenseFiles, tree.Global, SpdxCatalog.Default);
        bool Reports(string relative) => below is null || relative.StartsWith(below, StringComparison.Ordinal);
        var scope = new ReuseLint.Scope { Root = root, WholeProject = below is null, ReportsFile = below is null ? null : Reports };
        var findings = ReuseLint.Evaluate(project, tree.Files, tree.GlobalProblems, scope, SpdxCatalog.Default).ToList();
        return (tree, project, tree.Files.Where(f => Reports(f.RelativePath)).ToList(), findings);
    }

    /// <summary>
    /// Adds what each checked file lacks (licence, copyright or both), in its comment style or in its sidecar; returns how
    /// many files were written, or -1 when a licence or a holder is needed and unknown.
    /// </summary>
    private static int Fix(CliConsole console, ReuseTree tree, ReuseProject project, List<Finding> findings, List<ReuseCoveredFile> files, string? license, string? copyright)
    {
        var lacking = files.Select(f => (File: f, Verdict: project.Judge(f)))
            .Where(v => v.File.ReadError is null && ((!v.Verdict.HasLicensing && v.Verdict.InvalidExpressions.Count == 0) || !v.Verdict.HasCopyright))
            .ToList();
        if (lacking.Count == 0)
        {
            return 0;
        }

        license ??= SuggestedLicense(tree);
        copyright ??= HolderFromBuildProps(tree.Root);
        if ((license is null && lacking.Any(v => !v.Verdict.HasLicensing)) || (copyright is null && lacking.Any(v => !v.Verdict.HasCopyright)))
        {
            console.Error.WriteLine("commons headers: --fix needs " + (license is null ? "--license (LICENSES/ does not hold exactly one licence)" : "--copyright (no CommonsCopyrightHolder in Directory.Build.props)") + ".");
            return -1;
        }

        var written = 0;
        foreach (var (file, verdict) in lacking)
        {
            var tags = ReuseHeaderWriter.Tags(verdict.HasLicensing || verdict.InvalidExpressions.Count > 0 ? null : license, verdict.HasCopyright ? null : copyright);
            var full = Path.Combine(tree.Root, file.RelativePath);
            try
            {
                var sidecar = ReuseCoverage.SidecarOf(full);
                var style = ReuseHeaderWriter.StyleOf(Path.GetFileName(full));
                var isSidecar = file.Own?.Source == ReuseSource.DotLicense;
                var isBinary = !isSidecar && file.Own is { IsEmpty: true } && BoundedFile.ReadText(full, new BoundedRead { MaxBytes = 2048, Head = true }).Text is null;
                if (isSidecar || style is null || isBinary)
                {
                    File.WriteAllText(sidecar, ReuseHeaderWriter.Sidecar(File.Exists(sidecar) ? File.ReadAllText(sidecar) : null, tags), new UTF8Encoding(false));
                }
                else
                {
                    var bytes = File.ReadAllBytes(full);
                    var hasBom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
                    var text = BoundedFile.Decode(bytes);
                    File.WriteAllText(full, ReuseHeaderWriter.AddHeader(text, style, tags), new UTF8Encoding(hasBom));
                }

                written++;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                console.Error.WriteLine("commons headers: " + Printable.Escape(file.RelativePath) + ": not fixed, " + ex.Message);
            }
        }

        console.Error.WriteLine("commons headers: added headers to " + written + " file(s).");
        return written;
    }

    /// <summary>The licence a new header states: the one licence of <c>LICENSES/</c>, else the identified top-level licence file.</summary>
    private static string? SuggestedLicense(ReuseTree tree)
    {
        var ids = tree.LicenseFiles.Select(f => ReuseLicenseFile.Of(f, SpdxCatalog.Default)).Where(f => f.IsKnown).Select(f => f.Id).Distinct().ToList();
        if (ids.Count == 1)
        {
            return ids[0];
        }

        var files = RepositoryScanner.Find(tree.Root, new List<CollectionProblem>()).Where(f => f.Kind == RepositoryFileKind.License && !f.RelativePath.StartsWith("LICENSES/", StringComparison.OrdinalIgnoreCase)).ToList();
        if (files.Count != 1)
        {
            return null;
        }

        RepositoryScanner.Identify(files[0], new List<CollectionProblem>());
        return files[0].IdentifiedLicense;
    }

    /// <summary><c>CommonsCopyrightHolder</c> as the repository's root <c>Directory.Build.props</c> writes it (a literal value only).</summary>
    private static string? HolderFromBuildProps(string root)
    {
        var read = DocumentReader.Read(Path.Combine(root, "Directory.Build.props"));
        if (read.Text is not { } text)
        {
            return null;
        }

        try
        {
            var value = XDocument.Parse(text).Descendants().FirstOrDefault(e => e.Name.LocalName == "CommonsCopyrightHolder")?.Value.Trim();
            return string.IsNullOrEmpty(value) || value!.Contains("$(") ? null : value;
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }

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
                console.Out.WriteLine(fileCount + " file(s) checked, " + filesWith + " with findings (" + findings.Count + ").");
                break;
        }
    }
}
