// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using Commons.Licensing;

namespace Commons.Licensing.Tests.Knowledge;

public sealed class PublicSectorListsTests
{
    [Theory]
    [InlineData("Apache-2.0", "fsf-and-osi")]
    [InlineData("eupl-1.2", "fsf-and-osi")]
    [InlineData("CECILL-B", "fsf-only")]
    [InlineData("CECILL-2.1", "osi-only")]
    [InlineData("etalab-2.0", "data")]
    [InlineData("ODbL-1.0", "data")]
    [InlineData("GPL-3.0-only", "sill")]
    [InlineData("GPL-3.0-or-later", "fsf-and-osi")]
    [InlineData("GPL-3.0+", "fsf-and-osi")]
    [InlineData("MS-PL", "sill")]
    public void Gives_the_group_of_listed_licences(string id, string group)
    {
        Assert.True(PublicSectorLists.France.Contains(id));
        Assert.Equal(group, PublicSectorLists.France.GroupOf(id));
    }

    [Theory]
    [InlineData("WTFPL")]
    [InlineData("CC-BY-4.0")]
    [InlineData("BSD-4-Clause")]
    [InlineData("")]
    [InlineData("not an id")]
    public void Rejects_licences_not_on_the_list(string id)
    {
        Assert.False(PublicSectorLists.France.Contains(id));
        Assert.Null(PublicSectorLists.France.GroupOf(id));
    }

    [Fact]
    public void Carries_a_version_date_and_a_source()
    {
        Assert.Equal("2021-12", PublicSectorLists.France.Version);
        Assert.Contains("D323-2-1", PublicSectorLists.France.Source);
        Assert.Null(PublicSectorLists.France.GroupOf(null!));
    }
}
