// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Linq;
using Commons.Licensing;

namespace Commons.Licensing.Tests.Catalog;

public class SpdxCatalogTests
{
    private static readonly SpdxCatalog Catalog = SpdxCatalog.Default;

    [Fact]
    public void Holds_the_whole_list_with_texts()
    {
        Assert.True(Catalog.Licenses.Count >= 700, $"only {Catalog.Licenses.Count} licences");
        Assert.True(Catalog.Licenses.Count(l => l.HasText) >= 700);
        Assert.True(Catalog.Exceptions.Count >= 60);
        Assert.Contains("spdx-license-list", Catalog.ListVersion);
    }

    [Theory]
    [InlineData("mit", "MIT")]
    [InlineData("apache-2.0", "Apache-2.0")]
    [InlineData("GPL-3.0-ONLY", "GPL-3.0-only")]
    public void Finds_licences_ignoring_case_and_returns_the_canonical_id(string asked, string canonical)
    {
        Assert.True(Catalog.TryGetLicense(asked, out var license));
        Assert.Equal(canonical, license.Id);
        Assert.False(license.IsDeprecated);
    }

    [Theory]
    [InlineData("GPL-3.0")]
    [InlineData("GPL-2.0+")]
    [InlineData("GPL-2.0-with-classpath-exception")]
    public void Knows_deprecated_ids(string id)
    {
        Assert.True(Catalog.TryGetLicense(id, out var license));
        Assert.True(license.IsDeprecated);
    }

    [Fact]
    public void Knows_osi_flags()
    {
        Assert.True(Catalog.TryGetLicense("MIT", out var mit) && mit.IsOsiApproved);
        Assert.True(Catalog.TryGetLicense("CC-BY-NC-4.0", out var nc) && !nc.IsOsiApproved);
    }

    [Fact]
    public void Finds_exceptions()
    {
        Assert.True(Catalog.TryGetException("classpath-exception-2.0", out var exception));
        Assert.Equal("Classpath-exception-2.0", exception.Id);
        Assert.False(Catalog.TryGetException("MIT", out _));
    }

    [Fact]
    public void Returns_full_texts()
    {
        var mit = Catalog.GetText("mit");
        Assert.NotNull(mit);
        Assert.Contains("Permission is hereby granted, free of charge", mit);
        Assert.Contains("TERMS AND CONDITIONS", Catalog.GetText("Apache-2.0"));
        Assert.Null(Catalog.GetText("No-Such-Licence"));
    }

    [Fact]
    public void Unknown_ids_are_not_found()
    {
        Assert.False(Catalog.TryGetLicense("Apache 2.0", out _));
        Assert.False(Catalog.TryGetLicense("", out _));
    }
}
