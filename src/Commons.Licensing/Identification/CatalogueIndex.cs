// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;

namespace Commons.Licensing.Identification;

/// <summary>
/// Every catalogue text normalised once: word sets for the similarity score, joined words for the exact match,
/// and the "twin" groups of ids whose texts normalise to the same words. Built once per catalogue, then shared.
/// </summary>
internal sealed class CatalogueIndex
{
    private readonly Dictionary<string[], CatalogueEntry> byWords;
    private readonly SpdxCatalog catalog;

    public CatalogueIndex(SpdxCatalog catalog)
        : this(catalog, Titles(catalog), NormalizeTexts(catalog))
    {
    }

    /// <param name="titles">Every licence name and id as a title key.</param>
    /// <param name="normalized">Each catalogue licence with a text, normalised, in catalogue order.</param>
    /// <param name="vocabulary">Every word of the normalised texts (the saved index holds it as its word list).</param>
    private CatalogueIndex(SpdxCatalog catalog, List<string> titles, List<CatalogueEntry> normalized, HashSet<string>? vocabulary = null)
    {
        this.catalog = catalog;
        var entries = new List<CatalogueEntry>(normalized);
        if (vocabulary is null)
        {
            vocabulary = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in normalized)
            {
                vocabulary.UnionWith(entry.Text.Words);
            }
        }

        Normalized = normalized;
        entries.AddRange(EmbeddedTextParts(entries));

        // Twins: ids whose texts normalise to the same words (GPL-2.0-only, GPL-2.0-or-later and the deprecated GPL-2.0).
        // The group answers with one canonical id: a current id before a deprecated one, "-only" before "-or-later"
        // (the text alone never grants "or later": a notice does), then the shortest id.
        // Grouped on the word arrays themselves: joining 700 texts into strings only to compare them costs more than the rest of a load.
        byWords = new Dictionary<string[], CatalogueEntry>(WordSequenceComparer.Instance);
        foreach (var group in entries.GroupBy(e => e.Text.Words, WordSequenceComparer.Instance))
        {
            var ordered = group.OrderBy(e => e.License.IsDeprecated)
                .ThenBy(e => e.License.Id.EndsWith("-or-later", StringComparison.Ordinal) || e.License.Id.EndsWith("+", StringComparison.Ordinal))
                .ThenBy(e => e.License.Id.Length)
                .ThenBy(e => e.License.Id, StringComparer.Ordinal)
                .ToList();
            var twins = ordered.Select(e => e.License.Id).ToArray();
            foreach (var entry in ordered)
            {
                entry.Canonical = ordered[0];
                entry.Twins = twins;
            }

            byWords[group.Key] = ordered[0];
        }

        Entries = entries;
        LongestText = entries.Count == 0 ? 0 : entries.Max(e => e.Text.Length);
        Vocabulary = vocabulary;
        FileNormalizer = new LicenseTextNormalizer(titles, vocabulary);
    }

    public IReadOnlyList<CatalogueEntry> Entries { get; }

    /// <summary>The entries normalised from the catalogue texts (without the derived embedded-text parts): what <see cref="Write"/> saves.</summary>
    private IReadOnlyList<CatalogueEntry> Normalized { get; }

    private static List<string> Titles(SpdxCatalog catalog)
    {
        var titles = new List<string>();
        foreach (var license in catalog.Licenses)
        {
            titles.Add(LicenseTextNormalizer.TitleKey(license.Name));
            titles.Add(LicenseTextNormalizer.TitleKey(license.Id));
        }

        titles.RemoveAll(t => t.Length == 0);
        return titles;
    }

    private static List<CatalogueEntry> NormalizeTexts(SpdxCatalog catalog)
    {
        var catalogueNormalizer = new LicenseTextNormalizer(Titles(catalog), vocabulary: null);
        var entries = new List<CatalogueEntry>();
        foreach (var license in catalog.Licenses)
        {
            var text = license.HasText ? catalog.GetText(license.Id) : null;
            if (text is null)
            {
                continue;
            }

            var normalized = catalogueNormalizer.Normalize(text);
            if (!normalized.IsEmpty)
            {
                entries.Add(new CatalogueEntry(license, normalized));
            }
        }

        foreach (var translation in LicenseTranslations.All)
        {
            if (catalog.TryGetLicense(translation.Id, out var license) && catalogueNormalizer.Normalize(translation.Text) is { IsEmpty: false } normalized)
            {
                entries.Add(new CatalogueEntry(license, normalized, language: translation.Language));
            }
        }

        return entries;
    }

    // The saved index: normalising the catalogue takes about a second of CPU, reading it back a few milliseconds.
    // The key names this build of the library (its module version id changes with any change of the normaliser) and
    // the catalogue, so a saved index is never applied to code or data it was not made by.
    private const string Magic = "Commons.Analyzers catalogue index 5";

    /// <summary>What a saved index must have been made by: this library's build and this catalogue.</summary>
    public static string KeyFor(SpdxCatalog catalog)
        => typeof(CatalogueIndex).Assembly.ManifestModule.ModuleVersionId.ToString("N") + "/" + catalog.ListVersion + "/" + catalog.Licenses.Count;

    /// <summary>Saves the normalised texts: words as numbers into one word list, line numbers as increments.</summary>
    public void Write(Stream stream, SpdxCatalog catalog)
    {
        var words = new Dictionary<string, int>(StringComparer.Ordinal);
        var wordList = new List<string>();
        foreach (var entry in Normalized)
        {
            foreach (var word in entry.Text.Words)
            {
                if (!words.ContainsKey(word))
                {
                    words[word] = wordList.Count;
                    wordList.Add(word);
                }
            }
        }

        using var payload = new MemoryStream();
        using var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(KeyFor(catalog));
        WriteCount(writer, wordList.Count);
        foreach (var word in wordList)
        {
            writer.Write(word);
        }

        WriteCount(writer, Normalized.Count);
        foreach (var entry in Normalized)
        {
            writer.Write(entry.License.Id);
            writer.Write(entry.Language ?? "");
            WriteCount(writer, entry.Text.FieldCount);
            WriteCount(writer, entry.Text.Words.Length);
            var previousLine = 0;
            for (var i = 0; i < entry.Text.Words.Length; i++)
            {
                WriteCount(writer, words[entry.Text.Words[i]]);
                WriteCount(writer, entry.Text.Lines[i] - previousLine);
                previousLine = entry.Text.Lines[i];
            }

            WriteCount(writer, entry.Text.FieldPositions.Length);
            var previousField = 0;
            foreach (var position in entry.Text.FieldPositions)
            {
                WriteCount(writer, position - previousField);
                previousField = position;
            }

        }

        writer.Write(Checksum(payload.GetBuffer(), (int)payload.Length));
        writer.Flush();
        payload.Position = 0;
        payload.CopyTo(stream);
    }

    /// <summary>FNV-1a over the index: a file damaged on disk is refused rather than read as wrong words.</summary>
    [MethodImpl(AggressiveOptimization)]
    private static ulong Checksum(byte[] bytes, int length)
    {
        var hash = 14695981039346656037UL;
        for (var i = 0; i < length; i++)
        {
            hash = unchecked((hash ^ bytes[i]) * 1099511628211UL);
        }

        return hash;
    }

    // MethodImplOptions.AggressiveOptimization (.NET Core 3.0+, not named in netstandard2.0; ignored by .NET Framework):
    // these loops run a million times while a process starts, before tiered compilation would optimise them.
    private const MethodImplOptions AggressiveOptimization = (MethodImplOptions)512;

    private const int MaxIndexBytes = 64 * 1024 * 1024;

    /// <summary>An index saved by <see cref="Write"/> for this catalogue and this build; null when the stream holds anything else.</summary>
    [MethodImpl(AggressiveOptimization)]
    public static CatalogueIndex? TryRead(Stream stream, SpdxCatalog catalog)
    {
        try
        {
            var bytes = ReadAll(stream);
            var length = bytes is null ? 0 : bytes.Length - sizeof(ulong);
            if (bytes is null || length <= 0 || BitConverter.ToUInt64(bytes, length) != Checksum(bytes, length))
            {
                return null;
            }

            // Parsed straight from the bytes: a BinaryReader's per-byte virtual calls were most of a load's time.
            var reader = new IndexReader(bytes, length);
            if (reader.ReadString() != Magic || reader.ReadString() != KeyFor(catalog))
            {
                return null;
            }

            var wordList = new string[reader.ReadBoundedCount()];
            for (var i = 0; i < wordList.Length; i++)
            {
                wordList[i] = reader.ReadString();
            }

            var count = reader.ReadBoundedCount();
            var entries = new List<CatalogueEntry>(count);

            // Words arrive as numbers: counting a text's distinct words is a stamp per number, where a word set would
            // hash every word. The sets themselves are built only for the few entries a file is scored against.
            var seenIn = new int[wordList.Length];
            for (var e = 1; e <= count; e++)
            {
                if (!catalog.TryGetLicense(reader.ReadString(), out var license))
                {
                    return null;
                }

                var language = reader.ReadString();

                var fieldCount = reader.ReadCount();
                var words = new string[reader.ReadBoundedCount()];
                var lines = new int[words.Length];
                var line = 0;
                var distinct = 0;
                for (var i = 0; i < words.Length; i++)
                {
                    var number = reader.ReadCount();
                    words[i] = wordList[number];
                    if (seenIn[number] != e)
                    {
                        seenIn[number] = e;
                        distinct++;
                    }

                    line += reader.ReadCount();
                    lines[i] = line;
                }

                var fieldPositions = new int[reader.ReadBoundedCount()];
                var position = 0;
                for (var i = 0; i < fieldPositions.Length; i++)
                {
                    position += reader.ReadCount();
                    fieldPositions[i] = position <= words.Length ? position : throw new FormatException("a field beyond its text");
                }

                entries.Add(new CatalogueEntry(license, new NormalizedText(words, lines, fieldCount, fieldPositions: fieldPositions), distinct, language.Length == 0 ? null : language));
            }

            return reader.AtEnd
                ? new CatalogueIndex(catalog, Titles(catalog), entries, new HashSet<string>(wordList, StringComparer.Ordinal))
                : null;
        }
        catch (Exception ex) when (ex is IOException or FormatException or IndexOutOfRangeException or OverflowException or ArgumentException)
        {
            // A truncated or foreign file: the caller normalises the catalogue again.
            return null;
        }
    }

    /// <summary>The rest of the stream, in one array sized from its length when it has one; null beyond <see cref="MaxIndexBytes"/>.</summary>
    private static byte[]? ReadAll(Stream stream)
    {
        if (stream.CanSeek)
        {
            var left = stream.Length - stream.Position;
            if (left > MaxIndexBytes)
            {
                return null;
            }

            var bytes = new byte[left];
            var read = 0;
            while (read < bytes.Length)
            {
                var n = stream.Read(bytes, read, bytes.Length - read);
                if (n == 0)
                {
                    throw new IOException("the index ended early");
                }

                read += n;
            }

            return bytes;
        }

        using var content = new MemoryStream();
        var buffer = new byte[81920];
        int count;
        while ((count = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (content.Length + count > MaxIndexBytes)
            {
                return null;
            }

            content.Write(buffer, 0, count);
        }

        return content.ToArray();
    }

    /// <summary>A non-negative number in 7-bit groups (what BinaryWriter.Write7BitEncodedInt does, not public on netstandard2.0).</summary>
    private static void WriteCount(BinaryWriter writer, int value)
    {
        var remaining = (uint)value;
        while (remaining >= 0x80)
        {
            writer.Write((byte)(remaining | 0x80));
            remaining >>= 7;
        }

        writer.Write((byte)remaining);
    }

    /// <summary>Reads what <see cref="Write"/> wrote: 7-bit counts, and strings as BinaryWriter writes them (a 7-bit byte count, then UTF-8).</summary>
    private struct IndexReader
    {
        private readonly byte[] bytes;
        private readonly int end;
        private int position;

        public IndexReader(byte[] bytes, int end)
        {
            this.bytes = bytes;
            this.end = end;
            position = 0;
        }

        public bool AtEnd => position == end;

        [MethodImpl(AggressiveOptimization)]
        public int ReadCount()
        {
            var value = 0;
            for (var shift = 0; shift < 35; shift += 7)
            {
                if (position >= end)
                {
                    throw new FormatException("the index ended inside a number");
                }

                var b = bytes[position++];
                value |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                {
                    return value >= 0 ? value : throw new FormatException("negative count");
                }
            }

            throw new FormatException("count too long");
        }

        /// <summary>A count of things still to read: each takes at least one byte, so a corrupt count cannot ask for gigabytes.</summary>
        public int ReadBoundedCount()
        {
            var count = ReadCount();
            return count <= end - position ? count : throw new FormatException("count beyond the end of the index");
        }

        public string ReadString()
        {
            var byteCount = ReadBoundedCount();
            var text = Encoding.UTF8.GetString(bytes, position, byteCount);
            position += byteCount;
            return text;
        }
    }

    /// <summary>Characters of the longest normalised catalogue text.</summary>
    public int LongestText { get; }

    /// <summary>For each <see cref="IdentificationTables.EmbeddedTexts"/> pair: the host's words before the embedded text starts.</summary>
    private static IEnumerable<CatalogueEntry> EmbeddedTextParts(List<CatalogueEntry> entries)
    {
        const int Probe = 30;
        const int MaxEmbeddedTitleWords = 12;
        foreach (var pair in IdentificationTables.EmbeddedTexts)
        {
            var host = entries.FirstOrDefault(e => e.License.Id == pair.Key);
            var embedded = entries.FirstOrDefault(e => e.License.Id == pair.Value);
            if (host is null || embedded is null || embedded.Text.Words.Length < Probe)
            {
                continue;
            }

            var probe = string.Join(" ", embedded.Text.Words.Take(Probe));
            for (var k = 1; k + Probe <= host.Text.Words.Length; k++)
            {
                if (host.Text.Words[k] == embedded.Text.Words[0] && string.Join(" ", host.Text.Words.Skip(k).Take(Probe)) == probe)
                {
                    // The embedded text's title ("GNU GENERAL PUBLIC LICENSE / Version 3, 29 June 2007") stands in the
                    // host's text, in a paragraph of its own, before the words the embedded text normalises to.
                    for (var w = k - 1; w > 0 && k - w <= MaxEmbeddedTitleWords; w--)
                    {
                        if (host.Text.Lines[w] - host.Text.Lines[w - 1] >= 2)
                        {
                            k = w;
                            break;
                        }
                    }

                    var words = host.Text.Words.Take(k).ToArray();
                    var lines = host.Text.Lines.Take(k).ToArray();
                    var fields = host.Text.FieldPositions.Where(p => p <= k).ToArray();
                    yield return new CatalogueEntry(host.License, new NormalizedText(words, lines, host.Text.FieldCount, fieldPositions: fields));
                    break;
                }
            }
        }
    }

    /// <summary>Every word of every catalogue text.</summary>
    public HashSet<string> Vocabulary { get; }

    /// <summary>The normaliser for files: the catalogue's, plus its vocabulary to rejoin words hyphenated across lines.</summary>
    public LicenseTextNormalizer FileNormalizer { get; }

    // Built once even when several threads ask at the same time (the CLI identifies files in parallel): building either
    // twice would only burn the other core.
    private readonly object lazyLock = new();
    private DetectorIndex? detectorIndex;
    private LicenseNames? licenseNames;
    private bool detectorIndexBuilt;
    private bool licenseNamesBuilt;

    /// <summary>The texts as word numbers for the detector; built on first use (only files the whole-file match cannot answer need it).</summary>
    public DetectorIndex DetectorIndex
    {
        get
        {
            var syncLock = lazyLock;
            return System.Threading.LazyInitializer.EnsureInitialized(ref detectorIndex, ref detectorIndexBuilt, ref syncLock, () => DetectorIndex.Build(this))!;
        }
    }

    /// <summary>Licence names as sentences cite them, for the detector's references.</summary>
    public LicenseNames Names(SpdxCatalog catalog)
    {
        var syncLock = lazyLock;
        return System.Threading.LazyInitializer.EnsureInitialized(
            ref licenseNames,
            ref licenseNamesBuilt,
            ref syncLock,
            () => new LicenseNames(catalog, KnownLicense.All.SelectMany(k => k.Aliases.Select(a => new KeyValuePair<string, string>(a, k.Id)))))!;
    }

    /// <summary>
    /// The SPDX template's regions (<see cref="TemplateRegions"/>) as word ranges of <paramref name="entry"/>'s text.
    /// Located on demand, for the few texts a file is aligned with: locating all of them would add a sixth to the
    /// catalogue's normalisation on a first run, and reading back a saved index needs none of them.
    /// </summary>
    public TextRegion[] RegionsOf(CatalogueEntry entry)
    {
        // The SPDX template describes the SPDX text: a translation has no regions of its own.
        var regions = entry.Language is null ? TemplateRegions.For(entry.License.Id) : Array.Empty<RawRegion>();
        return regions.Count == 0 || catalog.GetText(entry.License.Id) is not { } raw
            ? Array.Empty<TextRegion>()
            : TemplateRegions.Locate(raw, entry.Text, regions);
    }

    /// <summary>The canonical entry whose normalised text is exactly this one, if any.</summary>
    public CatalogueEntry? FindExact(NormalizedText text)
        => byWords.TryGetValue(text.Words, out var entry) ? entry : null;

    public CatalogueEntry? Find(string id)
        => Entries.FirstOrDefault(e => string.Equals(e.License.Id, id, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One catalogue licence, normalised.</summary>
internal sealed class CatalogueEntry
{
    private HashSet<string>? wordSet;
    private HashSet<string>? bigrams;

    /// <param name="distinctWords">The number of distinct words of <paramref name="text"/>, when the caller counted them already.</param>
    /// <param name="language">The language of an official translation (<see cref="LicenseTranslations"/>); null for the SPDX text.</param>
    public CatalogueEntry(SpdxLicense license, NormalizedText text, int? distinctWords = null, string? language = null)
    {
        License = license;
        Text = text;
        Language = language;
        Canonical = this;
        Twins = new[] { license.Id };
        var phrases = IdentificationTables.VariablePhrases.Where(p => license.Id.StartsWith(p.Key, StringComparison.OrdinalIgnoreCase)).Select(p => p.Value.Split(' ')).ToList();
        if (phrases.Count == 0)
        {
            FieldCount = text.FieldCount;
            WordSetCount = distinctWords ?? text.WordSet.Count;
        }
        else
        {
            (wordSet, FieldCount) = WithoutPhrases(text, phrases);
            WordSetCount = wordSet.Count;
        }
    }

    /// <summary>
    /// The words the similarity compares: the text's, less the variable phrases of <see cref="IdentificationTables.VariablePhrases"/>.
    /// Built on first use: a file is scored against a handful of entries, never all 700.
    /// </summary>
    public HashSet<string> WordSet => wordSet ??= Text.WordSet;

    /// <summary>The size of <see cref="WordSet"/>, known without building it: the score's upper bound needs it for every entry.</summary>
    public int WordSetCount { get; }

    /// <summary>Template fields and variable phrases: each forgives some length difference.</summary>
    public int FieldCount { get; }

    public SpdxLicense License { get; }

    public NormalizedText Text { get; }

    /// <summary>The language of an official translation of the licence; null for the SPDX License List's text.</summary>
    public string? Language { get; }

    private static (HashSet<string> Words, int Fields) WithoutPhrases(NormalizedText text, List<string[]> phrases)
    {
        var words = text.Words.ToList();
        var fields = text.FieldCount;
        foreach (var phrase in phrases)
        {
            for (var i = 0; i + phrase.Length <= words.Count; i++)
            {
                if (phrase.Select((w, k) => words[i + k] == w).All(x => x))
                {
                    words.RemoveRange(i, phrase.Length);
                    fields++;
                    i--;
                }
            }
        }

        return (new HashSet<string>(words, StringComparer.Ordinal), fields);
    }

    /// <summary>Pairs of consecutive words, computed on first use (only near-ties need them).</summary>
    public HashSet<string> Bigrams => bigrams ??= LicenseIdentifier.Bigrams(Text.Words);

    /// <summary>The entry that answers for every id with the same normalised text.</summary>
    public CatalogueEntry Canonical { get; set; }

    /// <summary>Every id with the same normalised text, the canonical one first.</summary>
    public IReadOnlyList<string> Twins { get; set; }
}

/// <summary>Word arrays compared word by word (ordinal): the exact-match key, without joining the words into one string.</summary>
internal sealed class WordSequenceComparer : IEqualityComparer<string[]>
{
    public static readonly WordSequenceComparer Instance = new();

    public bool Equals(string[]? x, string[]? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x is null || y is null || x.Length != y.Length)
        {
            return false;
        }

        for (var i = 0; i < x.Length; i++)
        {
            if (!string.Equals(x[i], y[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The length and a few words from the start, the middle and the end: hashing every word of 700 texts cost more than
    /// the rest of an index load, and texts equal in all of these are rare enough for <see cref="Equals(string[], string[])"/> to sort out.
    /// </summary>
    public int GetHashCode(string[] words)
    {
        const int Sampled = 8;
        unchecked
        {
            var hash = words.Length;
            foreach (var from in new[] { 0, (words.Length / 2) - (Sampled / 2), words.Length - Sampled })
            {
                for (var i = Math.Max(0, from); i < Math.Min(words.Length, from + Sampled); i++)
                {
                    hash = (hash * 31) + StringComparer.Ordinal.GetHashCode(words[i]);
                }
            }

            return hash;
        }
    }
}
