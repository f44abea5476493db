// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using Commons.Testing;

namespace Commons.EndToEnd.Tests.Infrastructure;

/// <summary>The fixture packages of the end-to-end scenarios, each with the licence metadata its scenario needs.</summary>
public static class FixturePackages
{
    public static readonly FixturePackage Gpl3 = new FixturePackage("Fixture.Gpl3").WithExpression("GPL-3.0-only");

    /// <summary>An MIT package that brings <see cref="Gpl3"/> in transitively.</summary>
    public static readonly FixturePackage MitWrapper = new FixturePackage("Fixture.MitWrapper").WithExpression("MIT").DependingOn(Gpl3.Id, Gpl3.Version);

    public static readonly FixturePackage Lgpl = new FixturePackage("Fixture.Lgpl21").WithExpression("LGPL-2.1-only");

    /// <summary>A GPL analyzer: a build-time plug-in, referenced with <c>PrivateAssets="all"</c>.</summary>
    public static readonly FixturePackage GplAnalyzer = new FixturePackage("Fixture.GplAnalyzer").WithExpression("GPL-3.0-only").WithAssets(FixtureAssets.AnalyzersOnly);

    public static readonly FixturePackage MitOrGpl2 = new FixturePackage("Fixture.MitOrGpl2").WithExpression("MIT OR GPL-2.0-only");

    public static readonly FixturePackage Mit = new FixturePackage("Fixture.Mit").WithExpression("MIT");

    /// <summary>A package that moved from MIT to a source-available licence on a new major version (issue 15, CMN0108).</summary>
    public static readonly FixturePackage ChangingMit = new FixturePackage("Fixture.Changing", "1.0.0").WithExpression("MIT");

    public static readonly FixturePackage ChangingBusl = new FixturePackage("Fixture.Changing", "2.0.0").WithExpression("BUSL-1.1");

    public static readonly FixturePackage[] All = { Gpl3, MitWrapper, Lgpl, GplAnalyzer, MitOrGpl2, Mit, ChangingMit, ChangingBusl };
}
