// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Commons.Compliance.Facts;

/// <summary>
/// The facts file format: UTF-8 text, one record per line, fields separated by tabs, escaped with backslashes.
/// Readable with the BCL alone (the analyzer may not load a JSON library a compiler host might have in another version),
/// deterministic (records stably ordered) and versioned by its first line.
/// </summary>
/// <remarks>
/// <code>
/// commons-facts	1
/// project	/repo/src/A/A.csproj
/// package	Newtonsoft.Json	13.0.3	MIT	Expression	…
/// </code>
/// An empty field reads back as null. Unknown record types are skipped so that a newer writer stays readable.
/// </remarks>
public static class FactsFormat
{
    public const int CurrentVersion = 1;

    public const string Magic = "commons-facts";

    /// <summary>The file name of the facts file in <c>obj/</c>.</summary>
    public const string FileName = "commons.facts";

    public static string Write(ProjectFacts facts)
    {
        var sb = new StringBuilder();
        Line(sb, Magic, CurrentVersion.ToString(CultureInfo.InvariantCulture));
        Line(sb, "project", facts.ProjectPath);
        Line(sb, "tfm", facts.TargetFramework);
        Line(sb, "root", facts.RepositoryRoot);
        Line(sb, "assets", facts.AssetsFilePath);

        foreach (var f in facts.Files.OrderBy(f => f.Kind).ThenBy(f => f.RelativePath, StringComparer.Ordinal))
        {
            Line(sb, "file", f.Kind.ToString(), f.RelativePath, f.FullPath, f.IdentifiedLicense,
                Num(f.Confidence), f.ClosestLicense, Num(f.ClosestConfidence), f.Content.ToString());
        }

        foreach (var p in facts.Packages.OrderBy(p => p.Id, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Version, StringComparer.Ordinal))
        {
            Line(sb, "package", p.Id, p.Version, p.License, p.Source.ToString(), p.LicenseUrl, p.LicenseFile,
                p.Confidence is double c ? Num(c) : null, Bool(p.Direct), Bool(p.DevOnly), string.Join(">", p.Path),
                p.ReferenceLocation?.File, p.ReferenceLocation is { } l1 ? Int(l1.Line) : null,
                p.ReferenceLocation is { } l2 ? Int(l2.Column) : null, p.Problem,
                p.Frameworks.Count == 0 ? null : string.Join(";", p.Frameworks), Bool(p.Implicit), p.Curation, p.DeclaredLicense, Bool(p.Superseded));
        }

        foreach (var r in facts.ProjectReferences.OrderBy(r => r.Path, StringComparer.Ordinal))
        {
            Line(sb, "projectref", r.Name, r.Path, r.License, Bool(r.DevOnly), r.ReferenceLocation?.File,
                r.ReferenceLocation is { } l1 ? Int(l1.Line) : null, r.ReferenceLocation is { } l2 ? Int(l2.Column) : null);
        }

        if (facts.RepositoryRemote is not null)
        {
            Line(sb, "remote", facts.RepositoryRemote);
        }

        if (facts.Nuspec is { } nuspec)
        {
            Line(sb, "nuspec", nuspec.Path, nuspec.License, nuspec.LicenseType, nuspec.LicenseUrl, nuspec.Readme, nuspec.RepositoryUrl,
                nuspec.ProjectUrl, nuspec.Description, nuspec.Authors, nuspec.Copyright, nuspec.Problem);
        }

        foreach (var p in facts.Problems)
        {
            Line(sb, "problem", p.Kind.ToString(), p.Message, p.Location?.File,
                p.Location is { } l1 ? Int(l1.Line) : null, p.Location is { } l2 ? Int(l2.Column) : null);
        }

        if (facts.PublicCode is { } pc)
        {
            Line(sb, "publiccode", pc.RelativePath, pc.FullPath, pc.ParseError, Int(pc.ParseErrorLine), Int(pc.ParseErrorColumn));
            foreach (var n in pc.Nodes)
            {
                Line(sb, "yaml", n.Path, n.Kind.ToString(), n.Value, Int(n.Count), Int(n.Line), Int(n.Column));
            }
        }

        return sb.ToString();
    }

    /// <summary>Reads a facts file. Never throws: unreadable content gives a result with <see cref="FactsReadResult.Error"/>.</summary>
    public static FactsReadResult Read(string text)
    {
        if (text is null)
        {
            return FactsReadResult.Failed("the facts file is empty");
        }

        var lines = text.Split('\n');
        var header = Split(lines[0].TrimEnd('\r'));
        if (header.Length < 2 || header[0] != Magic)
        {
            return FactsReadResult.Failed("the facts file does not start with '" + Magic + "'");
        }

        if (!int.TryParse(header[1], NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version != CurrentVersion)
        {
            return FactsReadResult.Failed("the facts file has format version '" + header[1] + "', this analyzer reads version " + CurrentVersion);
        }

        var facts = new ProjectFacts { FormatVersion = version };
        for (var i = 1; i < lines.Length; i++)
        {
            var raw = lines[i].TrimEnd('\r');
            if (raw.Length == 0)
            {
                continue;
            }

            var f = Split(raw);
            try
            {
                ReadRecord(facts, f);
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or IndexOutOfRangeException or OverflowException)
            {
                return FactsReadResult.Failed("the facts file is corrupt at line " + (i + 1) + ": " + ex.Message);
            }
        }

        return new FactsReadResult(facts, null);
    }

    private static void ReadRecord(ProjectFacts facts, string?[] f)
    {
        switch (f[0])
        {
            case "project":
                facts.ProjectPath = Get(f, 1) ?? "";
                break;
            case "tfm":
                facts.TargetFramework = Get(f, 1);
                break;
            case "root":
                facts.RepositoryRoot = Get(f, 1);
                break;
            case "assets":
                facts.AssetsFilePath = Get(f, 1);
                break;
            case "file":
                facts.Files.Add(new RepositoryFile
                {
                    Kind = Enum<RepositoryFileKind>(Get(f, 1)),
                    RelativePath = Get(f, 2) ?? "",
                    FullPath = Get(f, 3) ?? "",
                    IdentifiedLicense = Get(f, 4),
                    Confidence = Dbl(Get(f, 5)) ?? 0,
                    ClosestLicense = Get(f, 6),
                    ClosestConfidence = Dbl(Get(f, 7)) ?? 0,
                    Content = Get(f, 8) is { } content ? Enum<FileContent>(content) : FileContent.Text,
                });
                break;
            case "package":
                var p = new PackageFact
                {
                    Id = Get(f, 1) ?? "",
                    Version = Get(f, 2) ?? "",
                    License = Get(f, 3),
                    Source = Enum<LicenseSource>(Get(f, 4)),
                    LicenseUrl = Get(f, 5),
                    LicenseFile = Get(f, 6),
                    Confidence = Dbl(Get(f, 7)),
                    Direct = Get(f, 8) == "1",
                    DevOnly = Get(f, 9) == "1",
                    ReferenceLocation = Loc(Get(f, 11), Get(f, 12), Get(f, 13)),
                    Problem = Get(f, 14),
                    Implicit = Get(f, 16) == "1",
                    Curation = Get(f, 17),
                    DeclaredLicense = Get(f, 18),
                    Superseded = Get(f, 19) == "1",
                };
                if (Get(f, 10) is { } path)
                {
                    p.Path.AddRange(path.Split('>'));
                }

                if (Get(f, 15) is { } frameworks)
                {
                    p.Frameworks.AddRange(frameworks.Split(';'));
                }

                facts.Packages.Add(p);
                break;
            case "projectref":
                facts.ProjectReferences.Add(new ProjectReferenceFact
                {
                    Name = Get(f, 1) ?? "",
                    Path = Get(f, 2) ?? "",
                    License = Get(f, 3),
                    DevOnly = Get(f, 4) == "1",
                    ReferenceLocation = Loc(Get(f, 5), Get(f, 6), Get(f, 7)),
                });
                break;
            case "remote":
                facts.RepositoryRemote = Get(f, 1);
                break;
            case "nuspec":
                facts.Nuspec = new NuspecFacts
                {
                    Path = Get(f, 1) ?? "",
                    License = Get(f, 2),
                    LicenseType = Get(f, 3),
                    LicenseUrl = Get(f, 4),
                    Readme = Get(f, 5),
                    RepositoryUrl = Get(f, 6),
                    ProjectUrl = Get(f, 7),
                    Description = Get(f, 8),
                    Authors = Get(f, 9),
                    Copyright = Get(f, 10),
                    Problem = Get(f, 11),
                };
                break;
            case "problem":
                facts.Problems.Add(new CollectionProblem
                {
                    Kind = Enum<CollectionProblemKind>(Get(f, 1)),
                    Message = Get(f, 2) ?? "",
                    Location = Loc(Get(f, 3), Get(f, 4), Get(f, 5)),
                });
                break;
            case "publiccode":
                facts.PublicCode = new PublicCodeFacts
                {
                    RelativePath = Get(f, 1) ?? "",
                    FullPath = Get(f, 2) ?? "",
                    ParseError = Get(f, 3),
                    ParseErrorLine = IntOf(Get(f, 4)) ?? 0,
                    ParseErrorColumn = IntOf(Get(f, 5)) ?? 0,
                };
                break;
            case "yaml":
                if (facts.PublicCode is null)
                {
                    throw new FormatException("a 'yaml' record before its 'publiccode' record");
                }

                facts.PublicCode.Nodes.Add(new YamlNodeFact
                {
                    Path = Get(f, 1) ?? "",
                    Kind = Enum<YamlNodeKind>(Get(f, 2)),
                    Value = Get(f, 3),
                    Count = IntOf(Get(f, 4)) ?? 0,
                    Line = IntOf(Get(f, 5)) ?? 0,
                    Column = IntOf(Get(f, 6)) ?? 0,
                });
                break;
            default:
                // A record from a newer writer: skip it, the version line guards incompatible changes.
                break;
        }
    }

    private static string? Get(string?[] fields, int index) => index < fields.Length ? fields[index] : null;

    private static T Enum<T>(string? value)
        where T : struct
        => System.Enum.TryParse<T>(value, ignoreCase: false, out var result)
            ? result
            : throw new FormatException("unknown " + typeof(T).Name + " '" + value + "'");

    private static double? Dbl(string? s) => s is null ? null : double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static int? IntOf(string? s) => s is null ? null : int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture);

    private static SourceLocation? Loc(string? file, string? line, string? column)
        => file is null ? null : new SourceLocation(file, IntOf(line) ?? 1, IntOf(column) ?? 1);

    private static string Num(double d) => d.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Int(int i) => i.ToString(CultureInfo.InvariantCulture);

    private static string Bool(bool b) => b ? "1" : "0";

    private static void Line(StringBuilder sb, params string?[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                sb.Append('\t');
            }

            Escape(sb, fields[i]);
        }

        sb.Append('\n');
    }

    private static void Escape(StringBuilder sb, string? s)
    {
        if (s is null)
        {
            return;
        }

        if (s.Length == 0)
        {
            // An empty string is written as \e so that it stays distinct from null.
            sb.Append("\\e");
            return;
        }

        foreach (var c in s)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\t': sb.Append("\\t"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                default: sb.Append(c); break;
            }
        }
    }

    private static string?[] Split(string line)
    {
        var fields = new List<string?>();
        var sb = new StringBuilder();
        var empty = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\t')
            {
                fields.Add(sb.Length == 0 && !empty ? null : sb.ToString());
                sb.Clear();
                empty = false;
            }
            else if (c == '\\' && i + 1 < line.Length)
            {
                var next = line[++i];
                switch (next)
                {
                    case 't': sb.Append('\t'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 'e': empty = true; break;
                    default: sb.Append(next); break;
                }
            }
            else
            {
                sb.Append(c);
            }
        }

        fields.Add(sb.Length == 0 && !empty ? null : sb.ToString());
        return fields.ToArray();
    }
}

public sealed class FactsReadResult
{
    public FactsReadResult(ProjectFacts? facts, string? error)
    {
        Facts = facts;
        Error = error;
    }

    public ProjectFacts? Facts { get; }

    /// <summary>Why the facts could not be read; surfaced as a 09xx finding.</summary>
    public string? Error { get; }

    public static FactsReadResult Failed(string error) => new(null, error);
}
