// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Commons.Compliance.Rules;

namespace Commons.Compliance.Input;

/// <summary>One rule violation: what the analyzer turns into a Diagnostic and the CLI prints.</summary>
public sealed class Finding
{
    /// <param name="arguments">
    /// The message arguments; they quote files and packages (a nuspec's text, a publiccode.yml value), so their control and
    /// bidirectional characters are escaped here, once for every surface: a build log line, a terminal, a SARIF file.
    /// </param>
    public Finding(string ruleId, IReadOnlyList<string> arguments, FindingLocation? location)
    {
        RuleId = ruleId;
        Arguments = Escaped(arguments);
        Location = location;
        Message = RuleCatalog.Get(ruleId).FormatMessage(Arguments);
    }

    public string RuleId { get; }

    public IReadOnlyList<string> Arguments { get; }

    /// <summary>Where the finding points, or null for a file-less finding.</summary>
    public FindingLocation? Location { get; }

    public string Message { get; }

    public override string ToString() => (Location is null ? "" : Location + ": ") + RuleId + ": " + Message;

    private static IReadOnlyList<string> Escaped(IReadOnlyList<string> arguments)
    {
        string[]? escaped = null;
        for (var i = 0; i < arguments.Count; i++)
        {
            var value = Printable.Escape(arguments[i]);
            if (!string.Equals(value, arguments[i], StringComparison.Ordinal))
            {
                escaped ??= CopyOf(arguments);
                escaped[i] = value;
            }
        }

        return escaped ?? arguments;
    }

    private static string[] CopyOf(IReadOnlyList<string> arguments)
    {
        var copy = new string[arguments.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = arguments[i];
        }

        return copy;
    }
}

/// <summary>A span in a file: 1-based lines and columns, end exclusive; <see cref="Start"/>/<see cref="Length"/> in characters when known.</summary>
public sealed class FindingLocation
{
    public FindingLocation(string path, int line, int column, int endLine, int endColumn, int start = -1, int length = 0)
    {
        Path = path;
        Line = line;
        Column = column;
        EndLine = endLine;
        EndColumn = endColumn;
        Start = start;
        Length = length;
    }

    public string Path { get; }

    public int Line { get; }

    public int Column { get; }

    public int EndLine { get; }

    public int EndColumn { get; }

    /// <summary>0-based character offset of the span, or -1 when only lines and columns are known.</summary>
    public int Start { get; }

    public int Length { get; }

    /// <summary>The whole of a line of a text (without its line break).</summary>
    public static FindingLocation OfLine(string path, string text, int line)
    {
        var start = TextLines.StartOf(text, line);
        var end = TextLines.EndOf(text, start);
        return new FindingLocation(path, line, 1, line, end - start + 1, start, end - start);
    }

    /// <summary>A span given by offsets in a text.</summary>
    public static FindingLocation OfSpan(string path, string text, int start, int length)
    {
        var (line, column) = TextLines.PositionOf(text, start);
        var (endLine, endColumn) = TextLines.PositionOf(text, start + length);
        return new FindingLocation(path, line, column, endLine, endColumn, start, length);
    }

    /// <summary>From a 1-based line and column given by a collector; spans the rest of that line when the text is known.</summary>
    public static FindingLocation At(string path, string? text, int line, int column)
    {
        if (text is null)
        {
            return new FindingLocation(path, line, column, line, column);
        }

        var lineStart = TextLines.StartOf(text, line);
        var lineEnd = TextLines.EndOf(text, lineStart);
        var start = lineStart + System.Math.Max(0, System.Math.Min(column - 1, lineEnd - lineStart));
        return OfSpan(path, text, start, lineEnd - start);
    }

    public override string ToString() => Path + "(" + Line + "," + Column + ")";
}

/// <summary>Line arithmetic over plain strings (\n, \r\n or \r).</summary>
internal static class TextLines
{
    // The offsets where each line starts, computed once per text: a policy file with thousands of bad lines gets a finding
    // per line, and walking the text from its start for each one was quadratic (minutes for a 400 KB file).
    private static readonly ConditionalWeakTable<string, int[]> LineStartsByText = new();

    /// <summary>Offset of the start of a 1-based line; the end of the text when there are fewer lines.</summary>
    public static int StartOf(string text, int line)
    {
        if (line <= 1)
        {
            return 0;
        }

        var starts = LineStarts(text);
        return line - 1 < starts.Length ? starts[line - 1] : text.Length;
    }

    /// <summary>Offset of the line break ending the line that starts at <paramref name="start"/>.</summary>
    public static int EndOf(string text, int start)
    {
        var i = start;
        while (i < text.Length && text[i] != '\n' && text[i] != '\r')
        {
            i++;
        }

        return i;
    }

    /// <summary>1-based line and column of an offset.</summary>
    public static (int Line, int Column) PositionOf(string text, int offset)
    {
        var starts = LineStarts(text);
        // The number of line starts at or before the offset is its line (the first start, 0, is always one of them).
        var index = Array.BinarySearch(starts, offset);
        var line = index >= 0 ? index + 1 : Math.Max(1, ~index);
        return (line, offset - starts[line - 1] + 1);
    }

    private static int[] LineStarts(string text)
        => LineStartsByText.GetValue(text, t =>
        {
            var starts = new List<int> { 0 };
            for (var i = 0; i < t.Length; i++)
            {
                if (t[i] == '\n' || (t[i] == '\r' && (i + 1 >= t.Length || t[i + 1] != '\n')))
                {
                    starts.Add(i + 1);
                }
            }

            return starts.ToArray();
        });
}
