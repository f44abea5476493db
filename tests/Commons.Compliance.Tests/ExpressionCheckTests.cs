// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using Commons.Compliance.Input;
using Commons.Compliance.Licenses;
using Commons.Compliance.Rules;
using Commons.Licensing;

namespace Commons.Compliance.Tests;

public sealed class ExpressionCheckTests
{
    [Theory]
    [InlineData("MIT OR Apache-2.0", null)]
    [InlineData("GPL-2.0+", "GPL-2.0-or-later")]
    [InlineData("GPL-3.0", "GPL-3.0-only")]
    [InlineData("mit", "MIT")]
    [InlineData("MTI", "MIT")]
    [InlineData("Apache2.0 OR MIT", "Apache-2.0 OR MIT")]
    [InlineData("Apache 2.0", "Apache-2.0")]
    public void TestCorrections(string text, string? corrected)
    {
        var check = ExpressionCheck.Check(text, SpdxCatalog.Default);
        Assert.Equal(corrected is null, check.IsValid);
        Assert.Equal(corrected, check.Corrected);
    }

    [Fact]
    public void TestGrammarErrorHasNoIds()
    {
        var check = ExpressionCheck.Check("(MIT", SpdxCatalog.Default);
        Assert.False(check.IsValid);
        Assert.Empty(check.LicenseIds);
    }

    [Fact]
    public void TestReadmeTopicsAreJudgedByHeadings()
    {
        Assert.Equal(new[] { "installation", "licence", "contributing" }, CommunityRules.MissingTopics("# App\nInstall it with dotnet.\n\nUsage\n-----\n"));
        Assert.Empty(CommunityRules.MissingTopics("# App\n## Getting started\n## Licence\n## Contribuer\n"));
    }

    [Fact]
    public void TestListPropertiesAcceptCommaAndSemicolon()
    {
        var properties = new ProjectProperties(new[] { new System.Collections.Generic.KeyValuePair<string, string>("CommonsIgnoredPackages", " A;B , C,,") });
        Assert.Equal(new[] { "A", "B", "C" }, properties.List("commonsignoredpackages"));
    }
}
