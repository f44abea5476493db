// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Linq;

namespace Commons.Compliance.Rules;

/// <summary>Every rule id, as constants so that code can name the rule it reports.</summary>
public static class RuleIds
{
    public const string NoLicenseFile = "CMN0001";
    public const string LicenseFileNotIdentified = "CMN0002";
    public const string NoDeclaredLicense = "CMN0003";
    public const string DeclaredLicenseInvalid = "CMN0004";
    public const string DeclaredLicenseDiffersFromFile = "CMN0005";
    public const string LicenseNotOpen = "CMN0006";
    public const string LicenseUnfitForResource = "CMN0007";
    public const string LicenseOutsidePolicy = "CMN0008";
    public const string SeveralLicenseFiles = "CMN0009";
    public const string DeprecatedPackageLicenseUrl = "CMN0010";

    public const string DependencyLicenseUnknown = "CMN0101";
    public const string DependencyLicenseUrlUnmapped = "CMN0102";
    public const string DependencyLicenseDenied = "CMN0103";
    public const string DependencyLicenseIncompatible = "CMN0104";
    public const string DependencyLicenseNeedsReview = "CMN0105";
    public const string AttributionWithoutNotices = "CMN0106";
    public const string StalePolicyException = "CMN0107";
    public const string DependencyLicenseChanged = "CMN0108";
    public const string DependencyLicenseNotOpen = "CMN0109";
    public const string UnshippedDependencyLicense = "CMN0110";

    public const string NoReadme = "CMN0201";
    public const string ReadmeLacksEssentials = "CMN0202";
    public const string NoContributing = "CMN0203";
    public const string NoContributionSignOff = "CMN0204";
    public const string NoCodeOfConduct = "CMN0205";
    public const string NoSecurityPolicy = "CMN0206";
    public const string NoGovernance = "CMN0207";
    public const string NoChangelog = "CMN0208";

    public const string NoPackageReadmeFile = "CMN0301";
    public const string NoRepositoryUrl = "CMN0302";
    public const string NoPackageProjectUrl = "CMN0303";
    public const string NoDescription = "CMN0304";
    public const string NoAuthors = "CMN0305";
    public const string NoCopyright = "CMN0306";

    public const string NoSpdxLicenseIdentifier = "CMN0401";
    public const string InvalidSpdxHeaderExpression = "CMN0402";
    public const string HeaderLicenseNotInProject = "CMN0403";
    public const string NoSpdxFileCopyrightText = "CMN0404";
    public const string LicenseTextMissing = "CMN0405";
    public const string LicenseTextUnused = "CMN0406";
    public const string LicenseFileNotSpdx = "CMN0407";
    public const string LicenseFileDeprecated = "CMN0408";
    public const string LicenseFileWithoutExtension = "CMN0409";
    public const string CoveredFileUnreadable = "CMN0410";
    public const string GlobalLicensingInvalid = "CMN0411";
    public const string LicenseTextDuplicated = "CMN0412";

    public const string PublicCodeInvalid = "CMN0501";
    public const string PublicCodeLicenseDiffers = "CMN0502";
    public const string NoPublicCode = "CMN0503";
    public const string LicenseNotOnPublicSectorList = "CMN0504";

    public const string FactsMissing = "CMN0901";
    public const string InputUnreadable = "CMN0902";
    public const string FactsStale = "CMN0903";
    public const string StaleBaselineEntry = "CMN0905";
    public const string ProjectNotChecked = "CMN0904";
}

/// <summary>
/// The one rule catalogue. The analyzer builds its DiagnosticDescriptors from it, the CLI prints from it,
/// and a test keeps rules.md and AnalyzerReleases.Unshipped.md in step with it.
/// </summary>
public static class RuleCatalog
{
    private const string Gate = "CommonsGate";
    private const string Enabled = "CommonsEnabled";

    private static readonly string[] LicenseKeys = { "PackageLicenseExpression", "PackageLicenseFile", Gate };
    private static readonly string[] PolicyKeys = { "CommonsPolicy", "CommonsAllowedLicenses", "CommonsDeniedLicenses", Gate };
    private static readonly string[] DependencyKeys =
        { "CommonsPolicy", "CommonsAllowedLicenses", "CommonsDeniedLicenses", "CommonsIgnoredPackages", "CommonsPolicyFile", "CommonsUseContext", Gate };

    /// <summary>CMN0109 holds in every use context: <c>CommonsUseContext</c> does not change it.</summary>
    private static readonly string[] NotOpenDependencyKeys =
        { "CommonsPolicy", "CommonsAllowedLicenses", "CommonsDeniedLicenses", "CommonsIgnoredPackages", "CommonsPolicyFile", Gate };

    private static readonly string[] HeaderKeys = { "CommonsSpdxHeaders" };
    private static readonly string[] NoKeys = { };

    // What tells two findings of one rule apart in the baseline, besides the file (RuleDescriptor.BaselineSubject).
    private static readonly BaselineSubject PackageId = new(0, "the package id");
    private static readonly BaselineSubject Expression = new(0, "the licence expression");
    private static readonly BaselineSubject Url = new(0, "the URL");
    private static readonly BaselineSubject Problem = new(0, "the problem");
    private static readonly BaselineSubject LicenceId = new(0, "the licence id");

    private static readonly RuleDescriptor[] Table =
    {
        // 00xx — the project's own licence.
        Rule(RuleIds.NoLicenseFile, "Repository has no licence file",
            "The repository has no licence file: add a LICENSE file with the full text of the project's licence",
            RuleCategories.ProjectLicense, RuleSeverity.Warning, LicenseKeys,
            "Without a licence text nobody may legally use, copy or change the code; a declared expression alone does not ship the text most licences require."),
        Rule(RuleIds.LicenseFileNotIdentified, "Licence file not identified",
            "The licence file '{0}' matches no known licence text{1}: use the unmodified text of an SPDX licence",
            RuleCategories.ProjectLicense, RuleSeverity.Warning, LicenseKeys,
            "Tools, registries and lawyers recognise standard texts; an edited or home-made licence text means every user must read and judge it."),
        Rule(RuleIds.NoDeclaredLicense, "Packable project declares no licence",
            "The packable project '{0}' declares no licence: set PackageLicenseExpression (or PackageLicenseFile)",
            RuleCategories.ProjectLicense, RuleSeverity.Warning, LicenseKeys,
            "A package without licence metadata shows as unknown on nuget.org and in every dependency scanner of its users."),
        Rule(RuleIds.DeclaredLicenseInvalid, "Declared licence expression is invalid, unknown or deprecated",
            "PackageLicenseExpression '{0}' is not a valid SPDX expression: {1}",
            RuleCategories.ProjectLicense, RuleSeverity.Warning, LicenseKeys,
            "NuGet rejects deprecated ids and flags unknown ones; an expression that does not parse cannot be checked by anyone.", baselineSubject: Expression),
        Rule(RuleIds.DeclaredLicenseDiffersFromFile, "Declared licence differs from the licence file",
            "PackageLicenseExpression '{0}' differs from the licence file '{1}' ({2})",
            RuleCategories.ProjectLicense, RuleSeverity.Warning, LicenseKeys,
            "When the package metadata and the repository's licence text disagree, users cannot know which licence they received.", baselineSubject: Expression),
        Rule(RuleIds.LicenseNotOpen, "Licence is not an open licence",
            "The project's licence '{0}' is not an open licence: {1}",
            RuleCategories.ProjectLicense, RuleSeverity.Warning, LicenseKeys,
            "An open-source licence cannot forbid commercial use, derivatives or fields of use; non-commercial and source-available licences make the project no commons.", baselineSubject: Expression),
        Rule(RuleIds.LicenseUnfitForResource, "Licence unfit for the kind of resource",
            "The licence '{0}' is not made for {1}: {2}",
            RuleCategories.ProjectLicense, RuleSeverity.Warning, new[] { "PackageLicenseExpression", "CommonsResourceKind", Gate },
            "Creative Commons licences other than CC0 are not meant for code, and software licences fit data badly; the wrong kind leaves key rights unclear.", baselineSubject: Expression),
        Rule(RuleIds.LicenseOutsidePolicy, "Project licence outside the configured policy",
            "The project's licence '{0}' is not allowed by the policy ({1})",
            RuleCategories.ProjectLicense, RuleSeverity.Warning, PolicyKeys,
            "An organisation's licence policy usually applies to what it publishes as much as to what it consumes.", baselineSubject: Expression),
        Rule(RuleIds.SeveralLicenseFiles, "Several licence files without a combining statement",
            "The repository has several licence files ({0}) and no declared expression says how they combine",
            RuleCategories.ProjectLicense, RuleSeverity.Warning, LicenseKeys,
            "With two licence texts users cannot tell whether they may choose one (OR) or must follow both (AND)."),
        Rule(RuleIds.DeprecatedPackageLicenseUrl, "Deprecated PackageLicenseUrl",
            "PackageLicenseUrl '{0}' is deprecated: use PackageLicenseExpression (or PackageLicenseFile)",
            RuleCategories.ProjectLicense, RuleSeverity.Warning, new[] { "PackageLicenseUrl", Gate },
            "A URL points at a text that can change under the package; NuGet deprecated it (NU5125) in favour of an SPDX expression.", baselineSubject: Url),

        // 01xx — dependencies.
        Rule(RuleIds.DependencyLicenseUnknown, "Dependency licence unknown",
            "The licence of package '{0}' {1} is unknown{2}",
            RuleCategories.Dependencies, RuleSeverity.Warning, DependencyKeys,
            "Code under an unknown licence may not be used at all; unknown is a finding, never a pass.", baselineSubject: PackageId),
        Rule(RuleIds.DependencyLicenseUrlUnmapped, "Dependency licence given only as an unmapped URL",
            "Package '{0}' {1} gives only a licence URL that maps to no SPDX licence: {2}",
            RuleCategories.Dependencies, RuleSeverity.Warning, DependencyKeys,
            "A licence URL that is not versioned may point at a different text tomorrow; someone must read it and record the decision.", baselineSubject: PackageId),
        Rule(RuleIds.DependencyLicenseDenied, "Dependency licence denied by policy",
            "Package '{0}' {1} is licensed '{2}', which the policy does not allow ({3}){4}",
            RuleCategories.Dependencies, RuleSeverity.Warning, DependencyKeys,
            "The policy records what the organisation decided it may use; a denied licence needs a decision, not a silent build.", baselineSubject: PackageId),
        Rule(RuleIds.DependencyLicenseIncompatible, "Dependency licence incompatible with the project's licence",
            "Package '{0}' {1} is licensed '{2}', incompatible with the project's '{3}' when used as {4}: {5} (source: {6}){7}",
            RuleCategories.Dependencies, RuleSeverity.Warning, DependencyKeys,
            "Distributing a work that combines incompatible licences breaks one of them; the project cannot honour both.", baselineSubject: PackageId),
        Rule(RuleIds.DependencyLicenseNeedsReview, "Dependency licence needs review",
            "Package '{0}' {1} is licensed '{2}', which needs a review against the project's '{3}' when used as {4}: {5}{6}",
            RuleCategories.Dependencies, RuleSeverity.Info, DependencyKeys,
            "Some combinations depend on facts a tool cannot see (network use, a later licence version); a person must decide.", baselineSubject: PackageId),
        Rule(RuleIds.AttributionWithoutNotices, "Attribution required and no third-party notices file",
            "{0} shipped package(s) need attribution in a notices file ({1}) and the repository has no THIRD-PARTY-NOTICES file",
            RuleCategories.Dependencies, RuleSeverity.Info, new[] { "CommonsIgnoredPackages", "CommonsPolicyFile" },
            "Apache-2.0 (NOTICE), BSD and MIT require their copyright notices and text to ship with the product."),
        Rule(RuleIds.StalePolicyException, "Policy exception is stale",
            "The policy {2} for '{0}' {1}: remove or renew it",
            RuleCategories.Dependencies, RuleSeverity.Warning, new[] { "CommonsPolicyFile" },
            "Exceptions and curations that outlive their package, their version or their expiry date hide future problems behind an old decision.", baselineSubject: PackageId),
        Rule(RuleIds.DependencyLicenseChanged, "Dependency licence changed",
            "The licence of package '{0}' {1} is {2}; the baseline recorded {3} for {4}: review the change, then run 'commons baseline' to accept it{5}",
            RuleCategories.Dependencies, RuleSeverity.Warning, new[] { "CommonsBaseline", "CommonsBaselineFile", "CommonsIgnoredPackages", "CommonsPolicyFile", Gate },
            "Packages change licence between versions (to source-available or paid licences); a version bump is the moment a team must see it, not a later audit.",
            baselineSubject: PackageId),
        Rule(RuleIds.DependencyLicenseNotOpen, "Dependency licence is not open",
            "Package '{0}' {1} is licensed '{2}', which is not an open licence: {3}{4}",
            RuleCategories.Dependencies, RuleSeverity.Warning, NotOpenDependencyKeys,
            "An open licence cannot forbid commercial use, derivatives or fields of use; a non-commercial, no-derivatives or source-available dependency puts those limits on every user of the project, whatever its own licence and however the package is used.",
            baselineSubject: PackageId),
        Rule(RuleIds.UnshippedDependencyLicense, "Licence problem of a package that does not ship",
            "{0} package(s) that do not ship with the product (build, analyzer, test or private dependencies) have a licence problem: {1}",
            RuleCategories.Dependencies, RuleSeverity.Info, DependencyKeys,
            "A build tool, analyzer or test dependency is not distributed, so its licence binds only those who build; record a decision when the policy covers development tools too."),

        // 02xx — community and documentation files.
        Rule(RuleIds.NoReadme, "No README",
            "The repository has no README: add a README.md saying what the project is, how to install and use it",
            RuleCategories.Community, RuleSeverity.Warning, NoKeys,
            "The README is the first and often the only page a user reads."),
        Rule(RuleIds.ReadmeLacksEssentials, "README lacks essential sections",
            "The README '{0}' has no section about {1}",
            RuleCategories.Community, RuleSeverity.Info, NoKeys,
            "Users look for what the project is, how to install and use it, its licence and how to contribute; headings make them findable."),
        Rule(RuleIds.NoContributing, "No CONTRIBUTING guide",
            "The repository has no CONTRIBUTING file: say how to propose changes",
            RuleCategories.Community, RuleSeverity.Info, NoKeys,
            "A contribution guide turns users into contributors and saves maintainers from repeating themselves."),
        Rule(RuleIds.NoContributionSignOff, "Contributions not secured by DCO or CLA",
            "The contribution guide '{0}' does not say how contributions are licensed (Developer Certificate of Origin sign-off or a CLA)",
            RuleCategories.Community, RuleSeverity.Info, NoKeys,
            "Without a DCO sign-off or a CLA the project cannot show that contributors had the right to give their code under its licence."),
        Rule(RuleIds.NoCodeOfConduct, "No CODE_OF_CONDUCT",
            "The repository has no CODE_OF_CONDUCT file",
            RuleCategories.Community, RuleSeverity.Info, NoKeys,
            "A code of conduct says how people treat each other and whom to tell when that fails."),
        Rule(RuleIds.NoSecurityPolicy, "No SECURITY policy",
            "The repository has no SECURITY file: say how to report a vulnerability privately",
            RuleCategories.Community, RuleSeverity.Info, NoKeys,
            "Without a private reporting channel vulnerabilities get reported in public issues."),
        Rule(RuleIds.NoGovernance, "No GOVERNANCE",
            "The repository has no GOVERNANCE file: say who decides and how",
            RuleCategories.Community, RuleSeverity.Info, NoKeys,
            "A commons outlives its founders only when the way decisions are made is written down."),
        Rule(RuleIds.NoChangelog, "No CHANGELOG",
            "The repository has no CHANGELOG file",
            RuleCategories.Community, RuleSeverity.Info, NoKeys,
            "Users upgrading need to know what changed, what broke and why."),

        // 03xx — package metadata for packable projects.
        Rule(RuleIds.NoPackageReadmeFile, "Package has no README",
            "The packable project '{0}' sets no PackageReadmeFile",
            RuleCategories.PackageMetadata, RuleSeverity.Info, new[] { "PackageReadmeFile", "IsPackable" },
            "nuget.org shows the package README on the package page; without one users see an empty page."),
        Rule(RuleIds.NoRepositoryUrl, "Package has no repository URL",
            "The packable project '{0}' sets no RepositoryUrl",
            RuleCategories.PackageMetadata, RuleSeverity.Info, new[] { "RepositoryUrl", "IsPackable" },
            "The repository URL leads users from the package to its source, issues and licence."),
        Rule(RuleIds.NoPackageProjectUrl, "Package has no project URL",
            "The packable project '{0}' sets no PackageProjectUrl",
            RuleCategories.PackageMetadata, RuleSeverity.Info, new[] { "PackageProjectUrl", "IsPackable" },
            "The project URL is the package's home page on nuget.org."),
        Rule(RuleIds.NoDescription, "Package has no description",
            "The packable project '{0}' sets no Description",
            RuleCategories.PackageMetadata, RuleSeverity.Info, new[] { "Description", "IsPackable" },
            "Search results on nuget.org show the description; the SDK default 'Package Description' says nothing."),
        Rule(RuleIds.NoAuthors, "Package has no authors",
            "The packable project '{0}' sets no Authors (the SDK default is the package id)",
            RuleCategories.PackageMetadata, RuleSeverity.Info, new[] { "Authors", "IsPackable" },
            "Authors tell users who stands behind the package."),
        Rule(RuleIds.NoCopyright, "Package has no copyright",
            "The packable project '{0}' sets no Copyright",
            RuleCategories.PackageMetadata, RuleSeverity.Info, new[] { "Copyright", "IsPackable" },
            "The copyright notice names the holders whom the licence's attribution clauses refer to."),

        // 04xx — source-file headers (REUSE): 0401–0404 live in the IDE; 0405–0412 judge the whole repository, `commons headers` only.
        Rule(RuleIds.NoSpdxLicenseIdentifier, "Source file has no SPDX-License-Identifier",
            "The file has no SPDX-License-Identifier header",
            RuleCategories.SourceHeaders, RuleSeverity.Warning, HeaderKeys,
            "REUSE asks every file to state its licence, so that a file copied elsewhere keeps it.", buildOnly: false, codeFix: true),
        Rule(RuleIds.InvalidSpdxHeaderExpression, "SPDX-License-Identifier is invalid or deprecated",
            "SPDX-License-Identifier '{0}' {1}",
            RuleCategories.SourceHeaders, RuleSeverity.Warning, HeaderKeys,
            "A header that no tool can read states no licence; deprecated ids are ambiguous (GPL-2.0 only or or-later?).", buildOnly: false, codeFix: true, baselineSubject: Expression),
        Rule(RuleIds.HeaderLicenseNotInProject, "Header licence is not the project's",
            "SPDX-License-Identifier '{0}' names '{1}', which is neither the project's licence nor in LICENSES/",
            RuleCategories.SourceHeaders, RuleSeverity.Warning, new[] { "CommonsSpdxHeaders", "PackageLicenseExpression" },
            "Every licence used in a file must have its text in the repository (REUSE: missing licence text).", buildOnly: false, codeFix: false, baselineSubject: Expression),
        Rule(RuleIds.NoSpdxFileCopyrightText, "Source file has no SPDX-FileCopyrightText",
            "The file has no SPDX-FileCopyrightText header",
            RuleCategories.SourceHeaders, RuleSeverity.Warning, new[] { "CommonsSpdxHeaders", "CommonsCopyrightHolder" },
            "REUSE asks every file to name its copyright holders, whom the licence's notices refer to.", buildOnly: false, codeFix: true),
        Rule(RuleIds.LicenseTextMissing, "Licence used but its text is not in LICENSES/",
            "'{0}' licenses this file ({1}) but LICENSES/ has no text for it: add LICENSES/{2}.txt",
            RuleCategories.SourceHeaders, RuleSeverity.Warning, HeaderKeys,
            "REUSE asks for the text of every licence a file uses in LICENSES/, so that the terms travel with the code (reuse lint: missing licenses).", baselineSubject: LicenceId, cliOnly: true),
        Rule(RuleIds.LicenseTextUnused, "Licence text in LICENSES/ is not used",
            "LICENSES/ holds the text of '{0}' but no file is licensed under it: remove '{1}' or license the files it is meant for",
            RuleCategories.SourceHeaders, RuleSeverity.Warning, HeaderKeys,
            "A licence text that no file uses suggests terms that do not apply (reuse lint: unused licenses).", cliOnly: true),
        Rule(RuleIds.LicenseFileNotSpdx, "Licence file name in LICENSES/ is no SPDX id",
            "'{0}' is named '{1}', which is neither an SPDX licence or exception id (exact case) nor a LicenseRef-: rename it",
            RuleCategories.SourceHeaders, RuleSeverity.Warning, HeaderKeys,
            "A licence text is found from its file name; a name that is no SPDX id (or LicenseRef-) licenses nothing (reuse lint: bad licenses).", cliOnly: true),
        Rule(RuleIds.LicenseFileDeprecated, "Licence file in LICENSES/ has a deprecated id",
            "'{0}' is named after the deprecated SPDX id '{1}'{2}",
            RuleCategories.SourceHeaders, RuleSeverity.Warning, HeaderKeys,
            "Deprecated ids are ambiguous (GPL-2.0: only, or or-later?); REUSE asks for the current id (reuse lint: deprecated licenses).", cliOnly: true),
        Rule(RuleIds.LicenseFileWithoutExtension, "Licence file in LICENSES/ has no file extension",
            "'{0}' has no file extension: rename it '{0}.txt'",
            RuleCategories.SourceHeaders, RuleSeverity.Warning, HeaderKeys,
            "REUSE names licence files LICENSES/<id>.<extension> (reuse lint: licenses without file extension).", cliOnly: true),
        Rule(RuleIds.CoveredFileUnreadable, "File could not be read for its licensing information",
            "The file could not be read for its licensing information: {0}",
            RuleCategories.SourceHeaders, RuleSeverity.Warning, HeaderKeys,
            "A file whose licensing cannot be read cannot be shown to comply (reuse lint: read errors).", cliOnly: true),
        Rule(RuleIds.GlobalLicensingInvalid, "REUSE.toml or .reuse/dep5 cannot be used",
            "{0} cannot be used: {1}",
            RuleCategories.SourceHeaders, RuleSeverity.Warning, HeaderKeys,
            "The files it should license are then judged without it; reuse lint stops on it.", cliOnly: true),
        Rule(RuleIds.LicenseTextDuplicated, "Two licence texts in LICENSES/ for one id",
            "'{0}' and '{1}' are both the text of '{2}': keep one",
            RuleCategories.SourceHeaders, RuleSeverity.Warning, HeaderKeys,
            "A licence is found by its id: with two texts nobody can tell which one the files are under; reuse lint stops on it.", cliOnly: true),

        // 05xx — public sector.
        Rule(RuleIds.PublicCodeInvalid, "publiccode.yml is invalid",
            "publiccode.yml: {0}",
            RuleCategories.PublicSector, RuleSeverity.Warning, NoKeys,
            "Catalogues of public software (Developers Italia, the Dutch and French catalogues) reject an invalid publiccode.yml.", baselineSubject: Problem),
        Rule(RuleIds.PublicCodeLicenseDiffers, "publiccode.yml licence differs from the project's",
            "publiccode.yml legal.license '{0}' differs from the project's licence '{1}'",
            RuleCategories.PublicSector, RuleSeverity.Warning, new[] { "PackageLicenseExpression" },
            "The catalogue entry and the code must state the same licence.", baselineSubject: Expression),
        Rule(RuleIds.NoPublicCode, "No publiccode.yml",
            "The repository has no publiccode.yml, which the 'fr-public-sector' policy expects",
            RuleCategories.PublicSector, RuleSeverity.Warning, new[] { "CommonsPolicy" },
            "Public-sector software is listed in national catalogues from its publiccode.yml."),
        Rule(RuleIds.LicenseNotOnPublicSectorList, "Licence not on the French administration's list",
            "The project's licence '{0}' is not on the French administration's list of licences ({1})",
            RuleCategories.PublicSector, RuleSeverity.Warning, new[] { "CommonsPolicy", "PackageLicenseExpression" },
            "French administrations may publish code only under a licence listed by decree (CRPA D323-2-1).", baselineSubject: Expression),

        // 09xx — the tool's own trouble.
        Rule(RuleIds.FactsMissing, "Commons facts missing or unreadable",
            "Commons.Analyzers could not read the facts collected by the build: {0}",
            RuleCategories.Tooling, RuleSeverity.Warning, new[] { Enabled },
            "Without the facts file the licence, dependency and community rules cannot run; the package's build targets did not run or failed."),
        Rule(RuleIds.InputUnreadable, "Input unreadable",
            "{0} could not be read: {1}",
            RuleCategories.Tooling, RuleSeverity.Warning, new[] { "CommonsPolicyFile", "CommonsBaselineFile" },
            "A rule that cannot read its input would otherwise pass silently."),
        Rule(RuleIds.FactsStale, "Commons facts are stale",
            "The facts file was collected for '{0}', not for this project '{1}': rebuild",
            RuleCategories.Tooling, RuleSeverity.Warning, NoKeys,
            "Facts from another project or target framework would judge the wrong dependencies."),
        Rule(RuleIds.StaleBaselineEntry, "Baseline entry matches nothing",
            "The baseline entry {0} at '{1}'{2} matches no finding of '{3}' any more: run 'commons baseline' to drop it",
            RuleCategories.Tooling, RuleSeverity.Info, new[] { "CommonsBaseline", "CommonsBaselineFile" },
            "A baseline that only shrinks shows the debt paid off; an entry left for a fixed finding would hide the same finding if it came back."),
        Rule(RuleIds.ProjectNotChecked, "Project could not be restored or evaluated",
            "The project '{0}' was not checked: {1}",
            RuleCategories.Tooling, RuleSeverity.Warning, NoKeys,
            "A project the tool cannot restore or evaluate is a project whose licences nobody checked; the rest of the repository is still checked."),
    };

    private static readonly Dictionary<string, RuleDescriptor> ById = Table.ToDictionary(r => r.Id, StringComparer.Ordinal);

    /// <summary>Every rule, ordered by id.</summary>
    public static IReadOnlyList<RuleDescriptor> All { get; } = Table.OrderBy(r => r.Id, StringComparer.Ordinal).ToArray();

    public static RuleDescriptor Get(string id)
        => ById.TryGetValue(id, out var rule) ? rule : throw new ArgumentException("unknown rule id '" + id + "'", nameof(id));

    /// <summary>True for the rules that <c>CommonsGate=true</c> raises to errors (00xx and 01xx).</summary>
    public static bool IsGated(string id) => id.StartsWith("CMN00", StringComparison.Ordinal) || id.StartsWith("CMN01", StringComparison.Ordinal);

    private static RuleDescriptor Rule(
        string id,
        string title,
        string message,
        string category,
        RuleSeverity severity,
        IReadOnlyList<string> keys,
        string description,
        bool buildOnly = true,
        bool codeFix = false,
        BaselineSubject? baselineSubject = null,
        bool cliOnly = false)
        => new(id, title, message, category, severity, buildOnly, codeFix, keys, description, baselineSubject, cliOnly);
}
