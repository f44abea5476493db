// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Security;
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
/// when neither its inputs nor anything it looked at changed since the last build, it answers from its record in <c>obj/</c>
/// (<see cref="RepositoryFilesRecord"/>) without loading Commons.Inspection; otherwise the list is cached per root, each file's
/// verdict per size and time.
/// </summary>
public sealed class FindCommonsRepositoryFiles : Task
{
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

    /// <summary>
    /// Where the answer is recorded for the next build (<c>obj/commons.repository-files</c>); none when empty (every build then
    /// looks again).
    /// </summary>
    public string? RecordFile { get; set; }

    /// <summary>REUSE files found that are no text (empty, binary, oversized, a folder …), and why: CMN0902 in the analyzer.</summary>
    private readonly List<(string Path, string Problem)> unreadableReuseFiles = new();

    /// <summary>The low-importance messages of this run, recorded with the answer.</summary>
    private readonly List<string> messages = new();

    /// <summary>The record of this run, stamping each file and folder before the run reads it; null when none is kept.</summary>
    private RepositoryFilesRecord? record;

    /// <summary>When this run started (UTC): what changed since, or just before, is too fresh to record.</summary>
    private DateTime started;

    /// <summary>
    /// False once the answer must not be recorded: something looked at could not be stamped or changed too recently, or something
    /// went wrong that the build must hear about again (a warning).
    /// </summary>
    private bool recordable = true;

    public override bool Execute()
    {
        // This method and what it calls use only the framework and MSBuild: an answer from the record loads nothing of ours.
        var startedUtc = DateTime.UtcNow;
        var key = RecordKey();
        if (!string.IsNullOrWhiteSpace(RecordFile) && RepositoryFilesRecord.Read(RecordFile!) is { } previous && previous.IsCurrentFor(key))
        {
            Answer(previous);
            return true;
        }

        FindAndRecord(key, startedUtc);
        return true;
    }

    /// <summary>Everything the answer depends on besides the files: the parameters, and the code that answers (its files' stamps are watched).</summary>
    private string RecordKey()
    {
        var inputs = new List<KeyValuePair<string, string?>>
        {
            new("ProjectDirectory", ProjectDirectory),
            new("ConfiguredRepositoryRoot", ConfiguredRepositoryRoot),
            new("PolicyFile", PolicyFile),
            new("Baseline", Baseline),
            new("BaselineFile", BaselineFile),
        };
        foreach (var property in AnalyzerProperties)
        {
            inputs.Add(new KeyValuePair<string, string?>("property:" + property.ItemSpec, property.GetMetadata("Value")));
        }

        foreach (var source in SourceFiles)
        {
            inputs.Add(new KeyValuePair<string, string?>("source", source.ItemSpec));
        }

        return RepositoryFilesRecord.KeyOf(inputs);
    }

    /// <summary>The outputs (and the messages) exactly as the run that made the record set them.</summary>
    private void Answer(RepositoryFilesRecord record)
    {
        foreach (var message in record.Messages)
        {
            Log.LogMessage(MessageImportance.Low, message);
        }

        Log.LogMessage(MessageImportance.Low, "Commons: nothing the repository files depend on changed since the last build; answered from " + RecordFile);
        RepositoryRoot = record.Value(nameof(RepositoryRoot));
        EncodedAnalyzerProperties = record.Value(nameof(EncodedAnalyzerProperties)) ?? "";
        PolicyFileFullPath = record.Value(nameof(PolicyFileFullPath));
        BaselineFileFullPath = record.Value(nameof(BaselineFileFullPath));
        Files = ItemsOf(record, nameof(Files));
        FoundFiles = ItemsOf(record, nameof(FoundFiles));
        PolicyFileText = ItemsOf(record, nameof(PolicyFileText));
        BaselineFileText = ItemsOf(record, nameof(BaselineFileText));
        ReuseFiles = ItemsOf(record, nameof(ReuseFiles));
    }

    private static ITaskItem[] ItemsOf(RepositoryFilesRecord record, string output)
    {
        var items = new List<ITaskItem>();
        foreach (var recorded in record.Items(output))
        {
            // TaskItem keeps its spec and metadata escaped, as given: the recorded (escaped) strings make the same items.
            var item = new TaskItem(recorded.EscapedSpec);
            foreach (var metadata in recorded.EscapedMetadata)
            {
                item.SetMetadata(metadata.Key, metadata.Value);
            }

            items.Add(item);
        }

        return items.ToArray();
    }

    /// <summary>Looks at the repository and records the answer. Apart from <see cref="Execute"/>, so that only this path loads Commons.Inspection.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void FindAndRecord(string key, DateTime startedUtc)
    {
        started = startedUtc;
        record = string.IsNullOrWhiteSpace(RecordFile) ? null : new RepositoryFilesRecord(key);
        FindFiles();
        var properties = AnalyzerProperties.Select(p => new KeyValuePair<string, string>(
            p.ItemSpec,
            p.ItemSpec == PropertyNames.RepositoryRoot && string.IsNullOrWhiteSpace(p.GetMetadata("Value")) ? RepositoryRoot ?? "" : p.GetMetadata("Value"))).ToList();
        if (unreadableReuseFiles.Count > 0)
        {
            properties.Add(new KeyValuePair<string, string>(PropertyNames.UnreadableInputs, ReuseBuildLicensing.EncodeUnreadable(unreadableReuseFiles)));
        }

        EncodedAnalyzerProperties = PropertyEncoding.Encode(properties);
        if (record is not null)
        {
            Record(record);
        }
    }

    /// <summary>
    /// Writes the record of this run, or removes the old one when this answer cannot be recorded: a warning was logged, or
    /// something looked at changed too recently to know which state was read (<see cref="RepositoryFilesRecord.Watch"/>).
    /// </summary>
    private void Record(RepositoryFilesRecord record)
    {
        // The code that answers: a new build of the task or of what it calls answers anew.
        var taskFolder = Path.GetDirectoryName(typeof(FindCommonsRepositoryFiles).Assembly.Location);
        var complete = recordable && !string.IsNullOrEmpty(taskFolder);
        foreach (var assembly in new[] { "Commons.Build.Tasks.dll", "Commons.Inspection.dll", "Commons.Compliance.dll" })
        {
            complete = complete && record.WatchUnread(Path.Combine(taskFolder!, assembly));
        }

        if (!complete)
        {
            RepositoryFilesRecord.TryDelete(RecordFile!);
            return;
        }

        record.SetValue(nameof(RepositoryRoot), RepositoryRoot);
        record.SetValue(nameof(EncodedAnalyzerProperties), EncodedAnalyzerProperties);
        record.SetValue(nameof(PolicyFileFullPath), PolicyFileFullPath);
        record.SetValue(nameof(BaselineFileFullPath), BaselineFileFullPath);
        RecordItems(record, nameof(Files), Files);
        RecordItems(record, nameof(FoundFiles), FoundFiles);
        RecordItems(record, nameof(PolicyFileText), PolicyFileText);
        RecordItems(record, nameof(BaselineFileText), BaselineFileText);
        RecordItems(record, nameof(ReuseFiles), ReuseFiles);
        foreach (var message in messages)
        {
            record.AddMessage(message);
        }

        if (!record.TryWrite(RecordFile!))
        {
            RepositoryFilesRecord.TryDelete(RecordFile!);
        }
    }

    /// <summary>Stamps a file or folder the run is about to read or list (<see cref="RepositoryFilesRecord.Watch"/>).</summary>
    private void Look(string path)
    {
        if (record is not null && recordable && !record.Watch(path, started))
        {
            recordable = false;
        }
    }

    /// <summary>Stamps whether something is at a path the run is about to test for.</summary>
    private void LookForEntry(string path)
    {
        if (record is not null && recordable && !record.WatchExistence(path))
        {
            recordable = false;
        }
    }

    private static void RecordItems(RepositoryFilesRecord record, string output, ITaskItem[] items)
    {
        foreach (var item in items)
        {
            var escaped = (ITaskItem2)item;
            var metadata = new List<KeyValuePair<string, string>>();
            foreach (System.Collections.DictionaryEntry entry in escaped.CloneCustomMetadataEscaped())
            {
                metadata.Add(new KeyValuePair<string, string>((string)entry.Key, (string)entry.Value!));
            }

            metadata.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
            record.AddItem(output, escaped.EvaluatedIncludeEscaped, metadata);
        }
    }

    private void LogLow(string message)
    {
        Log.LogMessage(MessageImportance.Low, message);
        messages.Add(message);
    }

    private void FindFiles()
    {
        try
        {
            FindPolicyFile();
            LookAtRootSearch();
            RepositoryRoot = Inspection.Repository.RepositoryRoot.Find(ProjectDirectory, ConfiguredRepositoryRoot);
            FindBaseline();
            if (RepositoryRoot is null)
            {
                LogLow("Commons: no repository root (.git) above " + ProjectDirectory);
                return;
            }

            // Cached per root: every project of the repository asks again, at every build.
            LookAtListedFolders(RepositoryRoot);
            var (files, problems) = RepositoryFileListCache.Shared.Find(RepositoryRoot);
            foreach (var file in files)
            {
                Look(file.FullPath);
            }

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
                LogLow("Commons: " + problem.Message);
            }

            FindReuseFiles(RepositoryRoot, Files.Select(f => f.ItemSpec), files.Select(f => f.FullPath));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Operational trouble only: the build goes on, the analyzer reports the missing facts.
            recordable = false;
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

        LookAtReuseCandidates(root, sources);
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
        if (ContentVerdicts.Known.TryGetValue(path, out var known) && known.Length == length && known.Written == written)
        {
            return known.Content;
        }

        var content = DocumentReader.Read(path, maxBytes).State;
        ContentVerdicts.Known[path] = (length, written, content);
        return content;
    }

    /// <summary>
    /// What decides the root: whether a <c>.git</c> is in the project's folder or any above it (all of them: the search stops at
    /// the first). Nothing when the root is configured.
    /// </summary>
    private void LookAtRootSearch()
    {
        if (!string.IsNullOrWhiteSpace(ConfiguredRepositoryRoot))
        {
            return;
        }

        try
        {
            for (var folder = new DirectoryInfo(Path.GetFullPath(ProjectDirectory)); folder is not null; folder = folder.Parent)
            {
                LookForEntry(Path.Combine(folder.FullName, ".git"));
            }
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException or IOException or SecurityException)
        {
            recordable = false;
        }
    }

    /// <summary>
    /// The folders whose files are listed: the root, and <c>.github</c>, <c>docs</c> and <c>LICENSES</c> below it in any case (a file
    /// added, removed or renamed in a folder changes its time; a new one of these folders changes the root's).
    /// </summary>
    private void LookAtListedFolders(string root)
    {
        Look(root);
        var listed = new HashSet<string>(RepositoryFileTable.Folders.Where(f => f.Length > 0), StringComparer.OrdinalIgnoreCase) { RepositoryFileTable.ReuseLicensesFolder };
        try
        {
            foreach (var folder in new DirectoryInfo(root).EnumerateDirectories())
            {
                if (listed.Contains(folder.Name))
                {
                    Look(folder.FullName);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SecurityException)
        {
            // The listing meets the same trouble and says so; a root that cannot be listed is looked at again next build.
            recordable = false;
        }
    }

    /// <summary>
    /// Every path <see cref="ReuseBuildFiles.Find"/> tests for the sources (<see cref="ReuseBuildFiles.Candidates"/>). The paths
    /// themselves, not their folders: a folder that holds generated sources (<c>obj/</c>) changes at every build.
    /// </summary>
    private void LookAtReuseCandidates(string root, List<string> sources)
    {
        foreach (var (path, _) in ReuseBuildFiles.Candidates(root, sources))
        {
            Look(path);
        }
    }

    /// <summary>Each file's verdict, kept while its size and modification time stay the same (MSBuild nodes live across builds).</summary>
    private static class ContentVerdicts
    {
        public static readonly ConcurrentDictionary<string, (long Length, DateTime Written, FileContent Content)> Known = new(StringComparer.Ordinal);
    }

    /// <summary>The baseline, by the rule the collection and the CLI share; handed to the compiler only when it is a text.</summary>
    private void FindBaseline()
    {
        if (BaselineLocation.Resolve(ProjectDirectory, RepositoryRoot, Baseline, BaselineFile) is not { } baseline)
        {
            return;
        }

        BaselineFileFullPath = baseline.Path;
        Look(baseline.Path);
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
            LogLow("Commons: the policy file '" + PolicyFile + "' is no path: " + ex.Message);
            return;
        }

        Look(PolicyFileFullPath);

        if (DocumentReader.Read(PolicyFileFullPath).State == FileContent.Text)
        {
            PolicyFileText = new ITaskItem[] { new TaskItem(PolicyFileFullPath) };
        }
    }
}
