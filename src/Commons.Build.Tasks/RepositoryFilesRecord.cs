// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace Commons.Build.Tasks;

/// <summary>
/// What <see cref="FindCommonsRepositoryFiles"/> answered for one project, with what the answer depended on: the task's inputs
/// (its <see cref="Key"/>) and the stamps (size and time, or a folder's time) of every file and folder it looked at. Kept in
/// <c>obj/</c>: a build in which neither changed answers from the record, without listing or reading the repository again and
/// without loading Commons.Inspection (in a no-op build the task was most of the package's cost, mostly loading and compiling
/// that code once per MSBuild node).
/// </summary>
/// <remarks>
/// <para>
/// Each path is stamped before the task reads it. A listed folder's time changes when an entry is added, removed or renamed in
/// it (a new CONTRIBUTING.md, a file in LICENSES/); a file's size and time cover its content, which decides whether it is a
/// text; a path tested for (a <c>.license</c> sidecar, a REUSE.toml, <c>.reuse/dep5</c>) is stamped itself, present or not,
/// rather than its folder, which may be <c>obj/</c> and change at every build; a <c>.git</c> only for whether it is there.
/// Stamps are compared for equality, so an older file put in place (an archive extracted, a branch switched) is a change too.
/// </para>
/// <para>
/// Only an answer that cannot be half old is recorded: none when anything looked at changed less than
/// <see cref="RacyWindow"/> before the task started, or after (git's "racily clean" rule, with room for file systems that keep
/// times to the second or two). Plain UTF-8 lines written through a temporary file and a rename; a record that is damaged,
/// truncated or of another format is not one, and the task then looks again.
/// </para>
/// </remarks>
internal sealed class RepositoryFilesRecord
{
    /// <summary>Changes within this time of the task's start are too close to tell apart from what the task read.</summary>
    public static readonly TimeSpan RacyWindow = TimeSpan.FromSeconds(3);

    private const string Header = "commons-repository-files 1";

    private readonly List<(string Path, string Stamp)> watched = new();
    private readonly HashSet<string> watchedPaths = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);
    private readonly List<RecordedItem> items = new();
    private readonly List<string> messages = new();

    public RepositoryFilesRecord(string key)
    {
        Key = key;
    }

    /// <summary>The task's inputs, as one string (<see cref="KeyOf"/>).</summary>
    public string Key { get; }

    /// <summary>The files and folders the answer depends on, each with its stamp (<see cref="StampOf"/>) when it was recorded.</summary>
    public IReadOnlyList<(string Path, string Stamp)> Watched => watched;

    /// <summary>The low-importance messages the task logged, logged again when the record answers.</summary>
    public IReadOnlyList<string> Messages => messages;

    /// <summary>The task's inputs as one string: each name and value on a line of its own, escaped.</summary>
    public static string KeyOf(IEnumerable<KeyValuePair<string, string?>> inputs)
    {
        var key = new StringBuilder();
        foreach (var input in inputs)
        {
            key.Append(Escape(input.Key)).Append('\t').Append(input.Value is null ? "\\0" : Escape(input.Value)).Append('\n');
        }

        return key.ToString();
    }

    /// <summary>
    /// What a path is now: <c>f&lt;size&gt;:&lt;ticks&gt;</c> for a file (or anything not a folder), <c>d&lt;ticks&gt;</c> for a
    /// folder (its last write, UTC), <c>-</c> when there is nothing; null when it cannot be told (the record is then not used).
    /// </summary>
    public static string? StampOf(string path) => StampOf(path, out _);

    /// <summary>Whether anything is at a path, and what: <c>ef</c> a file, <c>ed</c> a folder, <c>e-</c> nothing; null when it cannot be told.</summary>
    public static string? ExistenceOf(string path)
    {
        try
        {
            return File.Exists(path) ? "ef" : Directory.Exists(path) ? "ed" : "e-";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    private static string? StampOf(string path, out DateTime? writtenUtc)
    {
        writtenUtc = null;
        try
        {
            var file = new FileInfo(path);
            if (file.Exists)
            {
                writtenUtc = file.LastWriteTimeUtc;
                return "f" + file.Length.ToString(CultureInfo.InvariantCulture) + ":" + Ticks(file.LastWriteTimeUtc);
            }

            var folder = new DirectoryInfo(path);
            if (!folder.Exists)
            {
                return "-";
            }

            writtenUtc = folder.LastWriteTimeUtc;
            return "d" + Ticks(folder.LastWriteTimeUtc);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>The record in <paramref name="path"/>; null when there is none, or it is unreadable, damaged or of another format.</summary>
    public static RepositoryFilesRecord? Read(string path)
    {
        string text;
        try
        {
            // A record is a few KB; anything far larger under its name is not one.
            var info = new FileInfo(path);
            if (!info.Exists || info.Length > 4 * 1024 * 1024)
            {
                return null;
            }

            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }

        var lines = text.Split('\n');

        // Header, key, …, "end <number of lines before it>", and the empty string after the last line break.
        if (lines.Length < 4 || lines[0] != Header || lines[lines.Length - 1].Length != 0
            || lines[lines.Length - 2] != "end\t" + (lines.Length - 2).ToString(CultureInfo.InvariantCulture))
        {
            return null;
        }

        var keyFields = Fields(lines[1]);
        if (keyFields is not { Length: 2 } || keyFields[0] != "key")
        {
            return null;
        }

        var record = new RepositoryFilesRecord(keyFields[1]);
        for (var i = 2; i < lines.Length - 2; i++)
        {
            var fields = Fields(lines[i]);
            if (fields is null || !record.Add(fields))
            {
                return null;
            }
        }

        return record;
    }

    /// <summary>True when the record was made for this key and nothing it looked at has changed since.</summary>
    public bool IsCurrentFor(string key)
    {
        if (!string.Equals(Key, key, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var (path, stamp) in watched)
        {
            var now = stamp.StartsWith("e", StringComparison.Ordinal) ? ExistenceOf(path) : StampOf(path);
            if (!string.Equals(now, stamp, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Stamps <paramref name="path"/> as it is now, before the task reads it; false when it cannot be stamped, or changed within
    /// <see cref="RacyWindow"/> of <paramref name="startedUtc"/> or later (a second change within the same tick of a coarse clock
    /// would keep the stamp: such an answer must not be recorded).
    /// </summary>
    public bool Watch(string path, DateTime startedUtc) => AddWatched(path, changedBeforeUtc: startedUtc - RacyWindow);

    /// <summary>
    /// Stamps a file the answer does not read but depends on (the task's own assemblies): however recent, only its next change
    /// matters. False when it cannot be stamped.
    /// </summary>
    public bool WatchUnread(string path) => AddWatched(path, changedBeforeUtc: DateTime.MaxValue, existenceOnly: false);

    /// <summary>
    /// Stamps only whether something is at <paramref name="path"/> (a <c>.git</c>: its content changes with every commit, and
    /// only its presence decides the root). False when it cannot be told.
    /// </summary>
    public bool WatchExistence(string path) => AddWatched(path, changedBeforeUtc: DateTime.MaxValue, existenceOnly: true);

    private bool AddWatched(string path, DateTime changedBeforeUtc, bool existenceOnly = false)
    {
        // Once per path: a project's sources share their folders' REUSE.toml (a scan of the list was quadratic in them).
        if (watchedPaths.Contains(path))
        {
            return true;
        }

        DateTime? writtenUtc = null;
        var stamp = existenceOnly ? ExistenceOf(path) : StampOf(path, out writtenUtc);
        if (stamp is null || writtenUtc >= changedBeforeUtc)
        {
            return false;
        }

        watched.Add((path, stamp));
        watchedPaths.Add(path);
        return true;
    }

    /// <summary>A string output of the task (null: not set).</summary>
    public void SetValue(string name, string? value)
    {
        if (value is not null)
        {
            values[name] = value;
        }
    }

    public string? Value(string name) => values.TryGetValue(name, out var value) ? value : null;

    /// <summary>An item of one of the task's item outputs: its item spec and custom metadata as the task set them (escaped, as MSBuild keeps them).</summary>
    public void AddItem(string output, string escapedSpec, IReadOnlyList<KeyValuePair<string, string>> escapedMetadata)
        => items.Add(new RecordedItem(output, escapedSpec, escapedMetadata));

    public IEnumerable<RecordedItem> Items(string output)
    {
        foreach (var item in items)
        {
            if (item.Output == output)
            {
                yield return item;
            }
        }
    }

    public void AddMessage(string message) => messages.Add(message);

    /// <summary>Writes the record through a temporary file and a rename; false when it could not be written (the next build looks again).</summary>
    public bool TryWrite(string path)
    {
        var text = new StringBuilder();
        text.Append(Header).Append('\n');
        AppendLine(text, "key", Key);
        foreach (var (watchedPath, stamp) in watched)
        {
            AppendLine(text, "watch", stamp, watchedPath);
        }

        foreach (var value in values)
        {
            AppendLine(text, "value", value.Key, value.Value);
        }

        foreach (var item in items)
        {
            var fields = new List<string> { "item", item.Output, item.EscapedSpec };
            foreach (var metadata in item.EscapedMetadata)
            {
                fields.Add(metadata.Key);
                fields.Add(metadata.Value);
            }

            AppendLine(text, fields.ToArray());
        }

        foreach (var message in messages)
        {
            AppendLine(text, "message", message);
        }

        var lineCount = text.ToString().Split('\n').Length - 1;
        text.Append("end\t").Append(lineCount.ToString(CultureInfo.InvariantCulture)).Append('\n');

        var temporary = path + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(temporary, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            if (File.Exists(path))
            {
                File.Delete(path);
            }

            File.Move(temporary, path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            TryDelete(temporary);
            return false;
        }
    }

    /// <summary>Removes a record that no longer holds (a build that could not make a new one must not leave the old one).</summary>
    public static void TryDelete(string path)
    {
        try
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // A record that stays is checked against its stamps like any other.
        }
    }

    private bool Add(string[] fields)
    {
        switch (fields[0])
        {
            case "watch" when fields.Length == 3:
                watched.Add((fields[2], fields[1]));
                watchedPaths.Add(fields[2]);
                return true;
            case "value" when fields.Length == 3:
                values[fields[1]] = fields[2];
                return true;
            case "item" when fields.Length >= 3 && fields.Length % 2 == 1:
                var metadata = new List<KeyValuePair<string, string>>();
                for (var i = 3; i < fields.Length; i += 2)
                {
                    metadata.Add(new KeyValuePair<string, string>(fields[i], fields[i + 1]));
                }

                items.Add(new RecordedItem(fields[1], fields[2], metadata));
                return true;
            case "message" when fields.Length == 2:
                messages.Add(fields[1]);
                return true;
            default:
                return false;
        }
    }

    private static string Ticks(DateTime time) => time.Ticks.ToString(CultureInfo.InvariantCulture);

    private static void AppendLine(StringBuilder text, params string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                text.Append('\t');
            }

            text.Append(Escape(fields[i]));
        }

        text.Append('\n');
    }

    /// <summary>Backslash, tab, line feed and carriage return escaped: a field never holds a separator.</summary>
    private static string Escape(string value)
    {
        if (value.IndexOfAny(new[] { '\\', '\t', '\n', '\r' }) < 0)
        {
            return value;
        }

        return value.Replace("\\", "\\\\").Replace("\t", "\\t").Replace("\n", "\\n").Replace("\r", "\\r");
    }

    /// <summary>The fields of a line, unescaped; null when an escape is not one of ours.</summary>
    private static string[]? Fields(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\t')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c != '\\')
            {
                field.Append(c);
            }
            else if (++i < line.Length && line[i] is '\\' or 't' or 'n' or 'r')
            {
                field.Append(line[i] switch { 't' => '\t', 'n' => '\n', 'r' => '\r', _ => '\\' });
            }
            else
            {
                return null;
            }
        }

        fields.Add(field.ToString());
        return fields.ToArray();
    }

    /// <summary>One item of an item output, as the task set it.</summary>
    internal sealed class RecordedItem
    {
        public RecordedItem(string output, string escapedSpec, IReadOnlyList<KeyValuePair<string, string>> escapedMetadata)
        {
            Output = output;
            EscapedSpec = escapedSpec;
            EscapedMetadata = escapedMetadata;
        }

        public string Output { get; }

        public string EscapedSpec { get; }

        public IReadOnlyList<KeyValuePair<string, string>> EscapedMetadata { get; }
    }
}
