// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Commons.Compliance.Policy;

namespace Commons.Compliance.Baseline;

/// <summary>
/// The reviewed state of a repository, <c>commons.baseline.json</c> at its root, written by <c>commons baseline</c> and read by the
/// build and <c>commons check</c> alike: every package with the licence it had, and every finding that was there, under a key that
/// survives line moves (project, rule, file, subject). A recorded finding is reported as suppressed; a package whose licence is
/// not the recorded one is CMN0108; an entry that matches nothing any more is CMN0905.
/// </summary>
/// <remarks>
/// <code>
/// {
///   "version": 1,
///   "packages": [
///     {"id": "Newtonsoft.Json", "version": "13.0.3", "license": "MIT", "source": "expression"}
///   ],
///   "findings": [
///     {"project": "src/App/App.csproj", "rule": "CMN0104", "file": "Directory.Packages.props", "subject": "Some.Gpl.Package"}
///   ]
/// }
/// </code>
/// One entry a line, sorted, so that a diff shows exactly what was accepted or paid off. Paths are relative to the repository
/// root, with forward slashes. <c>license</c> is null for an unknown licence; <c>subject</c> is left out when the rule has none.
/// </remarks>
public sealed class BaselineFile
{
    public const string FileName = "commons.baseline.json";

    public const int CurrentVersion = 1;

    public BaselineFile(string path, IReadOnlyList<BaselinePackage> packages, IReadOnlyList<BaselineEntry> findings, IReadOnlyList<BaselineError> errors)
    {
        Path = path;
        Packages = packages;
        Findings = findings;
        Errors = errors;
    }

    /// <summary>Where the file was read from (empty for one about to be written).</summary>
    public string Path { get; }

    public IReadOnlyList<BaselinePackage> Packages { get; }

    public IReadOnlyList<BaselineEntry> Findings { get; }

    /// <summary>What could not be read: each a CMN0902 finding. A document that is no JSON at all gives one error and no entries.</summary>
    public IReadOnlyList<BaselineError> Errors { get; }

    /// <summary>The same content, read from another path (a parse is cached per text, the path is the file's).</summary>
    public BaselineFile WithPath(string path) => path == Path ? this : new BaselineFile(path, Packages, Findings, Errors);

    /// <summary>Reads a baseline file. Never throws: what it cannot read becomes <see cref="Errors"/>, and an unreadable entry is left out.</summary>
    public static BaselineFile Read(string path, string text)
    {
        var packages = new List<BaselinePackage>();
        var findings = new List<BaselineEntry>();
        var errors = new List<BaselineError>();
        var root = JsonSubset.Parse(text, out var syntaxError, out var syntaxLine);
        if (root is null)
        {
            errors.Add(new BaselineError(syntaxLine, "it is not JSON: " + syntaxError));
            return new BaselineFile(path, packages, findings, errors);
        }

        if (root is not JsonObject document)
        {
            errors.Add(new BaselineError(root.Line, "it must be a JSON object with \"version\", \"packages\" and \"findings\""));
            return new BaselineFile(path, packages, findings, errors);
        }

        var version = document.Get("version");
        if (version is not JsonScalar { Kind: JsonScalarKind.Number, Text: var number }
            || !int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value != CurrentVersion)
        {
            errors.Add(new BaselineError(version?.Line ?? document.Line,
                "its \"version\" must be " + CurrentVersion.ToString(CultureInfo.InvariantCulture) + " (written by another version of commons? run 'commons baseline' again)"));
            return new BaselineFile(path, packages, findings, errors);
        }

        foreach (var item in Items(document, "packages", errors))
        {
            if (Package(item, errors) is { } package)
            {
                packages.Add(package);
            }
        }

        foreach (var item in Items(document, "findings", errors))
        {
            if (Entry(item, errors) is { } entry)
            {
                findings.Add(entry);
            }
        }

        return new BaselineFile(path, packages, findings, errors);
    }

    /// <summary>The file's text: sorted, one entry a line, LF line ends, so that the same state always gives the same bytes.</summary>
    public static string Write(IEnumerable<BaselinePackage> packages, IEnumerable<BaselineEntry> findings)
    {
        var sb = new StringBuilder();
        sb.Append("{\n  \"version\": ").Append(CurrentVersion.ToString(CultureInfo.InvariantCulture)).Append(",\n");
        var packageLines = Sorted(packages).Select(p =>
        {
            var line = new StringBuilder("{\"id\": ");
            JsonSubset.WriteString(line, p.Id);
            line.Append(", \"version\": ");
            JsonSubset.WriteString(line, p.Version);
            line.Append(", \"license\": ");
            JsonSubset.WriteString(line, p.License);
            line.Append(", \"source\": ");
            JsonSubset.WriteString(line, p.Source);
            return line.Append('}').ToString();
        });
        AppendArray(sb, "packages", packageLines);
        sb.Append(",\n");
        var findingLines = Sorted(findings).Select(f =>
        {
            var line = new StringBuilder("{\"project\": ");
            JsonSubset.WriteString(line, f.Project);
            line.Append(", \"rule\": ");
            JsonSubset.WriteString(line, f.Rule);
            line.Append(", \"file\": ");
            JsonSubset.WriteString(line, f.File);
            if (f.Subject.Length > 0)
            {
                line.Append(", \"subject\": ");
                JsonSubset.WriteString(line, f.Subject);
            }

            return line.Append('}').ToString();
        });
        AppendArray(sb, "findings", findingLines);
        sb.Append("\n}\n");
        return sb.ToString();
    }

    /// <summary>Packages by id, then version in NuGet's order; one record per id and version.</summary>
    public static IReadOnlyList<BaselinePackage> Sorted(IEnumerable<BaselinePackage> packages)
        => packages
            .GroupBy(p => p.Id.ToUpperInvariant() + "\n" + p.Version.ToUpperInvariant(), StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(p => p.Id, StringComparer.OrdinalIgnoreCase)
            .ThenBy(p => p.Id, StringComparer.Ordinal)
            .ThenBy(p => p, Comparer<BaselinePackage>.Create((a, b) => PackageVersionOrder.Compare(a.Version, b.Version) ?? string.CompareOrdinal(a.Version, b.Version)))
            .ToArray();

    /// <summary>Entries by project, file, rule and subject; one record per key.</summary>
    public static IReadOnlyList<BaselineEntry> Sorted(IEnumerable<BaselineEntry> findings)
        => findings
            .GroupBy(f => f.Key, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(f => f.Project, StringComparer.OrdinalIgnoreCase)
            .ThenBy(f => f.File, StringComparer.OrdinalIgnoreCase)
            .ThenBy(f => f.Rule, StringComparer.Ordinal)
            .ThenBy(f => f.Subject, StringComparer.OrdinalIgnoreCase)
            .ThenBy(f => f.Key, StringComparer.Ordinal)
            .ToArray();

    private static void AppendArray(StringBuilder sb, string name, IEnumerable<string> lines)
    {
        sb.Append("  \"").Append(name).Append("\": [");
        var first = true;
        foreach (var line in lines)
        {
            sb.Append(first ? "\n    " : ",\n    ").Append(line);
            first = false;
        }

        sb.Append(first ? "]" : "\n  ]");
    }

    private static IEnumerable<JsonObject> Items(JsonObject document, string name, List<BaselineError> errors)
    {
        var node = document.Get(name);
        if (node is null)
        {
            yield break;
        }

        if (node is not JsonArray array)
        {
            errors.Add(new BaselineError(node.Line, "\"" + name + "\" must be an array"));
            yield break;
        }

        foreach (var item in array.Items)
        {
            if (item is JsonObject entry)
            {
                yield return entry;
            }
            else
            {
                errors.Add(new BaselineError(item.Line, "each of \"" + name + "\" must be an object"));
            }
        }
    }

    private static BaselinePackage? Package(JsonObject item, List<BaselineError> errors)
    {
        var id = Text(item, "id", required: true, errors);
        var version = Text(item, "version", required: true, errors);
        var license = Text(item, "license", required: false, errors, nullable: true);
        var source = Text(item, "source", required: false, errors);
        source = source is null || ReferenceEquals(source, Invalid) ? "" : source;
        return id is null || version is null || ReferenceEquals(license, Invalid) ? null : new BaselinePackage(id, version, license, source, item.Line);
    }

    private static BaselineEntry? Entry(JsonObject item, List<BaselineError> errors)
    {
        var project = Text(item, "project", required: true, errors);
        var rule = Text(item, "rule", required: true, errors);
        var file = Text(item, "file", required: true, errors);
        var subject = Text(item, "subject", required: false, errors) ?? "";
        return project is null || rule is null || file is null || ReferenceEquals(subject, Invalid) ? null : new BaselineEntry(project, rule, file, subject, item.Line);
    }

    private static readonly string Invalid = new('\0', 1);

    /// <summary>A string member; null when absent (an error when required) or JSON null (when <paramref name="nullable"/>); <see cref="Invalid"/> for another type.</summary>
    private static string? Text(JsonObject item, string name, bool required, List<BaselineError> errors, bool nullable = false)
    {
        var node = item.Get(name);
        switch (node)
        {
            case null:
                if (required)
                {
                    errors.Add(new BaselineError(item.Line, "an entry has no \"" + name + "\""));
                }

                return null;
            case JsonScalar { Kind: JsonScalarKind.String } text:
                return text.Text;
            case JsonScalar { Kind: JsonScalarKind.Null } when nullable:
                return null;
            default:
                errors.Add(new BaselineError(node.Line, "\"" + name + "\" must be a string" + (nullable ? " or null" : "")));
                return required ? null : Invalid;
        }
    }
}

/// <summary>A package as the baseline recorded it: its licence (null when unknown) and how that was learnt.</summary>
public sealed class BaselinePackage
{
    public BaselinePackage(string id, string version, string? license, string source, int line = 0)
    {
        Id = id;
        Version = version;
        License = license;
        Source = source;
        Line = line;
    }

    public string Id { get; }

    public string Version { get; }

    /// <summary>The SPDX expression, or null when the licence was unknown.</summary>
    public string? License { get; }

    /// <summary>The dependency report's name for how the licence was learnt (<c>expression</c>, <c>curated</c> …).</summary>
    public string Source { get; }

    /// <summary>1-based line in the file it was read from; 0 for one about to be written.</summary>
    public int Line { get; }
}

/// <summary>
/// A recorded finding: the project that raised it, its rule, the file it points into and its subject (<see
/// cref="Rules.RuleDescriptor.BaselineSubject"/>), paths relative to the repository root with forward slashes.
/// </summary>
public sealed class BaselineEntry
{
    public BaselineEntry(string project, string rule, string file, string subject, int line = 0)
    {
        Project = project;
        Rule = rule;
        File = file;
        Subject = subject;
        Line = line;
    }

    public string Project { get; }

    public string Rule { get; }

    public string File { get; }

    /// <summary>The rule's subject (a package id …), or "" when the rule has none.</summary>
    public string Subject { get; }

    /// <summary>1-based line in the file it was read from; 0 for one about to be written.</summary>
    public int Line { get; }

    /// <summary>What matches a finding to this entry: paths and subjects compared ignoring case, as paths are across the build.</summary>
    public string Key => KeyOf(Project, Rule, File, Subject);

    public static string KeyOf(string project, string rule, string file, string subject)
        => project.ToUpperInvariant() + "\n" + rule + "\n" + file.ToUpperInvariant() + "\n" + subject.ToUpperInvariant();
}

/// <summary>What could not be read in a baseline file, and where.</summary>
public sealed class BaselineError
{
    public BaselineError(int line, string message)
    {
        Line = line;
        Message = message;
    }

    public int Line { get; }

    public string Message { get; }
}
