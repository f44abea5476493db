// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Linq;
using Commons.Compliance.Facts;
using Commons.Compliance.Input;
using Commons.Compliance.Licenses;
using Commons.Licensing;

namespace Commons.Compliance.Rules;

/// <summary>The input plus what several rule families derive from it, computed once.</summary>
internal sealed class RuleContext
{
    private readonly List<Finding> findings = new();
    private ExpressionCheck? declared;
    private bool declaredChecked;

    public RuleContext(ComplianceInput input, SpdxCatalog catalog)
    {
        Input = input;
        Catalog = catalog;
    }

    public ComplianceInput Input { get; }

    public SpdxCatalog Catalog { get; }

    public ProjectProperties Properties => Input.Properties;

    public ProjectFacts? Facts => Input.Facts;

    public IReadOnlyList<Finding> Findings => findings;

    /// <summary>Licence problems of packages that do not ship, gathered by the dependency rules for one CMN0110 note.</summary>
    public List<string> UnshippedProblems { get; } = new();

    public string ProjectName
    {
        get
        {
            var path = Properties.Get(PropertyNames.ProjectFullPath) ?? Facts?.ProjectPath ?? "";
            var name = FolderPath.FileName(path);
            return Properties.Get(PropertyNames.PackageId) ?? (name.Length > 0 ? name : "project");
        }
    }

    /// <summary>
    /// The project publishes a package: <c>IsPackable</c>, not a test project, not an application (unless packed as a tool),
    /// and it says something about its own package (a licence, a readme, tags, a description, a nuspec …; the repository URLs
    /// and SourceLink settings a Directory.Build.props gives every project do not count). The SDK makes
    /// every project packable by default; a sample, a benchmark or an internal helper library that never sets a package
    /// property is not published, and the 00xx/03xx package rules would only be noise there.
    /// </summary>
    public bool IsPackable
        => Properties.IsTrue(PropertyNames.IsPackable) && !Properties.IsTrue(PropertyNames.IsTestProject)
           && (!IsApplication || Properties.IsTrue(PropertyNames.PackAsTool)) && DescribesPackage;

    /// <summary><c>OutputType</c> Exe or WinExe.</summary>
    public bool IsApplication => Properties.Get(PropertyNames.OutputType) is { } type && type.EndsWith("exe", StringComparison.OrdinalIgnoreCase);

    private bool DescribesPackage
        => PackageProperties.Any(p => Properties.Get(p) is not null)
           || (Properties.Get(PropertyNames.Description) is { } description && description != "Package Description")
           || Properties.IsTrue(PropertyNames.GeneratePackageOnBuild) || Properties.IsTrue(PropertyNames.PackAsTool)
           // The analyzer tests and older hosts pass no OutputType: without it, a packable project is taken at its word.
           || Properties.Get(PropertyNames.OutputType) is null;

    private static readonly string[] PackageProperties =
    {
        PropertyNames.PackageLicenseExpression, PropertyNames.PackageLicenseFile, PropertyNames.PackageLicenseUrl, PropertyNames.PackageReadmeFile,
        PropertyNames.PackageTags, PropertyNames.NuspecFile,
    };

    /// <summary>The checked PackageLicenseExpression, or null when none is declared.</summary>
    public ExpressionCheck? DeclaredLicense
    {
        get
        {
            if (!declaredChecked)
            {
                declaredChecked = true;
                declared = Properties.Get(PropertyNames.PackageLicenseExpression) is { } text ? ExpressionCheck.Check(text, Catalog) : null;
            }

            return declared;
        }
    }

    /// <summary>The repository's top-level licence files (REUSE's <c>LICENSES/</c> folder excluded).</summary>
    public IReadOnlyList<RepositoryFile> TopLevelLicenseFiles
        => Facts?.Files.Where(f => f.Kind == RepositoryFileKind.License && !IsUnderLicensesFolder(f.RelativePath)).ToArray()
            ?? Array.Empty<RepositoryFile>();

    /// <summary>The licence ids whose texts sit in <c>LICENSES/</c> (REUSE names them <c>LICENSES/&lt;id&gt;.&lt;ext&gt;</c>).</summary>
    public IReadOnlyList<string> LicensesFolderIds
        => Facts?.Files.Where(f => f.Kind == RepositoryFileKind.License && IsUnderLicensesFolder(f.RelativePath))
            .Select(f => FileNameWithoutExtension(f.RelativePath)).ToArray() ?? Array.Empty<string>();

    /// <summary>
    /// The project's licence: the declared expression, else the one identified licence file, else the expression of the
    /// licence file that states how all of them combine (a notice, a combining statement).
    /// </summary>
    public string? ProjectLicense
        => DeclaredLicense?.Text ?? (TopLevelLicenseFiles.Count == 1 ? TopLevelLicenseFiles[0].IdentifiedLicense
            : TopLevelLicenseFiles.All(f => f.IdentifiedLicense is not null) ? ProjectLicenseRules.CombiningFile(this, TopLevelLicenseFiles)?.IdentifiedLicense : null);

    /// <summary>The project's licence as a parsed expression, or null when unknown or invalid.</summary>
    public SpdxExpression? Outbound
        => ProjectLicense is { } text && SpdxExpression.TryParse(text, out var expression) ? expression : null;

    /// <summary>The configured policies: each preset of <c>CommonsPolicy</c>, plus the allowed/denied lists. All must allow.</summary>
    public IReadOnlyList<LicensePolicy> Policies(bool includeFrenchList)
    {
        var policies = new List<LicensePolicy>();
        foreach (var name in Properties.List(PropertyNames.Policy))
        {
            if ((includeFrenchList || !string.Equals(name, PublicCodeRules.FrenchPreset, StringComparison.OrdinalIgnoreCase))
                && LicensePolicy.TryGetPreset(name, out var preset))
            {
                policies.Add(preset);
            }
        }

        var allowed = Properties.List(PropertyNames.AllowedLicenses);
        var denied = Properties.List(PropertyNames.DeniedLicenses);
        if (allowed.Count > 0 || denied.Count > 0)
        {
            policies.Add(new LicensePolicy(allowed, denied, "CommonsAllowedLicenses/CommonsDeniedLicenses"));
        }

        return policies;
    }

    public static bool IsUnderLicensesFolder(string relativePath) => relativePath.StartsWith("LICENSES/", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Adds a finding. A location outside the repository (a file of the SDK, of the NuGet package folder, of a private
    /// restore) is no place the user can fix: the finding moves to the project file, or becomes file-less.
    /// </summary>
    public void Report(string ruleId, FindingLocation? location, params string[] arguments)
    {
        if (location is not null && !IsInRepository(location.Path))
        {
            var project = ProjectStart();
            location = project is not null && IsInRepository(project.Path) ? project : null;
        }

        findings.Add(new Finding(ruleId, arguments, location));
    }

    /// <summary>True when <paramref name="path"/> is inside the repository root, or when the root is unknown.</summary>
    public bool IsInRepository(string path)
    {
        var root = Facts?.RepositoryRoot ?? Properties.Get(PropertyNames.RepositoryRoot);
        if (root is null)
        {
            return true;
        }

        return FolderPath.IsBelow(root, path);
    }

    /// <summary>
    /// The text of an AdditionalFile by path, when the targets passed it; "" for a repository file the collection found empty
    /// (never handed to the compiler: a pipe reports length 0 too).
    /// </summary>
    public string? TextOf(string path)
        => Input.Files.FirstOrDefault(f => SamePath(f.Path, path))?.Text
            ?? (Facts?.Files.Any(f => f.Content == FileContent.Empty && SamePath(f.FullPath, path)) == true ? "" : null);

    /// <summary>Line 1 of a repository file, with its text when available.</summary>
    public FindingLocation FileStart(string path)
        => TextOf(path) is { } text ? FindingLocation.OfLine(path, text, 1) : new FindingLocation(path, 1, 1, 1, 1);

    /// <summary>
    /// Where a property is written: the <c>&lt;Name&gt;</c> element in the first project file that has it, else the start of the
    /// project itself, else nowhere.
    /// </summary>
    public FindingLocation? PropertyLocation(string name)
    {
        var projects = Input.Files.Where(f => f.Kind == TextFileKinds.ProjectFile).ToArray();
        foreach (var project in projects)
        {
            var at = project.Text.IndexOf("<" + name + ">", StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                at = project.Text.IndexOf("<" + name + " ", StringComparison.OrdinalIgnoreCase);
            }

            if (at >= 0)
            {
                var end = TextLines.EndOf(project.Text, at);
                return FindingLocation.OfSpan(project.Path, project.Text, at, end - at);
            }
        }

        return ProjectStart();
    }

    /// <summary>
    /// The <c>&lt;Project</c> line of this project's file: where a finding about the project or the repository as a whole
    /// points (no README, stale facts …), so that every surface can show and link it. Line 1 of the project file when its text
    /// is not among the AdditionalFiles; null only when not even the project's path is known.
    /// </summary>
    public FindingLocation? ProjectStart()
    {
        var path = Properties.Get(PropertyNames.ProjectFullPath);
        var project = Input.Files.FirstOrDefault(f => f.Kind == TextFileKinds.ProjectFile && (path is null || SamePath(f.Path, path)));
        if (project is null)
        {
            var known = path ?? (Facts?.ProjectPath is { Length: > 0 } collected ? collected : null);
            return known is null ? null : new FindingLocation(known, 1, 1, 1, 1);
        }

        var at = project.Text.IndexOf("<Project", StringComparison.Ordinal);
        return at < 0 ? FindingLocation.OfLine(project.Path, project.Text, 1)
            : FindingLocation.OfSpan(project.Path, project.Text, at, TextLines.EndOf(project.Text, at) - at);
    }

    public static bool SamePath(string a, string b)
        => string.Equals(a.Replace('\\', '/'), b.Replace('\\', '/'), StringComparison.OrdinalIgnoreCase);

    private static string FileNameWithoutExtension(string path)
    {
        var name = path.Substring(path.LastIndexOf('/') + 1);
        var dot = name.LastIndexOf('.');
        return dot > 0 ? name.Substring(0, dot) : name;
    }
}
