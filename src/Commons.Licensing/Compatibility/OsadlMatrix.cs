// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Threading;

namespace Commons.Licensing;

/// <summary>
/// The OSADL licence compatibility matrix (CC-BY-4.0, © OSADL eG and contributors; see Compatibility/Data/README.md),
/// embedded unchanged. <c>Cell(outbound, inbound)</c> answers: may code under the inbound (column) licence be
/// incorporated into a work distributed under the outbound (row) licence?
/// </summary>
public sealed class OsadlMatrix
{
    /// <summary>The data date of the embedded copy.</summary>
    public const string DataDate = "2024-05-25";

    /// <summary>How verdicts from this matrix name their source.</summary>
    public const string SourceName = "OSADL matrix " + DataDate;

    private static readonly Lazy<OsadlMatrix> DefaultMatrix = new(() => Parse(EmbeddedTable.ReadText("osadl-matrix.csv")), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, int> index;
    private readonly string[,] cells;

    private OsadlMatrix(List<string> ids, string[,] cells)
    {
        Ids = ids;
        this.cells = cells;
        index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < ids.Count; i++)
        {
            index[ids[i]] = i;
        }
    }

    public static OsadlMatrix Default => DefaultMatrix.Value;

    /// <summary>
    /// The CC-BY-4.0 attribution block the data requires (creator, copyright, source, licence, modifications), for
    /// third-party notices and a CLI's about output. Read from the embedded Compatibility/Data/README.md.
    /// </summary>
    public static string Attribution
    {
        get
        {
            var readme = EmbeddedTable.ReadText("osadl-matrix.README.md").Replace("\r\n", "\n");
            var start = readme.IndexOf("```text\n", StringComparison.Ordinal) + "```text\n".Length;
            var end = readme.IndexOf("```", start, StringComparison.Ordinal);
            return readme.Substring(start, end - start).TrimEnd();
        }
    }

    /// <summary>The full CC-BY-4.0 licence text that covers the matrix data.</summary>
    public static string LicenseText => EmbeddedTable.ReadText("osadl-matrix.LICENSE.CC-BY-4.0.txt");

    /// <summary>The 110 licence ids (and one <c>WITH</c> expression) of the matrix, in its order.</summary>
    public IReadOnlyList<string> Ids { get; }

    public bool Contains(string id) => id is not null && index.ContainsKey(id);

    /// <summary>The raw cell (<c>Yes</c>, <c>No</c>, <c>Unknown</c>, <c>Same</c>, <c>Check dependency</c>), or null when either id is absent.</summary>
    public string? Cell(string outbound, string inbound)
        => outbound is not null && inbound is not null && index.TryGetValue(outbound, out var row) && index.TryGetValue(inbound, out var column)
            ? cells[row, column]
            : null;

    internal static OsadlMatrix Parse(string csv)
    {
        var lines = csv.Replace("\r\n", "\n").Split(new[] { '\n' }, StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var ids = new List<string>();
        for (var i = 1; i < header.Length; i++)
        {
            ids.Add(header[i].Trim());
        }

        var cells = new string[ids.Count, ids.Count];
        for (var r = 1; r < lines.Length; r++)
        {
            var fields = lines[r].Split(',');
            var row = ids.IndexOf(fields[0].Trim());
            if (row < 0 || fields.Length != ids.Count + 1)
            {
                throw new InvalidOperationException("osadl-matrix.csv line " + (r + 1) + " does not match the header");
            }

            for (var c = 0; c < ids.Count; c++)
            {
                cells[row, c] = fields[c + 1].Trim();
            }
        }

        return new OsadlMatrix(ids, cells);
    }
}
