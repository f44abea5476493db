// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Commons.Compliance.Reuse;

/// <summary>
/// Reads a <c>REUSE.toml</c>: a TOML 1.0 reader for what such a file can hold (comments, tables and arrays of tables, bare,
/// quoted and dotted keys, every string form, integers, booleans, arrays and inline tables; other values are read and
/// kept opaque), then the REUSE 3.3 schema (<c>version = 1</c>, <c>[[annotations]]</c> with <c>path</c>,
/// <c>precedence</c>, <c>SPDX-FileCopyrightText</c>, <c>SPDX-License-Identifier</c>). Pure and linear; a file it cannot
/// use gives a <see cref="ReuseTomlFile"/> with an <see cref="ReuseTomlFile.Error"/>, never an exception. It lives here,
/// with no third-party TOML library, so that the analyzer, which carries none, reads the same files the CLI does.
/// </summary>
public static class ReuseTomlReader
{
    /// <summary>Nesting of arrays and inline tables beyond which a file is refused (no real REUSE.toml nests more than 2).</summary>
    private const int MaxDepth = 32;

    public static ReuseTomlFile Parse(string text, string directory)
    {
        Dictionary<string, object> document;
        try
        {
            document = new Parser(text).Document();
        }
        catch (FormatException ex)
        {
            return new ReuseTomlFile(directory, Array.Empty<ReuseAnnotation>(), "it is not valid TOML: " + ex.Message);
        }

        if (!document.TryGetValue("version", out var version) || version is not long)
        {
            return new ReuseTomlFile(directory, Array.Empty<ReuseAnnotation>(), "'version' must be an integer (version = 1)");
        }

        var annotations = new List<ReuseAnnotation>();
        if (document.TryGetValue("annotations", out var tables))
        {
            if (tables is not List<object> list || list.Any(t => t is not Dictionary<string, object>))
            {
                return new ReuseTomlFile(directory, Array.Empty<ReuseAnnotation>(), "'annotations' must be an array of tables ([[annotations]])");
            }

            foreach (Dictionary<string, object> table in list)
            {
                if (Annotation(table, out var error) is { } annotation)
                {
                    annotations.Add(annotation);
                }
                else
                {
                    return new ReuseTomlFile(directory, Array.Empty<ReuseAnnotation>(), error!);
                }
            }
        }

        return new ReuseTomlFile(directory, annotations);
    }

    private static ReuseAnnotation? Annotation(Dictionary<string, object> table, out string? error)
    {
        error = null;
        if (!Strings(table, "path", out var paths, out error))
        {
            return null;
        }

        if (paths.Count == 0)
        {
            error = "'path' must not be empty";
            return null;
        }

        var precedence = ReusePrecedence.Closest;
        if (table.TryGetValue("precedence", out var value))
        {
            switch (value as string)
            {
                case "closest":
                    break;
                case "aggregate":
                    precedence = ReusePrecedence.Aggregate;
                    break;
                case "override":
                    precedence = ReusePrecedence.Override;
                    break;
                default:
                    error = "the value of 'precedence' must be one of closest, aggregate, override";
                    return null;
            }
        }

        if (!Strings(table, "SPDX-FileCopyrightText", out var copyrights, out error)
            || !Strings(table, "SPDX-License-Identifier", out var expressions, out error))
        {
            return null;
        }

        return new ReuseAnnotation(paths, precedence, copyrights, expressions);
    }

    /// <summary>A key that holds a string or an array of strings; absent is empty.</summary>
    private static bool Strings(Dictionary<string, object> table, string key, out IReadOnlyList<string> values, out string? error)
    {
        error = null;
        values = Array.Empty<string>();
        if (!table.TryGetValue(key, out var value))
        {
            if (key == "path")
            {
                error = "an [[annotations]] table has no 'path'";
                return false;
            }

            return true;
        }

        if (value is string one)
        {
            values = new[] { one };
            return true;
        }

        if (value is List<object> list && list.All(v => v is string))
        {
            values = list.Cast<string>().Distinct(StringComparer.Ordinal).ToArray();
            return true;
        }

        error = "'" + key + "' must be a string or an array of strings";
        return false;
    }

    /// <summary>An opaque TOML value (float, date, time): read, not interpreted.</summary>
    private sealed class Opaque
    {
    }

    private sealed class Parser
    {
        private readonly string text;
        private int at;
        private int line = 1;

        public Parser(string text)
        {
            this.text = text.Length > 0 && text[0] == '\uFEFF' ? text.Substring(1) : text;
        }

        public Dictionary<string, object> Document()
        {
            var root = new Dictionary<string, object>(StringComparer.Ordinal);
            var current = root;
            while (true)
            {
                SkipBlank();
                if (at >= text.Length)
                {
                    return root;
                }

                var c = text[at];
                if (c == '\n' || c == '\r')
                {
                    NewLine();
                    continue;
                }

                if (c == '#')
                {
                    SkipComment();
                    continue;
                }

                if (c == '[')
                {
                    var arrayTable = Peek(1) == '[';
                    at += arrayTable ? 2 : 1;
                    var keys = Key();
                    Expect(']');
                    if (arrayTable)
                    {
                        Expect(']');
                    }

                    current = Table(root, keys, arrayTable);
                }
                else
                {
                    var keys = Key();
                    Expect('=');
                    SkipBlank();
                    Assign(current, keys, Value(0));
                }

                EndOfLine();
            }
        }

        private Dictionary<string, object> Table(Dictionary<string, object> root, List<string> keys, bool arrayTable)
        {
            var table = root;
            for (var i = 0; i < keys.Count - 1; i++)
            {
                table = Child(table, keys[i]);
            }

            var last = keys[keys.Count - 1];
            if (arrayTable)
            {
                if (!table.TryGetValue(last, out var existing))
                {
                    existing = new List<object>();
                    table[last] = existing;
                }

                if (existing is not List<object> list)
                {
                    throw Error("'" + last + "' is not an array of tables");
                }

                var created = new Dictionary<string, object>(StringComparer.Ordinal);
                list.Add(created);
                return created;
            }

            return Child(table, last);
        }

        private Dictionary<string, object> Child(Dictionary<string, object> table, string key)
        {
            if (!table.TryGetValue(key, out var value))
            {
                var created = new Dictionary<string, object>(StringComparer.Ordinal);
                table[key] = created;
                return created;
            }

            return value switch
            {
                Dictionary<string, object> existing => existing,
                List<object> { Count: > 0 } list when list[list.Count - 1] is Dictionary<string, object> last => last,
                _ => throw Error("'" + key + "' is defined twice"),
            };
        }

        private void Assign(Dictionary<string, object> table, List<string> keys, object value)
        {
            for (var i = 0; i < keys.Count - 1; i++)
            {
                table = Child(table, keys[i]);
            }

            var last = keys[keys.Count - 1];
            if (table.ContainsKey(last))
            {
                throw Error("'" + last + "' is defined twice");
            }

            table[last] = value;
        }

        private List<string> Key()
        {
            var keys = new List<string>();
            while (true)
            {
                SkipBlank();
                var c = Peek(0);
                if (c == '"' || c == '\'')
                {
                    keys.Add(String());
                }
                else
                {
                    var start = at;
                    while (at < text.Length && (char.IsLetterOrDigit(text[at]) && text[at] < 128 || text[at] == '_' || text[at] == '-'))
                    {
                        at++;
                    }

                    if (at == start)
                    {
                        throw Error("a key was expected");
                    }

                    keys.Add(text.Substring(start, at - start));
                }

                SkipBlank();
                if (Peek(0) != '.')
                {
                    return keys;
                }

                at++;
            }
        }

        private object Value(int depth)
        {
            if (depth > MaxDepth)
            {
                throw Error("values are nested too deeply");
            }

            var c = Peek(0);
            switch (c)
            {
                case '"':
                case '\'':
                    return String();
                case '[':
                    return Array(depth);
                case '{':
                    return InlineTable(depth);
            }

            var start = at;
            while (at < text.Length && text[at] != ',' && text[at] != ']' && text[at] != '}' && text[at] != '#' && text[at] != '\n' && text[at] != '\r')
            {
                at++;
            }

            var token = text.Substring(start, at - start).Trim();
            if (token.Length == 0)
            {
                throw Error("a value was expected");
            }

            if (token == "true" || token == "false")
            {
                return token == "true";
            }

            var digits = token.Replace("_", "");
            if (long.TryParse(digits, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }

            if (digits.StartsWith("0x", StringComparison.Ordinal) && long.TryParse(digits.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out number))
            {
                return number;
            }

            if (char.IsDigit(token[0]) || token[0] == '+' || token[0] == '-' || token == "inf" || token == "nan")
            {
                return new Opaque();
            }

            throw Error("'" + token + "' is not a TOML value");
        }

        private List<object> Array(int depth)
        {
            at++;
            var values = new List<object>();
            while (true)
            {
                SkipBlankLinesAndComments();
                if (Peek(0) == ']')
                {
                    at++;
                    return values;
                }

                values.Add(Value(depth + 1));
                SkipBlankLinesAndComments();
                var c = Peek(0);
                if (c == ',')
                {
                    at++;
                }
                else if (c != ']')
                {
                    throw Error("',' or ']' was expected in an array");
                }
            }
        }

        private Dictionary<string, object> InlineTable(int depth)
        {
            at++;
            var table = new Dictionary<string, object>(StringComparer.Ordinal);
            SkipBlank();
            if (Peek(0) == '}')
            {
                at++;
                return table;
            }

            while (true)
            {
                var keys = Key();
                Expect('=');
                SkipBlank();
                Assign(table, keys, Value(depth + 1));
                SkipBlank();
                var c = Peek(0);
                at++;
                if (c == '}')
                {
                    return table;
                }

                if (c != ',')
                {
                    throw Error("',' or '}' was expected in an inline table");
                }
            }
        }

        private string String()
        {
            var quote = text[at];
            var multiLine = Peek(1) == quote && Peek(2) == quote;
            at += multiLine ? 3 : 1;
            if (multiLine && Peek(0) == '\n')
            {
                NewLine();
            }
            else if (multiLine && Peek(0) == '\r' && Peek(1) == '\n')
            {
                at++;
                NewLine();
            }

            var value = new StringBuilder();
            while (true)
            {
                if (at >= text.Length)
                {
                    throw Error("a string is not closed");
                }

                var c = text[at];
                if (c == quote && !multiLine)
                {
                    at++;
                    return value.ToString();
                }

                if (c == quote && Peek(1) == quote && Peek(2) == quote)
                {
                    // The closing delimiter is the last three of a run of quotes: up to two belong to the string.
                    var run = 3;
                    while (run < 5 && Peek(run) == quote)
                    {
                        run++;
                    }

                    value.Append(quote, run - 3);
                    at += run;
                    return value.ToString();
                }

                if (c == '\n' || c == '\r')
                {
                    if (!multiLine)
                    {
                        throw Error("a string is not closed on its line");
                    }

                    value.Append(c);
                    if (c == '\n')
                    {
                        line++;
                    }

                    at++;
                    continue;
                }

                if (c == '\\' && quote == '"')
                {
                    at++;
                    Escape(value, multiLine);
                    continue;
                }

                value.Append(c);
                at++;
            }
        }

        private void Escape(StringBuilder value, bool multiLine)
        {
            var c = Peek(0);
            at++;
            switch (c)
            {
                case 'b': value.Append('\b'); return;
                case 't': value.Append('\t'); return;
                case 'n': value.Append('\n'); return;
                case 'f': value.Append('\f'); return;
                case 'r': value.Append('\r'); return;
                case 'e': value.Append('\u001B'); return;
                case '"': value.Append('"'); return;
                case '\\': value.Append('\\'); return;
                case 'u':
                case 'U':
                    var length = c == 'u' ? 4 : 8;
                    if (at + length > text.Length || !int.TryParse(text.Substring(at, length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
                        || code < 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
                    {
                        throw Error("a \\" + c + " escape is not a Unicode scalar value");
                    }

                    value.Append(char.ConvertFromUtf32(code));
                    at += length;
                    return;
            }

            // A line-ending backslash in a multi-line basic string trims the line break and the blanks after it.
            if (multiLine && (c == ' ' || c == '\t' || c == '\n' || c == '\r'))
            {
                at--;
                while (at < text.Length && (text[at] == ' ' || text[at] == '\t' || text[at] == '\n' || text[at] == '\r'))
                {
                    if (text[at] == '\n')
                    {
                        line++;
                    }

                    at++;
                }

                return;
            }

            throw Error("'\\" + c + "' is not a TOML escape");
        }

        private void SkipBlank()
        {
            while (at < text.Length && (text[at] == ' ' || text[at] == '\t'))
            {
                at++;
            }
        }

        private void SkipBlankLinesAndComments()
        {
            while (at < text.Length)
            {
                var c = text[at];
                if (c == ' ' || c == '\t' || c == '\r')
                {
                    at++;
                }
                else if (c == '\n')
                {
                    NewLine();
                }
                else if (c == '#')
                {
                    SkipComment();
                }
                else
                {
                    return;
                }
            }
        }

        private void SkipComment()
        {
            while (at < text.Length && text[at] != '\n')
            {
                at++;
            }
        }

        private void EndOfLine()
        {
            SkipBlank();
            if (Peek(0) == '#')
            {
                SkipComment();
            }

            if (Peek(0) == '\r')
            {
                at++;
            }

            if (at < text.Length && text[at] != '\n')
            {
                throw Error("the line goes on after its value");
            }
        }

        private void NewLine()
        {
            if (Peek(0) == '\r')
            {
                at++;
            }

            at++;
            line++;
        }

        private void Expect(char c)
        {
            SkipBlank();
            if (Peek(0) != c)
            {
                throw Error("'" + c + "' was expected");
            }

            at++;
        }

        private char Peek(int offset) => at + offset < text.Length ? text[at + offset] : '\0';

        private FormatException Error(string message) => new("line " + line.ToString(CultureInfo.InvariantCulture) + ": " + message);
    }
}
