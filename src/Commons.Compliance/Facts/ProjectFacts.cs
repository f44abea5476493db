// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Collections.Generic;

namespace Commons.Compliance.Facts;

/// <summary>
/// Everything the build collected about one project (and one target framework) that the rules judge.
/// Written by Commons.Inspection into <c>obj/</c>, read by the analyzer and the CLI with <see cref="FactsFormat"/>.
/// </summary>
public sealed class ProjectFacts
{
    /// <summary>The version of the facts format this instance was read from or will be written as.</summary>
    public int FormatVersion { get; set; } = FactsFormat.CurrentVersion;

    /// <summary>Full path of the project file.</summary>
    public string ProjectPath { get; set; } = "";

    /// <summary>The target framework the facts were collected for, or null for a project-wide collection.</summary>
    public string? TargetFramework { get; set; }

    /// <summary>The repository root (the folder holding <c>.git</c>, or <c>CommonsRepositoryRoot</c>).</summary>
    public string? RepositoryRoot { get; set; }

    /// <summary>The <c>project.assets.json</c> the dependencies were read from, when there was one.</summary>
    public string? AssetsFilePath { get; set; }

    public List<RepositoryFile> Files { get; } = new();

    public List<PackageFact> Packages { get; } = new();

    public List<ProjectReferenceFact> ProjectReferences { get; } = new();

    /// <summary>Trouble met while collecting (unreadable input, corrupt assets file …): surfaced as 09xx findings.</summary>
    public List<CollectionProblem> Problems { get; } = new();

    /// <summary>The parsed <c>publiccode.yml</c>, when the repository has one.</summary>
    public PublicCodeFacts? PublicCode { get; set; }

    /// <summary>
    /// The URL of the repository's git remote (<c>origin</c>, else the first), which SourceLink turns into the package's
    /// RepositoryUrl when the project sets <c>PublishRepositoryUrl</c>; null without one.
    /// </summary>
    public string? RepositoryRemote { get; set; }

    /// <summary>The project's own <c>.nuspec</c> (<c>NuspecFile</c>), when it is packed from one: the metadata pack takes from it.</summary>
    public NuspecFacts? Nuspec { get; set; }
}

/// <summary>What a project's own <c>.nuspec</c> declares: pack takes the package metadata from it, not from properties.</summary>
public sealed class NuspecFacts
{
    public string Path { get; set; } = "";

    /// <summary>The <c>&lt;license&gt;</c> element's value (an expression, or a file in the package), null without one.</summary>
    public string? License { get; set; }

    /// <summary>The <c>&lt;license&gt;</c> element's <c>type</c>: <c>expression</c> or <c>file</c>.</summary>
    public string? LicenseType { get; set; }

    public string? LicenseUrl { get; set; }

    public string? Readme { get; set; }

    public string? RepositoryUrl { get; set; }

    public string? ProjectUrl { get; set; }

    public string? Description { get; set; }

    public string? Authors { get; set; }

    public string? Copyright { get; set; }

    /// <summary>Why the nuspec could not be read, when it could not.</summary>
    public string? Problem { get; set; }
}

/// <summary>What a repository file is for.</summary>
public enum RepositoryFileKind
{
    License,
    Readme,
    Contributing,
    CodeOfConduct,
    Security,
    Governance,
    Changelog,
    Authors,
    Notice,
    ThirdPartyNotices,
    PublicCode,
    ContributorLicenseAgreement,
    DeveloperCertificateOfOrigin,
    ReuseToml,
}

/// <summary>A community, licence or metadata file found in the repository.</summary>
public sealed class RepositoryFile
{
    public RepositoryFileKind Kind { get; set; }

    /// <summary>Path relative to the repository root, with forward slashes.</summary>
    public string RelativePath { get; set; } = "";

    public string FullPath { get; set; } = "";

    /// <summary>For licence files: the SPDX expression the text was identified as, or null (NOASSERTION).</summary>
    public string? IdentifiedLicense { get; set; }

    /// <summary>For licence files: confidence of <see cref="IdentifiedLicense"/>, 0–100.</summary>
    public double Confidence { get; set; }

    /// <summary>For licence files that were not identified: the closest catalogue licence, if any.</summary>
    public string? ClosestLicense { get; set; }

    /// <summary>For licence files: the similarity of <see cref="ClosestLicense"/>, 0–100.</summary>
    public double ClosestConfidence { get; set; }

    /// <summary>What reading the file gave; only a <see cref="FileContent.Text"/> reaches the compiler as an AdditionalFile.</summary>
    public FileContent Content { get; set; }
}

/// <summary>
/// What a repository file held when it was read (the one reading rule, Commons.Inspection's <c>DocumentReader</c>). The rules
/// judge an <see cref="Empty"/> file as the text "", and have no text for the others.
/// </summary>
public enum FileContent
{
    /// <summary>A text, handed to the compiler as an AdditionalFile.</summary>
    Text,

    /// <summary>Length 0: empty, or a pipe or a device (which report length 0 too and are never opened).</summary>
    Empty,

    /// <summary>NUL bytes: a PDF, an image … named like a community file.</summary>
    Binary,

    /// <summary>Larger than the read limit.</summary>
    TooLarge,

    /// <summary>A folder, missing, unreadable, or a name the compiler's configuration cannot hold.</summary>
    Unreadable,
}

/// <summary>How a package's licence was learnt.</summary>
public enum LicenseSource
{
    /// <summary>No licence metadata at all.</summary>
    None,

    /// <summary><c>&lt;license type="expression"&gt;</c>.</summary>
    Expression,

    /// <summary><c>&lt;license type="file"&gt;</c>, identified by its text.</summary>
    File,

    /// <summary>The legacy <c>&lt;licenseUrl&gt;</c>, mapped to an SPDX id.</summary>
    Url,

    /// <summary>Asked from the package source (opt-in online mode).</summary>
    Online,

    /// <summary>
    /// A licence file at the package's root, identified by its text, for a package whose nuspec declares no licence or
    /// only a URL that maps to none (the URL is kept).
    /// </summary>
    PackagedFile,

    /// <summary>
    /// Corrected by a curation of the policy file (<c>[curation: Package.Id]</c>): <see cref="PackageFact.Curation"/> says where
    /// the fact comes from, <see cref="PackageFact.DeclaredLicense"/> what the metadata said.
    /// </summary>
    Curated,

    /// <summary>
    /// Opt-in online mode: the text behind a licence URL that maps to no SPDX licence, fetched and identified. The URL is
    /// kept; what it serves may change after the package was published, so the verdict says where it comes from.
    /// </summary>
    FetchedUrl,
}

/// <summary>A place in a file, 1-based line and column.</summary>
public sealed class SourceLocation
{
    public SourceLocation(string file, int line, int column)
    {
        File = file;
        Line = line;
        Column = column;
    }

    public string File { get; }

    public int Line { get; }

    public int Column { get; }

    public override string ToString() => File + "(" + Line + "," + Column + ")";
}

/// <summary>One package the project depends on, directly or transitively.</summary>
public sealed class PackageFact
{
    public string Id { get; set; } = "";

    public string Version { get; set; } = "";

    /// <summary>The normalised SPDX expression, or null when unknown.</summary>
    public string? License { get; set; }

    public LicenseSource Source { get; set; }

    /// <summary>The legacy licence URL, kept even when it could not be mapped.</summary>
    public string? LicenseUrl { get; set; }

    /// <summary>For <see cref="LicenseSource.File"/>: the path of the licence file inside the package.</summary>
    public string? LicenseFile { get; set; }

    /// <summary>For <see cref="LicenseSource.File"/>: the identification confidence, 0–100.</summary>
    public double? Confidence { get; set; }

    public bool Direct { get; set; }

    /// <summary>
    /// Does not ship (NuGet's rules): no reference that reaches it flows to the project's consumers (PrivateAssets,
    /// IncludeAssets/ExcludeAssets), it is a <c>developmentDependency</c>, it brings no compile, runtime, native or content
    /// asset (analyzers, build-only, placeholders), or the whole project is a test project or a tool.
    /// </summary>
    public bool DevOnly { get; set; }

    /// <summary>Reached only through references the SDK adds itself (<c>IsImplicitlyDefined</c>): not the user's to fix.</summary>
    public bool Implicit { get; set; }

    /// <summary>
    /// In every target framework that has it, the framework supplies its assemblies (System.Runtime 4.3.0 on net8.0):
    /// nothing of it is used, even when the project references it (a version pinned after a security advisory).
    /// </summary>
    public bool Superseded { get; set; }

    /// <summary>The target frameworks (aliases) that use the package, when not all of the collected ones do; empty = all.</summary>
    public List<string> Frameworks { get; } = new();

    /// <summary>The shortest path from a direct reference to this package, both ends included.</summary>
    public List<string> Path { get; } = new();

    /// <summary>Where the direct reference that brings this package in is written (PackageReference or PackageVersion).</summary>
    public SourceLocation? ReferenceLocation { get; set; }

    /// <summary>Why the licence could not be read, when it could not (bad nuspec, licence file escaping the package …).</summary>
    public string? Problem { get; set; }

    /// <summary>For <see cref="LicenseSource.Curated"/>: the curation's provenance (a URL or a sentence saying where the fact comes from).</summary>
    public string? Curation { get; set; }

    /// <summary>For <see cref="LicenseSource.Curated"/>: the licence the package's metadata gave before the curation, or null when unknown.</summary>
    public string? DeclaredLicense { get; set; }
}

/// <summary>A ProjectReference and the licence it declares.</summary>
public sealed class ProjectReferenceFact
{
    public string Name { get; set; } = "";

    public string Path { get; set; } = "";

    /// <summary>The referenced project's PackageLicenseExpression, or null.</summary>
    public string? License { get; set; }

    /// <summary>The reference does not flow to this project's consumers (PrivateAssets=all, or only non-product assets).</summary>
    public bool DevOnly { get; set; }

    /// <summary>Where the <c>&lt;ProjectReference&gt;</c> is written, when found.</summary>
    public SourceLocation? ReferenceLocation { get; set; }
}

/// <summary>What went wrong while collecting.</summary>
public enum CollectionProblemKind
{
    AssetsFileMissing,
    AssetsFileUnreadable,
    AssetsFileStale,
    PackageFolderMissing,
    NuspecUnreadable,
    LicenseMetadataInvalid,
    LicenseFileOutsidePackage,
    LicenseFileUnreadable,
    RepositoryFileUnreadable,
    PublicCodeUnreadable,
    PolicyFileUnreadable,
    OnlineLookupFailed,
    BaselineFileUnreadable,
}

public sealed class CollectionProblem
{
    public CollectionProblemKind Kind { get; set; }

    public string Message { get; set; } = "";

    /// <summary>The file at fault, when there is one.</summary>
    public SourceLocation? Location { get; set; }
}

/// <summary>A <c>publiccode.yml</c> flattened into its nodes, so the rules need no YAML parser.</summary>
public sealed class PublicCodeFacts
{
    public string RelativePath { get; set; } = "";

    public string FullPath { get; set; } = "";

    /// <summary>Set when the file is not valid YAML: the parser's message and where it stopped.</summary>
    public string? ParseError { get; set; }

    public int ParseErrorLine { get; set; }

    public int ParseErrorColumn { get; set; }

    /// <summary>Every node, in document order, addressed by dotted path (<c>description.en.shortDescription</c>, <c>platforms[0]</c>).</summary>
    public List<YamlNodeFact> Nodes { get; } = new();
}

public enum YamlNodeKind
{
    Scalar,
    Mapping,
    Sequence,
}

public sealed class YamlNodeFact
{
    public string Path { get; set; } = "";

    public YamlNodeKind Kind { get; set; }

    /// <summary>The scalar value; null for mappings and sequences.</summary>
    public string? Value { get; set; }

    /// <summary>Number of children for mappings and sequences.</summary>
    public int Count { get; set; }

    /// <summary>1-based line of the node's key (or of the node itself in a sequence).</summary>
    public int Line { get; set; }

    public int Column { get; set; }
}
