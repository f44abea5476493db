// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Threading;

namespace Commons.Licensing;

/// <summary>What kind of obligations a licence carries.</summary>
public enum LicenseKind
{
    /// <summary>No data: treat as needing review, never as permissive.</summary>
    Unknown,

    /// <summary>Notice and attribution only (MIT, Apache-2.0, BSD).</summary>
    Permissive,

    /// <summary>Copyleft on the licensed files only (MPL-2.0, EPL-2.0, MS-RL, CDDL).</summary>
    WeakCopyleftFile,

    /// <summary>Copyleft on the library; programs that link to it stay free to choose (LGPL, GPL with the Classpath exception).</summary>
    WeakCopyleftLibrary,

    /// <summary>Copyleft on the whole combined work (GPL, EUPL, OSL).</summary>
    StrongCopyleft,

    /// <summary>Strong copyleft that network use also triggers (AGPL).</summary>
    NetworkCopyleft,

    /// <summary>A public-domain dedication (CC0-1.0, Unlicense).</summary>
    PublicDomain,

    /// <summary>Non-commercial, no-derivatives or field-of-use restricted: not open source (CC-BY-NC-*, JSON).</summary>
    NonCommercialOrRestricted,

    /// <summary>Source-available or proprietary terms (BUSL-1.1, SSPL-1.0, Elastic-2.0).</summary>
    SourceAvailableOrProprietary,
}

/// <summary>Which kinds of resources a licence is written for.</summary>
[Flags]
public enum ResourceKinds
{
    None = 0,
    Software = 1,
    Content = 2,
    Data = 4,
    Fonts = 8,
    Hardware = 16,
}

/// <summary>What is known about one licence.</summary>
public sealed class LicenseTraits
{
    internal LicenseTraits(string id, LicenseKind kind, bool isOsiApproved, bool isFsfLibre, ResourceKinds suits, bool isKnown, string? note)
    {
        Id = id;
        Kind = kind;
        IsOsiApproved = isOsiApproved;
        IsFsfLibre = isFsfLibre;
        Suits = suits;
        IsKnown = isKnown;
        Note = note;
    }

    /// <summary>The id asked for, in catalogue case when the catalogue has it.</summary>
    public string Id { get; }

    public LicenseKind Kind { get; }

    /// <summary>From the SPDX catalogue.</summary>
    public bool IsOsiApproved { get; }

    /// <summary>On the FSF free licence list, as SPDX publishes it (<c>Knowledge/Data/fsf-libre.tsv</c>).</summary>
    public bool IsFsfLibre { get; }

    public ResourceKinds Suits { get; }

    /// <summary>Open: neither <see cref="LicenseKind.NonCommercialOrRestricted"/>, <see cref="LicenseKind.SourceAvailableOrProprietary"/> nor unknown.</summary>
    public bool IsOpen => Kind is not (LicenseKind.Unknown or LicenseKind.NonCommercialOrRestricted or LicenseKind.SourceAvailableOrProprietary);

    /// <summary>True when the knowledge table has a row for the licence (its kind is data, not a guess).</summary>
    public bool IsKnown { get; }

    /// <summary>A short remark from the table (e.g. why a licence is restricted), or null.</summary>
    public string? Note { get; }
}

/// <summary>
/// Licence kinds, FSF flags and suitable resources, from the embedded tables in <c>Knowledge/Data/</c>.
/// Deprecated ids get the traits of what they are read as; <c>X WITH exception</c> without a row of its own gets X's.
/// </summary>
public static class LicenseKnowledge
{
    private static readonly Lazy<Tables> Data = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Every id (or <c>WITH</c> expression) the kind table has a row for.</summary>
    public static IReadOnlyCollection<string> KnownIds => Data.Value.Rows.Keys;

    /// <summary>Every id the FSF flag table marks as free.</summary>
    public static IReadOnlyCollection<string> FsfLibreIds => Data.Value.FsfLibre;

    /// <summary>
    /// The licences that make <paramref name="expression"/> not open; empty when it is open. Every operand of an AND must
    /// be open; an OR is open when one of its operands is (the recipient may choose that one: "RPL-1.5 OR
    /// LicenseRef-LuckyPennySoftware-Commercial" is open). Only licences the table knows count: an id it has no row for
    /// is unknown, a question of its own, not "not open".
    /// </summary>
    public static IReadOnlyList<LicenseTraits> NotOpen(SpdxExpression expression)
    {
        switch (expression)
        {
            case SpdxOr or:
                var choices = new List<LicenseTraits>();
                foreach (var operand in or.Operands)
                {
                    var notOpen = NotOpen(operand);
                    if (notOpen.Count == 0)
                    {
                        return Array.Empty<LicenseTraits>();
                    }

                    choices.AddRange(notOpen);
                }

                return choices;
            case SpdxAnd and:
                var all = new List<LicenseTraits>();
                foreach (var operand in and.Operands)
                {
                    all.AddRange(NotOpen(operand));
                }

                return all;
            default:
                var id = expression is SpdxWithException with ? with.License.QualifiedId + " WITH " + with.ExceptionId : ((SpdxLicenseRef)expression).QualifiedId;
                var traits = Get(id);
                return traits.IsKnown && !traits.IsOpen ? new[] { traits } : Array.Empty<LicenseTraits>();
        }
    }

    /// <summary>The traits of a licence id; an unknown id gives <see cref="LicenseKind.Unknown"/> and <see cref="LicenseTraits.IsKnown"/> false.</summary>
    public static LicenseTraits Get(string id)
    {
        id = (id ?? string.Empty).Trim();
        var tables = Data.Value;
        var catalog = SpdxCatalog.Default;
        // "X WITH E": the catalogue flags are X's (an exception only adds permissions).
        var withAt = id.IndexOf(" WITH ", StringComparison.OrdinalIgnoreCase);
        var baseId = withAt > 0 ? id.Substring(0, withAt).Trim() : id;
        var canonical = catalog.TryGetLicense(baseId, out var license) ? license.Id : baseId;
        var isOsi = license?.IsOsiApproved ?? false;
        if (withAt > 0)
        {
            canonical += " WITH " + (catalog.TryGetException(id.Substring(withAt + 6).Trim(), out var exception) ? exception.Id : id.Substring(withAt + 6).Trim());
        }

        // A deprecated id is read as its replacement (GPL-3.0 → GPL-3.0-only), as the expression parser does.
        var lookup = canonical;
        if (withAt < 0 && license is { IsDeprecated: true } && DeprecatedIdTable.TryGet(canonical, false, out var replacement) && replacement.Length > 0)
        {
            lookup = replacement;
        }

        if (!tables.Rows.TryGetValue(lookup, out var row))
        {
            var with = lookup.IndexOf(" WITH ", StringComparison.OrdinalIgnoreCase);
            if (with > 0 && tables.Rows.TryGetValue(lookup.Substring(0, with).Trim(), out var baseRow))
            {
                row = baseRow;
            }
        }

        var fsf = tables.FsfLibre.Contains(license?.Id ?? baseId) || tables.FsfLibre.Contains(lookup);
        return row is null
            ? new LicenseTraits(canonical, LicenseKind.Unknown, isOsi, fsf, ResourceKinds.None, isKnown: false, note: null)
            : new LicenseTraits(canonical, row.Kind, isOsi, fsf, row.Suits, isKnown: true, row.Note);
    }

    private static Tables Load()
    {
        var rows = new Dictionary<string, Row>(StringComparer.OrdinalIgnoreCase);
        foreach (var f in EmbeddedTable.Read("knowledge-licenses.tsv", 3))
        {
            var kind = (LicenseKind)Enum.Parse(typeof(LicenseKind), f[1]);
            var suits = ResourceKinds.None;
            foreach (var part in f[2].Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries))
            {
                suits |= (ResourceKinds)Enum.Parse(typeof(ResourceKinds), part);
            }

            rows[f[0]] = new Row(kind, suits, f.Length > 3 && f[3].Length > 0 ? f[3] : null);
        }

        var fsf = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var f in EmbeddedTable.Read("fsf-libre.tsv", 2))
        {
            if (f[1] == "1")
            {
                fsf.Add(f[0]);
            }
        }

        return new Tables(rows, fsf);
    }

    private sealed class Tables
    {
        public Tables(Dictionary<string, Row> rows, HashSet<string> fsfLibre)
        {
            Rows = rows;
            FsfLibre = fsfLibre;
        }

        public Dictionary<string, Row> Rows { get; }

        public HashSet<string> FsfLibre { get; }
    }

    private sealed class Row
    {
        public Row(LicenseKind kind, ResourceKinds suits, string? note)
        {
            Kind = kind;
            Suits = suits;
            Note = note;
        }

        public LicenseKind Kind { get; }

        public ResourceKinds Suits { get; }

        public string? Note { get; }
    }
}
