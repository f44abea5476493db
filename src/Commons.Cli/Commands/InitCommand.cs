// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Commons.Cli.Projects;
using Commons.Compliance.Facts;
using Commons.Inspection.Repository;
using Commons.Licensing;

namespace Commons.Cli.Commands;

/// <summary>
/// <c>commons init [PATH] [--license ID] [--holder NAME] [--publiccode]</c>: writes the community files the repository
/// lacks from this project's templates. Never overwrites: a kind of file that exists anywhere the scanner looks is skipped.
/// </summary>
internal static class InitCommand
{
    /// <summary>Template fields of catalogue licence texts, replaced by the year or the holder.</summary>
    private static readonly (string Field, bool IsYear)[] LicenseFields =
    {
        ("<year>", true), ("[yyyy]", true), ("[year]", true), ("<yyyy>", true),
        ("<copyright holders>", false), ("[name of copyright owner]", false), ("<owner>", false), ("[fullname]", false),
        ("<name of author>", false), ("<copyright holder>", false),
    };

    /// <summary>The files <c>init</c> writes: kind, file name, template (null = the licence text).</summary>
    private static readonly (RepositoryFileKind Kind, string FileName, string? Template)[] Files =
    {
        (RepositoryFileKind.License, "LICENSE", null),
        (RepositoryFileKind.Contributing, "CONTRIBUTING.md", "CONTRIBUTING.md"),
        (RepositoryFileKind.Security, "SECURITY.md", "SECURITY.md"),
        (RepositoryFileKind.Governance, "GOVERNANCE.md", "GOVERNANCE.md"),
        (RepositoryFileKind.Changelog, "CHANGELOG.md", "CHANGELOG.md"),
        (RepositoryFileKind.PublicCode, "publiccode.yml", "publiccode.yml"),
    };

    public static Command Create(CliConsole console)
    {
        var path = CommandLine.PathArgument("The repository folder (default: the current folder).");
        var license = new Option<string?>("--license") { Description = "The SPDX id of the project's licence, for LICENSE and the other files." };
        var holder = new Option<string?>("--holder") { Description = "The copyright holder (default: '<folder name> contributors')." };
        var publicCode = new Option<bool>("--publiccode") { Description = "Also write a publiccode.yml skeleton." };
        var command = new Command("init", "Write the community files the repository lacks (LICENSE, CONTRIBUTING, SECURITY, GOVERNANCE, CHANGELOG); never overwrites.");
        command.Arguments.Add(path);
        command.Options.Add(license);
        command.Options.Add(holder);
        command.Options.Add(publicCode);
        command.SetAction(parse => CommandLine.Guarded(console, () =>
            Run(console, parse.GetValue(path) ?? ".", parse.GetValue(license), parse.GetValue(holder), parse.GetValue(publicCode), DateTime.UtcNow)));
        return command;
    }

    internal static int Run(CliConsole console, string path, string? licenseId, string? holder, bool publicCode, DateTime today)
    {
        var root = Path.GetFullPath(path);
        if (!Directory.Exists(root))
        {
            throw new CliInputException(path + " is not a folder");
        }

        SpdxLicense? license = null;
        if (licenseId is not null && !SpdxCatalog.Default.TryGetLicense(licenseId, out license))
        {
            throw new CliInputException("'" + licenseId + "' is not an SPDX licence id");
        }

        var existing = RepositoryScanner.Find(root, new List<CollectionProblem>()).Select(f => f.Kind).ToHashSet();
        var values = new Dictionary<string, string>
        {
            ["{{name}}"] = Path.GetFileName(root.TrimEnd(Path.DirectorySeparatorChar)),
            ["{{holder}}"] = holder ?? Path.GetFileName(root.TrimEnd(Path.DirectorySeparatorChar)) + " contributors",
            ["{{license}}"] = license?.Id ?? "the licence in LICENSE",
            ["{{year}}"] = today.Year.ToString(CultureInfo.InvariantCulture),
            ["{{date}}"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };

        var wrote = 0;
        foreach (var (kind, fileName, template) in Files)
        {
            if (kind == RepositoryFileKind.PublicCode && !publicCode)
            {
                continue;
            }

            if (existing.Contains(kind))
            {
                console.Out.WriteLine("kept     " + fileName + " (the repository has one)");
                continue;
            }

            string? text;
            if (template is null)
            {
                text = license is null ? null : LicenseText(license.Id, values["{{year}}"], values["{{holder}}"]);
                if (text is null)
                {
                    console.Out.WriteLine("skipped  " + fileName + (license is null ? " (give --license ID)" : " (the catalogue has no text for " + license.Id + ")"));
                    continue;
                }
            }
            else
            {
                text = values.Aggregate(Template(template), (current, pair) => current.Replace(pair.Key, pair.Value, StringComparison.Ordinal));
            }

            if (Write(Path.Combine(root, fileName), text))
            {
                console.Out.WriteLine("wrote    " + fileName);
                wrote++;
            }
            else
            {
                console.Out.WriteLine("kept     " + fileName + " (exists)");
            }
        }

        console.Error.WriteLine(wrote + " file(s) written in " + root);
        return ExitCodes.Success;
    }

    /// <summary>The catalogue text with its year and holder fields filled in.</summary>
    public static string? LicenseText(string id, string year, string holder)
        => SpdxCatalog.Default.GetText(id) is { } text
            ? LicenseFields.Aggregate(text, (current, field) => current.Replace(field.Field, field.IsYear ? year : holder, StringComparison.Ordinal))
            : null;

    private static string Template(string name)
    {
        using var stream = typeof(InitCommand).Assembly.GetManifestResourceStream("Commons.Cli.Templates." + name)
            ?? throw new InvalidOperationException("template " + name + " is not embedded");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>Creates the file; false when it already exists (never overwritten, even if it appeared meanwhile).</summary>
    private static bool Write(string path, string text)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            using var writer = new StreamWriter(stream, new UTF8Encoding(false));
            writer.Write(text.Replace("\r\n", "\n"));
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException("cannot write " + path + ": " + ex.Message);
        }
    }
}
