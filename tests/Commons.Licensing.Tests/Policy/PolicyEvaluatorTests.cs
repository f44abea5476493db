// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using Commons.Licensing;

namespace Commons.Licensing.Tests.Policy;

public sealed class PolicyEvaluatorTests
{
    private static readonly LicensePolicy MitApache = new(new[] { "MIT", "Apache-2.0" });

    [Fact]
    public void Or_needs_one_allowed_branch_and_chooses_the_first_allowed()
    {
        var decision = Evaluate("GPL-3.0-only OR Apache-2.0 OR MIT", MitApache);

        Assert.True(decision.IsAllowed);
        Assert.Equal("Apache-2.0", decision.ChosenBranch!.ToString());
        Assert.Empty(decision.OffendingIds);
        Assert.Contains("Apache-2.0", decision.Reason);
    }

    [Fact]
    public void Or_with_no_allowed_branch_lists_every_branch()
    {
        var decision = Evaluate("GPL-3.0-only OR MPL-2.0", MitApache);

        Assert.False(decision.IsAllowed);
        Assert.Null(decision.ChosenBranch);
        Assert.Equal(new[] { "GPL-3.0-only", "MPL-2.0" }, decision.OffendingIds);
    }

    [Fact]
    public void And_needs_every_operand()
    {
        Assert.True(Evaluate("MIT AND Apache-2.0", MitApache).IsAllowed);

        var decision = Evaluate("MIT AND GPL-3.0-only", MitApache);
        Assert.False(decision.IsAllowed);
        Assert.Equal(new[] { "GPL-3.0-only" }, decision.OffendingIds);
    }

    [Fact]
    public void Nested_choices_resolve_to_the_branches_taken()
    {
        var decision = Evaluate("(GPL-3.0-only OR MIT) AND (Apache-2.0 OR MPL-2.0)", MitApache);

        Assert.True(decision.IsAllowed);
        Assert.Equal("MIT AND Apache-2.0", decision.ChosenBranch!.ToString());
    }

    [Fact]
    public void With_needs_the_exception_allowed_with_its_licence()
    {
        var licenceOnly = new LicensePolicy(new[] { "GPL-2.0-only" });
        Assert.False(Evaluate("GPL-2.0-only WITH Classpath-exception-2.0", licenceOnly).IsAllowed);
        Assert.Equal(new[] { "GPL-2.0-only WITH Classpath-exception-2.0" }, Evaluate("GPL-2.0-only WITH Classpath-exception-2.0", licenceOnly).OffendingIds);

        var both = new LicensePolicy(new[] { "GPL-2.0-only", "Classpath-exception-2.0" });
        Assert.True(Evaluate("GPL-2.0-only WITH Classpath-exception-2.0", both).IsAllowed);

        var combination = new LicensePolicy(new[] { "gpl-2.0-only with classpath-exception-2.0" });
        Assert.True(Evaluate("GPL-2.0-only WITH Classpath-exception-2.0", combination).IsAllowed);
        Assert.False(Evaluate("GPL-2.0-only", combination).IsAllowed);
        Assert.False(Evaluate("GPL-2.0-only WITH GCC-exception-2.0", combination).IsAllowed);
    }

    [Fact]
    public void An_allowed_combination_wins_over_a_denied_bare_licence_but_a_denied_exception_does_not()
    {
        var policy = new LicensePolicy(new[] { "GPL-2.0-only WITH Classpath-exception-2.0" }, new[] { "GPL-2.0-only" });
        Assert.True(Evaluate("GPL-2.0-only WITH Classpath-exception-2.0", policy).IsAllowed);

        var deniedException = new LicensePolicy(null, new[] { "Classpath-exception-2.0" });
        Assert.False(Evaluate("GPL-2.0-only WITH Classpath-exception-2.0", deniedException).IsAllowed);
    }

    [Fact]
    public void Empty_allowed_set_allows_everything_not_denied()
    {
        var policy = new LicensePolicy(null, new[] { "AGPL-3.0-only" });

        Assert.True(Evaluate("LicenseRef-Anything AND Frob-1.0", policy).IsAllowed);
        var decision = Evaluate("AGPL-3.0-only", policy);
        Assert.False(decision.IsAllowed);
        Assert.Contains("denied", decision.Reason);
    }

    [Fact]
    public void Denied_wins_over_allowed()
    {
        var policy = new LicensePolicy(new[] { "MIT" }, new[] { "MIT" });

        Assert.False(Evaluate("MIT", policy).IsAllowed);
    }

    [Fact]
    public void Or_later_is_allowed_when_the_named_version_is()
    {
        Assert.True(Evaluate("Apache-2.0+", MitApache).IsAllowed);
        Assert.True(Evaluate("GPL-3.0-or-later", new LicensePolicy(new[] { "GPL-3.0-only" })).IsAllowed);
        Assert.False(Evaluate("GPL-3.0-only", new LicensePolicy(new[] { "GPL-3.0-or-later" })).IsAllowed);
        Assert.False(Evaluate("GPL-2.0-or-later", new LicensePolicy(new[] { "GPL-3.0-only" })).IsAllowed);
    }

    [Fact]
    public void Policy_entries_are_normalised()
    {
        var policy = new LicensePolicy(new[] { "mit", "GPL-3.0", " ", null! });

        Assert.Contains("MIT", policy.Allowed);
        Assert.Contains("GPL-3.0-only", policy.Allowed);
        Assert.Equal(2, policy.Allowed.Count);
        Assert.True(Evaluate("GPL-3.0", policy).IsAllowed);
    }

    [Theory]
    [InlineData("osi", "Apache-2.0", true)]
    [InlineData("osi", "WTFPL", false)]
    [InlineData("osi", "GPL-2.0-only WITH Classpath-exception-2.0", true)]
    [InlineData("fsf-libre", "WTFPL", true)]
    [InlineData("fsf-libre", "JSON", false)]
    [InlineData("permissive", "MIT OR GPL-3.0-only", true)]
    [InlineData("permissive", "LGPL-2.1-only", false)]
    [InlineData("permissive", "Unlicense", true)]
    [InlineData("fr-public-sector", "EUPL-1.2", true)]
    [InlineData("fr-public-sector", "WTFPL", false)]
    [InlineData("fr-public-sector", "etalab-2.0", true)]
    [InlineData("cc-content", "CC-BY-SA-4.0", true)]
    [InlineData("cc-content", "CC0-1.0", true)]
    [InlineData("cc-content", "CC-BY-NC-4.0", false)]
    [InlineData("cc-content", "MIT", false)]
    public void Presets_allow_what_their_lists_say(string preset, string expression, bool allowed)
    {
        Assert.Equal(allowed, Evaluate(expression, LicensePolicy.FromPreset(preset)).IsAllowed);
    }

    [Fact]
    public void Every_preset_name_resolves_and_unknown_names_do_not()
    {
        foreach (var name in LicensePolicy.PresetNames)
        {
            Assert.True(LicensePolicy.TryGetPreset(name, out var policy));
            Assert.NotEmpty(policy.Allowed);
            Assert.Equal(name, policy.Name);
        }

        Assert.True(LicensePolicy.TryGetPreset(" OSI ", out _));
        Assert.False(LicensePolicy.TryGetPreset("nope", out _));
        Assert.False(LicensePolicy.TryGetPreset(null!, out _));
        Assert.Throws<ArgumentException>(() => LicensePolicy.FromPreset("nope"));
    }

    private static PolicyDecision Evaluate(string expression, LicensePolicy policy)
    {
        var parsed = SpdxExpression.Parse(expression);
        Assert.True(parsed.IsValid, parsed.Error?.Message);
        return PolicyEvaluator.Evaluate(parsed.Expression!, policy);
    }
}
