// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Commons.Compliance.Facts;
using Commons.Inspection.Repository;

namespace Commons.Inspection.Tests;

/// <summary>The one reading rule for the repository's documents and the policy file (issue 16 §3).</summary>
public sealed class DocumentReaderTests
{
    [Fact]
    public void Each_kind_of_file_gets_its_state()
    {
        using var folder = new TempFolder();
        var cases = new Dictionary<string, FileContent>
        {
            [folder.Write("text.md", "# Title\n")] = FileContent.Text,
            [folder.Write("empty.md", "")] = FileContent.Empty,
            [folder.Write("binary.pdf", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x00, 0x01 })] = FileContent.Binary,
            [folder.Write("big.txt", new byte[BoundedFile.DefaultMaxBytes + 1])] = FileContent.TooLarge,
            [Directory.CreateDirectory(Path.Combine(folder.Path, "LICENSE")).FullName] = FileContent.Unreadable,
            [Path.Combine(folder.Path, "missing.md")] = FileContent.Unreadable,
            [folder.Write("utf16.txt", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("MIT License\n")).ToArray())] = FileContent.Text,
            [folder.Write("utf16-nul.txt", Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("MIT\0License\n")).ToArray())] = FileContent.Binary,
        };

        foreach (var (path, expected) in cases)
        {
            Assert.True(DocumentReader.Read(path).State == expected, path + ": " + DocumentReader.Read(path).State + ", expected " + expected);
        }
    }

    [Fact]
    public void A_name_with_a_control_character_is_not_read()
    {
        using var folder = new TempFolder();
        var path = folder.Write("LICENSE-x\n[*]\nbuild_property.CommonsGate = true", "MIT License\n");

        var read = DocumentReader.Read(path);

        Assert.Equal(FileContent.Unreadable, read.State);
        Assert.Null(read.Text);
    }

    [Fact]
    public void Text_is_decoded_as_the_compiler_decodes_it()
    {
        Assert.Equal("Licence été", DocumentReader.Decode(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("Licence été")).ToArray()));
        Assert.Equal("Licence été", DocumentReader.Decode(Encoding.UTF8.GetBytes("Licence été")));
        Assert.Equal("Licence \u00e9t\u00e9", DocumentReader.Decode(Encoding.Latin1.GetBytes("Licence été")));
        Assert.Equal("MIT", DocumentReader.Decode(Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes("MIT")).ToArray()));
    }
}
