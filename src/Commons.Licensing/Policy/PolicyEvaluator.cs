// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Linq;

namespace Commons.Licensing;

/// <summary>Whether an expression satisfies a policy, and which branch to take.</summary>
public sealed class PolicyDecision
{
    internal PolicyDecision(bool isAllowed, SpdxExpression? chosenBranch, IReadOnlyList<string> offendingIds, string reason)
    {
        IsAllowed = isAllowed;
        ChosenBranch = chosenBranch;
        OffendingIds = offendingIds;
        Reason = reason;
    }

    public bool IsAllowed { get; }

    /// <summary>The expression with every OR resolved to the branch taken (e.g. <c>MIT</c> for <c>MIT OR GPL-3.0-only</c>); null when not allowed.</summary>
    public SpdxExpression? ChosenBranch { get; }

    /// <summary>The leaves (ids or <c>X WITH Y</c>) that are denied or not allowed; empty when allowed.</summary>
    public IReadOnlyList<string> OffendingIds { get; }

    /// <summary>One sentence.</summary>
    public string Reason { get; }
}

/// <summary>
/// Evaluates an expression against a <see cref="LicensePolicy"/> (semantics of FIELD-NOTES §2):
/// <list type="bullet">
/// <item><c>OR</c>: allowed when one branch is; the first allowed branch, left to right, is chosen.</item>
/// <item><c>AND</c>: allowed when every operand is.</item>
/// <item><c>X WITH E</c>: allowed when the policy allows <c>X WITH E</c> as a whole, or allows both X and E; denied when any of the three is denied.</item>
/// <item><c>X+</c> (or later): allowed when <c>X+</c> or X is allowed, since the recipient may take version X itself.
/// A GNU <c>-or-later</c> id is likewise allowed when the <c>-only</c> id of the same version is. Later versions are not inferred.</item>
/// </list>
/// </summary>
public static class PolicyEvaluator
{
    public static PolicyDecision Evaluate(SpdxExpression expression, LicensePolicy policy)
    {
        if (expression is null)
        {
            throw new ArgumentNullException(nameof(expression));
        }

        if (policy is null)
        {
            throw new ArgumentNullException(nameof(policy));
        }

        var offending = new List<string>();
        var chosen = Choose(expression, policy, offending);
        var policyName = policy.Name is null ? "the policy" : "the policy '" + policy.Name + "'";
        if (chosen is not null)
        {
            var reason = chosen.Equals(expression)
                ? expression + " is allowed by " + policyName
                : expression + " is allowed by " + policyName + " through the choice " + chosen;
            return new PolicyDecision(true, chosen, Array.Empty<string>(), reason);
        }

        var distinct = offending.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var denied = distinct.Where(id => IsDenied(id, policy)).ToList();
        var because = denied.Count > 0
            ? string.Join(", ", denied) + (denied.Count == 1 ? " is" : " are") + " denied"
            : string.Join(", ", distinct) + (distinct.Count == 1 ? " is" : " are") + " not in its allowed set";
        return new PolicyDecision(false, null, distinct, expression + " is not allowed by " + policyName + ": " + because);
    }

    /// <summary>The allowed resolution of <paramref name="node"/>, or null; collects offending leaves. Depth is bounded by the parser's cap.</summary>
    private static SpdxExpression? Choose(SpdxExpression node, LicensePolicy policy, List<string> offending)
    {
        switch (node)
        {
            case SpdxOr or:
                var failures = new List<string>();
                foreach (var operand in or.Operands)
                {
                    var chosen = Choose(operand, policy, failures);
                    if (chosen is not null)
                    {
                        return chosen;
                    }
                }

                offending.AddRange(failures);
                return null;
            case SpdxAnd and:
                var parts = new List<SpdxExpression>();
                var allAllowed = true;
                foreach (var operand in and.Operands)
                {
                    var chosen = Choose(operand, policy, offending);
                    allAllowed &= chosen is not null;
                    if (chosen is not null)
                    {
                        parts.Add(chosen);
                    }
                }

                return allAllowed ? new SpdxAnd(parts) : null;
            default:
                if (IsLeafAllowed(node, policy))
                {
                    return node;
                }

                offending.Add(node.ToString());
                return null;
        }
    }

    private static bool IsLeafAllowed(SpdxExpression leaf, LicensePolicy policy)
    {
        if (leaf is SpdxWithException with)
        {
            if (IsDenied(with.ToString(), policy) || IsDenied(with.ExceptionId, policy))
            {
                return false;
            }

            // Naming the whole combination in Allowed wins over a denial of the bare licence:
            // "GPL-2.0-only WITH Classpath-exception-2.0" is not "GPL-2.0-only".
            return policy.Allowed.Contains(with.ToString())
                || (IsLeafAllowed(with.License, policy) && (policy.Allowed.Count == 0 || policy.Allowed.Contains(with.ExceptionId)));
        }

        var license = (SpdxLicenseRef)leaf;
        if (IsDenied(license.ToString(), policy) || IsDenied(license.QualifiedId, policy))
        {
            return false;
        }

        return policy.Allowed.Count == 0
            || policy.Allowed.Contains(license.ToString())
            || policy.Allowed.Contains(license.QualifiedId)
            || (license.Id.EndsWith("-or-later", StringComparison.Ordinal)
                && policy.Allowed.Contains(license.Id.Substring(0, license.Id.Length - "-or-later".Length) + "-only"));
    }

    private static bool IsDenied(string key, LicensePolicy policy) => policy.Denied.Contains(key);
}
