// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Threading;

namespace Commons.Licensing;

/// <summary>Deprecated SPDX ids → the expression they are read as (embedded <c>Expressions/Data/deprecated-ids.tsv</c>).</summary>
internal static class DeprecatedIdTable
{
    private static readonly Lazy<Dictionary<string, string[]>> Rows = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Every deprecated id the table knows, in catalogue case.</summary>
    public static IEnumerable<string> Ids => Rows.Value.Keys;

    /// <summary>The replacement for a deprecated id (empty when SPDX names none); <paramref name="orLater"/> selects the "+" column.</summary>
    public static bool TryGet(string id, bool orLater, out string replacement)
    {
        if (Rows.Value.TryGetValue(id, out var row))
        {
            replacement = orLater && row[2].Length > 0 ? row[2] : row[1];
            return true;
        }

        replacement = string.Empty;
        return false;
    }

    private static Dictionary<string, string[]> Load()
    {
        var rows = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in EmbeddedTable.Read("deprecated-ids.tsv", 1))
        {
            rows[row[0]] = new[] { row[0], row.Length > 1 ? row[1] : string.Empty, row.Length > 2 ? row[2] : string.Empty };
        }

        return rows;
    }
}
