// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Linq;

namespace Commons.Licensing;

/// <summary>
/// Which licences a project accepts. An empty <see cref="Allowed"/> set allows everything not <see cref="Denied"/>.
/// Entries are licence ids, exception ids or whole <c>licence WITH exception</c> expressions, matched ignoring case;
/// entries given to the constructor are normalised like expressions (<c>gpl-3.0</c> → <c>GPL-3.0-only</c>).
/// </summary>
public sealed class LicensePolicy
{
    /// <summary>The preset names <see cref="FromPreset"/> accepts.</summary>
    public static readonly IReadOnlyList<string> PresetNames = new[] { "osi", "fsf-libre", "permissive", "fr-public-sector", "cc-content" };

    public LicensePolicy(IEnumerable<string>? allowed = null, IEnumerable<string>? denied = null, string? name = null)
    {
        Allowed = Normalise(allowed);
        Denied = Normalise(denied);
        Name = name;
    }

    public ISet<string> Allowed { get; }

    public ISet<string> Denied { get; }

    /// <summary>The preset name, or null for a custom policy.</summary>
    public string? Name { get; }

    /// <summary>
    /// A named preset: <c>osi</c> (OSI-approved), <c>fsf-libre</c> (FSF free list), <c>permissive</c> (permissive and
    /// public-domain licences of the knowledge table), <c>fr-public-sector</c> (the French administration's list, exactly),
    /// <c>cc-content</c> (open Creative Commons licences and CC0). The first three also allow every SPDX licence exception,
    /// since an exception only adds permissions to a licence that is allowed anyway.
    /// </summary>
    /// <exception cref="ArgumentException">The name is not a preset; use <see cref="TryGetPreset"/> for untrusted input.</exception>
    public static LicensePolicy FromPreset(string name)
        => TryGetPreset(name, out var policy) ? policy : throw new ArgumentException("unknown licence policy preset '" + name + "'; presets: " + string.Join(", ", PresetNames), nameof(name));

    public static bool TryGetPreset(string name, out LicensePolicy policy)
    {
        var catalog = SpdxCatalog.Default;
        var exceptions = catalog.Exceptions.Where(e => !e.IsDeprecated).Select(e => e.Id);
        IEnumerable<string>? allowed = (name ?? string.Empty).Trim().ToLowerInvariant() switch
        {
            "osi" => catalog.Licenses.Where(l => l.IsOsiApproved && !l.IsDeprecated).Select(l => l.Id).Concat(exceptions),
            "fsf-libre" => LicenseKnowledge.FsfLibreIds.Concat(exceptions),
            "permissive" => LicenseKnowledge.KnownIds
                .Where(id => LicenseKnowledge.Get(id).Kind is LicenseKind.Permissive or LicenseKind.PublicDomain)
                .Concat(exceptions),
            "fr-public-sector" => PublicSectorLists.France.Ids,
            "cc-content" => LicenseKnowledge.KnownIds
                .Where(id => id.StartsWith("CC", StringComparison.OrdinalIgnoreCase) && LicenseKnowledge.Get(id).IsOpen),
            _ => null,
        };

        policy = allowed is null ? null! : new LicensePolicy(allowed, null, name!.Trim().ToLowerInvariant());
        return allowed is not null;
    }

    private static HashSet<string> Normalise(IEnumerable<string>? entries)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries ?? Array.Empty<string>())
        {
            if (string.IsNullOrWhiteSpace(entry))
            {
                continue;
            }

            // Exception ids are not licence expressions on their own; keep them as written.
            var parsed = SpdxCatalog.Default.TryGetException(entry.Trim(), out var exception) ? null : SpdxExpression.Parse(entry);
            set.Add(exception?.Id ?? (parsed is { IsValid: true } ? parsed.Normalized! : entry.Trim()));
        }

        return set;
    }
}
