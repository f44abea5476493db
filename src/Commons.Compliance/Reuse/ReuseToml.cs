// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Commons.Compliance.Reuse;

/// <summary>The <c>precedence</c> of a REUSE.toml annotation (REUSE 3.3).</summary>
public enum ReusePrecedence
{
    /// <summary>The default: the file's own information wins; the closest REUSE.toml fills in, separately for copyright and licensing.</summary>
    Closest,

    /// <summary>The table's information always applies, and the <see cref="Closest"/> logic too.</summary>
    Aggregate,

    /// <summary>The table's information alone applies: the file is not read; the table closest to the root wins.</summary>
    Override,
}

/// <summary>One <c>[[annotations]]</c> table, as plain data (the TOML is read by Commons.Inspection).</summary>
public sealed class ReuseAnnotation
{
    private Regex? matcher;

    public ReuseAnnotation(IReadOnlyList<string> paths, ReusePrecedence precedence, IReadOnlyList<string> copyrights, IReadOnlyList<string> expressions)
    {
        Paths = paths;
        Precedence = precedence;
        Copyrights = copyrights;
        Expressions = expressions;
    }

    /// <summary>The <c>path</c> globs, relative to the REUSE.toml's folder.</summary>
    public IReadOnlyList<string> Paths { get; }

    public ReusePrecedence Precedence { get; }

    /// <summary><c>SPDX-FileCopyrightText</c>: the notices, their prefix optional.</summary>
    public IReadOnlyList<string> Copyrights { get; }

    /// <summary><c>SPDX-License-Identifier</c>: SPDX expressions.</summary>
    public IReadOnlyList<string> Expressions { get; }

    public bool Matches(string relativePath) => (matcher ??= Translate(Paths)).IsMatch(relativePath);

    /// <summary>
    /// REUSE.toml globbing: <c>*</c> matches anything but a slash, <c>**</c> anything (slashes included), <c>\\</c> escapes
    /// the next character (in TOML text, <c>\\\\*</c> is a literal star); everything else matches itself; the whole path must match.
    /// </summary>
    internal static Regex Translate(IEnumerable<string> paths)
    {
        var alternatives = new List<string>();
        foreach (var path in paths)
        {
            var blocks = new StringBuilder();
            var escaping = false;
            var globstar = false;
            var previous = '\0';
            foreach (var c in path)
            {
                if (c == '\\')
                {
                    if (previous == '\\' && escaping)
                    {
                        escaping = false;
                        blocks.Append("\\\\");
                    }
                    else
                    {
                        escaping = true;
                    }
                }
                else if (c == '*')
                {
                    if (escaping)
                    {
                        blocks.Append("\\*");
                        escaping = false;
                    }
                    else if (previous == '*' && !globstar)
                    {
                        globstar = true;
                        blocks.Append(".*");
                    }
                }
                else if (c == '/')
                {
                    if (!globstar)
                    {
                        if (previous == '*')
                        {
                            blocks.Append("[^/]*");
                        }

                        blocks.Append('/');
                    }

                    escaping = false;
                }
                else
                {
                    if (previous == '*' && !globstar)
                    {
                        blocks.Append("[^/]*");
                    }

                    blocks.Append(Regex.Escape(c.ToString()));
                    globstar = false;
                    escaping = false;
                }

                previous = c;
            }

            if (previous == '*' && !globstar)
            {
                blocks.Append("[^/]*");
            }

            alternatives.Add("^(" + blocks + ")$");
        }

        return new Regex(string.Join("|", alternatives), RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }
}

/// <summary>One REUSE.toml: where it is and its annotations, or why it cannot be used.</summary>
public sealed class ReuseTomlFile
{
    public ReuseTomlFile(string directory, IReadOnlyList<ReuseAnnotation> annotations, string? error = null)
    {
        Directory = directory.Trim('/');
        Annotations = annotations;
        Error = error;
    }

    /// <summary>The folder holding it, relative to the project root, forward slashes; "" for the root.</summary>
    public string Directory { get; }

    public string RelativePath => Directory.Length == 0 ? "REUSE.toml" : Directory + "/REUSE.toml";

    public IReadOnlyList<ReuseAnnotation> Annotations { get; }

    /// <summary>Why the file cannot be used (not TOML, no <c>version = 1</c>, a key of the wrong type …), when it cannot.</summary>
    public string? Error { get; }

    /// <summary>The last table that matches <paramref name="pathInDirectory"/> (relative to <see cref="Directory"/>).</summary>
    public ReuseAnnotation? Find(string pathInDirectory)
    {
        for (var i = Annotations.Count - 1; i >= 0; i--)
        {
            if (Annotations[i].Matches(pathInDirectory))
            {
                return Annotations[i];
            }
        }

        return null;
    }

    /// <summary>The path relative to this file's folder, or null when the file lies elsewhere.</summary>
    public string? Relative(string relativePath)
    {
        if (Directory.Length == 0)
        {
            return relativePath;
        }

        return relativePath.StartsWith(Directory + "/", StringComparison.Ordinal) ? relativePath.Substring(Directory.Length + 1) : null;
    }
}

/// <summary>
/// The global licensing of a project: its REUSE.toml files (nested, REUSE 3.3) or its <c>.reuse/dep5</c>. Answers, for one
/// covered file, the information each precedence contributes.
/// </summary>
public sealed class ReuseGlobalLicensing
{
    public ReuseGlobalLicensing(IReadOnlyList<ReuseTomlFile> tomls, Dep5File? dep5)
    {
        // Topmost first: an override closest to the root is authoritative, closest means deepest.
        Tomls = tomls.Where(t => t.Error is null).OrderBy(t => t.Directory.Length == 0 ? 0 : t.Directory.Split('/').Length).ThenBy(t => t.Directory, StringComparer.Ordinal).ToArray();
        Dep5 = dep5?.Error is null ? dep5 : null;
    }

    public IReadOnlyList<ReuseTomlFile> Tomls { get; }

    public Dep5File? Dep5 { get; }

    public bool IsEmpty => Tomls.Count == 0 && Dep5 is null;

    /// <summary>What the global licensing says of one file, by precedence.</summary>
    public GlobalInfo For(string relativePath)
    {
        var result = new GlobalInfo();
        if (Dep5?.Find(relativePath) is { } paragraph)
        {
            result.Aggregate.Add(new ReuseInfo(new[] { paragraph.License }, paragraph.Copyrights, ReuseSource.Dep5, ".reuse/dep5"));
            return result;
        }

        var closest = new List<ReuseInfo>();
        foreach (var toml in Tomls)
        {
            if (toml.Relative(relativePath) is not { } inDirectory || toml.Find(inDirectory) is not { } table)
            {
                continue;
            }

            var info = new ReuseInfo(table.Expressions, table.Copyrights, ReuseSource.ReuseToml, toml.RelativePath);
            switch (table.Precedence)
            {
                case ReusePrecedence.Override:
                    result.Override.Add(info);
                    break;
                case ReusePrecedence.Aggregate:
                    result.Aggregate.Add(info);
                    break;
                default:
                    closest.Add(info);
                    break;
            }

            if (table.Precedence == ReusePrecedence.Override)
            {
                break;
            }
        }

        // Of the closest tables, the deepest gives the copyright and the deepest the licensing, each on its own.
        var copyrightFound = false;
        var licenseFound = false;
        for (var i = closest.Count - 1; i >= 0; i--)
        {
            var info = closest[i];
            var copyrights = !copyrightFound && info.HasCopyright ? info.Copyrights : Array.Empty<string>();
            var expressions = !licenseFound && info.HasLicensing ? info.Expressions : Array.Empty<string>();
            copyrightFound |= copyrights.Count > 0;
            licenseFound |= expressions.Count > 0;
            if (copyrights.Count > 0 || expressions.Count > 0)
            {
                result.Closest.Insert(0, new ReuseInfo(expressions, copyrights, info.Source, info.SourcePath));
            }
        }

        return result;
    }

    /// <summary>The global information of one file, split by precedence.</summary>
    public sealed class GlobalInfo
    {
        public List<ReuseInfo> Override { get; } = new();

        public List<ReuseInfo> Aggregate { get; } = new();

        public List<ReuseInfo> Closest { get; } = new();
    }
}
