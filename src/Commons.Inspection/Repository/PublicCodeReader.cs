// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Commons.Compliance.Facts;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Commons.Inspection.Repository;

/// <summary>Parses <c>publiccode.yml</c> into flattened nodes with positions, so the rules need no YAML parser.</summary>
public static class PublicCodeReader
{
    /// <summary>Beyond this many nodes the document is cut (alias bombs, absurd files); the rules see what was read.</summary>
    public const int MaxNodes = 10_000;

    private const int MaxDepth = 32;

    /// <summary>Deeper flow collections or indentation are refused before YAML parsing: YamlDotNet's time grows with the
    /// square of the nesting (10,000 '{' took 24 s; a 1 MB file of them would hang the build).</summary>
    public const int MaxNesting = 128;

    public static PublicCodeFacts Read(string root, string fullPath, long maxBytes = BoundedFile.DefaultMaxBytes)
    {
        var facts = new PublicCodeFacts { FullPath = fullPath, RelativePath = PathSafety.Relative(root, fullPath) };
        var content = BoundedFile.TryRead(fullPath, maxBytes, out var problem);
        if (content is null)
        {
            facts.ParseError = problem;
            return facts;
        }

        Parse(Encoding.UTF8.GetString(content), facts);
        return facts;
    }

    /// <summary>Fills <paramref name="facts"/> from YAML text; a syntax error is recorded with its position, never thrown.</summary>
    public static void Parse(string text, PublicCodeFacts facts)
    {
        if (NestingProblem(text) is { } nesting)
        {
            facts.ParseError = nesting.Message;
            facts.ParseErrorLine = nesting.Line;
            facts.ParseErrorColumn = nesting.Column;
            return;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            facts.ParseError = ex.Message;
            facts.ParseErrorLine = (int)ex.Start.Line;
            facts.ParseErrorColumn = (int)ex.Start.Column;
            return;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException)
        {
            // YamlDotNet gives some malformed documents no YamlException and no position: the file start stands in.
            facts.ParseError = "publiccode.yml is not valid YAML: " + ex.Message;
            facts.ParseErrorLine = 1;
            facts.ParseErrorColumn = 1;
            return;
        }

        var document = stream.Documents.FirstOrDefault();
        if (document?.RootNode is not YamlMappingNode rootMapping)
        {
            facts.ParseError = "publiccode.yml must be a mapping of keys to values";
            facts.ParseErrorLine = 1;
            facts.ParseErrorColumn = 1;
            return;
        }

        AddChildren(facts, "", rootMapping, 0);
    }

    /// <summary>
    /// The first place where '[' / '{' nest, or lines are indented, deeper than <see cref="MaxNesting"/>; null when none.
    /// Conservative: brackets inside quotes and comments are skipped, and a plain scalar's stray bracket only counts up.
    /// </summary>
    private static (string Message, int Line, int Column)? NestingProblem(string text)
    {
        var depth = 0;
        var line = 1;
        var lineStart = 0;
        var quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
                lineStart = i + 1;
                quote = quote == '"' || quote == '\'' ? quote : '\0';
                continue;
            }

            if (i == lineStart)
            {
                var indent = 0;
                while (i + indent < text.Length && text[i + indent] == ' ')
                {
                    indent++;
                }

                if (indent > MaxNesting * 2)
                {
                    return ("publiccode.yml is indented more than " + (MaxNesting * 2).ToString(CultureInfo.InvariantCulture) + " columns: not read", line, 1);
                }
            }

            if (quote == '#')
            {
                continue;
            }

            if (quote != '\0')
            {
                if (quote == '"' && c == '\\')
                {
                    i++; // an escaped character, maybe a quote
                }
                else if (c == quote)
                {
                    quote = '\0';
                }

                continue;
            }

            switch (c)
            {
                case '"':
                case '\'':
                    // A quote opens a string only where a scalar starts; "it's" in a plain scalar is no quote.
                    quote = AtScalarStart(text, lineStart, i) ? c : '\0';
                    break;
                case '#':
                    quote = i == 0 || char.IsWhiteSpace(text[i - 1]) ? '#' : '\0';
                    break;
                case '[':
                case '{':
                    // Outside a flow collection, a bracket opens one only where a scalar starts ("a[1" is a plain scalar).
                    if (depth == 0 && !AtScalarStart(text, lineStart, i))
                    {
                        break;
                    }

                    if (++depth > MaxNesting)
                    {
                        return ("publiccode.yml nests '[' or '{' more than " + MaxNesting.ToString(CultureInfo.InvariantCulture) + " deep: not read", line, i - lineStart + 1);
                    }

                    break;
                case ']':
                case '}':
                    depth = Math.Max(0, depth - 1);
                    break;
            }
        }

        return null;
    }

    private static bool AtScalarStart(string text, int lineStart, int at)
    {
        var before = at - 1;
        while (before >= lineStart && (text[before] == ' ' || text[before] == '\t'))
        {
            before--;
        }

        return before < lineStart || ":-[{,?".IndexOf(text[before]) >= 0;
    }

    private static void AddChildren(PublicCodeFacts facts, string path, YamlNode node, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var entry in mapping.Children)
                {
                    var key = entry.Key is YamlScalarNode scalarKey ? scalarKey.Value ?? "" : entry.Key.ToString();
                    var childPath = path.Length == 0 ? key : path + "." + key;
                    if (!Add(facts, childPath, entry.Value, entry.Key.Start))
                    {
                        return;
                    }

                    AddChildren(facts, childPath, entry.Value, depth + 1);
                }

                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    var item = sequence.Children[i];
                    var childPath = path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
                    if (!Add(facts, childPath, item, item.Start))
                    {
                        return;
                    }

                    AddChildren(facts, childPath, item, depth + 1);
                }

                break;
        }
    }

    private static bool Add(PublicCodeFacts facts, string path, YamlNode node, Mark position)
    {
        if (facts.Nodes.Count >= MaxNodes)
        {
            facts.ParseError ??= "publiccode.yml has more than " + MaxNodes.ToString(CultureInfo.InvariantCulture) + " nodes; the rest was not read";
            return false;
        }

        var fact = new YamlNodeFact { Path = path, Line = (int)position.Line, Column = (int)position.Column };
        switch (node)
        {
            case YamlScalarNode scalar:
                fact.Kind = YamlNodeKind.Scalar;
                fact.Value = scalar.Value ?? "";
                break;
            case YamlMappingNode mapping:
                fact.Kind = YamlNodeKind.Mapping;
                fact.Count = mapping.Children.Count;
                break;
            case YamlSequenceNode sequence:
                fact.Kind = YamlNodeKind.Sequence;
                fact.Count = sequence.Children.Count;
                break;
            default:
                // Unresolved aliases are the only other node type: keep them as their text.
                fact.Kind = YamlNodeKind.Scalar;
                fact.Value = node.ToString();
                break;
        }

        facts.Nodes.Add(fact);
        return true;
    }
}
