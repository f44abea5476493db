// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;
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
