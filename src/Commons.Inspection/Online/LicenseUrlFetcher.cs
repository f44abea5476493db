// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using Commons.Licensing.Identification;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace Commons.Inspection.Online;

/// <summary>
/// Opt-in (<c>CommonsOnline=true</c>): reads the text behind a licence URL that maps to no SPDX licence, so that the
/// identifier can name it. Https only (plain http to this machine's loopback too, for local mirrors), at most
/// <see cref="MaxBytes"/>, text only; a GitHub page of a file is read as its raw text. Every failure is a sentence, never
/// an exception: the caller keeps the URL as the finding.
/// </summary>
public sealed class LicenseUrlFetcher : IDisposable
{
    /// <summary>The longest licence text known (GPL-3.0 with its preamble, some 35 KB) fits many times; 1 MB is not a licence.</summary>
    public const int MaxBytes = 1024 * 1024;

    private static readonly Regex GitHubBlob = new(
        @"^https://github\.com/(?<owner>[^/]+)/(?<repo>[^/]+)/(?:blob|raw)/(?<rest>.+)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private readonly HttpClient client;

    public LicenseUrlFetcher()
    {
        // Redirects are followed by the handler, which never follows https to http; at most five, as browsers do about.
        var handler = new HttpClientHandler { AllowAutoRedirect = true, MaxAutomaticRedirections = 5, AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate };
        client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("Commons.Analyzers");
        client.DefaultRequestHeaders.Accept.ParseAdd("text/plain, text/markdown;q=0.9, text/html;q=0.5");
    }

    /// <summary>
    /// The address to read for <paramref name="url"/>: a GitHub file page becomes its raw text; null with a reason when the
    /// URL may not be read (not https, not absolute).
    /// </summary>
    public static Uri? Target(string url, out string? refusal)
    {
        refusal = null;
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            refusal = "it is not an absolute URL";
            return null;
        }

        var loopbackHttp = uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback;
        if (uri.Scheme != Uri.UriSchemeHttps && !loopbackHttp)
        {
            // http can be altered on the way; the https form of the same address is tried instead (most hosts serve both).
            if (uri.Scheme != Uri.UriSchemeHttp)
            {
                refusal = "only https URLs are read";
                return null;
            }

            uri = new UriBuilder(uri) { Scheme = Uri.UriSchemeHttps, Port = -1 }.Uri;
        }

        var blob = GitHubBlob.Match(uri.GetLeftPart(UriPartial.Path));
        return blob.Success
            ? new Uri("https://raw.githubusercontent.com/" + blob.Groups["owner"].Value + "/" + blob.Groups["repo"].Value + "/" + blob.Groups["rest"].Value)
            : uri;
    }

    /// <summary>The text at <paramref name="url"/> as UTF-8 bytes (HTML reduced to its text), or null and the reason.</summary>
    public async Task<FetchedText> FetchAsync(string url, CancellationToken cancellationToken)
    {
        if (Target(url, out var refusal) is not { } target)
        {
            return FetchedText.Failed(refusal!);
        }

        try
        {
            using var response = await client.GetAsync(target, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return FetchedText.Failed(target + " answered " + (int)response.StatusCode + " " + response.ReasonPhrase);
            }

            var mediaType = response.Content.Headers.ContentType?.MediaType?.ToLowerInvariant() ?? "text/plain";
            var isHtml = mediaType is "text/html" or "application/xhtml+xml";
            if (!isHtml && !mediaType.StartsWith("text/", StringComparison.Ordinal))
            {
                return FetchedText.Failed(target + " is not a text (" + mediaType + ")");
            }

            if (response.Content.Headers.ContentLength is > MaxBytes)
            {
                return FetchedText.Failed(target + " is larger than " + MaxBytes / 1024 + " KB: not a licence text");
            }

            var bytes = await ReadAtMostAsync(response.Content, cancellationToken).ConfigureAwait(false);
            if (bytes is null)
            {
                return FetchedText.Failed(target + " is larger than " + MaxBytes / 1024 + " KB: not a licence text");
            }

            return new FetchedText(isHtml ? Encoding.UTF8.GetBytes(HtmlText.ToText(Encoding.UTF8.GetString(bytes))) : bytes, null, target.ToString());
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException or InvalidOperationException)
        {
            return FetchedText.Failed(target + " could not be read: " + (ex.InnerException?.Message ?? ex.Message));
        }
    }

    public void Dispose() => client.Dispose();

    private static async Task<byte[]?> ReadAtMostAsync(HttpContent content, CancellationToken cancellationToken)
    {
        using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }
}

/// <summary>A fetched licence text (UTF-8), or why there is none; <see cref="From"/> is the address actually read.</summary>
public sealed class FetchedText
{
    public FetchedText(byte[]? content, string? problem, string? from)
    {
        Content = content;
        Problem = problem;
        From = from;
    }

    public byte[]? Content { get; }

    public string? Problem { get; }

    public string? From { get; }

    public static FetchedText Failed(string problem) => new(null, problem, null);
}
