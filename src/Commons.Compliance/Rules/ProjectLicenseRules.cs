// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Commons.Compliance.Facts;
using Commons.Compliance.Input;
using Commons.Licensing;

namespace Commons.Compliance.Rules;

/// <summary>00xx: the project's own licence — present, identified, declared, valid and consistent.</summary>
internal static class ProjectLicenseRules
{
    /// <summary>The placeholder URL that pack writes when a licence expression or file is set: not a user's choice.</summary>
    private const string PackPlaceholderUrl = "https://aka.ms/deprecateLicenseUrl";

    /// <summary>The <c>CommonsResourceKind</c> values.</summary>
    private static readonly (string Name, ResourceKinds Kind)[] ResourceKindNames =
    {
        ("software", ResourceKinds.Software),
        ("content", ResourceKinds.Content),
        ("data", ResourceKinds.Data),
        ("fonts", ResourceKinds.Fonts),
        ("hardware", ResourceKinds.Hardware),
    };

    public static void Evaluate(RuleContext context)
    {
        CheckDeclaration(context);
        CheckLicenseTraits(context);
        if (context.Facts is null)
        {
            return;
        }

        var files = context.TopLevelLicenseFiles;
        if (files.Count == 0 && context.LicensesFolderIds.Count == 0)
        {
            context.Report(RuleIds.NoLicenseFile, context.ProjectStart());
            return;
        }

        foreach (var file in files.Where(f => f.IdentifiedLicense is null))
        {
            var closest = file.ClosestLicense is null
                ? ""
                : " (closest: " + file.ClosestLicense + " at " + file.ClosestConfidence.ToString("0.#", CultureInfo.InvariantCulture) + " %)";
            context.Report(RuleIds.LicenseFileNotIdentified, context.FileStart(file.FullPath), file.RelativePath, closest);
        }

        CheckAgainstFiles(context, files.Where(f => f.IdentifiedLicense is not null).ToArray());
    }

    private static void CheckDeclaration(RuleContext context)
    {
        var properties = context.Properties;
        if (properties.Get(PropertyNames.PackageLicenseUrl) is { } url && !string.Equals(url, PackPlaceholderUrl, StringComparison.OrdinalIgnoreCase))
        {
            context.Report(RuleIds.DeprecatedPackageLicenseUrl, context.PropertyLocation(PropertyNames.PackageLicenseUrl), url);
        }

        // A project packed from its own nuspec (NuspecFile) declares its licence there, license or licenseUrl; pack ignores the properties.
        if (context.Facts?.Nuspec is { Problem: null } nuspec)
        {
            if (context.IsPackable && nuspec.License is null && nuspec.LicenseUrl is null)
            {
                context.Report(RuleIds.NoDeclaredLicense, context.ProjectStart(), context.ProjectName);
            }
        }

        var declared = context.DeclaredLicense;
        if (declared is null)
        {
            if (context.IsPackable && properties.Get(PropertyNames.PackageLicenseFile) is null && context.Facts?.Nuspec is null)
            {
                context.Report(RuleIds.NoDeclaredLicense, context.ProjectStart(), context.ProjectName);
            }

            return;
        }

        if (declared.Problem is { } problem)
        {
            var fix = declared.Corrected is null ? "" : " (write '" + declared.Corrected + "')";
            context.Report(RuleIds.DeclaredLicenseInvalid, context.PropertyLocation(PropertyNames.PackageLicenseExpression), declared.Text, "it " + problem + fix);
        }
    }

    /// <summary>CMN0006, CMN0007, CMN0008: what the project's licence is, what it suits, and whether the policy allows it.</summary>
    private static void CheckLicenseTraits(RuleContext context)
    {
        var outbound = context.Outbound;
        if (outbound is null)
        {
            return;
        }

        var location = context.PropertyLocation(PropertyNames.PackageLicenseExpression);
        var traits = outbound.LicenseIds().Distinct(StringComparer.OrdinalIgnoreCase).Select(LicenseKnowledge.Get).ToArray();
        var notOpen = traits.Where(t => t.IsKnown && !t.IsOpen).ToArray();
        if (notOpen.Length > 0 && (outbound is not SpdxOr || notOpen.Length == traits.Length))
        {
            context.Report(RuleIds.LicenseNotOpen, location, outbound.ToString(), WhyNotOpen(notOpen));
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

        foreach (var policy in context.Policies(includeFrenchList: false))
        {
            var decision = PolicyEvaluator.Evaluate(outbound, policy);
            if (!decision.IsAllowed)
            {
                context.Report(RuleIds.LicenseOutsidePolicy, location, outbound.ToString(), decision.Reason);
            }
        }
    }

    /// <summary>"X is non-commercial or field-of-use restricted (note); Y is …": the reason of CMN0006 and CMN0109.</summary>
    internal static string WhyNotOpen(IEnumerable<LicenseTraits> notOpen)
        => string.Join("; ", notOpen.Select(t => t.Id + " is " + Describe(t.Kind) + (t.Note is null ? "" : " (" + t.Note + ")")));

    private static string Describe(LicenseKind kind) => kind switch
    {
        LicenseKind.NonCommercialOrRestricted => "non-commercial or field-of-use restricted",
        LicenseKind.SourceAvailableOrProprietary => "source-available or proprietary",
        _ => kind.ToString(),
    };

    /// <summary>
    /// CMN0005 and CMN0009: the declared expression against the identified licence files. Without a declared expression,
    /// several files are fine when one of them states how they combine (see <see cref="CombiningFile"/>).
    /// </summary>
    private static void CheckAgainstFiles(RuleContext context, RepositoryFile[] identified)
    {
        var declared = context.DeclaredLicense;
        if (declared is null || !declared.IsValid)
        {
            if (declared is null && identified.Select(f => f.IdentifiedLicense).Distinct(StringComparer.OrdinalIgnoreCase).Count() > 1
                && CombiningFile(context, identified) is null)
            {
                context.Report(RuleIds.SeveralLicenseFiles, context.PropertyLocation(PropertyNames.PackageLicenseExpression), string.Join(", ", identified.Select(f => f.RelativePath)));
            }

            return;
        }

        var declaredIds = declared.LicenseIds;
        foreach (var file in identified)
        {
            var fileIds = Licenses.ExpressionCheck.Check(file.IdentifiedLicense!, context.Catalog).LicenseIds;
            if (!fileIds.All(id => AgreesWithDeclared(declaredIds, id)))
            {
                var location = DifferingLine(context, file, declaredIds[0]);
                context.Report(RuleIds.DeclaredLicenseDiffersFromFile, location, declared.Text, file.RelativePath, "the file is " + file.IdentifiedLicense);
            }
        }
    }

    /// <summary>
    /// Among several identified licence files, the one whose expression already says how they combine: every other
    /// file's licences are in it ("MIT OR Apache-2.0" in LICENSE beside LICENSE-MIT and LICENSE-APACHE), or refined by it
    /// (a notice's GPL-2.0-or-later beside COPYING's GPL-2.0 text; the LGPL-3.0 beside the GPL-3.0 it builds on).
    /// Null when no file does, or when files disagree.
    /// </summary>
    internal static RepositoryFile? CombiningFile(RuleContext context, IReadOnlyList<RepositoryFile> identified)
    {
        var ids = identified.ToDictionary(f => f, f => Licenses.ExpressionCheck.Check(f.IdentifiedLicense!, context.Catalog).LicenseIds);
        return identified.FirstOrDefault(candidate => identified.All(other => ids[other].All(id => Covers(ids[candidate], id))));
    }

    /// <summary>
    /// A file's licence agrees with the declared ones when it is one of them, or a text that cannot say more: GPL-3.0's
    /// text reads as GPL-3.0-only and is GPL-3.0-or-later's too (only a notice says "or later"), and an LGPL-3.0 project
    /// ships the GPL-3.0 text its licence builds on. A notice granting "or later" against a declared "-only" differs.
    /// </summary>
    private static bool AgreesWithDeclared(IReadOnlyList<string> declared, string id)
        => SameOrLaterForm(declared, id)
            || (string.Equals(id, "GPL-3.0-only", StringComparison.OrdinalIgnoreCase) && NamesLesserGpl3(declared));

    private static bool Covers(IReadOnlyList<string> ids, string id)
        => SameOrLaterForm(ids, id) || (id.StartsWith("GPL-3.0", StringComparison.OrdinalIgnoreCase) && NamesLesserGpl3(ids));

    /// <summary>The id itself, or the "-or-later" form of an "-only" id (what a licence text cannot tell apart).</summary>
    private static bool SameOrLaterForm(IReadOnlyList<string> ids, string id)
        => ids.Contains(id, StringComparer.OrdinalIgnoreCase)
            || (id.EndsWith("-only", StringComparison.OrdinalIgnoreCase) && ids.Contains(id.Substring(0, id.Length - 5) + "-or-later", StringComparer.OrdinalIgnoreCase));

    private static bool NamesLesserGpl3(IReadOnlyList<string> ids) => ids.Any(i => i.StartsWith("LGPL-3.0", StringComparison.OrdinalIgnoreCase));

    /// <summary>The line of the licence file where it stops matching the declared licence's text.</summary>
    private static FindingLocation DifferingLine(RuleContext context, RepositoryFile file, string declaredId)
    {
        var text = context.TextOf(file.FullPath);
        if (text is null)
        {
            return new FindingLocation(file.FullPath, 1, 1, 1, 1);
        }

        var line = LicenseTextDiff.FirstDifferingLine(text, declaredId, context.Catalog) ?? 1;
        return FindingLocation.OfLine(file.FullPath, text, line);
    }
}
