// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Commons.Compliance.Baseline;

/// <summary>A JSON value as <see cref="JsonSubset"/> reads it, with the line it starts on.</summary>
internal abstract class JsonNode
{
    protected JsonNode(int line)
    {
        Line = line;
    }

    /// <summary>1-based line of the value's first character.</summary>
    public int Line { get; }
}

internal sealed class JsonObject : JsonNode
{
    public JsonObject(int line, List<KeyValuePair<string, JsonNode>> members)
        : base(line)
    {
        Members = members;
    }

    /// <summary>The members in document order (a repeated name keeps its last value, as most readers do).</summary>
    public List<KeyValuePair<string, JsonNode>> Members { get; }

    public JsonNode? Get(string name)
    {
        JsonNode? found = null;
        foreach (var member in Members)
        {
            if (string.Equals(member.Key, name, StringComparison.Ordinal))
            {
                found = member.Value;
            }
        }

        return found;
    }
}

internal sealed class JsonArray : JsonNode
{
    public JsonArray(int line, List<JsonNode> items)
        : base(line)
    {
        Items = items;
    }

    public List<JsonNode> Items { get; }
}

/// <summary>A string, number, true, false or null: <see cref="Text"/> is the string's value, the number as written, or null.</summary>
internal sealed class JsonScalar : JsonNode
{
    public JsonScalar(int line, JsonScalarKind kind, string? text)
        : base(line)
    {
        Kind = kind;
        Text = text;
    }

    public JsonScalarKind Kind { get; }

    public string? Text { get; }
}

internal enum JsonScalarKind
{
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>
/// Reads and writes the JSON the baseline file is made of, with the BCL alone: the analyzer may not load System.Text.Json, which
/// a compiler host may have in another version, or not at all for netstandard2.0 (the facts file avoids JSON for the same reason).
/// The reader takes any RFC 8259 document (it is not limited to what <see cref="BaselineFile"/> writes, since people edit and merge
/// the file), keeps line numbers for findings, and stops at a nesting depth no baseline needs.
/// </summary>
internal static class JsonSubset
{
    private const int MaxDepth = 64;

    /// <summary>Parses a document; null and an error with its line when it is not JSON.</summary>
    public static JsonNode? Parse(string text, out string? error, out int errorLine)
    {
        var reader = new Reader(text);
        try
        {
            reader.SkipWhitespace();
            var value = reader.ReadValue(0);
            reader.SkipWhitespace();
            if (!reader.AtEnd)
            {
                throw reader.Fail("text after the end of the document");
            }

            error = null;
            errorLine = 0;
            return value;
        }
        catch (FormatException ex)
        {
            error = ex.Message;
            errorLine = reader.Line;
            return null;
        }
    }

    /// <summary>
    /// A JSON string literal: quotes, backslash, control characters and lone surrogates escaped (UTF-8 on disk would turn a lone
    /// surrogate into U+FFFD, and the text read back would differ); everything else as it is.
    /// </summary>
    public static void WriteString(StringBuilder sb, string? value)
    {
        if (value is null)
        {
            sb.Append("null");
            return;
        }

        sb.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    sb.Append(c).Append(value[++i]);
                }
                else
                {
                    sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                }

                continue;
            }

            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < ' ' || c == '\u2028' || c == '\u2029' || c == '\u007F')
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }

    private sealed class Reader
    {
        private readonly string text;
        private int position;

        public Reader(string text)
        {
            this.text = text;
            Line = 1;
            // A byte-order mark is no JSON, but editors write one.
            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                position = 1;
            }
        }

        public int Line { get; private set; }

        public bool AtEnd => position >= text.Length;

        /// <summary>The error; the caller knows its line from <see cref="Line"/>.</summary>
        public FormatException Fail(string message) => new(message);

        public void SkipWhitespace()
        {
            while (position < text.Length)
            {
                var c = text[position];
                if (c == '\n')
                {
                    Line++;
                }
                else if (c != ' ' && c != '\t' && c != '\r')
                {
                    return;
                }

                position++;
            }
        }

        public JsonNode ReadValue(int depth)
        {
            if (depth > MaxDepth)
            {
                throw Fail("nested deeper than " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels");
            }

            if (AtEnd)
            {
                throw Fail("the document ends where a value was expected");
            }

            var line = Line;
            var c = text[position];
            switch (c)
            {
                case '{': return ReadObject(depth, line);
                case '[': return ReadArray(depth, line);
                case '"': return new JsonScalar(line, JsonScalarKind.String, ReadString());
                case 't': Expect("true"); return new JsonScalar(line, JsonScalarKind.True, null);
                case 'f': Expect("false"); return new JsonScalar(line, JsonScalarKind.False, null);
                case 'n': Expect("null"); return new JsonScalar(line, JsonScalarKind.Null, null);
                default:
                    if (c == '-' || (c >= '0' && c <= '9'))
                    {
                        return new JsonScalar(line, JsonScalarKind.Number, ReadNumber());
                    }

                    throw Fail("unexpected character '" + Printable(c) + "'");
            }
        }

        private JsonObject ReadObject(int depth, int line)
        {
            position++;
            var members = new List<KeyValuePair<string, JsonNode>>();
            SkipWhitespace();
            if (!AtEnd && text[position] == '}')
            {
                position++;
                return new JsonObject(line, members);
            }

            while (true)
            {
                SkipWhitespace();
                if (AtEnd || text[position] != '"')
                {
                    throw Fail("expected a member name in quotes");
                }

                var name = ReadString();
                SkipWhitespace();
                if (AtEnd || text[position] != ':')
                {
                    throw Fail("expected ':' after the member name \"" + name + "\"");
                }

                position++;
                SkipWhitespace();
                members.Add(new KeyValuePair<string, JsonNode>(name, ReadValue(depth + 1)));
                SkipWhitespace();
                if (AtEnd)
                {
                    throw Fail("the document ends inside an object");
                }

                var c = text[position++];
                if (c == '}')
                {
                    return new JsonObject(line, members);
                }

                if (c != ',')
                {
                    throw Fail("expected ',' or '}' in an object, not '" + Printable(c) + "'");
                }
            }
        }

        private JsonArray ReadArray(int depth, int line)
        {
            position++;
            var items = new List<JsonNode>();
            SkipWhitespace();
            if (!AtEnd && text[position] == ']')
            {
                position++;
                return new JsonArray(line, items);
            }

            while (true)
            {
                SkipWhitespace();
                items.Add(ReadValue(depth + 1));
                SkipWhitespace();
                if (AtEnd)
                {
                    throw Fail("the document ends inside an array");
                }

                var c = text[position++];
                if (c == ']')
                {
                    return new JsonArray(line, items);
                }

                if (c != ',')
                {
                    throw Fail("expected ',' or ']' in an array, not '" + Printable(c) + "'");
                }
            }
        }

        private string ReadString()
        {
            position++;
            var sb = new StringBuilder();
            while (true)
            {
                if (AtEnd)
                {
                    throw Fail("a string is not closed");
                }

                var c = text[position++];
                if (c == '"')
                {
                    return sb.ToString();
                }

                if (c < ' ')
                {
                    throw Fail("a control character inside a string (write it as an escape)");
                }

                if (c != '\\')
                {
                    sb.Append(c);
                    continue;
                }

                if (AtEnd)
                {
                    throw Fail("a string is not closed");
                }

                var e = text[position++];
                switch (e)
                {
                    case '"': sb.Append('"'); break;
                    case '\\': sb.Append('\\'); break;
                    case '/': sb.Append('/'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case 'u':
                        if (position + 4 > text.Length
                            || !int.TryParse(text.Substring(position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                        {
                            throw Fail("'\\u' must be followed by four hexadecimal digits");
                        }

                        sb.Append((char)code);
                        position += 4;
                        break;
                    default:
                        throw Fail("unknown escape '\\" + Printable(e) + "'");
                }
            }
        }

        private string ReadNumber()
        {
            var start = position;
            if (text[position] == '-')
            {
                position++;
            }

            var digits = 0;
            while (!AtEnd && (text[position] is (>= '0' and <= '9') or '.' or 'e' or 'E' or '+' or '-'))
            {
                position++;
                digits++;
            }

            var number = text.Substring(start, position - start);
            if (digits == 0 || !double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                throw Fail("'" + number + "' is not a number");
            }

            return number;
        }

        private void Expect(string word)
        {
            if (string.CompareOrdinal(text, position, word, 0, word.Length) != 0)
            {
                throw Fail("unexpected text (expected '" + word + "')");
            }

            position += word.Length;
        }

        private static string Printable(char c) => c < ' ' || c == '\u007F' ? "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture) : c.ToString();
    }
}
