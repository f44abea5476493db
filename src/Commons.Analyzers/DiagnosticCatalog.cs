// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Commons.Compliance.Rules;
using Microsoft.CodeAnalysis;

namespace Commons.Analyzers;

/// <summary>Looks descriptors up by id and by family; see <see cref="Descriptors"/>.</summary>
public static class DiagnosticCatalog
{
    private static readonly Dictionary<string, DiagnosticDescriptor> ById = Descriptors.All.ToDictionary(d => d.Id);

    public static ImmutableArray<DiagnosticDescriptor> All => Descriptors.All;

    public static DiagnosticDescriptor Get(string id) => ById[id];

    /// <summary>Every descriptor whose id starts with the family prefix (e.g. <c>CMN00</c>).</summary>
    public static ImmutableArray<DiagnosticDescriptor> Family(string prefix)
        => All.Where(d => d.Id.StartsWith(prefix, System.StringComparison.Ordinal)).ToImmutableArray();

    public static DiagnosticSeverity ToRoslyn(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Hidden => DiagnosticSeverity.Hidden,
        RuleSeverity.Info => DiagnosticSeverity.Info,
        RuleSeverity.Warning => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Error,
    };
}
