// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using Commons.Compliance.Policy;

namespace Commons.Compliance.Tests;

public sealed class PolicyFileTests
{
    [Fact]
    public void TestExceptionsWithReasonExpiryAndLicence()
    {
        var policy = PolicyFile.Parse("p", "# comment\n; also\n[Foo.Bar]\nreason = reviewed = ok\nexpires = 2027-06-30\nlicense = GPL-3.0-only\n\n[Baz]\nREASON = x\n");
        Assert.Empty(policy.Errors);
        Assert.Equal(2, policy.Exceptions.Count);
        var foo = policy.Exceptions[0];
        Assert.Equal("Foo.Bar", foo.PackageId);
        Assert.Equal("reviewed = ok", foo.Reason);
        Assert.Equal(new DateTime(2027, 6, 30), foo.Expires);
        Assert.Equal("GPL-3.0-only", foo.License);
        Assert.Equal(3, foo.Line);
        Assert.True(foo.IsExpired(new DateTime(2027, 7, 1)));
        Assert.False(foo.IsExpired(new DateTime(2027, 6, 30)));
        Assert.Null(policy.Exceptions[1].Expires);
    }

    [Theory]
    [InlineData("reason = x\n", 1, "before any [Package.Id] section")]
    [InlineData("[Foo]\n", 1, "gives no reason")]
    [InlineData("[Foo]\nreason = x\nexpires = 30/06/2027\n", 3, "not a yyyy-MM-dd date")]
    [InlineData("[Foo]\nreason = x\ncolour = red\n", 3, "unknown key 'colour'")]
    [InlineData("[Foo\nreason = x\n", 1, "section header")]
    [InlineData("[Foo]\njust words\n", 2, "expected 'key = value'")]
    public void TestErrorsNameTheirLine(string text, int line, string message)
    {
        var errors = PolicyFile.Parse("p", text).Errors;
        Assert.Contains(errors, e => e.Line == line && e.Message.Contains(message, System.StringComparison.Ordinal));
    }
}
