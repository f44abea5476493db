// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using Commons.Compliance.Facts;
using Commons.Compliance.Input;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Commons.Inspection.Repository;

/// <summary>Parses <c>publiccode.yml</c> into flattened nodes with positions, so the rules need no YAML parser.</summary>
public static class PublicCodeReader
{
    /// <summary>Beyond this many nodes, keys included and aliases expanded, the document is cut (alias bombs, absurd files).</summary>
    public const int MaxNodes = BoundedYamlEvents.MaxNodes;

    /// <summary>Beyond this many characters of paths and values in the facts, the document is cut (an alias repeating a long value).</summary>
    public const int MaxCharacters = 4 * 1024 * 1024;

    /// <summary>A longer key is cut in the paths of its nodes (the rules know only short keys).</summary>
    private const int MaxKeyInPath = 200;

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

        try
        {
            Flatten(new BoundedYamlEvents(new Parser(new StringReader(text))), facts);
        }
        catch (YamlLimitException ex)
        {
            // A budget spent: the nodes read so far stay, the finding names the limit.
            facts.ParseError = ex.Message;
            facts.ParseErrorLine = (int)ex.Start.Line;
            facts.ParseErrorColumn = (int)ex.Start.Column;
        }
        catch (YamlException ex)
        {
            facts.Nodes.Clear();
            facts.ParseError = ex.Message;
            facts.ParseErrorLine = (int)ex.Start.Line;
            facts.ParseErrorColumn = (int)ex.Start.Column;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException)
        {
            // YamlDotNet gives some malformed documents no YamlException and no position: the file start stands in.
            facts.Nodes.Clear();
            facts.ParseError = "publiccode.yml is not valid YAML: " + ex.Message;
            facts.ParseErrorLine = 1;
            facts.ParseErrorColumn = 1;
        }
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

    /// <summary>
    /// Turns the events of the first document into node facts, in document order (a collection before its children).
    /// The root must be a mapping; a key that is itself a collection is named by a short rendering of it.
    /// </summary>
    private static void Flatten(BoundedYamlEvents events, PublicCodeFacts facts)
    {
        var frames = new Stack<Frame>();
        KeyRendering? complexKey = null;
        var characters = 0L;
        var started = false;
        while (events.Next() is { } current)
        {
            if (current is DocumentEnd)
            {
                // Only the first document is publiccode.yml; what follows a second '---' is not read.
                break;
            }

            if (current is not (NodeEvent or MappingEnd or SequenceEnd))
            {
                continue;
            }

            if (complexKey is not null)
            {
                complexKey.Add(current);
                if (complexKey.IsComplete)
                {
                    SetKey(frames.Peek(), complexKey.Text, complexKey.Start);
                    complexKey = null;
                }

                continue;
            }

            if (!started)
            {
                started = true;
                if (current is not MappingStart)
                {
                    facts.ParseError = "publiccode.yml must be a mapping of keys to values";
                    facts.ParseErrorLine = 1;
                    facts.ParseErrorColumn = 1;
                    return;
                }

                frames.Push(new Frame(YamlNodeKind.Mapping, "", null));
                continue;
            }

            if (current is MappingEnd or SequenceEnd)
            {
                frames.Pop();
                continue;
            }

            var parent = frames.Peek();
            if (parent.Kind == YamlNodeKind.Mapping && parent.Key is null)
            {
                if (current is Scalar scalarKey)
                {
                    SetKey(parent, scalarKey.Value, current.Start);
                }
                else
                {
                    complexKey = new KeyRendering(current);
                }

                continue;
            }

            var (path, position) = parent.Kind == YamlNodeKind.Mapping
                ? (Join(parent.Path, parent.Key!), parent.KeyStart)
                : (parent.Path + "[" + parent.Count.ToString(CultureInfo.InvariantCulture) + "]", current.Start);
            parent.Key = null;
            parent.Count++;
            if (parent.Fact is not null)
            {
                parent.Fact.Count = parent.Count;
            }

            var fact = new YamlNodeFact { Path = path, Line = (int)position.Line, Column = (int)position.Column };
            switch (current)
            {
                case Scalar scalar:
                    fact.Kind = YamlNodeKind.Scalar;
                    fact.Value = scalar.Value;
                    break;
                case MappingStart:
                    fact.Kind = YamlNodeKind.Mapping;
                    frames.Push(new Frame(YamlNodeKind.Mapping, path, fact));
                    break;
                default:
                    fact.Kind = YamlNodeKind.Sequence;
                    frames.Push(new Frame(YamlNodeKind.Sequence, path, fact));
                    break;
            }

            // What the facts hold is bounded too: aliases repeat values without copying them, the facts file would not.
            characters += fact.Path.Length + (fact.Value?.Length ?? 0);
            if (characters > MaxCharacters)
            {
                throw new YamlLimitException(current.Start, "publiccode.yml expands to more than " + MaxCharacters.ToString(CultureInfo.InvariantCulture) + " characters of keys and values: the rest was not read");
            }

            facts.Nodes.Add(fact);
        }

        if (!started)
        {
            facts.ParseError = "publiccode.yml must be a mapping of keys to values";
            facts.ParseErrorLine = 1;
            facts.ParseErrorColumn = 1;
        }
    }

    private static void SetKey(Frame mapping, string key, Mark start)
    {
        mapping.Keys ??= new HashSet<string>(StringComparer.Ordinal);
        if (!mapping.Keys.Add(key))
        {
            throw new YamlException(start, start, "duplicate key '" + Printable.Excerpt(key, 60) + "'");
        }

        mapping.Key = key.Length <= MaxKeyInPath ? key : key.Substring(0, MaxKeyInPath) + "…";
        mapping.KeyStart = start;
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;

    /// <summary>A mapping or sequence being read: its path, its fact (none for the root) and its children so far.</summary>
    private sealed class Frame
    {
        public Frame(YamlNodeKind kind, string path, YamlNodeFact? fact)
        {
            Kind = kind;
            Path = path;
            Fact = fact;
        }

        public YamlNodeKind Kind { get; }

        public string Path { get; }

        public YamlNodeFact? Fact { get; }

        public int Count { get; set; }

        /// <summary>In a mapping, the key read and waiting for its value (null when a key comes next).</summary>
        public string? Key { get; set; }

        public Mark KeyStart { get; set; }

        public HashSet<string>? Keys { get; set; }
    }

    /// <summary>A key that is a collection (<c>? [a, b]</c>), rendered in flow style and cut at <see cref="MaxKeyInPath"/> characters.</summary>
    private sealed class KeyRendering
    {
        private readonly StringBuilder text = new();
        private int depth;
        private bool separate;

        public KeyRendering(ParsingEvent start)
        {
            Start = start.Start;
            Add(start);
        }

        public Mark Start { get; }

        public string Text => text.ToString();

        /// <summary>True once the collection that is the key has ended.</summary>
        public bool IsComplete => depth == 0;

        public void Add(ParsingEvent current)
        {
            switch (current)
            {
                case MappingStart:
                case SequenceStart:
                    Append((separate ? ", " : "") + (current is MappingStart ? "{" : "["));
                    depth++;
                    separate = false;
                    break;
                case MappingEnd:
                case SequenceEnd:
                    Append(current is MappingEnd ? "}" : "]");
                    depth--;
                    separate = true;
                    break;
                case Scalar scalar:
                    Append((separate ? ", " : "") + scalar.Value);
                    separate = true;
                    break;
            }
        }

        private void Append(string value)
        {
            if (text.Length < MaxKeyInPath)
            {
                text.Append(value.Length <= MaxKeyInPath - text.Length ? value : value.Substring(0, MaxKeyInPath - text.Length) + "…");
            }
        }
    }
}
