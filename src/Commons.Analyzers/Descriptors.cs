// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors
// Generated from the rule catalogue by tests/Commons.Analyzers.Tests/DerivedArtefacts.cs: do not edit (COMMONS_REGENERATE=1 rewrites it).

using System.Collections.Immutable;
using Commons.Compliance.Rules;
using Microsoft.CodeAnalysis;

namespace Commons.Analyzers;

/// <summary>
/// One DiagnosticDescriptor per rule of <see cref="RuleCatalog"/>. Titles, messages, descriptions and help links are read
/// from the catalogue; id, category and severity are written as constants because the release-tracking analyzer
/// (RS2000–RS2008) reads them from the <c>new DiagnosticDescriptor(…)</c> expression.
/// </summary>
public static class Descriptors
{
    private static readonly string[] BuildOnly = { WellKnownDiagnosticTags.CompilationEnd };
    private static readonly string[] Live = { };

    public static readonly DiagnosticDescriptor CMN0001 = new(
        RuleIds.NoLicenseFile, Title(RuleIds.NoLicenseFile), Message(RuleIds.NoLicenseFile), RuleCategories.ProjectLicense, DiagnosticSeverity.Warning,
        isEnabledByDefault: true, Description(RuleIds.NoLicenseFile), HelpLink(RuleIds.NoLicenseFile), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0002 = new(
        RuleIds.LicenseFileNotIdentified, Title(RuleIds.LicenseFileNotIdentified), Message(RuleIds.LicenseFileNotIdentified), RuleCategories.ProjectLicense, DiagnosticSeverity.Warning,
        isEnabledByDefault: true, Description(RuleIds.LicenseFileNotIdentified), HelpLink(RuleIds.LicenseFileNotIdentified), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0003 = new(
        RuleIds.NoDeclaredLicense, Title(RuleIds.NoDeclaredLicense), Message(RuleIds.NoDeclaredLicense), RuleCategories.ProjectLicense, DiagnosticSeverity.Warning,
        isEnabledByDefault: true, Description(RuleIds.NoDeclaredLicense), HelpLink(RuleIds.NoDeclaredLicense), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0004 = new(
        RuleIds.DeclaredLicenseInvalid, Title(RuleIds.DeclaredLicenseInvalid), Message(RuleIds.DeclaredLicenseInvalid), RuleCategories.ProjectLicense, DiagnosticSeverity.Warning,
        isEnabledByDefault: true, Description(RuleIds.DeclaredLicenseInvalid), HelpLink(RuleIds.DeclaredLicenseInvalid), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0005 = new(
        RuleIds.DeclaredLicenseDiffersFromFile, Title(RuleIds.DeclaredLicenseDiffersFromFile), Message(RuleIds.DeclaredLicenseDiffersFromFile), RuleCategories.ProjectLicense, DiagnosticSeverity.Warning,
        isEnabledByDefault: true, Description(RuleIds.DeclaredLicenseDiffersFromFile), HelpLink(RuleIds.DeclaredLicenseDiffersFromFile), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0006 = new(
        RuleIds.LicenseNotOpen, Title(RuleIds.LicenseNotOpen), Message(RuleIds.LicenseNotOpen), RuleCategories.ProjectLicense, DiagnosticSeverity.Warning,
        isEnabledByDefault: true, Description(RuleIds.LicenseNotOpen), HelpLink(RuleIds.LicenseNotOpen), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0007 = new(
        RuleIds.LicenseUnfitForResource, Title(RuleIds.LicenseUnfitForResource), Message(RuleIds.LicenseUnfitForResource), RuleCategories.ProjectLicense, DiagnosticSeverity.Warning,
        isEnabledByDefault: true, Description(RuleIds.LicenseUnfitForResource), HelpLink(RuleIds.LicenseUnfitForResource), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0008 = new(
        RuleIds.LicenseOutsidePolicy, Title(RuleIds.LicenseOutsidePolicy), Message(RuleIds.LicenseOutsidePolicy), RuleCategories.ProjectLicense, DiagnosticSeverity.Warning,
        isEnabledByDefault: true, Description(RuleIds.LicenseOutsidePolicy), HelpLink(RuleIds.LicenseOutsidePolicy), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0009 = new(
        RuleIds.SeveralLicenseFiles, Title(RuleIds.SeveralLicenseFiles), Message(RuleIds.SeveralLicenseFiles), RuleCategories.ProjectLicense, DiagnosticSeverity.Warning,
        isEnabledByDefault: true, Description(RuleIds.SeveralLicenseFiles), HelpLink(RuleIds.SeveralLicenseFiles), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0010 = new(
        RuleIds.DeprecatedPackageLicenseUrl, Title(RuleIds.DeprecatedPackageLicenseUrl), Message(RuleIds.DeprecatedPackageLicenseUrl), RuleCategories.ProjectLicense, DiagnosticSeverity.Warning,
        isEnabledByDefault: true, Description(RuleIds.DeprecatedPackageLicenseUrl), HelpLink(RuleIds.DeprecatedPackageLicenseUrl), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0101 = new(
        RuleIds.DependencyLicenseUnknown, Title(RuleIds.DependencyLicenseUnknown), Message(RuleIds.DependencyLicenseUnknown), RuleCategories.Dependencies, DiagnosticSeverity.Warning,
        isEnabledByDefault: true, Description(RuleIds.DependencyLicenseUnknown), HelpLink(RuleIds.DependencyLicenseUnknown), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0102 = new(
        RuleIds.DependencyLicenseUrlUnmapped, Title(RuleIds.DependencyLicenseUrlUnmapped), Message(RuleIds.DependencyLicenseUrlUnmapped), RuleCategories.Dependencies, DiagnosticSeverity.Warning,
        isEnabledByDefault: true, Description(RuleIds.DependencyLicenseUrlUnmapped), HelpLink(RuleIds.DependencyLicenseUrlUnmapped), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0103 = new(
        RuleIds.DependencyLicenseDenied, Title(RuleIds.DependencyLicenseDenied), Message(RuleIds.DependencyLicenseDenied), RuleCategories.Dependencies, DiagnosticSeverity.Warning,
        isEnabledByDefault: true, Description(RuleIds.DependencyLicenseDenied), HelpLink(RuleIds.DependencyLicenseDenied), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0104 = new(
        RuleIds.DependencyLicenseIncompatible, Title(RuleIds.DependencyLicenseIncompatible), Message(RuleIds.DependencyLicenseIncompatible), RuleCategories.Dependencies, DiagnosticSeverity.Warning,
        isEnabledByDefault: true, Description(RuleIds.DependencyLicenseIncompatible), HelpLink(RuleIds.DependencyLicenseIncompatible), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0105 = new(
        RuleIds.DependencyLicenseNeedsReview, Title(RuleIds.DependencyLicenseNeedsReview), Message(RuleIds.DependencyLicenseNeedsReview), RuleCategories.Dependencies, DiagnosticSeverity.Info,
        isEnabledByDefault: true, Description(RuleIds.DependencyLicenseNeedsReview), HelpLink(RuleIds.DependencyLicenseNeedsReview), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0106 = new(
        RuleIds.AttributionWithoutNotices, Title(RuleIds.AttributionWithoutNotices), Message(RuleIds.AttributionWithoutNotices), RuleCategories.Dependencies, DiagnosticSeverity.Info,
        isEnabledByDefault: true, Description(RuleIds.AttributionWithoutNotices), HelpLink(RuleIds.AttributionWithoutNotices), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0107 = new(
        RuleIds.StalePolicyException, Title(RuleIds.StalePolicyException), Message(RuleIds.StalePolicyException), RuleCategories.Dependencies, DiagnosticSeverity.Warning,
        isEnabledByDefault: true, Description(RuleIds.StalePolicyException), HelpLink(RuleIds.StalePolicyException), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0108 = new(
        RuleIds.DependencyLicenseChanged, Title(RuleIds.DependencyLicenseChanged), Message(RuleIds.DependencyLicenseChanged), RuleCategories.Dependencies, DiagnosticSeverity.Warning,
        isEnabledByDefault: true, Description(RuleIds.DependencyLicenseChanged), HelpLink(RuleIds.DependencyLicenseChanged), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0109 = new(
        RuleIds.DependencyLicenseNotOpen, Title(RuleIds.DependencyLicenseNotOpen), Message(RuleIds.DependencyLicenseNotOpen), RuleCategories.Dependencies, DiagnosticSeverity.Warning,
        isEnabledByDefault: true, Description(RuleIds.DependencyLicenseNotOpen), HelpLink(RuleIds.DependencyLicenseNotOpen), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0110 = new(
        RuleIds.UnshippedDependencyLicense, Title(RuleIds.UnshippedDependencyLicense), Message(RuleIds.UnshippedDependencyLicense), RuleCategories.Dependencies, DiagnosticSeverity.Info,
        isEnabledByDefault: true, Description(RuleIds.UnshippedDependencyLicense), HelpLink(RuleIds.UnshippedDependencyLicense), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0201 = new(
        RuleIds.NoReadme, Title(RuleIds.NoReadme), Message(RuleIds.NoReadme), RuleCategories.Community, DiagnosticSeverity.Warning,
        isEnabledByDefault: true, Description(RuleIds.NoReadme), HelpLink(RuleIds.NoReadme), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0202 = new(
        RuleIds.ReadmeLacksEssentials, Title(RuleIds.ReadmeLacksEssentials), Message(RuleIds.ReadmeLacksEssentials), RuleCategories.Community, DiagnosticSeverity.Info,
        isEnabledByDefault: true, Description(RuleIds.ReadmeLacksEssentials), HelpLink(RuleIds.ReadmeLacksEssentials), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0203 = new(
        RuleIds.NoContributing, Title(RuleIds.NoContributing), Message(RuleIds.NoContributing), RuleCategories.Community, DiagnosticSeverity.Info,
        isEnabledByDefault: true, Description(RuleIds.NoContributing), HelpLink(RuleIds.NoContributing), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0204 = new(
        RuleIds.NoContributionSignOff, Title(RuleIds.NoContributionSignOff), Message(RuleIds.NoContributionSignOff), RuleCategories.Community, DiagnosticSeverity.Info,
        isEnabledByDefault: true, Description(RuleIds.NoContributionSignOff), HelpLink(RuleIds.NoContributionSignOff), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0205 = new(
        RuleIds.NoCodeOfConduct, Title(RuleIds.NoCodeOfConduct), Message(RuleIds.NoCodeOfConduct), RuleCategories.Community, DiagnosticSeverity.Info,
        isEnabledByDefault: true, Description(RuleIds.NoCodeOfConduct), HelpLink(RuleIds.NoCodeOfConduct), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0206 = new(
        RuleIds.NoSecurityPolicy, Title(RuleIds.NoSecurityPolicy), Message(RuleIds.NoSecurityPolicy), RuleCategories.Community, DiagnosticSeverity.Info,
        isEnabledByDefault: true, Description(RuleIds.NoSecurityPolicy), HelpLink(RuleIds.NoSecurityPolicy), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0207 = new(
        RuleIds.NoGovernance, Title(RuleIds.NoGovernance), Message(RuleIds.NoGovernance), RuleCategories.Community, DiagnosticSeverity.Info,
        isEnabledByDefault: true, Description(RuleIds.NoGovernance), HelpLink(RuleIds.NoGovernance), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0208 = new(
        RuleIds.NoChangelog, Title(RuleIds.NoChangelog), Message(RuleIds.NoChangelog), RuleCategories.Community, DiagnosticSeverity.Info,
        isEnabledByDefault: true, Description(RuleIds.NoChangelog), HelpLink(RuleIds.NoChangelog), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0301 = new(
        RuleIds.NoPackageReadmeFile, Title(RuleIds.NoPackageReadmeFile), Message(RuleIds.NoPackageReadmeFile), RuleCategories.PackageMetadata, DiagnosticSeverity.Info,
        isEnabledByDefault: true, Description(RuleIds.NoPackageReadmeFile), HelpLink(RuleIds.NoPackageReadmeFile), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0302 = new(
        RuleIds.NoRepositoryUrl, Title(RuleIds.NoRepositoryUrl), Message(RuleIds.NoRepositoryUrl), RuleCategories.PackageMetadata, DiagnosticSeverity.Info,
        isEnabledByDefault: true, Description(RuleIds.NoRepositoryUrl), HelpLink(RuleIds.NoRepositoryUrl), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0303 = new(
        RuleIds.NoPackageProjectUrl, Title(RuleIds.NoPackageProjectUrl), Message(RuleIds.NoPackageProjectUrl), RuleCategories.PackageMetadata, DiagnosticSeverity.Info,
        isEnabledByDefault: true, Description(RuleIds.NoPackageProjectUrl), HelpLink(RuleIds.NoPackageProjectUrl), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0304 = new(
        RuleIds.NoDescription, Title(RuleIds.NoDescription), Message(RuleIds.NoDescription), RuleCategories.PackageMetadata, DiagnosticSeverity.Info,
        isEnabledByDefault: true, Description(RuleIds.NoDescription), HelpLink(RuleIds.NoDescription), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0305 = new(
        RuleIds.NoAuthors, Title(RuleIds.NoAuthors), Message(RuleIds.NoAuthors), RuleCategories.PackageMetadata, DiagnosticSeverity.Info,
        isEnabledByDefault: true, Description(RuleIds.NoAuthors), HelpLink(RuleIds.NoAuthors), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0306 = new(
        RuleIds.NoCopyright, Title(RuleIds.NoCopyright), Message(RuleIds.NoCopyright), RuleCategories.PackageMetadata, DiagnosticSeverity.Info,
        isEnabledByDefault: true, Description(RuleIds.NoCopyright), HelpLink(RuleIds.NoCopyright), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0401 = new(
        RuleIds.NoSpdxLicenseIdentifier, Title(RuleIds.NoSpdxLicenseIdentifier), Message(RuleIds.NoSpdxLicenseIdentifier), RuleCategories.SourceHeaders, DiagnosticSeverity.Warning,
        isEnabledByDefault: true, Description(RuleIds.NoSpdxLicenseIdentifier), HelpLink(RuleIds.NoSpdxLicenseIdentifier), Live);

    public static readonly DiagnosticDescriptor CMN0402 = new(
        RuleIds.InvalidSpdxHeaderExpression, Title(RuleIds.InvalidSpdxHeaderExpression), Message(RuleIds.InvalidSpdxHeaderExpression), RuleCategories.SourceHeaders, DiagnosticSeverity.Warning,
        isEnabledByDefault: true, Description(RuleIds.InvalidSpdxHeaderExpression), HelpLink(RuleIds.InvalidSpdxHeaderExpression), Live);

    public static readonly DiagnosticDescriptor CMN0403 = new(
        RuleIds.HeaderLicenseNotInProject, Title(RuleIds.HeaderLicenseNotInProject), Message(RuleIds.HeaderLicenseNotInProject), RuleCategories.SourceHeaders, DiagnosticSeverity.Warning,
        isEnabledByDefault: true, Description(RuleIds.HeaderLicenseNotInProject), HelpLink(RuleIds.HeaderLicenseNotInProject), Live);

    public static readonly DiagnosticDescriptor CMN0404 = new(
        RuleIds.NoSpdxFileCopyrightText, Title(RuleIds.NoSpdxFileCopyrightText), Message(RuleIds.NoSpdxFileCopyrightText), RuleCategories.SourceHeaders, DiagnosticSeverity.Warning,
        isEnabledByDefault: true, Description(RuleIds.NoSpdxFileCopyrightText), HelpLink(RuleIds.NoSpdxFileCopyrightText), Live);

    public static readonly DiagnosticDescriptor CMN0405 = new(
        RuleIds.LicenseTextMissing, Title(RuleIds.LicenseTextMissing), Message(RuleIds.LicenseTextMissing), RuleCategories.SourceHeaders, DiagnosticSeverity.Warning,
        isEnabledByDefault: true, Description(RuleIds.LicenseTextMissing), HelpLink(RuleIds.LicenseTextMissing), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0406 = new(
        RuleIds.LicenseTextUnused, Title(RuleIds.LicenseTextUnused), Message(RuleIds.LicenseTextUnused), RuleCategories.SourceHeaders, DiagnosticSeverity.Warning,
        isEnabledByDefault: true, Description(RuleIds.LicenseTextUnused), HelpLink(RuleIds.LicenseTextUnused), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0407 = new(
        RuleIds.LicenseFileNotSpdx, Title(RuleIds.LicenseFileNotSpdx), Message(RuleIds.LicenseFileNotSpdx), RuleCategories.SourceHeaders, DiagnosticSeverity.Warning,
        isEnabledByDefault: true, Description(RuleIds.LicenseFileNotSpdx), HelpLink(RuleIds.LicenseFileNotSpdx), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0408 = new(
        RuleIds.LicenseFileDeprecated, Title(RuleIds.LicenseFileDeprecated), Message(RuleIds.LicenseFileDeprecated), RuleCategories.SourceHeaders, DiagnosticSeverity.Warning,
        isEnabledByDefault: true, Description(RuleIds.LicenseFileDeprecated), HelpLink(RuleIds.LicenseFileDeprecated), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0409 = new(
        RuleIds.LicenseFileWithoutExtension, Title(RuleIds.LicenseFileWithoutExtension), Message(RuleIds.LicenseFileWithoutExtension), RuleCategories.SourceHeaders, DiagnosticSeverity.Warning,
        isEnabledByDefault: true, Description(RuleIds.LicenseFileWithoutExtension), HelpLink(RuleIds.LicenseFileWithoutExtension), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0410 = new(
        RuleIds.CoveredFileUnreadable, Title(RuleIds.CoveredFileUnreadable), Message(RuleIds.CoveredFileUnreadable), RuleCategories.SourceHeaders, DiagnosticSeverity.Warning,
        isEnabledByDefault: true, Description(RuleIds.CoveredFileUnreadable), HelpLink(RuleIds.CoveredFileUnreadable), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0411 = new(
        RuleIds.GlobalLicensingInvalid, Title(RuleIds.GlobalLicensingInvalid), Message(RuleIds.GlobalLicensingInvalid), RuleCategories.SourceHeaders, DiagnosticSeverity.Warning,
        isEnabledByDefault: true, Description(RuleIds.GlobalLicensingInvalid), HelpLink(RuleIds.GlobalLicensingInvalid), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0412 = new(
        RuleIds.LicenseTextDuplicated, Title(RuleIds.LicenseTextDuplicated), Message(RuleIds.LicenseTextDuplicated), RuleCategories.SourceHeaders, DiagnosticSeverity.Warning,
        isEnabledByDefault: true, Description(RuleIds.LicenseTextDuplicated), HelpLink(RuleIds.LicenseTextDuplicated), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0501 = new(
        RuleIds.PublicCodeInvalid, Title(RuleIds.PublicCodeInvalid), Message(RuleIds.PublicCodeInvalid), RuleCategories.PublicSector, DiagnosticSeverity.Warning,
        isEnabledByDefault: true, Description(RuleIds.PublicCodeInvalid), HelpLink(RuleIds.PublicCodeInvalid), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0502 = new(
        RuleIds.PublicCodeLicenseDiffers, Title(RuleIds.PublicCodeLicenseDiffers), Message(RuleIds.PublicCodeLicenseDiffers), RuleCategories.PublicSector, DiagnosticSeverity.Warning,
        isEnabledByDefault: true, Description(RuleIds.PublicCodeLicenseDiffers), HelpLink(RuleIds.PublicCodeLicenseDiffers), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0503 = new(
        RuleIds.NoPublicCode, Title(RuleIds.NoPublicCode), Message(RuleIds.NoPublicCode), RuleCategories.PublicSector, DiagnosticSeverity.Warning,
        isEnabledByDefault: true, Description(RuleIds.NoPublicCode), HelpLink(RuleIds.NoPublicCode), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0504 = new(
        RuleIds.LicenseNotOnPublicSectorList, Title(RuleIds.LicenseNotOnPublicSectorList), Message(RuleIds.LicenseNotOnPublicSectorList), RuleCategories.PublicSector, DiagnosticSeverity.Warning,
        isEnabledByDefault: true, Description(RuleIds.LicenseNotOnPublicSectorList), HelpLink(RuleIds.LicenseNotOnPublicSectorList), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0901 = new(
        RuleIds.FactsMissing, Title(RuleIds.FactsMissing), Message(RuleIds.FactsMissing), RuleCategories.Tooling, DiagnosticSeverity.Warning,
        isEnabledByDefault: true, Description(RuleIds.FactsMissing), HelpLink(RuleIds.FactsMissing), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0902 = new(
        RuleIds.InputUnreadable, Title(RuleIds.InputUnreadable), Message(RuleIds.InputUnreadable), RuleCategories.Tooling, DiagnosticSeverity.Warning,
        isEnabledByDefault: true, Description(RuleIds.InputUnreadable), HelpLink(RuleIds.InputUnreadable), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0903 = new(
        RuleIds.FactsStale, Title(RuleIds.FactsStale), Message(RuleIds.FactsStale), RuleCategories.Tooling, DiagnosticSeverity.Warning,
        isEnabledByDefault: true, Description(RuleIds.FactsStale), HelpLink(RuleIds.FactsStale), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0904 = new(
        RuleIds.ProjectNotChecked, Title(RuleIds.ProjectNotChecked), Message(RuleIds.ProjectNotChecked), RuleCategories.Tooling, DiagnosticSeverity.Warning,
        isEnabledByDefault: true, Description(RuleIds.ProjectNotChecked), HelpLink(RuleIds.ProjectNotChecked), BuildOnly);

    public static readonly DiagnosticDescriptor CMN0905 = new(
        RuleIds.StaleBaselineEntry, Title(RuleIds.StaleBaselineEntry), Message(RuleIds.StaleBaselineEntry), RuleCategories.Tooling, DiagnosticSeverity.Info,
        isEnabledByDefault: true, Description(RuleIds.StaleBaselineEntry), HelpLink(RuleIds.StaleBaselineEntry), BuildOnly);

    /// <summary>Every descriptor, in id order.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(
        CMN0001, CMN0002, CMN0003, CMN0004, CMN0005, CMN0006, CMN0007, CMN0008, CMN0009, CMN0010, CMN0101, CMN0102, CMN0103, CMN0104, CMN0105, CMN0106, CMN0107, CMN0108, CMN0109, CMN0110, CMN0201, CMN0202, CMN0203, CMN0204, CMN0205, CMN0206, CMN0207, CMN0208, CMN0301, CMN0302, CMN0303, CMN0304, CMN0305, CMN0306, CMN0401, CMN0402, CMN0403, CMN0404, CMN0405, CMN0406, CMN0407, CMN0408, CMN0409, CMN0410, CMN0411, CMN0412, CMN0501, CMN0502, CMN0503, CMN0504, CMN0901, CMN0902, CMN0903, CMN0904, CMN0905);

    private static string Title(string id) => RuleCatalog.Get(id).Title;

    private static string Message(string id) => RuleCatalog.Get(id).MessageFormat;

    private static string Description(string id) => RuleCatalog.Get(id).Description;

    private static string HelpLink(string id) => RuleCatalog.Get(id).HelpLink;
}
