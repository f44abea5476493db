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
                        value.GetProperty("fetched").GetDateTimeOffset(),
                        value.TryGetProperty("confidence", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetDouble() : null,
                        value.TryGetProperty("problem", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null);
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

    /// <summary>A fresh entry for the text behind a licence URL (identified or not), or null when there is none or it has expired.</summary>
    public Entry? GetUrl(string url, DateTimeOffset now)
        => entries.TryGetValue(UrlKey(url), out var entry) && now - entry.Fetched < Expiry ? entry : null;

    public void SetUrl(string url, Entry entry) => entries[UrlKey(url)] = entry;

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
                    if (pair.Value.Confidence is { } confidence)
                    {
                        writer.WriteNumber("confidence", confidence);
                    }

                    if (pair.Value.Problem is { } problem)
                    {
                        writer.WriteString("problem", problem);
                    }

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

    /// <summary>A URL's key: package ids hold no space, so "url " never meets a package's key.</summary>
    private static string UrlKey(string url) => "url " + url.Trim();

    /// <summary>
    /// One answer: the licence expression (normalised) and URL the source gave, either may be null; for a URL's text, the
    /// identification's confidence, or why the text names no licence.
    /// </summary>
    public sealed class Entry
    {
        public Entry(string? license, string? licenseUrl, DateTimeOffset fetched, double? confidence = null, string? problem = null)
        {
            License = license;
            LicenseUrl = licenseUrl;
            Fetched = fetched;
            Confidence = confidence;
            Problem = problem;
        }

        public double? Confidence { get; }

        public string? Problem { get; }

        public string? License { get; }

        public string? LicenseUrl { get; }

        public DateTimeOffset Fetched { get; }
    }
}
