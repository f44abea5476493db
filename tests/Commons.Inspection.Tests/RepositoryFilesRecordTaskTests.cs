// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Commons.Build.Tasks;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Commons.Inspection.Tests;

/// <summary>
/// FindCommonsRepositoryFiles run several times in one process, as an MSBuild node runs it build after build: it answers from its
/// record only while nothing changed, and after any change gives exactly what looking afresh gives (the node's in-process caches
/// of the file list and of each file's verdict are live across the runs, as in a reused node).
/// </summary>
public class RepositoryFilesRecordTaskTests
{
    private const string Answered = "answered from";

    [Fact]
    public void An_unchanged_repository_is_answered_from_the_record_with_the_same_outputs()
    {
        using var repo = NewRepository();
        var first = Run(repo);
        Assert.DoesNotContain(Answered, first.Log);
        Assert.True(File.Exists(RecordOf(repo)));

        var second = Run(repo);

        Assert.Contains(Answered, second.Log);
        Assert.Equal(first.Outputs, second.Outputs);
        Assert.Equal(Afresh(repo), second.Outputs);
        Assert.Contains("Files " + Path.Combine(repo.Path, "LICENSE") + " CommonsFileKind=License CommonsRelativePath=LICENSE", second.Outputs);
    }

    [Theory]
    [InlineData("REUSE.toml beside the sources", "ReuseFiles")]
    [InlineData("REUSE.toml at the root", "Files")]
    [InlineData("a .license sidecar", "ReuseFiles")]
    [InlineData(".reuse/dep5", "ReuseFiles")]
    [InlineData("a REUSE.toml emptied", "UnreadableInputs")]
    [InlineData("LICENSE turned binary", "Files")]
    [InlineData("LICENSE deleted", "FoundFiles")]
    [InlineData("docs/CONTRIBUTING.md added", "Files")]
    [InlineData("LICENSES/MIT.txt added", "Files")]
    [InlineData(".git in the project folder", "RepositoryRoot")]
    [InlineData("a baseline added", "BaselineFileText")]
    [InlineData("the policy file emptied", "PolicyFileText")]
    [InlineData("a property changed", "Description")]
    [InlineData("a source added in a new folder with its REUSE.toml", "ReuseFiles")]
    public void After_any_change_the_answer_is_what_looking_afresh_gives(string change, string changedOutput)
    {
        using var repo = NewRepository();
        Run(repo);
        var before = Run(repo);
        Assert.Contains(Answered, before.Log);
        var description = "A library";
        var sources = new List<string> { Path.Combine(repo.Path, "src", "App", "Program.cs") };

        switch (change)
        {
            case "REUSE.toml beside the sources":
                repo.Write("src/App/REUSE.toml", "version = 1\n");
                break;
            case "REUSE.toml at the root":
                repo.Write("REUSE.toml", "version = 1\n");
                break;
            case "a .license sidecar":
                repo.Write("src/App/Program.cs.license", "SPDX-License-Identifier: MIT\n");
                break;
            case ".reuse/dep5":
                repo.Write(".reuse/dep5", "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n");
                break;
            case "a REUSE.toml emptied":
                File.WriteAllText(Path.Combine(repo.Path, "src", "REUSE.toml"), "");
                break;
            case "LICENSE turned binary":
                File.WriteAllBytes(Path.Combine(repo.Path, "LICENSE"), new byte[] { 77, 0, 84 });
                break;
            case "LICENSE deleted":
                File.Delete(Path.Combine(repo.Path, "LICENSE"));
                break;
            case "docs/CONTRIBUTING.md added":
                repo.Write("docs/CONTRIBUTING.md", "# Contributing\n");
                break;
            case "LICENSES/MIT.txt added":
                repo.Write("LICENSES/MIT.txt", "MIT License\n");
                break;
            case ".git in the project folder":
                Directory.CreateDirectory(Path.Combine(repo.Path, "src", "App", ".git"));
                break;
            case "a baseline added":
                repo.Write("commons.baseline.json", "{ \"version\": 1, \"findings\": [] }\n");
                break;
            case "the policy file emptied":
                File.WriteAllText(Path.Combine(repo.Path, "commons.policy.json"), "");
                break;
            case "a property changed":
                description = "A library; now with a new description";
                break;
            default:
                repo.Write("src/App/Sub/REUSE.toml", "version = 1\n");
                sources.Add(repo.Write("src/App/Sub/Helper.cs", "class Helper { }\n"));
                break;
        }

        var after = Run(repo, description, sources);

        Assert.DoesNotContain(Answered, after.Log);
        Assert.Equal(Afresh(repo, description, sources), after.Outputs);
        Assert.NotEqual(Changed(before.Outputs, changedOutput), Changed(after.Outputs, changedOutput));

        // Recorded again once things are quiet; the next run answers from it, with the new answer.
        Backdate(repo.Path);
        Run(repo, description, sources);
        var quiet = Run(repo, description, sources);
        Assert.Contains(Answered, quiet.Log);
        Assert.Equal(after.Outputs, quiet.Outputs);
    }

    [Fact]
    public void A_compiled_file_in_obj_does_not_end_the_record_when_the_build_writes_beside_it()
    {
        using var repo = NewRepository();
        var generated = repo.Write("src/App/obj/Debug/GlobalUsings.g.cs", "global using System;\n");
        Backdate(repo.Path);
        var sources = new List<string> { Path.Combine(repo.Path, "src", "App", "Program.cs"), generated };
        Run(repo, sources: sources);

        repo.Write("src/App/obj/Debug/App.AssemblyInfo.cs", "// written by every build\n");
        File.WriteAllText(generated, "global using System;\nglobal using System.IO;\n");
        var second = Run(repo, sources: sources);

        Assert.Contains(Answered, second.Log);
        Assert.Equal(Afresh(repo, sources: sources), second.Outputs);
    }

    [Fact]
    public void Nothing_is_recorded_while_something_looked_at_is_fresh_and_an_old_record_is_removed()
    {
        using var repo = NewRepository();
        Run(repo);
        Assert.True(File.Exists(RecordOf(repo)));

        File.WriteAllText(Path.Combine(repo.Path, "README.md"), "# Readme, edited\n");
        var run = Run(repo);

        Assert.DoesNotContain(Answered, run.Log);
        Assert.False(File.Exists(RecordOf(repo)));
    }

    [Fact]
    public void A_damaged_record_is_looked_past()
    {
        using var repo = NewRepository();
        var first = Run(repo);
        File.WriteAllText(RecordOf(repo), "commons-repository-files 1\nkey\tgarbage");

        var second = Run(repo);

        Assert.DoesNotContain(Answered, second.Log);
        Assert.Equal(first.Outputs, second.Outputs);
    }

    /// <summary>A repository with a licence, a readme, a docs folder, a policy file and a REUSE.toml above the sources, all older than the test.</summary>
    private static TempFolder NewRepository()
    {
        var repo = new TempFolder();
        Directory.CreateDirectory(Path.Combine(repo.Path, ".git"));
        Directory.CreateDirectory(Path.Combine(repo.Path, "docs"));
        repo.Write("LICENSE", "MIT License\n\nPermission is hereby granted\n");
        repo.Write("README.md", "# Readme\n");
        repo.Write("commons.policy.json", "{ \"exceptions\": [] }\n");
        repo.Write("src/REUSE.toml", "version = 1\n");
        repo.Write("src/App/Program.cs", "class Program { }\n");
        repo.Write("src/App/App.csproj", "<Project />\n");
        Directory.CreateDirectory(Path.Combine(repo.Path, "src", "App", "obj"));
        Backdate(repo.Path);
        return repo;
    }

    /// <summary>Every file and folder ten minutes old: what the tests write afterwards is a change.</summary>
    private static void Backdate(string root)
    {
        var past = DateTime.UtcNow.AddMinutes(-10);
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, past);
        }

        foreach (var folder in Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories).Reverse().Append(root))
        {
            Directory.SetLastWriteTimeUtc(folder, past);
        }
    }

    private static string RecordOf(TempFolder repo) => Path.Combine(repo.Path, "src", "App", "obj", "commons.repository-files");

    private static (string Outputs, string Log) Run(TempFolder repo, string description = "A library", List<string>? sources = null, bool withRecord = true)
    {
        var engine = new CollectingEngine();
        var task = new FindCommonsRepositoryFiles
        {
            BuildEngine = engine,
            ProjectDirectory = Path.Combine(repo.Path, "src", "App"),
            PolicyFile = "../../commons.policy.json",
            AnalyzerProperties = new ITaskItem[]
            {
                Property("CommonsRepositoryRoot", ""),
                Property("Description", description),
                Property("PackageLicenseExpression", "MIT"),
            },
            SourceFiles = (sources ?? new List<string> { Path.Combine(repo.Path, "src", "App", "Program.cs") }).Select(s => (ITaskItem)new TaskItem(s)).ToArray(),
            RecordFile = withRecord ? RecordOf(repo) : null,
        };
        Assert.True(task.Execute());
        Assert.Empty(engine.Warnings);

        var outputs = new StringBuilder();
        outputs.Append("RepositoryRoot ").Append(task.RepositoryRoot).Append('\n');
        outputs.Append("EncodedAnalyzerProperties ").Append(task.EncodedAnalyzerProperties).Append('\n');
        outputs.Append("PolicyFileFullPath ").Append(task.PolicyFileFullPath).Append('\n');
        outputs.Append("BaselineFileFullPath ").Append(task.BaselineFileFullPath).Append('\n');
        foreach (var (name, items) in new[]
        {
            ("Files", task.Files), ("FoundFiles", task.FoundFiles), ("PolicyFileText", task.PolicyFileText),
            ("BaselineFileText", task.BaselineFileText), ("ReuseFiles", task.ReuseFiles),
        })
        {
            foreach (var item in items)
            {
                var custom = item.CloneCustomMetadata();
                var metadata = custom.Keys.Cast<string>().Select(k => k + "=" + custom[k]).OrderBy(m => m, StringComparer.Ordinal);
                outputs.Append(name).Append(' ').Append(item.ItemSpec).Append(' ').Append(string.Join(" ", metadata)).Append('\n');
            }
        }

        return (outputs.ToString(), string.Join("\n", engine.Messages));
    }

    /// <summary>The answer of a run without a record.</summary>
    private static string Afresh(TempFolder repo, string description = "A library", List<string>? sources = null)
        => Run(repo, description, sources, withRecord: false).Outputs;

    /// <summary>The lines of the outputs that a change should alter.</summary>
    private static string Changed(string outputs, string what)
        => string.Join("\n", outputs.Split('\n').Where(l => l.StartsWith(what + " ", StringComparison.Ordinal) || (l.StartsWith("EncodedAnalyzerProperties ", StringComparison.Ordinal) && what is "Description" or "UnreadableInputs" or "RepositoryRoot")));

    private static ITaskItem Property(string name, string value)
    {
        var item = new TaskItem(name);
        item.SetMetadata("Value", value);
        return item;
    }

    private sealed class CollectingEngine : IBuildEngine
    {
        public List<string> Messages { get; } = new();

        public List<string> Warnings { get; } = new();

        public bool ContinueOnError => false;

        public int LineNumberOfTaskNode => 0;

        public int ColumnNumberOfTaskNode => 0;

        public string ProjectFileOfTaskNode => "test.proj";

        public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => false;

        public void LogCustomEvent(CustomBuildEventArgs e)
        {
        }

        public void LogErrorEvent(BuildErrorEventArgs e) => Warnings.Add("error: " + e.Message);

        public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e.Message ?? "");

        public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Add(e.Message ?? "");
    }
}
