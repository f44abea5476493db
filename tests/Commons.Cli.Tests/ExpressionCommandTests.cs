// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Commons.Cli.Tests;

/// <summary><c>commons expression</c>, run in-process.</summary>
public sealed class ExpressionCommandTests
{
    [Fact]
    public void Prints_the_normalised_expression_and_each_licence_with_its_flags()
    {
        var (exit, output, error) = Run("expression", "mit or GPL-3.0 AND Foo-1.0");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        var lines = Lines(output);
        Assert.Equal("MIT OR (GPL-3.0-only AND Foo-1.0)", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("  MIT ", StringComparison.Ordinal) && l.Contains("permissive; OSI; FSF libre", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  GPL-3.0-only ", StringComparison.Ordinal) && l.Contains("strong copyleft", StringComparison.Ordinal) && l.Contains("mapped from a deprecated id", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  Foo-1.0 ", StringComparison.Ordinal) && l.Contains("unknown id", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("warning: GPL-3.0 is deprecated", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("warning: operator 'or'", StringComparison.Ordinal));
    }

    [Fact]
    public void Several_words_are_joined_into_one_expression()
    {
        var (exit, output, _) = Run("expression", "MIT", "OR", "Apache-2.0");

        Assert.Equal(0, exit);
        Assert.Equal("MIT OR Apache-2.0", Lines(output)[0]);
    }

    [Fact]
    public void An_error_shows_a_caret_under_the_input_and_a_suggestion_and_exits_2()
    {
        var (exit, output, error) = Run("expression", "Apache 2.0");

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        var lines = Lines(error);
        Assert.StartsWith("error: expected AND, OR, WITH or ')'", lines[0], StringComparison.Ordinal);
        Assert.Contains("(position 7)", lines[0], StringComparison.Ordinal);
        Assert.Equal("  Apache 2.0", lines[1]);
        Assert.Equal("         ^^^", lines[2]);
        Assert.Equal("did you mean: Apache-2.0", lines[3]);
    }

    [Fact]
    public void A_huge_input_echoes_only_a_window_and_control_characters_are_masked()
    {
        var input = new string('x', 100_000) + "\u001b[31m";

        var (exit, _, error) = Run("expression", input);

        Assert.Equal(2, exit);
        Assert.DoesNotContain('\u001b', error);
        Assert.True(error.Length < 500, error.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var lines = Lines(error);
        Assert.Equal(lines[1].IndexOf('?', StringComparison.Ordinal), lines[2].IndexOf('^', StringComparison.Ordinal));
    }

    [Fact]
    public void Json_gives_the_licences_and_flags()
    {
        var (exit, output, _) = Run("expression", "GPL-2.0+ WITH Classpath-exception-2.0 OR LicenseRef-Mine", "--format", "json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.True(root.GetProperty("valid").GetBoolean());
        Assert.Equal("GPL-2.0-or-later WITH Classpath-exception-2.0 OR LicenseRef-Mine", root.GetProperty("normalized").GetString());
        var licences = root.GetProperty("licenses").EnumerateArray().ToList();
        Assert.Equal(2, licences.Count);
        Assert.Equal("GPL-2.0-or-later", licences[0].GetProperty("id").GetString());
        Assert.Equal("Classpath-exception-2.0", licences[0].GetProperty("exception").GetString());
        Assert.Equal("WeakCopyleftLibrary", licences[0].GetProperty("kind").GetString());
        Assert.True(licences[0].GetProperty("osiApproved").GetBoolean());
        Assert.True(licences[0].GetProperty("deprecatedMapped").GetBoolean());
        Assert.True(licences[1].GetProperty("licenseRef").GetBoolean());
        Assert.Equal("GPL-2.0-or-later", root.GetProperty("deprecatedIds").GetProperty("GPL-2.0+").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("error").ValueKind);
    }

    [Fact]
    public void Json_errors_carry_position_length_and_suggestion_and_exit_2()
    {
        var (exit, output, _) = Run("expression", "MIT License", "--format", "json");

        Assert.Equal(2, exit);
        using var json = JsonDocument.Parse(output);
        var e = json.RootElement.GetProperty("error");
        Assert.False(json.RootElement.GetProperty("valid").GetBoolean());
        Assert.Equal(4, e.GetProperty("position").GetInt32());
        Assert.Equal(7, e.GetProperty("length").GetInt32());
        Assert.Equal("MIT", e.GetProperty("suggestion").GetString());
    }

    [Fact]
    public void An_unknown_format_is_refused()
    {
        Assert.NotEqual(0, Run("expression", "MIT", "--format", "yaml").Exit);
    }

    [Fact]
    public void An_empty_expression_is_an_error()
    {
        var (exit, _, error) = Run("expression", " ");

        Assert.Equal(2, exit);
        Assert.Contains("empty", error, StringComparison.Ordinal);
    }

    private static string[] Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = Program.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
