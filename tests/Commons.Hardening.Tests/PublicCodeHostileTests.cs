// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;
using System.Linq;
using System.Text;
using Commons.Compliance.Facts;
using Commons.Hardening.Tests.Infrastructure;
using Commons.Inspection.Repository;
using CsCheck;
using Xunit.Abstractions;

namespace Commons.Hardening.Tests;

/// <summary><c>publiccode.yml</c> (<see cref="PublicCodeReader"/>): mutated templates, deep nesting, alias bombs, bytes in any encoding.</summary>
public sealed class PublicCodeHostileTests : IDisposable
{
    private readonly ITestOutputHelper output;
    private readonly Scratch scratch = new("publiccode");

    public PublicCodeHostileTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    /// <summary>The template <c>commons init</c> writes, filled in.</summary>
    public static Gen<string> PublicCodeSeed { get; } = Gen.Select(Seeds.Expression, Gen.OneOf("Ville de Paris", "\"Quoted: holder\"", "'single'", "&a holder", "*a"), (license, holder) =>
        Seeds.RepositoryFile("src/Commons.Cli/Templates/publiccode.yml")
            .Replace("{{name}}", "Civic Bookings", StringComparison.Ordinal)
            .Replace("{{date}}", "2024-05-01", StringComparison.Ordinal)
            .Replace("{{license}}", license, StringComparison.Ordinal)
            .Replace("{{holder}}", holder, StringComparison.Ordinal));

    public void Dispose() => scratch.Dispose();

    [Fact]
    public void Mutated_publiccode_gives_nodes_or_a_parse_error_with_a_position()
    {
        Property.Check(output, "publiccode/mutated", Mutations.Of(PublicCodeSeed), AssertClearResult, iter: 500, print: Mutations.Describe);
    }

    [Fact]
    public void Publiccode_bytes_in_any_encoding_are_read_from_disk_without_exception()
    {
        Property.Check(output, "publiccode/bytes", Mutations.BytesOf(PublicCodeSeed), bytes =>
        {
            var folder = scratch.NewFolder();
            var path = Scratch.Write(folder, "publiccode.yml", bytes);
            var facts = PublicCodeReader.Read(folder, path);
            AssertConsistent(facts);
        }, iter: 250, print: Mutations.Describe);
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("{", "}")]
    [InlineData("- ", "")]
    [InlineData("a:\n", "")]
    public void Ten_thousand_deep_yaml_is_an_answer_not_a_stack_overflow(string open, string close)
    {
        var text = "publiccodeYmlVersion: \"0.4\"\nnested: " + Mutations.Repeat(open, 10_000) + "x" + Mutations.Repeat(close, 10_000) + "\n";
        if (open == "a:\n")
        {
            // Block mappings nest by indentation.
            var sb = new StringBuilder("publiccodeYmlVersion: \"0.4\"\n");
            for (var i = 0; i < 10_000; i++)
            {
                sb.Append(' ', i).Append("a:\n");
            }

            text = sb.ToString();
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        AssertClearResult(text);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "took " + clock.Elapsed);
    }

    /// <summary>Found by the test above: 10,000 '{' took YamlDotNet 24 s, growing with the square (fixed by a nesting limit in PublicCodeReader).</summary>
    [Fact]
    public void Regression_a_megabyte_of_open_braces_is_refused_at_once()
    {
        var folder = scratch.NewFolder();
        var path = Scratch.Write(folder, "publiccode.yml", Encoding.UTF8.GetBytes("publiccodeYmlVersion: \"0.4\"\nname: " + Mutations.Repeat("{", 1_000_000)));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var facts = PublicCodeReader.Read(folder, path);

        Assert.Contains("deep", facts.ParseError, StringComparison.Ordinal);
        Assert.Equal(2, facts.ParseErrorLine);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "took " + clock.Elapsed);
    }

    [Theory]
    [InlineData("name: \"{{{{ in a string\"\n")]
    [InlineData("name: 'it''s [ fine'\n")]
    [InlineData("name: it's [ fine # {{{{{\n")]
    public void Brackets_inside_strings_and_comments_do_not_count_as_nesting(string line)
    {
        var facts = new PublicCodeFacts();
        PublicCodeReader.Parse("publiccodeYmlVersion: \"0.4\"\n" + Mutations.Repeat(line, 200), facts);

        Assert.DoesNotContain("deep", facts.ParseError ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void A_yaml_alias_bomb_is_cut_at_the_node_limit()
    {
        var sb = new StringBuilder("publiccodeYmlVersion: \"0.4\"\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i <= 9; i++)
        {
            sb.Append('a').Append(i).Append(": &a").Append(i).Append(" [");
            sb.Append(string.Join(", ", System.Linq.Enumerable.Repeat("*a" + (i - 1), 10))).Append("]\n");
        }

        var facts = new PublicCodeFacts();
        PublicCodeReader.Parse(sb.ToString(), facts);

        Assert.True(facts.Nodes.Count <= PublicCodeReader.MaxNodes);
        Assert.NotNull(facts.ParseError);
    }

    /// <summary>Issue 18, class 1: the examples that killed <c>dotnet build</c> and <c>commons check</c> (stack overflow) or hung them.</summary>
    [Theory]
    [InlineData("self-referring complex key")]
    [InlineData("50,000 nested '- '")]
    [InlineData("20,000 nested '? '")]
    [InlineData("alias bomb as a mapping key")]
    public void Regression_issue_18_yaml_that_overflowed_the_stack_or_hung_is_a_parse_error_naming_the_limit(string name)
    {
        var text = name switch
        {
            "self-referring complex key" => "publiccodeYmlVersion: \"0.4\"\n? &r [*r]\n: boom\n",
            "50,000 nested '- '" => "publiccodeYmlVersion: \"0.4\"\nnested:\n" + Mutations.Repeat("- ", 50_000) + "x\n",
            "20,000 nested '? '" => "publiccodeYmlVersion: \"0.4\"\n" + Mutations.Repeat("? ", 20_000) + "x\n",
            _ => AliasBomb("? *a9\n: boom\n"),
        };

        var facts = ParseWithin(text, TimeSpan.FromSeconds(5));

        Assert.NotNull(facts.ParseError);
        Assert.Matches(name.StartsWith("self", StringComparison.Ordinal) ? "contains itself" : name.StartsWith("alias", StringComparison.Ordinal) ? "10000 nodes" : "32 deep", facts.ParseError);
        AssertConsistent(facts);
    }

    /// <summary>Class 1, generated: nesting of every YAML construct, keys and values, at depths up to 60,000, with anchors and aliases.</summary>
    [Fact]
    public void Generated_deep_self_referring_and_exploding_yaml_is_answered_within_budgets()
    {
        var construct = Gen.OneOf(
            Gen.Const(("- ", "")), Gen.Const(("? ", "")), Gen.Const(("? - ", "")), Gen.Const(("- ? ", "")), Gen.Const(("[", "]")),
            Gen.Const(("{", "}")), Gen.Const(("{? ", "}")), Gen.Const(("[? ", "]")), Gen.Const(("- &a ", "")), Gen.Const(("? &k ", "")),
            Gen.Const(("!!seq [", "]")), Gen.Const(("- - ", "")));
        var nested = Gen.Select(construct, Gen.Int[1, 60_000], Gen.Bool, Gen.OneOf("x", "*a", "*k", "*r", "&r x"), (c, depth, asKey, leaf) =>
        {
            var body = Mutations.Repeat(c.Item1, depth) + leaf + Mutations.Repeat(c.Item2, depth);
            return "publiccodeYmlVersion: \"0.4\"\n" + (asKey ? "? " + body + "\n: v\n" : "nested: " + body + "\n");
        });
        var selfReferring = Gen.OneOf(
            "? &r [*r]\n: boom\n", "? &r {*r: x}\n: boom\n", "a: &r [*r]\n", "a: &r {k: *r}\n", "a: &r\n  - *r\n", "? &r {? *r : *r}\n: x\n",
            "a: &r [[[[*r]]]]\n", "? &r [a, *r]\n: x\nb: *r\n", "a: &r [&s [*s]]\n", "a: &r [*s]\nb: &s [*r]\n", "a: *nowhere\n", "? *nowhere\n: x\n")
            .Select(body => "publiccodeYmlVersion: \"0.4\"\n" + body);
        var bomb = Gen.Select(Gen.Int[2, 12], Gen.Int[2, 12], Gen.OneOf("? *a{0}\n: boom\n", "top: *a{0}\n", "top: {*a{0}: x}\n", "? [*a{0}, *a{0}]\n: x\n", "top: [*a{0}, *a{0}]\n"), (fanout, levels, use) =>
            AliasBomb(use.Replace("{0}", (levels - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), fanout, levels));
        var longValue = Gen.Int[1, 3].Select(k => "publiccodeYmlVersion: \"0.4\"\nv: &v " + new string('x', 300_000) + "\nmany: [" + string.Join(", ", System.Linq.Enumerable.Repeat("*v", 20 * k)) + "]\n");

        Property.Check(output, "publiccode/budgets", Gen.OneOf(nested, selfReferring, bomb, longValue), text =>
        {
            var facts = ParseWithin(text, TimeSpan.FromSeconds(10));
            AssertConsistent(facts);
            Assert.InRange(facts.Nodes.Sum(n => (long)n.Path.Length + (n.Value?.Length ?? 0)), 0, PublicCodeReader.MaxCharacters);
        }, iter: 120, print: t => t.Length > 200 ? t.Substring(0, 200) + "… (" + t.Length + " chars)" : t);
    }

    [Fact]
    public void Aliases_within_budget_are_expanded_and_complex_keys_are_named()
    {
        var facts = ParseWithin("publiccodeYmlVersion: \"0.4\"\nbase: &b {en: A}\ncopy: *b\n? [x, {y: z}]\n: complex\nlegal:\n  license: &l MIT\nother: *l\n", TimeSpan.FromSeconds(5));

        Assert.Null(facts.ParseError);
        var byPath = facts.Nodes.ToDictionary(n => n.Path);
        Assert.Equal("A", byPath["copy.en"].Value);
        Assert.Equal(1, byPath["copy"].Count);
        Assert.Equal("MIT", byPath["other"].Value);
        Assert.Equal("complex", byPath["[x, {y, z}]"].Value);
    }

    [Fact]
    public void A_duplicate_key_is_a_parse_error_at_the_second_key()
    {
        var facts = ParseWithin("publiccodeYmlVersion: \"0.4\"\nname: a\nname: b\n", TimeSpan.FromSeconds(5));

        Assert.Contains("duplicate key 'name'", facts.ParseError, StringComparison.Ordinal);
        Assert.Equal(3, facts.ParseErrorLine);
    }

    /// <summary>A billion-laughs document: anchor a0 holds <paramref name="fanout"/> scalars, each next anchor as many aliases of the one before.</summary>
    private static string AliasBomb(string use, int fanout = 10, int levels = 10)
    {
        var sb = new StringBuilder("publiccodeYmlVersion: \"0.4\"\na0: &a0 [" + string.Join(", ", System.Linq.Enumerable.Repeat("x", fanout)) + "]\n");
        for (var i = 1; i < levels; i++)
        {
            sb.Append('a').Append(i).Append(": &a").Append(i).Append(" [");
            sb.Append(string.Join(", ", System.Linq.Enumerable.Repeat("*a" + (i - 1), fanout))).Append("]\n");
        }

        return sb.Append(use).ToString();
    }

    /// <summary>Parses on a thread of its own: a stack overflow would still kill the test host, a hang fails the test.</summary>
    private static PublicCodeFacts ParseWithin(string text, TimeSpan limit)
    {
        var facts = new PublicCodeFacts();
        var parsing = System.Threading.Tasks.Task.Run(() => PublicCodeReader.Parse(text, facts));
        Assert.True(parsing.Wait(limit), "publiccode.yml parsing took more than " + limit);
        return facts;
    }

    private static void AssertClearResult(string text)
    {
        var facts = new PublicCodeFacts();
        PublicCodeReader.Parse(text, facts);
        AssertConsistent(facts);
    }

    private static void AssertConsistent(PublicCodeFacts facts)
    {
        Assert.InRange(facts.Nodes.Count, 0, PublicCodeReader.MaxNodes);
        if (facts.Nodes.Count == 0)
        {
            Assert.False(string.IsNullOrWhiteSpace(facts.ParseError), "no nodes and no parse error");
        }

        if (facts.ParseError is not null)
        {
            Assert.True(facts.ParseErrorLine >= 0 && facts.ParseErrorColumn >= 0);
        }

        foreach (var node in facts.Nodes)
        {
            Assert.True(node.Line >= 0 && node.Column >= 0, node.Path);
        }

        var read = FactsFormat.Read(FactsFormat.Write(new ProjectFacts { PublicCode = facts }));
        Assert.Null(read.Error);
    }
}
