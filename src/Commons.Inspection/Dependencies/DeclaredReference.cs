// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

namespace Commons.Inspection.Dependencies;

/// <summary>
/// A <c>PackageReference</c> or central <c>PackageVersion</c> item as MSBuild evaluated it: the package id and the file
/// that declares it (the item's <c>DefiningProjectFullPath</c>).
/// </summary>
public sealed class DeclaredReference
{
    public DeclaredReference(string id, string? definingFile, string? version = null)
    {
        Id = id;
        DefiningFile = definingFile;
        Version = string.IsNullOrWhiteSpace(version) ? null : version!.Trim();
    }

    public string Id { get; }

    /// <summary>The item's <c>Version</c> (or <c>VersionOverride</c>) as evaluated; null when it has none (central management).</summary>
    public string? Version { get; }

    /// <summary>The project, <c>Directory.Packages.props</c> or imported file that declares the item; null when unknown.</summary>
    public string? DefiningFile { get; }
}

/// <summary>A ProjectReference and the licence its project declares (<c>PackageLicenseExpression</c>).</summary>
public sealed class DeclaredProjectReference
{
    public DeclaredProjectReference(string path, string? license)
    {
        Path = path;
        License = license;
    }

    public string Path { get; }

    public string? License { get; }
}
