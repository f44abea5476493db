// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Linq;
using Commons.Compliance.Facts;
using Commons.Inspection.Repository;

namespace Commons.Inspection.Tests;

public class PublicCodeReaderTests
{
    [Fact]
    public void Parse_flattens_nodes_with_paths_values_and_positions()
    {
        const string yaml = "publiccodeYmlVersion: \"0.4\"\nname: Demo\nplatforms:\n  - web\n  - linux\ndescription:\n  en:\n    shortDescription: A demo\nlegal:\n  license: EUPL-1.2\n";
        var facts = new PublicCodeFacts();

        PublicCodeReader.Parse(yaml, facts);

        Assert.Null(facts.ParseError);
        var byPath = facts.Nodes.ToDictionary(n => n.Path);
        Assert.Equal("0.4", byPath["publiccodeYmlVersion"].Value);
        Assert.Equal(YamlNodeKind.Sequence, byPath["platforms"].Kind);
        Assert.Equal(2, byPath["platforms"].Count);
        Assert.Equal("linux", byPath["platforms[1]"].Value);
        Assert.Equal(5, byPath["platforms[1]"].Line);
        Assert.Equal("A demo", byPath["description.en.shortDescription"].Value);
        Assert.Equal(8, byPath["description.en.shortDescription"].Line);
        Assert.Equal(5, byPath["description.en.shortDescription"].Column);
        Assert.Equal("EUPL-1.2", byPath["legal.license"].Value);
    }

    [Fact]
    public void Parse_records_a_syntax_error_with_its_position()
    {
        var facts = new PublicCodeFacts();

        PublicCodeReader.Parse("name: Demo\nlegal:\n  license: 'MIT\n", facts);

        Assert.NotNull(facts.ParseError);
        Assert.True(facts.ParseErrorLine >= 3, "line " + facts.ParseErrorLine);
        Assert.Empty(facts.Nodes);
    }

    [Fact]
    public void Parse_never_throws_on_a_flow_sequence_left_open()
    {
        var facts = new PublicCodeFacts();

        PublicCodeReader.Parse("name: Demo\nlegal:\n  license: [MIT\nurl: x\n", facts);

        Assert.NotNull(facts.ParseError);
        Assert.True(facts.ParseErrorLine >= 1);
    }

    [Fact]
    public void Parse_rejects_a_document_that_is_not_a_mapping()
    {
        var facts = new PublicCodeFacts();

        PublicCodeReader.Parse("- just\n- a list\n", facts);

        Assert.Equal("publiccode.yml must be a mapping of keys to values", facts.ParseError);
    }
}
