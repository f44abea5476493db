// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Commons.Compliance.Facts;
using Commons.Compliance.Input;
using Commons.Compliance.Reuse;
using Commons.Inspection;
using Commons.Inspection.Repository;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Commons.Build.Tasks;

/// <summary>
/// Prepares what the compiler hands to the analyzer, in every build: finds the repository root and its licence and community
/// files, and which of them (and of the policy file) the compiler may receive as AdditionalFiles, the texts, by the one reading
/// rule (<see cref="DocumentReader"/>) that the collection and the CLI also follow; and encodes the contract's properties
/// (<see cref="PropertyEncoding"/>). One task, so that Visual Studio's MSBuild starts one task host per build, not two. Cheap:
/// the list is cached per root, each file's verdict per size and time.
/// </summary>
public sealed class FindCommonsRepositoryFiles : Task
{
    /// <summary>Each file's verdict, kept while its size and modification time stay the same (MSBuild nodes live across builds).</summary>
    private static readonly ConcurrentDictionary<string, (long Length, DateTime Written, FileContent Content)> Verdicts = new(StringComparer.Ordinal);

    [Required]
    public string ProjectDirectory { get; set; } = "";

    /// <summary>The <c>CommonsRepositoryRoot</c> property, when the user set it.</summary>
    public string? ConfiguredRepositoryRoot { get; set; }

    [Output]
    public string? RepositoryRoot { get; private set; }

    /// <summary>The <c>CommonsPolicyFile</c> property (relative to the project's folder), when set.</summary>
    public string? PolicyFile { get; set; }

    /// <summary>The <c>CommonsBaseline</c> property (<c>false</c> turns the baseline off).</summary>
    public string? Baseline { get; set; }

    /// <summary>The <c>CommonsBaselineFile</c> property, as written (relative to the project's folder), when set.</summary>
    public string? BaselineFile { get; set; }

    /// <summary>The baseline's full path (<see cref="BaselineLocation"/>), whatever it is: the collection's Input, which records why it is unreadable.</summary>
    [Output]
    public string? BaselineFileFullPath { get; private set; }

    /// <summary>The baseline, when it is a text the compiler may read (metadata <c>CommonsFileKind</c> = <c>Baseline</c>); empty otherwise.</summary>
    [Output]
    public ITaskItem[] BaselineFileText { get; private set; } = Array.Empty<ITaskItem>();

    /// <summary>The contract's properties: item spec the name, metadata <c>Value</c> the evaluated value.</summary>
    public ITaskItem[] AnalyzerProperties { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>
    /// <see cref="AnalyzerProperties"/> encoded for <c>build_property.CommonsAnalyzerProperties</c>; an empty
    /// <c>CommonsRepositoryRoot</c> is the root found here.
    /// </summary>
    [Output]
    public string EncodedAnalyzerProperties { get; private set; } = "";

    /// <summary>
    /// The repository files the compiler may read (texts), each with metadata <c>CommonsFileKind</c> (a
    /// <see cref="RepositoryFileKind"/> name) and <c>CommonsRelativePath</c>.
    /// </summary>
    [Output]
    public ITaskItem[] Files { get; private set; } = Array.Empty<ITaskItem>();

    /// <summary>
    /// Every repository file found, texts or not: the collection's Inputs, so that a file turning into a text (or out of one)
    /// collects again.
    /// </summary>
    [Output]
    public ITaskItem[] FoundFiles { get; private set; } = Array.Empty<ITaskItem>();

    /// <summary>The policy file as a full path, when it is set, whatever it is (the collection's Input and its setting).</summary>
    [Output]
    public string? PolicyFileFullPath { get; private set; }

    /// <summary>The policy file, when it is a text the compiler may read; empty otherwise (the collection records why).</summary>
    [Output]
    public ITaskItem[] PolicyFileText { get; private set; } = Array.Empty<ITaskItem>();

    /// <summary>The C# files being compiled (<c>@(Compile)</c>, full paths): the REUSE files that can license them are handed over.</summary>
    public ITaskItem[] SourceFiles { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>
    /// The REUSE files that can license <see cref="SourceFiles"/>, when they are texts: the REUSE.toml of each of their folders
    /// and its ancestors up to the root (the root one unless <see cref="Files"/> has it), <c>.reuse/dep5</c>, and their
    /// <c>.license</c> sidecars; metadata <c>CommonsFileKind</c> <c>ReuseToml</c>, <c>ReuseDep5</c> or <c>ReuseSidecar</c>.
    /// </summary>
    [Output]
    public ITaskItem[] ReuseFiles { get; private set; } = Array.Empty<ITaskItem>();

    /// <summary>REUSE files found that are no text (empty, binary, oversized, a folder …), and why: CMN0902 in the analyzer.</summary>
    private readonly List<(string Path, string Problem)> unreadableReuseFiles = new();

    public override bool Execute()
    {
        FindFiles();
        var properties = AnalyzerProperties.Select(p => new KeyValuePair<string, string>(
            p.ItemSpec,
            p.ItemSpec == PropertyNames.RepositoryRoot && string.IsNullOrWhiteSpace(p.GetMetadata("Value")) ? RepositoryRoot ?? "" : p.GetMetadata("Value"))).ToList();
        if (unreadableReuseFiles.Count > 0)
        {
            properties.Add(new KeyValuePair<string, string>(PropertyNames.UnreadableInputs, ReuseBuildLicensing.EncodeUnreadable(unreadableReuseFiles)));
        }

        EncodedAnalyzerProperties = PropertyEncoding.Encode(properties);
        return true;
    }

    private void FindFiles()
    {
        try
        {
            FindPolicyFile();
            RepositoryRoot = Inspection.Repository.RepositoryRoot.Find(ProjectDirectory, ConfiguredRepositoryRoot);
            FindBaseline();
            if (RepositoryRoot is null)
            {
                Log.LogMessage(MessageImportance.Low, "Commons: no repository root (.git) above " + ProjectDirectory);
                return;
            }

            // Cached per root: every project of the repository asks again, at every build.
            var (files, problems) = RepositoryFileListCache.Shared.Find(RepositoryRoot);
            FoundFiles = files.Select(f => (ITaskItem)new TaskItem(f.FullPath)).ToArray();
            Files = files
                .Where(f => ContentOf(f.FullPath) == FileContent.Text)
                .Select(f =>
                {
                    var item = new TaskItem(f.FullPath);
                    item.SetMetadata("CommonsFileKind", f.Kind.ToString());
                    item.SetMetadata("CommonsRelativePath", f.RelativePath);
                    return (ITaskItem)item;
                })
                .ToArray();
            foreach (var problem in problems)
            {
                Log.LogMessage(MessageImportance.Low, "Commons: " + problem.Message);
            }

            FindReuseFiles(RepositoryRoot, Files.Select(f => f.ItemSpec), files.Select(f => f.FullPath));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Operational trouble only: the build goes on, the analyzer reports the missing facts.
            Log.LogWarning(null, "CMNTASK01", null, null, 0, 0, 0, 0, "Commons could not list the repository files: {0}", ex.Message);
        }
    }

    /// <summary>
    /// The REUSE files that can license the compiled files (<see cref="ReuseFiles"/>, <see cref="ReuseBuildFiles"/>), each read
    /// again only when its size or time changed; those already among <paramref name="handedOver"/> are not handed over twice, and
    /// a repository file (<paramref name="found"/>) that is too large or unreadable is the collection's to report.
    /// </summary>
    private void FindReuseFiles(string root, IEnumerable<string> handedOver, IEnumerable<string> found)
    {
        var collected = new HashSet<string>(found, StringComparer.Ordinal);
        var sources = new List<string>();
        foreach (var source in SourceFiles)
        {
            try
            {
                sources.Add(Path.GetFullPath(Path.Combine(ProjectDirectory, source.ItemSpec)));
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
            {
                // Not a path: not a file REUSE can license either.
            }
        }

        var already = new HashSet<string>(handedOver, StringComparer.Ordinal);
        var items = new List<ITaskItem>();
        foreach (var (path, kind) in ReuseBuildFiles.Find(root, sources))
        {
            var content = ContentOf(path, ReuseBuildFiles.MaxBytes);
            if (content != FileContent.Text)
            {
                if (!(collected.Contains(path) && content is FileContent.TooLarge or FileContent.Unreadable))
                {
                    unreadableReuseFiles.Add((path, ReuseBuildFiles.Why(content)));
                }
            }
            else if (already.Add(path))
            {
                var item = new TaskItem(path);
                item.SetMetadata("CommonsFileKind", kind);
                items.Add(item);
            }
        }

        ReuseFiles = items.ToArray();
    }

    /// <summary>What the reading rule makes of a file, read again only when its size or time changed.</summary>
    private static FileContent ContentOf(string path, long maxBytes = BoundedFile.DefaultMaxBytes)
    {
        FileInfo info;
        try
        {
            info = new FileInfo(path);
            if (!info.Exists)
            {
                return FileContent.Unreadable;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return FileContent.Unreadable;
        }

        var length = info.Length;
        var written = info.LastWriteTimeUtc;
        if (Verdicts.TryGetValue(path, out var known) && known.Length == length && known.Written == written)
        {
            return known.Content;
        }

        var content = DocumentReader.Read(path, maxBytes).State;
        Verdicts[path] = (length, written, content);
        return content;
    }

    /// <summary>The baseline, by the rule the collection and the CLI share; handed to the compiler only when it is a text.</summary>
    private void FindBaseline()
    {
        if (BaselineLocation.Resolve(ProjectDirectory, RepositoryRoot, Baseline, BaselineFile) is not { } baseline)
        {
            return;
        }

        BaselineFileFullPath = baseline.Path;
        if (ContentOf(baseline.Path, BaselineLocation.MaxBytes) == FileContent.Text)
        {
            var item = new TaskItem(baseline.Path);
            item.SetMetadata("CommonsFileKind", TextFileKinds.Baseline);
            BaselineFileText = new ITaskItem[] { item };
        }
    }

    private void FindPolicyFile()
    {
        if (string.IsNullOrWhiteSpace(PolicyFile))
        {
            return;
        }

        try
        {
            PolicyFileFullPath = Path.GetFullPath(Path.Combine(ProjectDirectory, PolicyFile!.Trim()));
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            Log.LogMessage(MessageImportance.Low, "Commons: the policy file '" + PolicyFile + "' is no path: " + ex.Message);
            return;
        }

        if (DocumentReader.Read(PolicyFileFullPath).State == FileContent.Text)
        {
            PolicyFileText = new ITaskItem[] { new TaskItem(PolicyFileFullPath) };
        }
    }
}
