// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Linq;

namespace Commons.Licensing;

/// <summary>How a dependency is combined with the project.</summary>
public enum UseContext
{
    /// <summary>Sources copied or included into the project (e.g. NuGet <c>contentFiles</c>, vendored code).</summary>
    Copied,

    /// <summary>Merged into one binary (ILMerge/ILRepack, single-file, NativeAOT: unconfirmed equivalence).</summary>
    StaticLink,

    /// <summary>A separate, unmodified assembly loaded at run time: the default for a NuGet PackageReference.</summary>
    DynamicLink,

    /// <summary>Its functionality is offered to users over a network (triggers AGPL §13).</summary>
    NetworkService,

    /// <summary>Build-time or development-only, not distributed (<c>PrivateAssets="all"</c>, analyzers, test tools).</summary>
    DevelopmentOnly,
}

public enum CompatibilityOutcome
{
    Compatible,
    Incompatible,
    Review,
}

/// <summary>A compatibility answer with its one-sentence reason and where the rule comes from.</summary>
public sealed class CompatibilityVerdict
{
    internal CompatibilityVerdict(CompatibilityOutcome outcome, string reason, string source, SpdxExpression? chosenBranch)
    {
        Outcome = outcome;
        Reason = reason;
        Source = source;
        ChosenBranch = chosenBranch;
    }

    public CompatibilityOutcome Outcome { get; }

    /// <summary>One sentence.</summary>
    public string Reason { get; }

    /// <summary>Where the rule comes from, e.g. "OSADL matrix 2024-05-25", "FSF GPL FAQ: linking (GPLStaticVsDynamic)", "EUPL-1.2 appendix".</summary>
    public string Source { get; }

    /// <summary>The inbound expression with every OR resolved to the branch taken; null when no branch is compatible.</summary>
    public SpdxExpression? ChosenBranch { get; }

    public override string ToString() => Outcome + ": " + Reason + " [" + Source + "]";
}

/// <summary>
/// Outbound (the project's licence) × inbound (a dependency's) × <see cref="UseContext"/> → verdict.
/// <list type="bullet">
/// <item>Inbound <c>OR</c>: compatible when one branch is (the first such branch is chosen); otherwise Review if one branch needs review.</item>
/// <item>Inbound <c>AND</c>: every operand must be compatible; the worst operand decides.</item>
/// <item>Outbound: every licence of the project's expression must accept the inbound one (recipients of an
/// <c>MIT OR Apache-2.0</c> project may pick either), so the worst outbound leaf decides.</item>
/// <item>Copied and StaticLink: the EUPL appendix, then the OSADL matrix; ids the matrix lacks give Review ("no data").
/// The other contexts follow the sourced rules of <c>Compatibility/Data/context-rules.tsv</c>.</item>
/// </list>
/// </summary>
public static class CompatibilityEvaluator
{
    private static readonly Lazy<CompatibilityRules> Rules = new(CompatibilityRules.Load, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);

    public static CompatibilityVerdict Evaluate(SpdxExpression outbound, SpdxExpression inbound, UseContext context)
    {
        if (outbound is null)
        {
            throw new ArgumentNullException(nameof(outbound));
        }

        if (inbound is null)
        {
            throw new ArgumentNullException(nameof(inbound));
        }

        var outboundLeaves = outbound.Leaves().ToList();
        return EvaluateInbound(outboundLeaves, inbound, context);
    }

    /// <summary>Recursive over the inbound tree; its depth is bounded by the parser's parenthesis cap.</summary>
    private static CompatibilityVerdict EvaluateInbound(List<SpdxExpression> outboundLeaves, SpdxExpression inbound, UseContext context)
    {
        switch (inbound)
        {
            case SpdxOr or:
                var verdicts = or.Operands.Select(operand => EvaluateInbound(outboundLeaves, operand, context)).ToList();
                var compatible = verdicts.FirstOrDefault(v => v.Outcome == CompatibilityOutcome.Compatible);
                if (compatible is not null)
                {
                    return compatible;
                }

                var review = verdicts.FirstOrDefault(v => v.Outcome == CompatibilityOutcome.Review);
                var first = review ?? verdicts[0];
                return new CompatibilityVerdict(first.Outcome, first.Reason, first.Source, null);
            case SpdxAnd and:
                var parts = and.Operands.Select(operand => EvaluateInbound(outboundLeaves, operand, context)).ToList();
                var worst = Worst(parts);
                var allChosen = parts.All(p => p.ChosenBranch is not null);
                return new CompatibilityVerdict(
                    worst.Outcome,
                    worst.Reason,
                    worst.Source,
                    worst.Outcome == CompatibilityOutcome.Compatible && allChosen ? new SpdxAnd(parts.Select(p => p.ChosenBranch!).ToList()) : null);
            default:
                var leafVerdicts = outboundLeaves.Select(o => EvaluateLeaf(o, inbound, context)).ToList();
                var verdict = Worst(leafVerdicts);
                return new CompatibilityVerdict(
                    verdict.Outcome,
                    verdict.Reason,
                    verdict.Source,
                    verdict.Outcome == CompatibilityOutcome.Compatible ? inbound : null);
        }
    }

    private static CompatibilityVerdict Worst(List<CompatibilityVerdict> verdicts)
        => verdicts.FirstOrDefault(v => v.Outcome == CompatibilityOutcome.Incompatible)
            ?? verdicts.FirstOrDefault(v => v.Outcome == CompatibilityOutcome.Review)
            ?? verdicts[0];

    private static CompatibilityVerdict EvaluateLeaf(SpdxExpression outbound, SpdxExpression inbound, UseContext context)
    {
        var inboundKey = LeafKey(inbound);
        var outboundKind = LicenseKnowledge.Get(LeafKey(outbound)).Kind;
        var inboundKind = LicenseKnowledge.Get(inboundKey).Kind;
        var outboundIsCopyleft = outboundKind is LicenseKind.StrongCopyleft or LicenseKind.NetworkCopyleft;

        // A context may defer to another (NetworkService → DynamicLink); the rule table has no cycles, and the loop is bounded anyway.
        for (var hops = 0; hops < 4; hops++)
        {
            var rule = Rules.Value.Find(context, inboundKey, BaseId(inbound), inboundKind, outboundIsCopyleft);
            if (rule is null)
            {
                return new CompatibilityVerdict(CompatibilityOutcome.Review, "no rule covers " + inboundKey + " in the " + context + " context", "no data", null);
            }

            switch (rule.Outcome)
            {
                case "Matrix":
                    return FromMatrix(outbound, inbound);
                case "Compatible":
                case "Incompatible":
                case "Review":
                    var outcome = (CompatibilityOutcome)Enum.Parse(typeof(CompatibilityOutcome), rule.Outcome);
                    return new CompatibilityVerdict(outcome, Sentence(inboundKey + ": " + rule.Reason), rule.Source, null);
                default:
                    context = (UseContext)Enum.Parse(typeof(UseContext), rule.Outcome.Substring("Use:".Length));
                    break;
            }
        }

        return new CompatibilityVerdict(CompatibilityOutcome.Review, "the context rules for " + inboundKey + " do not settle", "no data", null);
    }

    /// <summary>The EUPL appendix, then the OSADL cell; a <c>WITH</c> leaf falls back to its licence when the matrix lacks the combination.</summary>
    private static CompatibilityVerdict FromMatrix(SpdxExpression outbound, SpdxExpression inbound)
    {
        var outboundKey = LeafKey(outbound);
        var inboundKey = LeafKey(inbound);
        if (string.Equals(outboundKey, inboundKey, StringComparison.OrdinalIgnoreCase))
        {
            return new CompatibilityVerdict(CompatibilityOutcome.Compatible, "the dependency has the project's own licence, " + inboundKey + ".", "same licence", null);
        }

        if (Rules.Value.EuplAppendixAllows(BaseId(inbound), BaseId(outbound)))
        {
            return new CompatibilityVerdict(
                CompatibilityOutcome.Compatible,
                "the " + BaseId(inbound) + " appendix lists " + BaseId(outbound) + " as a compatible licence, so the combined work may be distributed under it.",
                BaseId(inbound) + " appendix",
                null);
        }

        var matrix = OsadlMatrix.Default;
        var row = matrix.Contains(outboundKey) ? outboundKey : BaseId(outbound);
        var column = matrix.Contains(inboundKey) ? inboundKey : BaseId(inbound);
        var cell = matrix.Cell(row, column);
        if (cell is null)
        {
            var missing = matrix.Contains(row) ? column : row;
            return new CompatibilityVerdict(CompatibilityOutcome.Review, "the OSADL matrix has no data for " + missing + ", so the combination needs review.", OsadlMatrix.SourceName, null);
        }

        var verdict = cell switch
        {
            "Yes" or "Same" => (CompatibilityOutcome.Compatible, "the OSADL matrix says " + column + " code may be incorporated into a " + row + " work."),
            "No" => (CompatibilityOutcome.Incompatible, "the OSADL matrix says " + column + " code may not be incorporated into a " + row + " work."),
            "Check dependency" => (CompatibilityOutcome.Review, "the OSADL matrix says incorporating " + column + " into " + row + " depends on choosing another version or licence option."),
            _ => (CompatibilityOutcome.Review, "the OSADL matrix has not settled whether " + column + " code may be incorporated into a " + row + " work."),
        };

        // An exception only adds permissions: it cannot make a compatible base incompatible, but it may rescue an incompatible one.
        var usedBaseForException = (row != outboundKey || column != inboundKey) && (outbound is SpdxWithException || inbound is SpdxWithException);
        if (usedBaseForException && verdict.Item1 != CompatibilityOutcome.Compatible)
        {
            return new CompatibilityVerdict(CompatibilityOutcome.Review, Sentence(verdict.Item2.TrimEnd('.') + "; the licence exception may change this"), OsadlMatrix.SourceName, null);
        }

        return new CompatibilityVerdict(verdict.Item1, verdict.Item2, OsadlMatrix.SourceName, null);
    }

    /// <summary>The lookup key of a leaf: <c>X WITH E</c> or the id, without <c>+</c> (an or-later grant includes the named version).</summary>
    private static string LeafKey(SpdxExpression leaf)
        => leaf is SpdxWithException with ? with.License.QualifiedId + " WITH " + with.ExceptionId : ((SpdxLicenseRef)leaf).QualifiedId;

    private static string BaseId(SpdxExpression leaf)
        => leaf is SpdxWithException with ? with.License.QualifiedId : ((SpdxLicenseRef)leaf).QualifiedId;

    private static string Sentence(string text) => text.EndsWith(".", StringComparison.Ordinal) ? text : text + ".";
}
