// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Collections.Generic;
using System.Linq;
using Commons.Licensing;

namespace Commons.Licensing.Tests.Urls;

public sealed class LicenseUrlMapTests
{
    [Theory]
    [InlineData("https://opensource.org/licenses/MIT", "MIT")]
    [InlineData("http://www.opensource.org/licenses/mit-license.php", "MIT")]
    [InlineData("https://opensource.org/licenses/Apache-2.0/", "Apache-2.0")]
    [InlineData("https://opensource.org/licenses/bsd-3-clause", "BSD-3-Clause")]
    [InlineData("https://opensource.org/license/mit", "MIT")]
    [InlineData("https://spdx.org/licenses/MIT", "MIT")]
    [InlineData("https://spdx.org/licenses/MIT.html", "MIT")]
    [InlineData("http://spdx.org/licenses/apache-2.0.txt", "Apache-2.0")]
    [InlineData("https://spdx.org/licenses/GPL-3.0-or-later.html#licenseText", "GPL-3.0-or-later")]
    [InlineData("https://www.apache.org/licenses/LICENSE-2.0", "Apache-2.0")]
    [InlineData("http://www.apache.org/licenses/LICENSE-2.0.txt", "Apache-2.0")]
    [InlineData("https://apache.org/licenses/LICENSE-2.0.html", "Apache-2.0")]
    [InlineData("HTTPS://WWW.APACHE.ORG/LICENSES/LICENSE-2.0/", "Apache-2.0")]
    [InlineData("https://www.gnu.org/licenses/gpl-3.0.txt", "GPL-3.0-only")]
    [InlineData("https://www.gnu.org/licenses/gpl-3.0.en.html", "GPL-3.0-only")]
    [InlineData("https://www.gnu.org/licenses/old-licenses/lgpl-2.1.html", "LGPL-2.1-only")]
    [InlineData("https://choosealicense.com/licenses/mit/", "MIT")]
    [InlineData("https://choosealicense.com/licenses/gpl-3.0/", "GPL-3.0-only")]
    [InlineData("https://licenses.nuget.org/MIT", "MIT")]
    [InlineData("https://licenses.nuget.org/Apache-2.0%20OR%20MIT", "Apache-2.0 OR MIT")]
    [InlineData("https://licenses.nuget.org/(MIT%20AND%20BSD-3-Clause)", "MIT AND BSD-3-Clause")]
    [InlineData("https://creativecommons.org/licenses/by-sa/4.0/", "CC-BY-SA-4.0")]
    [InlineData("https://creativecommons.org/licenses/by/4.0/legalcode", "CC-BY-4.0")]
    [InlineData("http://creativecommons.org/licenses/by-nc-nd/3.0/deed.en", "CC-BY-NC-ND-3.0")]
    [InlineData("https://creativecommons.org/licenses/by/3.0/de/", "CC-BY-3.0-DE")]
    [InlineData("https://creativecommons.org/publicdomain/zero/1.0/", "CC0-1.0")]
    [InlineData("https://go.microsoft.com/fwlink/?linkid=868514", "MIT")]
    [InlineData("http://go.microsoft.com/fwlink/?LinkId=868514", "MIT")]
    [InlineData("https://www.boost.org/LICENSE_1_0.txt", "BSL-1.0")]
    [InlineData("https://www.mozilla.org/en-US/MPL/2.0/", "MPL-2.0")]
    [InlineData("https://raw.githubusercontent.com/Microsoft/vs-validation/1fc5bdcf81/LICENSE", "MIT")]
    [InlineData("https://raw.githubusercontent.com/aspnet/Home/2.0.0/LICENSE.txt", "Apache-2.0")]
    public void Maps_versioned_url_forms(string url, string expected)
    {
        Assert.True(LicenseUrlMap.TryMap(url, out var expression), url);
        Assert.Equal(expected, expression);
    }

    [Theory]
    [InlineData("https://github.com/JamesNK/Newtonsoft.Json/blob/master/LICENSE.md")]
    [InlineData("https://raw.githubusercontent.com/dotnet/corefx/master/LICENSE.TXT")]
    [InlineData("https://raw.githubusercontent.com/Microsoft/vs-validation/main/LICENSE")]
    [InlineData("https://raw.githubusercontent.com/aspnet/Home/dev/LICENSE.txt")]
    [InlineData("https://github.com/dotnet/corefx/blob/master/LICENSE.TXT?raw=true")]
    [InlineData("https://www.gnu.org/licenses/gpl.html")]
    [InlineData("https://www.apache.org/licenses/")]
    [InlineData("https://opensource.org/licenses/NotALicence-9")]
    [InlineData("https://spdx.org/licenses/LicenseRef-x.html")]
    [InlineData("https://licenses.nuget.org/MIT%20OR")]
    [InlineData("https://licenses.nuget.org/%ZZ")]
    [InlineData("https://creativecommons.org/licenses/by/9.9/")]
    [InlineData("https://creativecommons.org/licenses/by/4.0/zz/")]
    [InlineData("https://aka.ms/deprecateLicenseUrl")]
    [InlineData("ftp://opensource.org/licenses/MIT")]
    [InlineData("https://example.com/opensource.org/licenses/MIT")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Leaves_unversioned_moving_and_unknown_urls_unmapped(string? url)
    {
        Assert.False(LicenseUrlMap.TryMap(url!, out var expression));
        Assert.Equal(string.Empty, expression);
        Assert.Null(LicenseUrlMap.Match(url!));
    }

    [Fact]
    public void Every_fixed_entry_of_the_table_maps_its_own_pattern()
    {
        foreach (var row in EmbeddedTable.Read("url-map.tsv", 3).Where(r => r[0].IndexOf('{', System.StringComparison.Ordinal) < 0))
        {
            Assert.True(LicenseUrlMap.TryMap("https://" + row[0], out var expression), row[0]);
            Assert.Equal(SpdxExpression.Parse(row[1]).Normalized, expression);
            Assert.False(SpdxExpression.Parse(row[1]).UsesDeprecatedIds, row[0]);
        }
    }

    [Fact]
    public void Reports_the_entry_that_matched()
    {
        var match = LicenseUrlMap.Match("https://spdx.org/licenses/MIT.html")!;

        Assert.Equal("spdx.org/licenses/{id}.html", match.Pattern);
        Assert.Contains("licensee", match.Source);
    }

    [Fact]
    public void User_entries_extend_the_map()
    {
        var extra = new[] { new KeyValuePair<string, string>("github.com/acme/lib/blob/v1.2.3/LICENSE", "MIT") };

        var match = LicenseUrlMap.Match("https://github.com/acme/lib/blob/v1.2.3/LICENSE", extra)!;

        Assert.Equal("MIT", match.Expression);
        Assert.Equal("user entry", match.Source);
        Assert.Null(LicenseUrlMap.Match("https://github.com/acme/lib/blob/v1.2.3/LICENSE"));
    }
}
