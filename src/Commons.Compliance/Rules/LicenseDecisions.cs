// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Linq;
using Commons.Compliance.Facts;
using Commons.Compliance.Input;
using Commons.Licensing;

namespace Commons.Compliance.Rules;

/// <summary>
/// The rules that ask Commons.Licensing's knowledge, policy and compatibility engines: CMN0006–0008 and CMN0504 for the
/// project's licence, CMN0103–0105 for each package.
/// </summary>
internal static class LicenseDecisions
{
    /// <summary>The <c>CommonsUseContext</c> values (the same words appear in messages).</summary>
    private static readonly (string Name, UseContext Context)[] UseContexts =
    {
        ("dynamic-link", UseContext.DynamicLink),
        ("static-link", UseContext.StaticLink),
        ("copied", UseContext.Copied),
        ("network-service", UseContext.NetworkService),
        ("development-only", UseContext.DevelopmentOnly),
    };

    private static readonly (string Name, ResourceKinds Kind)[] ResourceKindNames =
    {
        ("software", ResourceKinds.Software),
        ("content", ResourceKinds.Content),
        ("data", ResourceKinds.Data),
        ("fonts", ResourceKinds.Fonts),
        ("hardware", ResourceKinds.Hardware),
    };

    /// <summary>The project's licence as a parsed expression, or null when unknown or invalid.</summary>
    public static SpdxExpression? Outbound(RuleContext context)
        => context.ProjectLicense is { } text && SpdxExpression.TryParse(text, out var expression) ? expression : null;

    /// <summary>The configured policies: each preset of <c>CommonsPolicy</c>, plus the allowed/denied lists. All must allow.</summary>
    public static IReadOnlyList<LicensePolicy> Policies(RuleContext context, bool includeFrenchList)
    {
        var policies = new List<LicensePolicy>();
        foreach (var name in context.Properties.List(PropertyNames.Policy))
        {
            if ((includeFrenchList || !string.Equals(name, PublicCodeRules.FrenchPreset, StringComparison.OrdinalIgnoreCase))
                && LicensePolicy.TryGetPreset(name, out var preset))
            {
                policies.Add(preset);
            }
        }

        var allowed = context.Properties.List(PropertyNames.AllowedLicenses);
        var denied = context.Properties.List(PropertyNames.DeniedLicenses);
        if (allowed.Count > 0 || denied.Count > 0)
        {
            policies.Add(new LicensePolicy(allowed, denied, "CommonsAllowedLicenses/CommonsDeniedLicenses"));
        }

        return policies;
    }

    /// <summary>CMN0006, CMN0007, CMN0008, CMN0504 and an unknown preset name (CMN0902).</summary>
    public static void EvaluateProject(RuleContext context)
    {
        foreach (var name in context.Properties.List(PropertyNames.Policy).Where(n => !LicensePolicy.TryGetPreset(n, out _)))
        {
            context.Report(RuleIds.InputUnreadable, context.PropertyLocation(PropertyNames.Policy), "CommonsPolicy",
                "'" + name + "' is not a preset (" + string.Join(", ", LicensePolicy.PresetNames) + ")");
        }

        var outbound = Outbound(context);
        if (outbound is null)
        {
            return;
        }

        var location = context.PropertyLocation(PropertyNames.PackageLicenseExpression);
        var traits = outbound.LicenseIds().Distinct(StringComparer.OrdinalIgnoreCase).Select(LicenseKnowledge.Get).ToArray();
        var notOpen = traits.Where(t => t.IsKnown && !t.IsOpen).ToArray();
        if (notOpen.Length > 0 && (outbound is not SpdxOr || notOpen.Length == traits.Length))
        {
            context.Report(RuleIds.LicenseNotOpen, location, outbound.ToString(),
                string.Join("; ", notOpen.Select(t => t.Id + " is " + Describe(t.Kind) + (t.Note is null ? "" : " (" + t.Note + ")"))));
        }

        var resource = ResourceKindNames.FirstOrDefault(r => string.Equals(r.Name, context.Properties.Get(PropertyNames.ResourceKind) ?? "software", StringComparison.OrdinalIgnoreCase));
        if (resource.Name is not null)
        {
            var unfit = traits.Where(t => t.IsKnown && t.Suits != ResourceKinds.None && (t.Suits & resource.Kind) == 0).ToArray();
            if (unfit.Length > 0 && (outbound is not SpdxOr || unfit.Length == traits.Length))
            {
                context.Report(RuleIds.LicenseUnfitForResource, location, outbound.ToString(), resource.Name,
                    string.Join("; ", unfit.Select(t => t.Id + " suits " + t.Suits.ToString().ToLowerInvariant())));
            }
        }

        foreach (var policy in Policies(context, includeFrenchList: false))
        {
            var decision = PolicyEvaluator.Evaluate(outbound, policy);
            if (!decision.IsAllowed)
            {
                context.Report(RuleIds.LicenseOutsidePolicy, location, outbound.ToString(), decision.Reason);
            }
        }

        if (context.Properties.List(PropertyNames.Policy).Contains(PublicCodeRules.FrenchPreset, StringComparer.OrdinalIgnoreCase))
        {
            var french = PublicSectorLists.France;
            var decision = PolicyEvaluator.Evaluate(outbound, LicensePolicy.FromPreset(PublicCodeRules.FrenchPreset));
            if (!decision.IsAllowed)
            {
                context.Report(RuleIds.LicenseNotOnPublicSectorList, location, outbound.ToString(), "list of " + french.Version);
            }
        }
    }

    /// <summary>CMN0103, CMN0104, CMN0105 for one package with a known licence.</summary>
    public static void Evaluate(RuleContext context, PackageFact package, SpdxExpression? outbound, IReadOnlyList<LicensePolicy> policies)
    {
        if (package.License is null || !SpdxExpression.TryParse(package.License, out var inbound) || inbound is null)
        {
            return;
        }

        var via = DependencyRules.Via(package);
        var location = DependencyRules.Location(context, package);
        foreach (var policy in policies)
        {
            var decision = PolicyEvaluator.Evaluate(inbound, policy);
            if (!decision.IsAllowed)
            {
                if (package.DevOnly)
                {
                    // Not distributed: the policy's licence list binds what ships; a note keeps the decision visible.
                    DependencyRules.ReportUnshipped(context, package, "'" + inbound + "' is not allowed by the policy: " + decision.Reason);
                }
                else
                {
                    context.Report(RuleIds.DependencyLicenseDenied, location, package.Id, package.Version, inbound.ToString(), decision.Reason, via);
                }

                return;
            }
        }

        if (outbound is null)
        {
            return;
        }

        var use = UseOf(context, package);
        var verdict = CompatibilityEvaluator.Evaluate(outbound, inbound, use.Context);
        if (verdict.Outcome == CompatibilityOutcome.Incompatible)
        {
            context.Report(RuleIds.DependencyLicenseIncompatible, location, package.Id, package.Version, inbound.ToString(), outbound.ToString(), use.Name, verdict.Reason, verdict.Source, via);
        }
        else if (verdict.Outcome == CompatibilityOutcome.Review)
        {
            context.Report(RuleIds.DependencyLicenseNeedsReview, location, package.Id, package.Version, inbound.ToString(), outbound.ToString(), use.Name, verdict.Reason, via);
        }
    }

    /// <summary>DevOnly → development-only; else the project's <c>CommonsUseContext</c>; else dynamic-link.</summary>
    private static (string Name, UseContext Context) UseOf(RuleContext context, PackageFact package)
    {
        if (package.DevOnly)
        {
            return UseContexts.Single(u => u.Context == UseContext.DevelopmentOnly);
        }

        var configured = context.Properties.Get(PropertyNames.UseContext);
        var match = UseContexts.FirstOrDefault(u => string.Equals(u.Name, configured, StringComparison.OrdinalIgnoreCase));
        return match.Name is null ? UseContexts[0] : match;
    }

    private static string Describe(LicenseKind kind) => kind switch
    {
        LicenseKind.NonCommercialOrRestricted => "non-commercial or field-of-use restricted",
        LicenseKind.SourceAvailableOrProprietary => "source-available or proprietary",
        _ => kind.ToString(),
    };
}
