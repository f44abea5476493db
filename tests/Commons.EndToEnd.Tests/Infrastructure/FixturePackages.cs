// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

namespace Commons.EndToEnd.Tests.Infrastructure;

/// <summary>The fixture packages of the end-to-end scenarios, each with the licence metadata its scenario needs.</summary>
public static class FixturePackages
{
    public const string Version = "1.0.0";

    public static readonly FixturePackage Gpl3 = new("Fixture.Gpl3", Version, "GPL-3.0-only");

    /// <summary>An MIT package that brings <see cref="Gpl3"/> in transitively.</summary>
    public static readonly FixturePackage MitWrapper = new("Fixture.MitWrapper", Version, "MIT")
    {
        Dependencies = new[] { (Gpl3.Id, Gpl3.Version) },
    };

    public static readonly FixturePackage Lgpl = new("Fixture.Lgpl21", Version, "LGPL-2.1-only");

    /// <summary>A GPL analyzer: a build-time plug-in, referenced with <c>PrivateAssets="all"</c>.</summary>
    public static readonly FixturePackage GplAnalyzer = new("Fixture.GplAnalyzer", Version, "GPL-3.0-only")
    {
        Assets = FixtureAssetKind.Analyzer,
        DevelopmentDependency = true,
    };

    public static readonly FixturePackage MitOrGpl2 = new("Fixture.MitOrGpl2", Version, "MIT OR GPL-2.0-only");

    public static readonly FixturePackage Mit = new("Fixture.Mit", Version, "MIT");

    public static readonly FixturePackage[] All = { Gpl3, MitWrapper, Lgpl, GplAnalyzer, MitOrGpl2, Mit };
}
