// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Commons.Compliance.Baseline;
using Commons.Compliance.Facts;
using Commons.Compliance.Input;
using Commons.Compliance.Policy;
using Commons.Licensing;

namespace Commons.Compliance.Rules;

/// <summary>01xx: every package the project depends on, located at the reference that brings it in.</summary>
internal static class DependencyRules
{
    /// <summary>Licences whose notices must ship with a binary distribution (data, not code branches).</summary>
    private static readonly string[] AttributionLicenses =
    {
        "Apache-2.0", "BSD-2-Clause", "BSD-3-Clause", "BSD-3-Clause-Clear", "MIT", "MIT-0", "ISC", "MS-PL", "Zlib", "BSL-1.0", "PostgreSQL", "X11",
    };

    /// <summary>MIT-0 and BSL-1.0 waive attribution in binary form.</summary>
    private static readonly string[] NoBinaryAttribution = { "MIT-0", "BSL-1.0", "Zlib" };

    /// <summary>The <c>CommonsUseContext</c> values (the same words appear in messages).</summary>
    private static readonly (string Name, UseContext Context)[] UseContexts =
    {
        ("dynamic-link", UseContext.DynamicLink),
        ("static-link", UseContext.StaticLink),
        ("copied", UseContext.Copied),
        ("network-service", UseContext.NetworkService),
        ("development-only", UseContext.DevelopmentOnly),
    };

    public static void Evaluate(RuleContext context)
    {
        var facts = context.Facts;
        if (facts is null)
        {
            return;
        }

        var ignored = context.Properties.List(PropertyNames.IgnoredPackages);

        // What the SDK references by itself (NETStandard.Library …) is not the user's to fix.
        var packages = facts.Packages.Where(p => !p.Implicit && !IsIgnored(p.Id, ignored)).ToArray();
        var outbound = context.Outbound;
        var policies = context.Policies(includeFrenchList: true);
        var recorded = RecordedLicenses(context);
        foreach (var package in packages.Concat(ReferencedProjects(facts, ignored)))
        {
            if (ExceptionFor(context, package) is not null)
            {
                continue;
            }

            CheckKnown(context, package);
            CheckPolicyAndCompatibility(context, package, outbound, policies);
            CheckLicenseChanged(context, package, recorded);
        }

        ReportUnshippedProblems(context);
        CheckAttribution(context, packages);
        CheckStaleExceptions(context, facts);
    }

    /// <summary>
    /// " (via A &gt; B &gt; C)" for a transitive package, "" for a direct one; " (net10.0 only)" for a package that only some
    /// target frameworks use.
    /// </summary>
    public static string Via(PackageFact package)
    {
        var via = package.Path.Count > 1 ? "via " + string.Join(" > ", package.Path) : "";
        var only = package.Frameworks.Count > 0 ? string.Join(", ", package.Frameworks) + " only" : "";
        var both = via.Length > 0 && only.Length > 0 ? via + "; " + only : via + only;
        return both.Length > 0 ? " (" + both + ")" : "";
    }

    /// <summary>
    /// The referenced projects that declare a licence, judged as the packages they become when packed: a copyleft sibling
    /// ships inside (or beside) this project just as a copyleft package does. A project without a declared licence belongs
    /// to the same repository and is judged on its own.
    /// </summary>
    private static IEnumerable<PackageFact> ReferencedProjects(ProjectFacts facts, IReadOnlyList<string> ignored)
        => facts.ProjectReferences
            .Where(r => r.License is not null && !IsIgnored(r.Name, ignored))
            .Select(r => new PackageFact
            {
                Id = r.Name,
                Version = "(project reference)",
                License = r.License,
                Source = LicenseSource.Expression,
                Direct = true,
                DevOnly = r.DevOnly,
                ReferenceLocation = r.ReferenceLocation,
                Path = { r.Name },
            });

    public static string Name(PackageFact package) => package.Version.Length == 0 ? "" : package.Version;

    public static FindingLocation? Location(RuleContext context, PackageFact package)
        => package.ReferenceLocation is { } l ? FindingLocation.At(l.File, context.TextOf(l.File), l.Line, l.Column) : context.ProjectStart();

    /// <summary>A policy-file exception that still holds for this package (not expired; licence unchanged when pinned).</summary>
    public static PolicyException? ExceptionFor(RuleContext context, PackageFact package)
        => context.Input.Policy?.Exceptions.FirstOrDefault(e =>
            string.Equals(e.PackageId, package.Id, StringComparison.OrdinalIgnoreCase)
            && !e.IsExpired(context.Input.Today)
            && (e.License is null || string.Equals(e.License, package.License, StringComparison.OrdinalIgnoreCase)));

    /// <summary>An ignored-package pattern: an exact id, or a prefix ending with <c>*</c>.</summary>
    public static bool IsIgnored(string id, IReadOnlyList<string> patterns)
        => patterns.Any(p => p.EndsWith("*", StringComparison.Ordinal)
            ? id.StartsWith(p.Substring(0, p.Length - 1), StringComparison.OrdinalIgnoreCase)
            : string.Equals(id, p, StringComparison.OrdinalIgnoreCase));

    private static void CheckKnown(RuleContext context, PackageFact package)
    {
        if (package.License is not null)
        {
            return;
        }

        if (package.LicenseUrl is { } url && package.Source != LicenseSource.File)
        {
            if (package.DevOnly)
            {
                ReportUnshipped(context, package, "licence URL maps to no SPDX licence: " + url);
            }
            else
            {
                // Online mode read the URL's text and named no licence: the reason is part of what the reader must check.
                var read = package.Problem is { } problem ? " (" + problem + ")" : "";
                context.Report(RuleIds.DependencyLicenseUrlUnmapped, Location(context, package), package.Id, Name(package), url + read + Via(package));
            }

            return;
        }

        var why = package.Problem is not null ? ": " + package.Problem
            : package.Source == LicenseSource.File ? ": its licence file " + package.LicenseFile + " matches no known licence"
            : ": the package declares no licence";
        if (package.DevOnly)
        {
            ReportUnshipped(context, package, "licence unknown" + why);
        }
        else
        {
            context.Report(RuleIds.DependencyLicenseUnknown, Location(context, package), package.Id, Name(package), why + Via(package));
        }
    }

    /// <summary>A licence problem of a package that does not ship: gathered, then reported once per project (CMN0110).</summary>
    public static void ReportUnshipped(RuleContext context, PackageFact package, string problem)
        => context.UnshippedProblems.Add(package.Id + " " + Name(package) + " (" + problem + ")");

    /// <summary>
    /// CMN0110, a note: the packages that do not ship and have a licence problem, in one finding at the project (a test
    /// project's tools can number dozens). A policy that covers development tools raises its severity.
    /// </summary>
    private static void ReportUnshippedProblems(RuleContext context)
    {
        var problems = context.UnshippedProblems;
        if (problems.Count == 0)
        {
            return;
        }

        const int Shown = 8;
        var list = string.Join("; ", problems.Take(Shown)) + (problems.Count > Shown ? "; and " + (problems.Count - Shown) + " more (commons licenses lists them)" : "");
        context.Report(RuleIds.UnshippedDependencyLicense, context.ProjectStart(), problems.Count.ToString(CultureInfo.InvariantCulture), list);
    }

    /// <summary>
    /// CMN0103, CMN0109, CMN0104, CMN0105 for one package with a known licence: one finding per package, the first that
    /// applies. A licence the policy denies is CMN0103; else one that is not open is CMN0109 in every use context (a
    /// compatibility verdict on it would only repeat the problem: CC-BY-NC-4.0 under MIT was a CMN0105 note), for what
    /// ships and for the development tools the project references directly.
    /// </summary>
    private static void CheckPolicyAndCompatibility(RuleContext context, PackageFact package, SpdxExpression? outbound, IReadOnlyList<LicensePolicy> policies)
    {
        if (package.License is null || !SpdxExpression.TryParse(package.License, out var inbound) || inbound is null)
        {
            return;
        }

        var via = Via(package);
        var location = Location(context, package);
        foreach (var policy in policies)
        {
            var decision = PolicyEvaluator.Evaluate(inbound, policy);
            if (!decision.IsAllowed)
            {
                if (package.DevOnly)
                {
                    // Not distributed: the policy's licence list binds what ships; a note keeps the decision visible.
                    ReportUnshipped(context, package, "'" + inbound + "' is not allowed by the policy: " + decision.Reason);
                }
                else
                {
                    context.Report(RuleIds.DependencyLicenseDenied, location, package.Id, package.Version, inbound.ToString(), decision.Reason, via);
                }

                return;
            }
        }

        var notOpen = LicenseKnowledge.NotOpen(inbound);
        if (notOpen.Count > 0)
        {
            // Whatever ships, and every tool the project references itself (an analyzer, a test library: contributors
            // accept its terms to build the project). A package that neither ships nor was chosen (System.Runtime 4.3.0
            // under a test library), or one the target framework supersedes (nothing of it is used, even pinned after a
            // security advisory), joins the CMN0110 note.
            if (package.DevOnly && (!package.Direct || package.Superseded))
            {
                ReportUnshipped(context, package, "'" + inbound + "' is not an open licence: " + ProjectLicenseRules.WhyNotOpen(notOpen));
            }
            else
            {
                context.Report(RuleIds.DependencyLicenseNotOpen, location, package.Id, package.Version, inbound.ToString(), ProjectLicenseRules.WhyNotOpen(notOpen), via);
            }

            return;
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

    /// <summary>The packages the baseline recorded, by id; empty without a baseline.</summary>
    private static ILookup<string, BaselinePackage> RecordedLicenses(RuleContext context)
        => (context.Input.Baseline?.Packages ?? Array.Empty<BaselinePackage>()).ToLookup(p => p.Id, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// CMN0108: the package's licence is none of the licences the baseline recorded for its id (any version); an unknown licence
    /// counts as a licence. A package the baseline never saw is new, and judged by the other rules alone. The recorded version
    /// named is the same version when recorded, else the highest one recorded (the one the team last accepted).
    /// </summary>
    private static void CheckLicenseChanged(RuleContext context, PackageFact package, ILookup<string, BaselinePackage> recorded)
    {
        var records = recorded[package.Id].ToArray();
        if (records.Length == 0 || records.Any(r => SameLicense(r.License, package.License)))
        {
            return;
        }

        var previous = records.FirstOrDefault(r => string.Equals(r.Version, package.Version, StringComparison.OrdinalIgnoreCase))
            ?? records.Aggregate((a, b) => (PackageVersionOrder.Compare(a.Version, b.Version) ?? 0) >= 0 ? a : b);
        context.Report(RuleIds.DependencyLicenseChanged, Location(context, package), package.Id, package.Version, Licence(package.License),
            Licence(previous.License), previous.Version, Via(package));
    }

    private static bool SameLicense(string? a, string? b)
        => a is null || b is null ? a is null && b is null : string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string Licence(string? license) => license is null ? "unknown" : "'" + license + "'";

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

    private static void CheckAttribution(RuleContext context, PackageFact[] packages)
    {
        if (context.Input.HasRepositoryFile(RepositoryFileKind.ThirdPartyNotices))
        {
            return;
        }

        var needing = packages
            .Where(p => !p.DevOnly && p.License is not null && context.IsPackable)
            .Where(p => Licenses.ExpressionCheck.Check(p.License!, context.Catalog).LicenseIds
                .Any(id => AttributionLicenses.Contains(id, StringComparer.OrdinalIgnoreCase) && !NoBinaryAttribution.Contains(id, StringComparer.OrdinalIgnoreCase)))
            .Select(p => p.Id + " (" + p.License + ")")
            .ToArray();
        if (needing.Length > 0)
        {
            context.Report(RuleIds.AttributionWithoutNotices, context.ProjectStart(), needing.Length.ToString(CultureInfo.InvariantCulture), string.Join(", ", needing));
        }
    }

    private static void CheckStaleExceptions(RuleContext context, ProjectFacts facts)
    {
        if (context.Input.Policy is not { } policy)
        {
            return;
        }

        var text = context.TextOf(policy.Path);

        // One compilation sees one project. A policy file shared by a whole repository (set in Directory.Build.props,
        // outside this project's folder) lists packages of other projects too, so "matches no package" can only be
        // judged for a file that belongs to this project; expiry and licence changes are judged everywhere.
        var ownsPolicyFile = System.IO.Path.GetDirectoryName(facts.ProjectPath) is { Length: > 0 } projectFolder && FolderPath.IsBelow(projectFolder, policy.Path);
        foreach (var exception in policy.Exceptions)
        {
            var package = facts.Packages.FirstOrDefault(p => string.Equals(p.Id, exception.PackageId, StringComparison.OrdinalIgnoreCase));
            string? why = null;
            if (package is null)
            {
                why = ownsPolicyFile ? "matches no package of this project" : null;
            }
            else if (exception.IsExpired(context.Input.Today))
            {
                why = "expired on " + exception.Expires!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
            else if (exception.License is not null && !string.Equals(exception.License, package.License, StringComparison.OrdinalIgnoreCase))
            {
                why = "was granted for '" + exception.License + "' but the package is now licensed '" + (package.License ?? "unknown") + "'";
            }

            if (why is not null)
            {
                var location = text is null ? new FindingLocation(policy.Path, exception.Line, 1, exception.Line, 1) : FindingLocation.OfLine(policy.Path, text, exception.Line);
                context.Report(RuleIds.StalePolicyException, location, exception.PackageId, why, "exception");
            }
        }

        // A curation that corrects nothing any more: its package is gone, or was upgraded past the versions it covers (the
        // package's own metadata then speaks again, and nobody re-checked whether the curated licence still holds).
        foreach (var curation in policy.Curations)
        {
            var used = facts.Packages.Where(p => string.Equals(p.Id, curation.PackageId, StringComparison.OrdinalIgnoreCase)).ToList();
            var why = used.Count == 0 ? (ownsPolicyFile ? "matches no package of this project" : null)
                : used.Any(p => curation.Covers(p.Id, p.Version)) ? null
                : "covers " + curation.Versions + " but the project uses " + string.Join(", ", used.Select(p => p.Version).Distinct(StringComparer.Ordinal));
            if (why is not null)
            {
                var location = text is null ? new FindingLocation(policy.Path, curation.Line, 1, curation.Line, 1) : FindingLocation.OfLine(policy.Path, text, curation.Line);
                context.Report(RuleIds.StalePolicyException, location, curation.PackageId, why, "curation");
            }
        }
    }
}
