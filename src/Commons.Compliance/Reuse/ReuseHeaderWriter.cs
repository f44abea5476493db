// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Commons.Compliance.Reuse;

/// <summary>How a file type writes a comment: one mark per line (<c>//</c>, <c>#</c> …) or a block (<c>&lt;!-- --&gt;</c>, <c>/* */</c>).</summary>
public sealed class CommentStyle
{
    private CommentStyle(string? line, string? blockStart, string? blockEnd)
    {
        Line = line;
        BlockStart = blockStart;
        BlockEnd = blockEnd;
    }

    public static CommentStyle Slashes { get; } = new("//", null, null);

    public static CommentStyle Hash { get; } = new("#", null, null);

    public static CommentStyle Markup { get; } = new(null, "<!--", "-->");

    public static CommentStyle CBlock { get; } = new(null, "/*", "*/");

    public static CommentStyle DoubleDash { get; } = new("--", null, null);

    public static CommentStyle Semicolon { get; } = new(";", null, null);

    public static CommentStyle Rem { get; } = new("REM", null, null);

    public static CommentStyle Percent { get; } = new("%", null, null);

    public static CommentStyle Apostrophe { get; } = new("'", null, null);

    public static CommentStyle Razor { get; } = new(null, "@*", "*@");

    public string? Line { get; }

    public string? BlockStart { get; }

    public string? BlockEnd { get; }
}

/// <summary>
/// Writes the REUSE header a file lacks, as <c>reuse annotate</c> does: in the comment style of its type (after a
/// <c>#!</c> line or an XML declaration), or in a <c>FILE.license</c> sidecar for a binary file or a type that has no
/// comments (JSON, CSV, images …). Pure: text in, text out.
/// </summary>
public static class ReuseHeaderWriter
{
    private static readonly Dictionary<string, CommentStyle> ByExtension = Table(
        (CommentStyle.Slashes, "cs csx c++ cc cpp cxx hh hpp hxx h++ java js mjs cjs jsx ts tsx mts cts go rs swift kt kts scala dart fs fsi fsx groovy gradle php proto adoc asciidoc jsonc json5 m mm d v zig"),
        (CommentStyle.Hash, "sh bash zsh fish ksh py pyi pyx rb pl pm ps1 psm1 psd1 yml yaml toml cmake mk make nix tf tfvars properties r jl cr ex exs nim coffee gemspec rake pp bzl bazel"),
        (CommentStyle.Markup, "md markdown mdx html htm xhtml xml xsd xsl xslt xaml axaml csproj vbproj fsproj sqlproj proj props targets nuspec resx config manifest vsixmanifest slnx runsettings ruleset plist svg vue svelte wxs wxi wixproj storyboard xib"),
        (CommentStyle.CBlock, "css scss sass less c h"),
        (CommentStyle.DoubleDash, "sql lua hs lhs elm ada adb ads"),
        (CommentStyle.Semicolon, "ini lisp el clj cljs scm asm"),
        (CommentStyle.Rem, "bat cmd"),
        (CommentStyle.Percent, "tex sty cls erl"),
        (CommentStyle.Apostrophe, "vb vbs bas"),
        (CommentStyle.Razor, "cshtml razor"));

    private static readonly Dictionary<string, CommentStyle> ByName = new(StringComparer.Ordinal)
    {
        [".editorconfig"] = CommentStyle.Hash,
        [".gitignore"] = CommentStyle.Hash,
        [".gitattributes"] = CommentStyle.Hash,
        [".gitmodules"] = CommentStyle.Hash,
        [".dockerignore"] = CommentStyle.Hash,
        [".mailmap"] = CommentStyle.Hash,
        [".globalconfig"] = CommentStyle.Hash,
        ["Dockerfile"] = CommentStyle.Hash,
        ["Makefile"] = CommentStyle.Hash,
        ["CMakeLists.txt"] = CommentStyle.Hash,
        ["Gemfile"] = CommentStyle.Hash,
        ["requirements.txt"] = CommentStyle.Hash,
        ["Jenkinsfile"] = CommentStyle.Slashes,
    };

    /// <summary>The comment style of a file, by name then extension; null when the type has none (write a sidecar).</summary>
    public static CommentStyle? StyleOf(string fileName)
    {
        if (ByName.TryGetValue(fileName, out var named))
        {
            return named;
        }

        var dot = fileName.LastIndexOf('.');
        return dot >= 0 && ByExtension.TryGetValue(fileName.Substring(dot + 1).ToLowerInvariant(), out var style) ? style : null;
    }

    /// <summary>The tag lines to add: the licence first, as this project writes it, then the copyright.</summary>
    public static IReadOnlyList<string> Tags(string? license, string? copyright)
    {
        var tags = new List<string>();
        if (license is not null)
        {
            tags.Add("SPDX-License-Identifier: " + license);
        }

        if (copyright is not null)
        {
            tags.Add("SPDX-FileCopyrightText: " + copyright);
        }

        return tags;
    }

    /// <summary>A sidecar's text, or the tags added at the end of an existing one.</summary>
    public static string Sidecar(string? existing, IReadOnlyList<string> tags)
    {
        var lines = string.Join("\n", tags) + "\n";
        if (string.IsNullOrEmpty(existing))
        {
            return lines;
        }

        return existing!.EndsWith("\n", StringComparison.Ordinal) ? existing + lines : existing + "\n" + lines;
    }

    /// <summary>
    /// The text with a header holding <paramref name="tags"/> at its top: after a <c>#!</c> line, an XML declaration or a
    /// byte-order mark; in the file's line endings; separated from what follows by an empty line.
    /// </summary>
    public static string AddHeader(string text, CommentStyle style, IReadOnlyList<string> tags)
    {
        var newline = text.Contains("\r\n") ? "\r\n" : "\n";
        var at = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        if (StartsWithAt(text, at, "#!") || StartsWithAt(text, at, "<?xml"))
        {
            var end = text.IndexOf('\n', at);
            at = end < 0 ? text.Length : end + 1;
        }

        var header = new StringBuilder();
        if (at == text.Length && at > 0 && text[at - 1] != '\n')
        {
            header.Append(newline);
        }

        if (style.Line is { } mark)
        {
            foreach (var tag in tags)
            {
                header.Append(mark).Append(' ').Append(tag).Append(newline);
            }
        }
        else if (style.BlockStart == "<!--" || tags.Count > 1)
        {
            header.Append(style.BlockStart).Append(newline);
            foreach (var tag in tags)
            {
                header.Append(tag).Append(newline);
            }

            header.Append(style.BlockEnd).Append(newline);
        }
        else
        {
            header.Append(style.BlockStart).Append(' ').Append(tags[0]).Append(' ').Append(style.BlockEnd).Append(newline);
        }

        var rest = text.Substring(at);
        if (rest.Length > 0 && !rest.StartsWith("\n", StringComparison.Ordinal) && !rest.StartsWith("\r\n", StringComparison.Ordinal))
        {
            header.Append(newline);
        }

        return text.Substring(0, at) + header + rest;
    }

    private static bool StartsWithAt(string text, int at, string value)
        => text.Length - at >= value.Length && string.CompareOrdinal(text, at, value, 0, value.Length) == 0;

    private static Dictionary<string, CommentStyle> Table(params (CommentStyle Style, string Extensions)[] rows)
    {
        var table = new Dictionary<string, CommentStyle>(StringComparer.Ordinal);
        foreach (var (style, extensions) in rows)
        {
            foreach (var extension in extensions.Split(' ').Where(e => e.Length > 0))
            {
                table[extension] = style;
            }
        }

        return table;
    }
}
