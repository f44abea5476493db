// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Commons.Licensing;

/// <summary>Reads the hand-written data tables embedded in this assembly (TSV: '#' lines are comments, tab-separated fields).</summary>
internal static class EmbeddedTable
{
    /// <summary>The text of an embedded resource named <c>Commons.Licensing.{name}</c>.</summary>
    public static string ReadText(string name)
    {
        using var stream = typeof(EmbeddedTable).Assembly.GetManifestResourceStream("Commons.Licensing." + name)
            ?? throw new InvalidOperationException("missing embedded resource " + name);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The rows of an embedded TSV; every row has at least <paramref name="minFields"/> fields (a broken table is a build bug).</summary>
    public static List<string[]> Read(string name, int minFields)
    {
        var rows = new List<string[]>();
        var lineNumber = 0;
        foreach (var rawLine in ReadText(name).Split('\n'))
        {
            lineNumber++;
            var line = rawLine.TrimEnd('\r');
            if (line.Trim().Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length < minFields)
            {
                throw new InvalidOperationException(name + " line " + lineNumber + ": expected " + minFields + " fields");
            }

            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = fields[i].Trim();
            }

            rows.Add(fields);
        }

        return rows;
    }

    /// <summary>The value of a <c># key: value</c> comment line of an embedded TSV, or null.</summary>
    public static string? Header(string name, string key)
    {
        var prefix = "# " + key + ":";
        foreach (var line in ReadText(name).Split('\n'))
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return line.Substring(prefix.Length).Trim();
            }
        }

        return null;
    }
}
