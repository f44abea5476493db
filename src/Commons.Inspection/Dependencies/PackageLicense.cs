// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using Commons.Compliance.Facts;

namespace Commons.Inspection.Dependencies;

/// <summary>What one package's own files say about its licence (and whether it declares itself development-only).</summary>
public sealed class PackageLicense
{
    /// <summary>The normalised SPDX expression, or null when unknown.</summary>
    public string? License { get; set; }

    public LicenseSource Source { get; set; }

    public string? LicenseUrl { get; set; }

    public string? LicenseFile { get; set; }

    public double? Confidence { get; set; }

    /// <summary>Why the licence could not be read, when it could not.</summary>
    public string? Problem { get; set; }

    /// <summary>The kind of collection problem behind <see cref="Problem"/>, when it is one the 09xx rules report.</summary>
    public CollectionProblemKind? ProblemKind { get; set; }

    /// <summary>The nuspec's <c>&lt;developmentDependency&gt;true&lt;/developmentDependency&gt;</c>.</summary>
    public bool IsDevelopmentDependency { get; set; }

    /// <summary>The nuspec that was read, for problem locations.</summary>
    public string? NuspecPath { get; set; }
}
