// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using Commons.Compliance.Headers;
using Commons.Compliance.Input;

namespace Commons.Compliance.Tests;

public sealed class SpdxHeaderParserTests
{
    [Fact]
    public void TestLineCommentHeaderWithSpans()
    {
        const string text = "// SPDX-License-Identifier: MIT OR Apache-2.0 \r\n// SPDX-FileCopyrightText: 2026 Jane\r\nusing System;\n// SPDX-License-Identifier: GPL-3.0-only\n";
        var header = SpdxHeaderParser.Parse(text);
        Assert.Equal(HeaderCommentStyle.LineComment, header.Style);
        var license = Assert.Single(header.Licenses);
        Assert.Equal("MIT OR Apache-2.0", license.Value);
        Assert.Equal("MIT OR Apache-2.0", text.Substring(license.ValueStart, license.ValueLength));
        Assert.Equal("2026 Jane", Assert.Single(header.Copyrights).Value);
        Assert.Equal(text.IndexOf("using", System.StringComparison.Ordinal) - 2, header.CommentEnd);
    }

    [Fact]
    public void TestBlockCommentAndPlainCopyrightNotice()
    {
        var header = SpdxHeaderParser.Parse("\uFEFF/*\n * Copyright (c) Jane\n * SPDX-License-Identifier: MIT */\nclass C {}");
        Assert.Equal(HeaderCommentStyle.BlockComment, header.Style);
        Assert.Equal("MIT", Assert.Single(header.Licenses).Value);
        Assert.Single(header.Copyrights);
        Assert.Equal(1, header.CommentStart);
    }

    [Theory]
    [InlineData("class C {}\n// SPDX-License-Identifier: MIT\n")]
    [InlineData("#region header\n// SPDX-License-Identifier: MIT\n#endregion\n")]
    [InlineData("")]
    public void TestOnlyLeadingCommentsCount(string text)
    {
        var header = SpdxHeaderParser.Parse(text);
        Assert.Empty(header.Licenses);
        Assert.Equal(HeaderCommentStyle.None, header.Style);
    }

    [Fact]
    public void TestFindingLocationLinesAndColumns()
    {
        var location = FindingLocation.OfSpan("f", "ab\r\ncd\nef", 5, 3);
        Assert.Equal((2, 2, 3, 2), (location.Line, location.Column, location.EndLine, location.EndColumn));
        var line = FindingLocation.OfLine("f", "ab\r\ncd\nef", 3);
        Assert.Equal((3, 1, 7, 2), (line.Line, line.Column, line.Start, line.Length));
    }
}
