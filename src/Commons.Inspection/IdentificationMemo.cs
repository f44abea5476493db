// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using Commons.Licensing;

namespace Commons.Inspection;

/// <summary>
/// Licence-text identifications remembered on disk, one small file per content: a process that meets a licence file
/// identified by an earlier build answers from that file and never loads the catalogue index nor scores the text.
/// </summary>
/// <remarks>
/// <para>
/// Identification at the default threshold is a pure function of the bytes and of the library build with its catalogue
/// (<see cref="LicenseIdentifier.IndexKey"/>). Entries live in <c>identified-&lt;key&gt;/</c> beside the saved index, named
/// by the SHA-256 of the content; folders of other keys left alone for a month are removed.
/// </para>
/// <para>
/// An entry repeats its key and content hash and ends with a checksum of everything before it: a truncated, damaged or
/// misplaced entry is never trusted, only identified again and rewritten. Writing goes through a temporary file and a
/// rename, so concurrent builds never read half an entry. A folder that cannot be read or written only costs the time
/// the memo was meant to save. Within a process each content is read or identified once (one MSBuild node identifies
/// the same LICENSE for each project of a repository).
/// </para>
/// </remarks>
public sealed class IdentificationMemo
{
    /// <summary>Entries are a few hundred bytes: anything larger under an entry's name is not one of ours.</summary>
    internal const int MaxEntryBytes = 64 * 1024;

    /// <summary>The in-process dictionary is dropped past this many contents (an MSBuild node may live for many builds).</summary>
    private const int MaxRemembered = 4096;

    private const string Header = "commons-identification-memo 1";

    private static readonly Lazy<IdentificationMemo> SharedMemo = new(
        () => new IdentificationMemo(CacheFolder.Default(), LicenseIdentifier.Default.IndexKey, () => IdentifierIndexCache.Default));

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly string folder;
    private readonly string indexKey;
    private readonly Lazy<LicenseIdentifier> identifier;
    private readonly ConcurrentDictionary<string, Lazy<LicenseIdentification>> remembered = new(StringComparer.Ordinal);
    private int staleFoldersChecked;

    /// <summary>A memo in <paramref name="folder"/>, over the default identifier whose index is saved in the same folder.</summary>
    public IdentificationMemo(string folder)
        : this(folder, LicenseIdentifier.Default.IndexKey, () => IdentifierIndexCache.Load(folder))
    {
    }

    /// <param name="folder">The cache folder; the entries go into a sub-folder named by <paramref name="indexKey"/>.</param>
    /// <param name="indexKey">The <see cref="LicenseIdentifier.IndexKey"/> of what <paramref name="identifier"/> returns,
    /// given apart so that a hit never creates the identifier.</param>
    /// <param name="identifier">Called at most once, on the first miss.</param>
    internal IdentificationMemo(string folder, string indexKey, Func<LicenseIdentifier> identifier)
    {
        if (folder is null || indexKey is null || identifier is null)
        {
            throw new ArgumentNullException(folder is null ? nameof(folder) : indexKey is null ? nameof(indexKey) : nameof(identifier));
        }

        this.folder = folder;
        this.indexKey = indexKey;
        this.identifier = new Lazy<LicenseIdentifier>(identifier);
    }

    /// <summary>The memo of the process, in <see cref="CacheFolder.Default"/>, over <see cref="IdentifierIndexCache.Default"/>.</summary>
    public static IdentificationMemo Shared => SharedMemo.Value;

    /// <summary>The folder of this memo's entries.</summary>
    public string EntryFolder => Path.Combine(folder, "identified-" + CacheFolder.SafeName(indexKey));

    /// <summary>What <see cref="LicenseIdentifier.Identify(byte[])"/> at the default threshold says of <paramref name="content"/>.</summary>
    public LicenseIdentification Identify(byte[] content)
    {
        if (content is null)
        {
            throw new ArgumentNullException(nameof(content));
        }

        var hash = TryHash(content);
        if (hash is null)
        {
            // No SHA-256 here (a FIPS-restricted .NET Framework, say): no memo, the plain answer.
            return identifier.Value.Identify(content);
        }

        if (remembered.Count > MaxRemembered)
        {
            remembered.Clear();
        }

        var remembering = remembered.GetOrAdd(hash, h => new Lazy<LicenseIdentification>(() => ReadOrIdentify(h, content)));
        LicenseIdentification answer;
        try
        {
            answer = remembering.Value;
        }
        catch
        {
            // Only a broken installation gets here (the catalogue cannot load); a Lazy would repeat the failure forever.
            remembered.TryRemove(hash, out _);
            throw;
        }

        if (!IsMemoisable(answer))
        {
            remembered.TryRemove(hash, out _);
        }

        return answer;
    }

    /// <summary>The file that holds (or will hold) the entry for content with this SHA-256.</summary>
    /// <remarks>
    /// Named by the first half of the hash (128 bits: no two licence files share it), the whole hash being checked inside:
    /// the folder name already carries the long key, and Visual Studio's MSBuild on .NET Framework refuses paths over
    /// 260 characters.
    /// </remarks>
    internal string EntryPath(string contentHash) => Path.Combine(EntryFolder, contentHash.Substring(0, 32) + ".txt");

    /// <summary>The entry for a result: UTF-8 lines in a fixed order, the last one a checksum of all the others.</summary>
    internal static byte[] Serialize(string key, string contentHash, LicenseIdentification result)
    {
        var text = new StringBuilder();
        text.Append(Header).Append('\n');
        AppendField(text, "key", key);
        AppendField(text, "content", contentHash);
        AppendField(text, "license", result.License);
        AppendField(text, "confidence", FormatDouble(result.Confidence));
        AppendField(text, "closest", result.ClosestLicense);
        AppendField(text, "closestConfidence", FormatDouble(result.ClosestConfidence));
        AppendField(text, "reason", result.Reason);
        AppendList(text, "licenses", result.Licenses);
        AppendList(text, "equivalents", result.EquivalentLicenses);
        var body = Utf8.GetBytes(text.ToString());
        var end = Utf8.GetBytes("end " + Hex(Sha256(body)) + "\n");
        var entry = new byte[body.Length + end.Length];
        Buffer.BlockCopy(body, 0, entry, 0, body.Length);
        Buffer.BlockCopy(end, 0, entry, body.Length, end.Length);
        return entry;
    }

    /// <summary>The result an entry holds; null unless it is whole, intact and written for this key and content.</summary>
    internal static LicenseIdentification? Deserialize(byte[] entry, string key, string contentHash)
    {
        string text;
        try
        {
            text = Utf8.GetString(entry);
        }
        catch (ArgumentException)
        {
            return null;
        }

        // The last line is "end <checksum of every byte before it>": a truncated or altered entry fails here.
        var endAt = text.LastIndexOf("\nend ", StringComparison.Ordinal) + 1;
        if (endAt <= 0 || !text.EndsWith("\n", StringComparison.Ordinal))
        {
            return null;
        }

        var body = Utf8.GetBytes(text.Substring(0, endAt));
        if (!string.Equals(text.Substring(endAt), "end " + Hex(Sha256(body)) + "\n", StringComparison.Ordinal))
        {
            return null;
        }

        var lines = new LineReader(text.Substring(0, endAt - 1).Split('\n'));
        if (lines.Next() != Header || lines.Field("key") != key || lines.Field("content") != contentHash)
        {
            return null;
        }

        var license = lines.Field("license");
        var confidence = ParseDouble(lines.Field("confidence"));
        var closest = lines.Field("closest");
        var closestConfidence = ParseDouble(lines.Field("closestConfidence"));
        var reason = lines.Field("reason");
        var licenses = lines.List("licenses");
        var equivalents = lines.List("equivalents");
        if (lines.Failed || !lines.AtEnd || confidence is null || closestConfidence is null || licenses is null || equivalents is null)
        {
            return null;
        }

        return new LicenseIdentification(license, confidence.Value, closest, closestConfidence.Value, licenses, reason, equivalents);
    }

    /// <summary>Lower-case hex SHA-256 of the content; null when the platform refuses SHA-256.</summary>
    internal static string? TryHash(byte[] content)
    {
        try
        {
            return Hex(Sha256(content));
        }
        catch (Exception ex) when (ex is CryptographicException or InvalidOperationException or PlatformNotSupportedException)
        {
            return null;
        }
    }

    /// <summary>
    /// A result born of an exception inside the identifier (its last-resort NOASSERTION) says something about that run,
    /// not about the bytes: it is neither written nor remembered.
    /// </summary>
    private static bool IsMemoisable(LicenseIdentification result) => !result.IsFailure;

    private LicenseIdentification ReadOrIdentify(string contentHash, byte[] content)
    {
        var path = EntryPath(contentHash);
        var saved = BoundedFile.TryRead(path, MaxEntryBytes, out _);
        if (saved is not null && Deserialize(saved, indexKey, contentHash) is { } hit)
        {
            return hit;
        }

        var fresh = identifier.Value;
        var result = fresh.Identify(content);

        // Only what the key describes is written: another catalogue or threshold would file answers under a wrong name.
        if (IsMemoisable(result) && fresh.IndexKey == indexKey && fresh.ThresholdPercent == LicenseIdentifier.DefaultThresholdPercent)
        {
            var entry = Serialize(indexKey, contentHash, result);
            if (entry.Length <= MaxEntryBytes && CacheFolder.TryWriteReplacing(path, stream => stream.Write(entry, 0, entry.Length)))
            {
                RemoveStaleFoldersOnce();
            }
        }

        return result;
    }

    /// <summary>Entry folders of other keys (other builds of the library) untouched for a month go, once per memo.</summary>
    private void RemoveStaleFoldersOnce()
    {
        if (System.Threading.Interlocked.Exchange(ref staleFoldersChecked, 1) == 0)
        {
            CacheFolder.RemoveStale(folder, "identified-*", EntryFolder);

            // Temporary files of writers that died before their rename.
            CacheFolder.RemoveStale(EntryFolder, "*.tmp", EntryFolder);
        }
    }

    private static void AppendField(StringBuilder text, string name, string? value)
    {
        // "name" alone is null; "name=value" a string (maybe empty), with '\', CR and LF escaped.
        text.Append(name);
        if (value is not null)
        {
            text.Append('=').Append(value.Replace("\\", "\\\\").Replace("\n", "\\n").Replace("\r", "\\r"));
        }

        text.Append('\n');
    }

    private static void AppendList(StringBuilder text, string name, IReadOnlyList<string> values)
    {
        AppendField(text, name, values.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var value in values)
        {
            AppendField(text, "item", value);
        }
    }

    // "R" does not always round-trip on .NET Framework (the tasks' net472 flavour); "G17" does everywhere.
    private static string FormatDouble(double value) => value.ToString("G17", CultureInfo.InvariantCulture);

    private static double? ParseDouble(string? text)
        => text is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static byte[] Sha256(byte[] bytes)
    {
        using var sha = SHA256.Create();
        return sha.ComputeHash(bytes);
    }

    private static string Hex(byte[] bytes)
    {
        var text = new StringBuilder(bytes.Length * 2);
        foreach (var b in bytes)
        {
            text.Append(b.ToString("x2", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <summary>Reads the entry's lines in their one fixed order; any surprise sets <see cref="Failed"/>.</summary>
    private sealed class LineReader
    {
        private readonly string[] lines;
        private int next;

        public LineReader(string[] lines) => this.lines = lines;

        public bool Failed { get; private set; }

        public bool AtEnd => next == lines.Length;

        public string? Next()
        {
            if (next < lines.Length)
            {
                return lines[next++];
            }

            Failed = true;
            return null;
        }

        /// <summary>The value of the next line, which must be <paramref name="name"/> alone (null) or <c>name=value</c>.</summary>
        public string? Field(string name)
        {
            var line = Next();
            if (line is null || line == name)
            {
                return null;
            }

            if (!line.StartsWith(name + "=", StringComparison.Ordinal))
            {
                Failed = true;
                return null;
            }

            return Unescape(line.Substring(name.Length + 1));
        }

        public IReadOnlyList<string>? List(string name)
        {
            if (!int.TryParse(Field(name), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > lines.Length - next)
            {
                Failed = true;
                return null;
            }

            var values = new string[count];
            for (var i = 0; i < count; i++)
            {
                if (Field("item") is not { } value)
                {
                    Failed = true;
                    return null;
                }

                values[i] = value;
            }

            return values;
        }

        private string? Unescape(string escaped)
        {
            var text = new StringBuilder(escaped.Length);
            for (var i = 0; i < escaped.Length; i++)
            {
                var c = escaped[i];
                if (c != '\\')
                {
                    text.Append(c);
                    continue;
                }

                var escape = ++i < escaped.Length ? escaped[i] : '\0';
                switch (escape)
                {
                    case '\\': text.Append('\\'); break;
                    case 'n': text.Append('\n'); break;
                    case 'r': text.Append('\r'); break;
                    default:
                        Failed = true;
                        return null;
                }
            }

            return text.ToString();
        }
    }
}
