// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Commons.Compliance.Baseline;
using Commons.Compliance.Facts;
using Commons.Compliance.Policy;
using Commons.Compliance.Reuse;

namespace Commons.Compliance.Input;

/// <summary>
/// Everything the rules judge for one project. The analyzer builds it from <c>build_property.*</c> and AdditionalFiles,
/// the CLI from an MSBuild evaluation; both then call <see cref="ComplianceEvaluator"/>.
/// </summary>
public sealed class ComplianceInput
{
    private readonly Lazy<ReuseBuildLicensing> reuseLicensing;

    public ComplianceInput(ProjectProperties properties, IReadOnlyList<TextFile> files)
    {
        Properties = properties;
        Files = files;
        reuseLicensing = new Lazy<ReuseBuildLicensing>(() => ReuseBuildLicensing.Read(this), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The collected facts, or null when missing or unreadable (then <see cref="FactsError"/> says why).</summary>
    public ProjectFacts? Facts { get; set; }

    public string? FactsError { get; set; }

    public ProjectProperties Properties { get; }

    /// <summary>The repository and project files handed over as AdditionalFiles, with their text.</summary>
    public IReadOnlyList<TextFile> Files { get; }

    /// <summary>REUSE.toml, dep5 and sidecars among <see cref="Files"/>, read once however many rules ask (thread-safe).</summary>
    public ReuseBuildLicensing ReuseLicensing => reuseLicensing.Value;

    /// <summary>The parsed policy file, when one is configured.</summary>
    public PolicyFile? Policy { get; set; }

    /// <summary>The parsed baseline (<c>commons.baseline.json</c>), when the repository has one and it is not turned off.</summary>
    public BaselineFile? Baseline { get; set; }

    /// <summary>Today's date, for exception expiry; passed in so that the rules stay pure and testable.</summary>
    public DateTime Today { get; set; } = new DateTime(2000, 1, 1);

    /// <summary>The first file of a kind, or null.</summary>
    public TextFile? FileOfKind(string kind) => Files.FirstOrDefault(f => string.Equals(f.Kind, kind, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when the facts or the AdditionalFiles show a repository file of this kind.</summary>
    public bool HasRepositoryFile(RepositoryFileKind kind)
        => (Facts?.Files.Any(f => f.Kind == kind) ?? false) || FileOfKind(kind.ToString()) is not null;
}

/// <summary>The MSBuild properties of the contract (build-contract.md), by name, case-insensitive.</summary>
public sealed class ProjectProperties
{
    private readonly Dictionary<string, string> values;

    public ProjectProperties(IEnumerable<KeyValuePair<string, string>> values)
    {
        this.values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in values)
        {
            this.values[pair.Key] = pair.Value;
        }
    }

    public static ProjectProperties Empty { get; } = new(Array.Empty<KeyValuePair<string, string>>());

    /// <summary>The trimmed value, or null when absent or blank.</summary>
    public string? Get(string name)
        => values.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    public bool IsTrue(string name) => string.Equals(Get(name), "true", StringComparison.OrdinalIgnoreCase);

    public bool IsFalse(string name) => string.Equals(Get(name), "false", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A list property, written as MSBuild users write lists: items separated by <c>;</c> or <c>,</c>, and any whitespace,
    /// line breaks included (a list over several lines). Licence ids, presets and package ids hold no whitespace.
    /// </summary>
    public IReadOnlyList<string> List(string name)
        => Get(name) is { } value
            ? value.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries)
            : Array.Empty<string>();

    private static readonly char[] ListSeparators = { ',', ';', ' ', '\t', '\n', '\r', '\v', '\f', '\u0085', '\u00A0', '\u2028', '\u2029' };
}

/// <summary>An AdditionalFiles item: its <c>CommonsFileKind</c>, path and text.</summary>
public sealed class TextFile
{
    public TextFile(string kind, string path, string text)
    {
        Kind = kind;
        Path = path;
        Text = text;
    }

    /// <summary>A <see cref="RepositoryFileKind"/> name, or one of <see cref="TextFileKinds"/>.</summary>
    public string Kind { get; }

    public string Path { get; }

    public string Text { get; }
}

/// <summary>The <c>CommonsFileKind</c> values that are not repository file kinds.</summary>
public static class TextFileKinds
{
    public const string Facts = "Facts";
    public const string PolicyFile = "PolicyFile";
    public const string ProjectFile = "ProjectFile";
    public const string Baseline = "Baseline";

    /// <summary>The project's <c>.reuse/dep5</c> (REUSE 3.3, deprecated): licenses files by glob.</summary>
    public const string ReuseDep5 = "ReuseDep5";

    /// <summary>The <c>FILE.license</c> of a compiled file: its licensing information instead of its header (REUSE 3.3).</summary>
    public const string ReuseSidecar = "ReuseSidecar";
}

/// <summary>The contract's property names (build-contract.md).</summary>
public static class PropertyNames
{
    public const string ProjectFullPath = "MSBuildProjectFullPath";
    public const string TargetFramework = "TargetFramework";
    public const string PrimaryTargetFramework = "CommonsPrimaryTargetFramework";
    public const string RepositoryRoot = "CommonsRepositoryRoot";
    public const string PackageLicenseExpression = "PackageLicenseExpression";
    public const string PackageLicenseFile = "PackageLicenseFile";
    public const string PackageLicenseUrl = "PackageLicenseUrl";
    public const string IsPackable = "IsPackable";
    public const string IsTestProject = "IsTestProject";
    public const string PackageReadmeFile = "PackageReadmeFile";
    public const string RepositoryUrl = "RepositoryUrl";
    public const string PublishRepositoryUrl = "PublishRepositoryUrl";
    public const string OutputType = "OutputType";
    public const string PackAsTool = "PackAsTool";
    public const string PackageTags = "PackageTags";
    public const string GeneratePackageOnBuild = "GeneratePackageOnBuild";
    public const string NuspecFile = "NuspecFile";
    public const string PackageProjectUrl = "PackageProjectUrl";
    public const string Description = "Description";
    public const string Authors = "Authors";
    public const string Copyright = "Copyright";
    public const string PackageId = "PackageId";
    public const string Gate = "CommonsGate";
    public const string Policy = "CommonsPolicy";
    public const string AllowedLicenses = "CommonsAllowedLicenses";
    public const string DeniedLicenses = "CommonsDeniedLicenses";
    public const string IgnoredPackages = "CommonsIgnoredPackages";
    public const string PolicyFile = "CommonsPolicyFile";
    public const string SpdxHeaders = "CommonsSpdxHeaders";
    public const string UseContext = "CommonsUseContext";
    public const string ResourceKind = "CommonsResourceKind";
    public const string CopyrightHolder = "CommonsCopyrightHolder";
    public const string Enabled = "CommonsEnabled";
    public const string Baseline = "CommonsBaseline";
    public const string BaselineFile = "CommonsBaselineFile";

    /// <summary>
    /// Not an MSBuild property: the build task adds it to the encoded properties, the REUSE files it found but could not hand
    /// over as texts (<see cref="ReuseBuildLicensing.EncodeUnreadable"/>), so that each is CMN0902 rather than silence.
    /// </summary>
    public const string UnreadableInputs = "CommonsUnreadableInputs";

    /// <summary>Every property the analyzer reads from <c>build_property.*</c>.</summary>
    public static IReadOnlyList<string> All { get; } = new[]
    {
        ProjectFullPath, TargetFramework, PrimaryTargetFramework, RepositoryRoot, PackageLicenseExpression, PackageLicenseFile,
        PackageLicenseUrl, IsPackable, IsTestProject, PackageReadmeFile, RepositoryUrl, PublishRepositoryUrl, PackageProjectUrl, Description,
        Authors, Copyright, PackageId, Gate, Policy, AllowedLicenses, DeniedLicenses, IgnoredPackages, PolicyFile, SpdxHeaders, UseContext,
        ResourceKind, CopyrightHolder, Enabled, OutputType, PackAsTool, PackageTags, GeneratePackageOnBuild, NuspecFile,
        Baseline, BaselineFile,
    };
}
