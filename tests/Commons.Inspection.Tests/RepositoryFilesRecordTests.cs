// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Commons.Build.Tasks;

namespace Commons.Inspection.Tests;

/// <summary>The record FindCommonsRepositoryFiles keeps in obj/: it holds exactly what was written, and holds only while nothing it watched changed.</summary>
public class RepositoryFilesRecordTests
{
    private static readonly DateTime Past = DateTime.UtcNow.AddMinutes(-10);

    [Fact]
    public void A_record_reads_back_as_written_escapes_included()
    {
        using var folder = new TempFolder();
        var license = Backdated(folder.Write("LICENSE", "MIT"));
        var key = RepositoryFilesRecord.KeyOf(new[]
        {
            new KeyValuePair<string, string?>("Description", "two\tlines\r\nand a \\ backslash"),
            new KeyValuePair<string, string?>("PolicyFile", null),
            new KeyValuePair<string, string?>("Baseline", ""),
        });
        var record = new RepositoryFilesRecord(key);
        Assert.True(record.Watch(license, DateTime.UtcNow));
        record.SetValue("RepositoryRoot", folder.Path);
        record.SetValue("EncodedAnalyzerProperties", "a=%2F\tb\nc");
        record.AddItem("Files", license, new[] { new KeyValuePair<string, string>("CommonsFileKind", "License"), new KeyValuePair<string, string>("CommonsRelativePath", "LICENSE") });
        record.AddItem("FoundFiles", "/odd/pa\\th\twith%3B", Array.Empty<KeyValuePair<string, string>>());
        record.AddMessage("Commons: a message\nover two lines");
        var path = Path.Combine(folder.Path, "obj", "commons.repository-files");
        Assert.True(record.TryWrite(path));

        var read = RepositoryFilesRecord.Read(path)!;
        Assert.Equal(key, read.Key);
        Assert.Equal(record.Watched, read.Watched);
        Assert.Equal(folder.Path, read.Value("RepositoryRoot"));
        Assert.Equal("a=%2F\tb\nc", read.Value("EncodedAnalyzerProperties"));
        Assert.Null(read.Value("PolicyFileFullPath"));
        var file = Assert.Single(read.Items("Files"));
        Assert.Equal(license, file.EscapedSpec);
        Assert.Equal(new[] { "CommonsFileKind=License", "CommonsRelativePath=LICENSE" }, file.EscapedMetadata.Select(m => m.Key + "=" + m.Value));
        Assert.Equal("/odd/pa\\th\twith%3B", Assert.Single(read.Items("FoundFiles")).EscapedSpec);
        Assert.Equal("Commons: a message\nover two lines", Assert.Single(read.Messages));
        Assert.True(read.IsCurrentFor(key));
        Assert.NotEqual(key, RepositoryFilesRecord.KeyOf(new[]
        {
            new KeyValuePair<string, string?>("Description", "two\tlines\r\nand a \\ backslash"),
            new KeyValuePair<string, string?>("PolicyFile", ""),
            new KeyValuePair<string, string?>("Baseline", ""),
        }));
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("other format")]
    [InlineData("unknown escape")]
    [InlineData("unknown line")]
    [InlineData("empty")]
    public void A_damaged_or_foreign_record_is_none(string damage)
    {
        using var folder = new TempFolder();
        var record = new RepositoryFilesRecord("key");
        record.SetValue("RepositoryRoot", folder.Path);
        record.AddItem("FoundFiles", Path.Combine(folder.Path, "LICENSE"), Array.Empty<KeyValuePair<string, string>>());
        var path = Path.Combine(folder.Path, "record");
        Assert.True(record.TryWrite(path));
        var text = File.ReadAllText(path);
        File.WriteAllText(path, damage switch
        {
            "truncated" => text.Substring(0, text.LastIndexOf("end", StringComparison.Ordinal)),
            "other format" => text.Replace("commons-repository-files 1", "commons-repository-files 2"),
            "unknown escape" => text.Replace("RepositoryRoot\t", "RepositoryRoot\t\\q"),
            "unknown line" => text.Replace("value\t", "values\t"),
            _ => "",
        });

        Assert.Null(RepositoryFilesRecord.Read(path));
    }

    [Fact]
    public void A_record_made_for_other_inputs_does_not_hold()
    {
        var record = new RepositoryFilesRecord(RepositoryFilesRecord.KeyOf(new[] { new KeyValuePair<string, string?>("source", "/r/A.cs") }));

        Assert.False(record.IsCurrentFor(RepositoryFilesRecord.KeyOf(new[] { new KeyValuePair<string, string?>("source", "/r/B.cs") })));
    }

    [Theory]
    [InlineData("content")]
    [InlineData("same size, older time")]
    [InlineData("deleted")]
    [InlineData("replaced by a folder")]
    public void A_watched_file_that_changed_in_any_way_ends_the_record(string change)
    {
        using var folder = new TempFolder();
        var license = Backdated(folder.Write("LICENSE", "MIT"));
        var record = new RepositoryFilesRecord("key");
        Assert.True(record.Watch(license, DateTime.UtcNow));
        Assert.True(record.IsCurrentFor("key"));

        switch (change)
        {
            case "content":
                File.WriteAllText(license, "Apache-2.0");
                break;
            case "same size, older time":
                File.WriteAllText(license, "BSD");
                File.SetLastWriteTimeUtc(license, Past.AddDays(-1));
                break;
            case "deleted":
                File.Delete(license);
                break;
            default:
                File.Delete(license);
                Directory.CreateDirectory(license);
                break;
        }

        Assert.False(record.IsCurrentFor("key"));
    }

    [Theory]
    [InlineData("REUSE.toml")]
    [InlineData("Program.cs.license")]
    [InlineData(".git")]
    public void An_entry_added_to_a_watched_folder_ends_the_record(string added)
    {
        using var folder = new TempFolder();
        var src = Path.Combine(folder.Path, "src");
        Directory.CreateDirectory(src);
        Directory.SetLastWriteTimeUtc(src, Past);
        var record = new RepositoryFilesRecord("key");
        Assert.True(record.Watch(src, DateTime.UtcNow));
        Assert.True(record.Watch(Path.Combine(folder.Path, ".reuse"), DateTime.UtcNow));
        Assert.True(record.IsCurrentFor("key"));

        folder.Write(Path.Combine("src", added), "x");

        Assert.False(record.IsCurrentFor("key"));
    }

    [Fact]
    public void A_folder_that_did_not_exist_and_appears_ends_the_record()
    {
        using var folder = new TempFolder();
        var record = new RepositoryFilesRecord("key");
        Assert.True(record.Watch(Path.Combine(folder.Path, ".reuse"), DateTime.UtcNow));
        Assert.True(record.IsCurrentFor("key"));

        folder.Write(Path.Combine(".reuse", "dep5"), "Format: x");

        Assert.False(record.IsCurrentFor("key"));
    }

    [Fact]
    public void A_watched_presence_ignores_what_the_entry_holds_and_ends_when_it_goes_or_comes()
    {
        using var folder = new TempFolder();
        var git = Path.Combine(folder.Path, ".git");
        Directory.CreateDirectory(git);
        var nested = Path.Combine(folder.Path, "src", ".git");
        var record = new RepositoryFilesRecord("key");
        Assert.True(record.WatchExistence(git));
        Assert.True(record.WatchExistence(nested));

        folder.Write(".git/index", "changed by every commit");
        Assert.True(record.IsCurrentFor("key"));

        folder.Write("src/.git", "gitdir: ../.git/worktrees/src");
        Assert.False(record.IsCurrentFor("key"));
    }

    [Fact]
    public void What_changed_just_before_or_during_the_run_is_not_recorded()
    {
        using var folder = new TempFolder();
        var fresh = folder.Write("LICENSE", "MIT");
        var old = Backdated(folder.Write("README.md", "# Readme"));
        var record = new RepositoryFilesRecord("key");

        Assert.True(record.Watch(old, DateTime.UtcNow));
        Assert.False(record.Watch(fresh, DateTime.UtcNow));
        Assert.False(new RepositoryFilesRecord("key").Watch(old, Past.Add(RepositoryFilesRecord.RacyWindow)));
    }

    private static string Backdated(string path)
    {
        File.SetLastWriteTimeUtc(path, Past);
        return path;
    }
}
