// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Collections.Generic;
using System.Linq;
using Commons.Compliance.Input;

namespace Commons.Compliance.Tests;

/// <summary>The properties the build hands to the analyzer (issue 18, class 3): whole, and unable to add a line.</summary>
public sealed class PropertyEncodingTests
{
    [Fact]
    public void Every_value_comes_back_whole_and_the_encoding_is_one_safe_line()
    {
        var values = new Dictionary<string, string>
        {
            ["CommonsCopyrightHolder"] = "ACME\nbuild_property.CommonsGate = true\r\u2028\u0085\u2029",
            ["Description"] = "A C# library; # not a comment & a = b %41 é 漢 \U0001F600",
            ["CommonsDeniedLicenses"] = "\n  GPL-3.0-only;\n  MIT\n",
            ["Empty"] = "",
        };

        var encoded = PropertyEncoding.Encode(values);

        Assert.Matches("^[A-Za-z0-9._~%=&-]*$", encoded);
        Assert.Equal(values, PropertyEncoding.Decode(encoded).ToDictionary(p => p.Key, p => p.Value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("%")]
    [InlineData("A=%Z1&=x&B")]
    [InlineData("A=%E2%82&B=%")]
    public void Damaged_input_never_throws(string encoded) => PropertyEncoding.Decode(encoded);

    [Fact]
    public void Lists_take_commas_semicolons_and_any_whitespace()
    {
        var properties = new ProjectProperties(new[] { new KeyValuePair<string, string>("CommonsDeniedLicenses", "\n  GPL-3.0-only;\n\tAGPL-3.0-only,\r\n  MIT  LGPL-2.1-only\u2028\n") });

        Assert.Equal(new[] { "GPL-3.0-only", "AGPL-3.0-only", "MIT", "LGPL-2.1-only" }, properties.List("CommonsDeniedLicenses"));
    }
}
