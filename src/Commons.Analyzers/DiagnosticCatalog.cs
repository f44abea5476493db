// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Commons.Compliance.Rules;
using Microsoft.CodeAnalysis;

namespace Commons.Analyzers;

/// <summary>The one catalogue of DiagnosticDescriptors, built from Commons.Compliance's <see cref="RuleCatalog"/>.</summary>
public static class DiagnosticCatalog
{
    private static readonly Dictionary<string, DiagnosticDescriptor> ById = RuleCatalog.All.ToDictionary(r => r.Id, Create);

    public static ImmutableArray<DiagnosticDescriptor> All { get; } = RuleCatalog.All.Select(r => ById[r.Id]).ToImmutableArray();

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

    private static DiagnosticDescriptor Create(RuleDescriptor rule)
        => new(
            rule.Id,
            rule.Title,
            rule.MessageFormat,
            rule.Category,
            ToRoslyn(rule.DefaultSeverity),
            isEnabledByDefault: true,
            description: rule.Description,
            helpLinkUri: rule.HelpLink,
            customTags: rule.IsBuildOnly ? new[] { WellKnownDiagnosticTags.CompilationEnd } : new string[0]);
}
