// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace Commons.Compliance.Reuse;

/// <summary>One <c>Files:</c> paragraph of <c>.reuse/dep5</c>.</summary>
public sealed class Dep5Paragraph
{
    public Dep5Paragraph(IReadOnlyList<string> patterns, string license, IReadOnlyList<string> copyrights, int line)
    {
        Patterns = patterns;
        License = license;
        Copyrights = copyrights;
        Line = line;
        Matcher = new Regex("^(?:" + string.Join("|", patterns.Select(Translate)) + ")$", RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }

    public IReadOnlyList<string> Patterns { get; }

    /// <summary>The first line of the <c>License:</c> field: the paragraph's SPDX expression.</summary>
    public string License { get; }

    /// <summary>Each line of the <c>Copyright:</c> field, trimmed.</summary>
    public IReadOnlyList<string> Copyrights { get; }

    /// <summary>1-based line of the paragraph's <c>Files:</c> field.</summary>
    public int Line { get; }

    internal Regex Matcher { get; }

    /// <summary>
    /// A DEP5 <c>Files</c> pattern as a regular expression: <c>*</c> matches any text, slashes included, <c>?</c> one
    /// character, <c>\*</c>, <c>\?</c> and <c>\\</c> the character itself (Debian's copyright-format 1.0).
    /// </summary>
    private static string Translate(string pattern)
    {
        var regex = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length && (pattern[i + 1] == '*' || pattern[i + 1] == '?' || pattern[i + 1] == '\\'))
            {
                regex.Append(Regex.Escape(pattern[++i].ToString()));
            }
            else if (c == '*')
            {
                regex.Append(".*");
            }
            else if (c == '?')
            {
                regex.Append('.');
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        return regex.ToString();
    }
}

/// <summary>
/// <c>.reuse/dep5</c> (REUSE 3.3: deprecated, mutually exclusive with REUSE.toml): Debian's machine-readable copyright
/// format. The last <c>Files</c> paragraph that matches a path applies, and its information is aggregated with the file's own.
/// </summary>
public sealed class Dep5File
{
    private Dep5File(IReadOnlyList<Dep5Paragraph> paragraphs, string? error, int errorLine)
    {
        Paragraphs = paragraphs;
        Error = error;
        ErrorLine = errorLine;
    }

    public IReadOnlyList<Dep5Paragraph> Paragraphs { get; }

    /// <summary>Why the file cannot be used, when it cannot (then <see cref="Paragraphs"/> is empty).</summary>
    public string? Error { get; }

    public int ErrorLine { get; }

    public static Dep5File Parse(string text)
    {
        var paragraphs = new List<Dep5Paragraph>();
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var fields = new List<(string Name, List<string> Lines, int Line)>();
        var first = true;
        for (var i = 0; i <= lines.Length; i++)
        {
            var line = i < lines.Length ? lines[i] : "";
            if (line.Trim().Length == 0)
            {
                if (fields.Count > 0)
                {
                    if (first && !fields.Any(f => f.Name.Equals("Format", StringComparison.OrdinalIgnoreCase)))
                    {
                        return new Dep5File(Array.Empty<Dep5Paragraph>(), "the header paragraph has no Format field", fields[0].Line);
                    }

                    if (!first)
                    {
                        var paragraph = Paragraph(fields, out var error);
                        if (error is not null)
                        {
                            return new Dep5File(Array.Empty<Dep5Paragraph>(), error, fields[0].Line);
                        }

                        if (paragraph is not null)
                        {
                            paragraphs.Add(paragraph);
                        }
                    }

                    first = false;
                    fields.Clear();
                }

                continue;
            }

            if (line.StartsWith("#", StringComparison.Ordinal))
            {
                continue;
            }

            if (line[0] == ' ' || line[0] == '\t')
            {
                if (fields.Count == 0)
                {
                    return new Dep5File(Array.Empty<Dep5Paragraph>(), "a continuation line starts a paragraph", i + 1);
                }

                var value = line.Trim();
                fields[fields.Count - 1].Lines.Add(value == "." ? "" : value);
                continue;
            }

            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                return new Dep5File(Array.Empty<Dep5Paragraph>(), "line '" + line + "' is not a 'Field: value' line", i + 1);
            }

            fields.Add((line.Substring(0, colon).Trim(), new List<string> { line.Substring(colon + 1).Trim() }, i + 1));
        }

        return new Dep5File(paragraphs, null, 0);
    }

    /// <summary>The paragraph that applies to <paramref name="relativePath"/> (forward slashes): the last that matches.</summary>
    public Dep5Paragraph? Find(string relativePath)
    {
        for (var i = Paragraphs.Count - 1; i >= 0; i--)
        {
            if (Paragraphs[i].Matcher.IsMatch(relativePath))
            {
                return Paragraphs[i];
            }
        }

        return null;
    }

    private static Dep5Paragraph? Paragraph(List<(string Name, List<string> Lines, int Line)> fields, out string? error)
    {
        error = null;
        List<string>? Field(string name) => fields.FirstOrDefault(f => f.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Lines;
        var files = Field("Files");
        if (files is null)
        {
            // A stand-alone License paragraph (the text of a licence): no file is covered by it.
            return null;
        }

        var copyright = Field("Copyright");
        var license = Field("License");
        if (copyright is null || license is null)
        {
            error = "the Files paragraph lacks its " + (copyright is null ? "Copyright" : "License") + " field";
            return null;
        }

        var patterns = string.Join(" ", files).Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries);
        var notices = copyright.Select(c => c.Trim()).Where(c => c.Length > 0).ToArray();
        return new Dep5Paragraph(patterns, license[0].Trim(), notices, fields[0].Line);
    }
}
