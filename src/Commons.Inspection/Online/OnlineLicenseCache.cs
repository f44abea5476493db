// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace Commons.Inspection.Online;

/// <summary>
/// What the package sources said about a package's licence, kept on disk between builds so that online mode asks
/// each package once per expiry period. A corrupt or unwritable cache is treated as empty: it is a cache.
/// </summary>
public sealed class OnlineLicenseCache
{
    private readonly Dictionary<string, Entry> entries;

    private OnlineLicenseCache(string? path, TimeSpan expiry, Dictionary<string, Entry> entries)
    {
        Path = path;
        Expiry = expiry;
        this.entries = entries;
    }

    public string? Path { get; }

    public TimeSpan Expiry { get; }

    public static OnlineLicenseCache Load(string? path, TimeSpan expiry)
    {
        var entries = new Dictionary<string, Entry>(StringComparer.OrdinalIgnoreCase);
        if (path is not null && File.Exists(path))
        {
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllBytes(path));
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    var value = property.Value;
                    entries[property.Name] = new Entry(
                        value.TryGetProperty("license", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString() : null,
                        value.TryGetProperty("licenseUrl", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null,
                        value.GetProperty("fetched").GetDateTimeOffset());
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
            {
                entries.Clear();
            }
        }

        return new OnlineLicenseCache(path, expiry, entries);
    }

    /// <summary>A fresh entry for the package, or null when there is none or it has expired.</summary>
    public Entry? Get(string id, string version, DateTimeOffset now)
        => entries.TryGetValue(Key(id, version), out var entry) && now - entry.Fetched < Expiry ? entry : null;

    public void Set(string id, string version, Entry entry) => entries[Key(id, version)] = entry;

    /// <summary>Writes the cache; returns an error message instead of throwing when it cannot.</summary>
    public string? Save()
    {
        if (Path is null)
        {
            return null;
        }

        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            var temporary = Path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            using (var stream = File.Create(temporary))
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                writer.WriteStartObject();
                foreach (var pair in entries)
                {
                    writer.WriteStartObject(pair.Key);
                    writer.WriteString("license", pair.Value.License);
                    writer.WriteString("licenseUrl", pair.Value.LicenseUrl);
                    writer.WriteString("fetched", pair.Value.Fetched);
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
            }

            File.Copy(temporary, Path, overwrite: true);
            File.Delete(temporary);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "the online licence cache " + Path + " cannot be written: " + ex.Message;
        }
    }

    private static string Key(string id, string version) => id.ToLowerInvariant() + "/" + version.ToLowerInvariant();

    /// <summary>One answer: the licence expression (normalised) and URL the source gave, either may be null.</summary>
    public sealed class Entry
    {
        public Entry(string? license, string? licenseUrl, DateTimeOffset fetched)
        {
            License = license;
            LicenseUrl = licenseUrl;
            Fetched = fetched;
        }

        public string? License { get; }

        public string? LicenseUrl { get; }

        public DateTimeOffset Fetched { get; }
    }
}
