// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Commons.Licensing.Identification;

namespace Commons.Licensing.Tests.Identification;

/// <summary>The ways a real licence file departs from the catalogue text, applied to a text (licensee's vendored-licence spec does the same).</summary>
internal static class TextVariants
{
    /// <summary>Joins each paragraph's lines and wraps it again at <paramref name="width"/> columns.</summary>
    public static string Rewrap(string text, int width)
    {
        var output = new StringBuilder();
        foreach (var paragraph in text.Replace("\r\n", "\n").Split(new[] { "\n\n" }, StringSplitOptions.None))
        {
            var words = paragraph.Split(new[] { ' ', '\n', '\t' }, StringSplitOptions.RemoveEmptyEntries);
            var line = new StringBuilder();
            foreach (var word in words)
            {
                if (line.Length > 0 && line.Length + 1 + word.Length > width)
                {
                    output.Append(line).Append('\n');
                    line.Clear();
                }

                line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
            }

            output.Append(line).Append("\n\n");
        }

        return output.ToString();
    }

    /// <summary>Puts the licence name on top, then copyright lines, as a project's LICENSE file does.</summary>
    public static string WithTitleAndCopyright(string text, string title)
        => title + "\n\nCopyright (c) 2019-2024 Jane Example <jane@example.org>\nCopyright 2021 Example Corp.\nAll rights reserved.\n\n" + text;

    /// <summary>
    /// The text inside a project's own words: a Markdown heading with the licence's name, a sentence saying the terms
    /// follow, two copyright lines, and a contact line after the text (issue 13, "a standard text inside other material").
    /// </summary>
    public static string InsideProjectWords(string text, string name)
        => "# " + name + "\n\nThis project is licensed under the terms below.\n\nCopyright (c) 2020 Jane Doe\nCopyright (c) 2021-2024 The Example Authors\n\n"
            + text + "\n\nFor questions about licensing, contact legal@example.org.\n";

    /// <summary>YAML front matter on top, as choosealicense.com's templates have.</summary>
    public static string WithFrontMatter(string text, string name, string id)
        => "---\ntitle: " + name + "\nspdx-id: " + id + "\nredirect_from: /licenses/" + id.ToLowerInvariant() + "/\n---\n\n" + text;

    /// <summary>Swaps bullet styles and straight for typographic quotes and dashes.</summary>
    public static string WithOtherBulletsAndQuotes(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var trimmed = lines[i].TrimStart();
            var indent = lines[i].Substring(0, lines[i].Length - trimmed.Length);
            if (trimmed.StartsWith("* ", StringComparison.Ordinal))
            {
                lines[i] = indent + "- " + trimmed.Substring(2);
            }
            else if (trimmed.StartsWith("- ", StringComparison.Ordinal))
            {
                lines[i] = indent + "• " + trimmed.Substring(2);
            }
        }

        var result = new StringBuilder();
        var open = true;
        foreach (var c in string.Join("\n", lines))
        {
            switch (c)
            {
                case '"':
                    result.Append(open ? '“' : '”');
                    open = !open;
                    break;
                case '\'':
                    result.Append('’');
                    break;
                case '`':
                    result.Append('‘');
                    break;
                default:
                    result.Append(c);
                    break;
            }
        }

        return result.ToString().Replace(" - ", " – ");
    }

    /// <summary>Inserts <paramref name="count"/> random made-up words at random places (seeded: the same text every run).</summary>
    public static string WithRandomWords(string text, int count, int seed)
    {
        var random = new Random(seed);
        var words = text.Split(' ').ToList();
        for (var n = 0; n < count; n++)
        {
            var length = random.Next(4, 10);
            var word = new char[length];
            for (var k = 0; k < length; k++)
            {
                word[k] = (char)('a' + random.Next(26));
            }

            words.Insert(random.Next(words.Count + 1), new string(word));
        }

        return string.Join(" ", words);
    }

    /// <summary>What an identification of <paramref name="id"/>'s text may answer: the id, a twin with the same normalised text, or what a deprecated "-with-exception" id means.</summary>
    public static ISet<string> AcceptableAnswers(LicenseIdentifier identifier, string id)
    {
        var answers = new HashSet<string>(StringComparer.Ordinal) { id };
        var entry = identifier.Index.Find(id);
        if (entry is not null)
        {
            answers.UnionWith(entry.Twins);
        }

        foreach (var twin in answers.ToList())
        {
            if (IdentificationTables.DeprecatedIdExpressions.TryGetValue(twin, out var expression))
            {
                answers.Add(expression);
            }
        }

        return answers;
    }
}
