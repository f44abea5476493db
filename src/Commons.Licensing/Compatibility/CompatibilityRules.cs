// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;

namespace Commons.Licensing;

/// <summary>The embedded rule tables <c>Compatibility/Data/context-rules.tsv</c> and <c>eupl-appendix.tsv</c>.</summary>
internal sealed class CompatibilityRules
{
    private readonly List<Rule> rules;
    private readonly Dictionary<string, HashSet<string>> euplAppendix;

    private CompatibilityRules(List<Rule> rules, Dictionary<string, HashSet<string>> euplAppendix)
    {
        this.rules = rules;
        this.euplAppendix = euplAppendix;
    }

    public static CompatibilityRules Load()
    {
        var rules = new List<Rule>();
        foreach (var f in EmbeddedTable.Read("context-rules.tsv", 6))
        {
            var context = (UseContext)Enum.Parse(typeof(UseContext), f[0]);
            if (f[3] is not ("Compatible" or "Incompatible" or "Review" or "Matrix") && !f[3].StartsWith("Use:", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("context-rules.tsv: unknown outcome " + f[3]);
            }

            rules.Add(new Rule(context, f[1], f[2], f[3], f[4], f[5]));
        }

        var appendix = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var f in EmbeddedTable.Read("eupl-appendix.tsv", 2))
        {
            appendix[f[0]] = new HashSet<string>(f[1].Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries), StringComparer.OrdinalIgnoreCase);
        }

        return new CompatibilityRules(rules, appendix);
    }

    /// <summary>The first rule of the context whose inbound selector (id, base id, kind or *) and outbound class match.</summary>
    public Rule? Find(UseContext context, string inboundKey, string inboundBaseId, LicenseKind inboundKind, bool outboundIsCopyleft)
    {
        foreach (var rule in rules)
        {
            if (rule.Context != context)
            {
                continue;
            }

            var inboundMatches = rule.Inbound == "*"
                || string.Equals(rule.Inbound, inboundKey, StringComparison.OrdinalIgnoreCase)
                || string.Equals(rule.Inbound, inboundBaseId, StringComparison.OrdinalIgnoreCase)
                || string.Equals(rule.Inbound, inboundKind.ToString(), StringComparison.Ordinal);
            var outboundMatches = rule.OutboundClass == "any" || (rule.OutboundClass == "copyleft") == outboundIsCopyleft;
            if (inboundMatches && outboundMatches)
            {
                return rule;
            }
        }

        return null;
    }

    /// <summary>True when the appendix of the inbound EUPL version lists the outbound licence.</summary>
    public bool EuplAppendixAllows(string inboundId, string outboundId)
        => euplAppendix.TryGetValue(inboundId, out var compatible) && compatible.Contains(outboundId);

    internal sealed class Rule
    {
        public Rule(UseContext context, string inbound, string outboundClass, string outcome, string reason, string source)
        {
            Context = context;
            Inbound = inbound;
            OutboundClass = outboundClass;
            Outcome = outcome;
            Reason = reason;
            Source = source;
        }

        public UseContext Context { get; }

        public string Inbound { get; }

        public string OutboundClass { get; }

        public string Outcome { get; }

        public string Reason { get; }

        public string Source { get; }
    }
}
