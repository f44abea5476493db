// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Commons.Inspection.Repository;

/// <summary>
/// YamlDotNet's parser events, one at a time, with every alias replaced by the events of the node it names, within budgets:
/// at most <see cref="MaxDepth"/> nested collections and <see cref="MaxNodes"/> nodes (keys and values, aliases expanded).
/// Nothing here recurses and no node graph is built, so no document can overflow the stack or explode: YamlDotNet's own
/// representation model recursed per nesting level (50,000 nested '- ' overflowed the stack), hashed mapping keys
/// through aliases (a complex key that refers to itself never ends) and expanded alias bombs used as keys.
/// An alias to a node that is not finished (a node that holds an alias to itself) is refused.
/// </summary>
internal sealed class BoundedYamlEvents
{
    /// <summary>Nested collections (mappings and sequences, in keys or values) read at most.</summary>
    public const int MaxDepth = 32;

    /// <summary>Nodes read at most, keys included and every alias counted as the nodes it stands for.</summary>
    public const int MaxNodes = 10_000;

    private readonly IParser parser;

    /// <summary>Completed anchors: the parser's events of the anchored node, its own aliases left unexpanded.</summary>
    private readonly Dictionary<string, List<ParsingEvent>> anchors = new(StringComparer.Ordinal);

    /// <summary>Anchored collections still being read: their events so far and how deep the parser is inside them.</summary>
    private readonly List<Recording> open = new();

    /// <summary>Alias expansions under way, innermost on top (as deep as the collections that hold them: bounded).</summary>
    private readonly Stack<Replay> replays = new();

    private int depth;

    public BoundedYamlEvents(IParser parser)
    {
        this.parser = parser;
    }

    /// <summary>Nodes returned so far.</summary>
    public int Nodes { get; private set; }

    /// <summary>
    /// The next event, an alias already expanded; null at the end of the stream. Throws <see cref="YamlException"/> for a
    /// syntax error, and <see cref="YamlLimitException"/> when a budget is spent or an alias cannot be expanded.
    /// </summary>
    public ParsingEvent? Next()
    {
        while (true)
        {
            ParsingEvent current;
            if (replays.Count > 0)
            {
                var replay = replays.Peek();
                if (replay.Index >= replay.Events.Count)
                {
                    replays.Pop();
                    continue;
                }

                current = replay.Events[replay.Index++];
            }
            else
            {
                if (!parser.MoveNext() || parser.Current is not { } raw)
                {
                    return null;
                }

                current = raw;
                Record(current);
            }

            if (current is AnchorAlias alias)
            {
                replays.Push(new Replay(Resolve(alias)));
                continue;
            }

            Count(current);
            return current;
        }
    }

    private void Count(ParsingEvent current)
    {
        switch (current)
        {
            case Scalar:
                Nodes++;
                break;
            case MappingStart:
            case SequenceStart:
                Nodes++;
                if (++depth > MaxDepth)
                {
                    throw new YamlLimitException(current.Start, "publiccode.yml nests collections more than " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " deep: the rest was not read");
                }

                break;
            case MappingEnd:
            case SequenceEnd:
                depth--;
                break;
        }

        if (Nodes > MaxNodes)
        {
            throw new YamlLimitException(current.Start, "publiccode.yml has more than " + MaxNodes.ToString(CultureInfo.InvariantCulture) + " nodes (keys and values, aliases expanded): the rest was not read");
        }
    }

    /// <summary>Keeps the parser's events of every anchored collection being read; a replayed event is never recorded twice.</summary>
    private void Record(ParsingEvent current)
    {
        for (var i = open.Count - 1; i >= 0; i--)
        {
            var recording = open[i];
            recording.Events.Add(current);
            if (current is MappingStart or SequenceStart)
            {
                recording.Depth++;
            }
            else if (current is MappingEnd or SequenceEnd && --recording.Depth == 0)
            {
                anchors[recording.Name] = recording.Events;
                open.RemoveAt(i);
            }
        }

        if (current is NodeEvent { Anchor.IsEmpty: false } anchored)
        {
            var name = anchored.Anchor.Value;
            if (current is Scalar)
            {
                anchors[name] = new List<ParsingEvent> { current };
            }
            else
            {
                // Redefined while open is refused by Resolve like any alias to an open node; until finished it is not usable.
                anchors.Remove(name);
                open.Add(new Recording(name, current));
            }
        }
    }

    private List<ParsingEvent> Resolve(AnchorAlias alias)
    {
        var name = alias.Value.Value;
        foreach (var recording in open)
        {
            if (string.Equals(recording.Name, name, StringComparison.Ordinal))
            {
                throw new YamlLimitException(alias.Start, "the alias *" + Excerpt(name) + " is inside the node it names (a node that contains itself): not read");
            }
        }

        if (!anchors.TryGetValue(name, out var events))
        {
            throw new YamlLimitException(alias.Start, "the alias *" + Excerpt(name) + " names no anchor defined before it");
        }

        return events;
    }

    private static string Excerpt(string name) => Compliance.Input.Printable.Excerpt(name, 40);

    private sealed class Recording
    {
        public Recording(string name, ParsingEvent start)
        {
            Name = name;
            Events.Add(start);
        }

        public string Name { get; }

        public List<ParsingEvent> Events { get; } = new();

        public int Depth { get; set; } = 1;
    }

    private sealed class Replay
    {
        public Replay(List<ParsingEvent> events)
        {
            Events = events;
        }

        public List<ParsingEvent> Events { get; }

        public int Index { get; set; }
    }
}

/// <summary>A budget of <see cref="BoundedYamlEvents"/> is spent, or an alias cannot be expanded: what was read so far stands.</summary>
internal sealed class YamlLimitException : Exception
{
    public YamlLimitException(Mark start, string message)
        : base(message)
    {
        Start = start;
    }

    /// <summary>Where the node that spent the budget starts.</summary>
    public Mark Start { get; }
}
