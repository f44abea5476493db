// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Threading;

namespace Commons.Licensing;

/// <summary>Licence lists that public administrations must choose from.</summary>
public static class PublicSectorLists
{
    private static readonly Lazy<PublicSectorList> FranceList = new(
        () => PublicSectorList.Load("fr-public-sector.tsv"),
        LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>France: CRPA art. D323-2-1, as SPDX ids with the groups code.gouv.fr gives them (<c>Knowledge/Data/fr-public-sector.tsv</c>).</summary>
    public static PublicSectorList France => FranceList.Value;
}

/// <summary>One public-sector licence list: ids with their group, and the date of the version the table follows.</summary>
public sealed class PublicSectorList
{
    private readonly Dictionary<string, string> groups;

    private PublicSectorList(string version, string source, Dictionary<string, string> groups, List<string> ids)
    {
        Version = version;
        Source = source;
        this.groups = groups;
        Ids = ids;
    }

    /// <summary>The date of the list version (e.g. <c>2021-12</c>).</summary>
    public string Version { get; }

    /// <summary>Where the list comes from (legal text and published page).</summary>
    public string Source { get; }

    /// <summary>Every id, in the order of the source.</summary>
    public IReadOnlyList<string> Ids { get; }

    /// <summary>True when the id (any case; deprecated ids read as their replacement) is on the list.</summary>
    public bool Contains(string id) => GroupOf(id) is not null;

    /// <summary>The group of an id: <c>fsf-and-osi</c>, <c>fsf-only</c>, <c>osi-only</c>, <c>data</c> or <c>sill</c>; null when absent.</summary>
    public string? GroupOf(string id)
    {
        if (id is null)
        {
            return null;
        }

        var parsed = SpdxExpression.Parse(id);
        var key = parsed.IsValid ? parsed.Normalized! : id.Trim();
        return groups.TryGetValue(key, out var group) ? group : null;
    }

    internal static PublicSectorList Load(string resource)
    {
        var groups = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var ids = new List<string>();
        foreach (var row in EmbeddedTable.Read(resource, 2))
        {
            groups[row[0]] = row[1];
            ids.Add(row[0]);
        }

        return new PublicSectorList(
            EmbeddedTable.Header(resource, "version") ?? "unknown",
            EmbeddedTable.Header(resource, "source") ?? "unknown",
            groups,
            ids);
    }
}
