// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using Commons.Compliance.Policy;

namespace Commons.Compliance.Tests.Policy;

/// <summary>NuGet's version order and interval notation, as a curation's <c>version</c> uses them.</summary>
public sealed class PackageVersionRangeTests
{
    [Theory]
    [InlineData("1.0", "1.0.0", 0)]
    [InlineData("1.0.0.0", "1.0.0", 0)]
    [InlineData("1.0.0+build.5", "1.0.0", 0)]
    [InlineData("1.0.1", "1.0.0", 1)]
    [InlineData("1.10.0", "1.9.0", 1)]
    [InlineData("1.0.0-beta", "1.0.0", -1)]
    [InlineData("1.0.0-alpha", "1.0.0-beta", -1)]
    [InlineData("1.0.0-BETA", "1.0.0-beta", 0)]
    [InlineData("1.0.0-beta.2", "1.0.0-beta.10", -1)]
    [InlineData("1.0.0-beta.2", "1.0.0-beta.x", -1)]
    [InlineData("1.0.0-beta", "1.0.0-beta.1", -1)]
    [InlineData("2.0.0.1", "2.0.0", 1)]
    public void TestNuGetsOrder(string a, string b, int expected)
    {
        Assert.Equal(expected, System.Math.Sign(PackageVersionOrder.Compare(a, b)!.Value));
        Assert.Equal(-expected, System.Math.Sign(PackageVersionOrder.Compare(b, a)!.Value));
    }

    [Theory]
    [InlineData("latest")]
    [InlineData("1.0.0.0.0")]
    [InlineData("1..0")]
    [InlineData("1.0.0-")]
    [InlineData("v1.0")]
    public void TestWhatIsNoVersionComparesToNothing(string text) => Assert.Null(PackageVersionOrder.Compare(text, "1.0.0"));

    [Theory]
    [InlineData("1.2.3", "1.2.3", true)]
    [InlineData("1.2.3", "1.2.4", false)]
    [InlineData("[1.0,2.0)", "1.0.0", true)]
    [InlineData("[1.0,2.0)", "1.99.0", true)]
    [InlineData("[1.0,2.0)", "2.0.0", false)]
    [InlineData("[1.0,2.0)", "2.0.0-beta", true)]
    [InlineData("(1.0,2.0]", "1.0.0", false)]
    [InlineData("(1.0,2.0]", "2.0", true)]
    [InlineData("[1.0,)", "99.0.0", true)]
    [InlineData("(,1.0]", "0.1.0", true)]
    [InlineData("(,1.0]", "1.0.1", false)]
    [InlineData("[1.5]", "1.5.0", true)]
    [InlineData("[1.5]", "1.5.1", false)]
    [InlineData("[1.0,2.0)", "not-a-version", false)]
    public void TestARangeHoldsItsVersions(string range, string version, bool expected)
    {
        var parsed = PackageVersionRange.Parse(range, out var error);

        Assert.Null(error);
        Assert.Equal(expected, parsed!.Contains(version));
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("[1.0,2.0", "must end with ']' or ')'")]
    [InlineData("(1.0)", "a single version must be written [version]")]
    [InlineData("[,]", "names no version")]
    [InlineData("[1.0,2.0,3.0]", "has more than one ','")]
    [InlineData("[x,2.0]", "'x' is not a version")]
    public void TestWhatIsNoRangeSaysWhy(string range, string message)
    {
        Assert.Null(PackageVersionRange.Parse(range, out var error));
        Assert.Equal(message, error);
    }
}
