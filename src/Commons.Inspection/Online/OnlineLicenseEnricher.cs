// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Commons.Compliance.Facts;
using NuGet.Common;
using NuGet.Configuration;
using NuGet.Packaging.Core;
using NuGet.Protocol;
using NuGet.Protocol.Core.Types;
using NuGet.Versioning;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Commons.Inspection.Online;

/// <summary>
/// Opt-in: asks the configured package sources (NuGet.Config honoured) for the licence of packages whose local files
/// give none that is known. One time budget for the whole collection; every failure becomes a problem, never an exception.
/// </summary>
public sealed class OnlineLicenseEnricher
{
    public static readonly TimeSpan DefaultBudget = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan DefaultExpiry = TimeSpan.FromDays(7);

    /// <summary>nuget.org's service index is about 10 KB: anything past 1 MB is not a service index.</summary>
    private const int MaxServiceIndexBytes = 1024 * 1024;

    private readonly IReadOnlyList<PackageSource> sources;
    private readonly OnlineLicenseCache cache;
    private readonly TimeSpan budget;

    public OnlineLicenseEnricher(IReadOnlyList<PackageSource> sources, OnlineLicenseCache cache, TimeSpan budget)
    {
        this.sources = sources;
        this.cache = cache;
        this.budget = budget;
    }

    /// <summary>The enabled sources of the NuGet.Config files that apply to <paramref name="projectDirectory"/>.</summary>
    public static IReadOnlyList<PackageSource> SourcesFor(string projectDirectory)
    {
        var settings = Settings.LoadDefaultSettings(projectDirectory);
        return new PackageSourceProvider(settings).LoadPackageSources().Where(s => s.IsEnabled).ToList();
    }

    /// <summary>The default cache file, in <see cref="CacheFolder"/>.</summary>
    public static string DefaultCachePath() => System.IO.Path.Combine(CacheFolder.Default(), "online-licenses.json");

    /// <summary>
    /// Fills in the licence of every package that lacks a known one, within the budget: first from the package sources, then,
    /// for a package left with only a licence URL that maps to no licence, from the text behind that URL.
    /// </summary>
    public void Enrich(IEnumerable<PackageFact> packages, List<CollectionProblem> problems)
    {
        var all = packages.ToList();
        var clock = Stopwatch.StartNew();
        AskSources(all, problems);
        IdentifyLicenseUrls(all, budget - clock.Elapsed, problems);
        if (cache.Save() is { } error)
        {
            problems.Add(new CollectionProblem { Kind = CollectionProblemKind.OnlineLookupFailed, Message = error });
        }
    }

    private void AskSources(List<PackageFact> packages, List<CollectionProblem> problems)
    {
        var wanted = packages.Where(p => p.License is null && (p.Source == LicenseSource.None || p.Source == LicenseSource.Url)).ToList();
        if (wanted.Count == 0)
        {
            return;
        }

        var now = DateTimeOffset.UtcNow;
        var toAsk = new List<PackageFact>();
        foreach (var package in wanted)
        {
            if (cache.Get(package.Id, package.Version, now) is { } entry)
            {
                Apply(package, entry);
            }
            else
            {
                toAsk.Add(package);
            }
        }

        if (toAsk.Count > 0)
        {
            var clock = Stopwatch.StartNew();
            using var cancellation = new CancellationTokenSource(budget);
            var answers = new ConcurrentDictionary<PackageFact, OnlineLicenseCache.Entry>();
            var failures = new ConcurrentQueue<string>();
            var retries = new RetryLog();
            var work = Task.Run(() => AskAllAsync(toAsk, answers, failures, retries, cancellation.Token));

            // The hard stop: even a source that accepts the connection and never answers cannot hold the build past the budget.
            var finished = Task.WhenAny(work, Task.Delay(budget + TimeSpan.FromMilliseconds(500))).GetAwaiter().GetResult() == work;
            cancellation.Cancel();

            // Snapshots: an answer arriving after the budget is ignored, the background work only touches these collections.
            foreach (var answer in answers.ToArray())
            {
                cache.Set(answer.Key.Id, answer.Key.Version, answer.Value);
                Apply(answer.Key, answer.Value);
            }

            problems.AddRange(failures.ToArray().Distinct().Select(m => new CollectionProblem { Kind = CollectionProblemKind.OnlineLookupFailed, Message = m }));
            if (!finished || work.IsCanceled)
            {
                var left = toAsk.Count(p => !answers.ContainsKey(p));
                problems.Add(new CollectionProblem
                {
                    Kind = CollectionProblemKind.OnlineLookupFailed,
                    Message = "the online licence lookup stopped after " + (int)clock.Elapsed.TotalSeconds + " s (budget "
                        + (int)budget.TotalSeconds + " s) with " + left + " package(s) not answered: "
                        + (retries.Last is { } last ? "the package sources kept failing (last: " + last + ")" : "the package sources are slow or do not answer"),
                });
            }
        }
    }

    /// <summary>
    /// The packages left with only a licence URL that maps to no SPDX licence (a moving <c>blob/master/LICENSE</c>, a
    /// project's own page): the text behind each URL, read once per URL within what is left of the budget, identified as a
    /// licence file is. An identified text is the licence, source <c>fetched-url</c>; an unidentified one leaves the URL as
    /// the finding, with the reason.
    /// </summary>
    private void IdentifyLicenseUrls(List<PackageFact> packages, TimeSpan remaining, List<CollectionProblem> problems)
    {
        var byUrl = packages
            .Where(p => p.License is null && p.LicenseUrl is not null && (p.Source == LicenseSource.None || p.Source == LicenseSource.Url))
            .GroupBy(p => p.LicenseUrl!.Trim(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var now = DateTimeOffset.UtcNow;
        var toFetch = new List<string>();
        foreach (var pair in byUrl)
        {
            if (cache.GetUrl(pair.Key, now) is { } entry)
            {
                pair.Value.ForEach(p => ApplyText(p, entry));
            }
            else
            {
                toFetch.Add(pair.Key);
            }
        }

        if (toFetch.Count == 0)
        {
            return;
        }

        if (remaining <= TimeSpan.Zero)
        {
            problems.Add(new CollectionProblem
            {
                Kind = CollectionProblemKind.OnlineLookupFailed,
                Message = "the online licence lookup used its budget (" + (int)budget.TotalSeconds + " s) before reading " + toFetch.Count + " licence URL(s)",
            });
            return;
        }

        var clock = Stopwatch.StartNew();
        using var cancellation = new CancellationTokenSource(remaining);
        var answers = new ConcurrentDictionary<string, OnlineLicenseCache.Entry>(StringComparer.Ordinal);
        var failures = new ConcurrentQueue<string>();
        var work = Task.Run(() => FetchAllAsync(toFetch, answers, failures, cancellation.Token));
        var finished = Task.WhenAny(work, Task.Delay(remaining + TimeSpan.FromMilliseconds(500))).GetAwaiter().GetResult() == work;
        cancellation.Cancel();

        foreach (var answer in answers.ToArray())
        {
            cache.SetUrl(answer.Key, answer.Value);
            byUrl[answer.Key].ForEach(p => ApplyText(p, answer.Value));
        }

        problems.AddRange(failures.ToArray().Distinct().Select(m => new CollectionProblem { Kind = CollectionProblemKind.OnlineLookupFailed, Message = m }));
        if (!finished || work.IsCanceled)
        {
            problems.Add(new CollectionProblem
            {
                Kind = CollectionProblemKind.OnlineLookupFailed,
                Message = "the online licence lookup stopped reading licence URLs after " + (int)clock.Elapsed.TotalSeconds + " s (budget "
                    + (int)budget.TotalSeconds + " s) with " + toFetch.Count(u => !answers.ContainsKey(u)) + " URL(s) not read",
            });
        }
    }

    private static async Task FetchAllAsync(List<string> urls, ConcurrentDictionary<string, OnlineLicenseCache.Entry> answers, ConcurrentQueue<string> failures, CancellationToken cancellationToken)
    {
        using var fetcher = new LicenseUrlFetcher();
        using var gate = new SemaphoreSlim(4);
        await Task.WhenAll(urls.Select(async url =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var fetched = await fetcher.FetchAsync(url, cancellationToken).ConfigureAwait(false);
                if (fetched.Content is null)
                {
                    // Not cached: a refused connection or a 503 may be gone at the next build.
                    failures.Enqueue("licence URL " + url + ": " + fetched.Problem);
                    return;
                }

                var identification = LicensingBridge.Identify(fetched.Content);
                var problem = identification.License is not null ? null
                    : "the text at " + url + " (read " + DateTimeOffset.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + ") names no known licence"
                        + (identification.Reason is { } reason ? ": " + reason : "")
                        + (identification.ClosestLicense is { } closest ? " (closest: " + closest + ")" : "");
                answers[url] = new OnlineLicenseCache.Entry(identification.License, url, DateTimeOffset.UtcNow, identification.Confidence, problem);
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);
    }

    private static void ApplyText(PackageFact package, OnlineLicenseCache.Entry entry)
    {
        if (entry.License is not null)
        {
            package.License = entry.License;
            package.Source = LicenseSource.FetchedUrl;
            package.Confidence = entry.Confidence;
            package.Problem = null;
        }
        else
        {
            package.Problem = entry.Problem;
        }
    }

    private async Task AskAllAsync(List<PackageFact> packages, ConcurrentDictionary<PackageFact, OnlineLicenseCache.Entry> answers, ConcurrentQueue<string> failures, RetryLog retries, CancellationToken cancellationToken)
    {
        // Our own cache keeps the answers: NuGet's HTTP cache is never read (it would serve an answer again for 30 minutes,
        // a stale one after the source changed). It is still written: NuGet downloads into it with the cancellation token,
        // whereas a direct download is parsed straight from the network without one and an endless answer is never abandoned.
        using var sourceCache = new SourceCacheContext { NoCache = true };
        var resources = new List<KeyValuePair<PackageSource, PackageMetadataResource?>>();
        foreach (var source in sources)
        {
            PackageMetadataResource? resource = null;
            try
            {
                resource = await OpenAsync(source, failures, retries, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failures.Enqueue("package source " + source.Source + " cannot be used: " + Describe(ex));
            }

            resources.Add(new(source, resource));
        }

        foreach (var package in packages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var pair in resources.Where(r => r.Value is not null))
            {
                try
                {
                    var identity = new PackageIdentity(package.Id, NuGetVersion.Parse(package.Version));
                    var metadata = await pair.Value!.GetMetadataAsync(identity, sourceCache, retries, cancellationToken).ConfigureAwait(false);
                    if (metadata is null)
                    {
                        continue;
                    }

                    // A source that knows the package but says nothing of its licence (a local folder feed holding the
                    // same nuspec) must not end the search: its empty answer is kept only if no later source knows more.
                    var entry = ToEntry(metadata);
                    if (entry.License is null && entry.LicenseUrl is null)
                    {
                        answers.TryAdd(package, entry);
                        continue;
                    }

                    answers[package] = entry;
                    break;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    failures.Enqueue(package.Id + " " + package.Version + ": package source " + pair.Key.Source + " failed: " + Describe(ex));
                }
            }
        }
    }

    /// <summary>
    /// The source's package metadata resource, or null (with the reason queued) when the source cannot give one.
    /// </summary>
    /// <remarks>
    /// The service index is read here, once: NuGet's own service index provider tries six times and logs to nowhere, so a
    /// source that refuses connections or serves garbage used most of the budget and the reason was lost ("stopped after
    /// the budget"). NuGet then works from the index read here.
    /// </remarks>
    private static async Task<PackageMetadataResource?> OpenAsync(PackageSource source, ConcurrentQueue<string> failures, RetryLog retries, CancellationToken cancellationToken)
    {
        // Local folder feeds and v2 feeds have no service index: NuGet's own resources serve them as before.
        if (!source.IsHttp || (source.ProtocolVersion != 3 && !source.Source.EndsWith(".json", StringComparison.OrdinalIgnoreCase)))
        {
            return await NuGet.Protocol.Core.Types.Repository.Factory.GetCoreV3(source).GetResourceAsync<PackageMetadataResource>(cancellationToken).ConfigureAwait(false);
        }

        var http = (await NuGet.Protocol.Core.Types.Repository.Factory.GetCoreV3(source).GetResourceAsync<HttpSourceResource>(cancellationToken).ConfigureAwait(false))?.HttpSource;
        if (http is null)
        {
            failures.Enqueue("package source " + source.Source + " cannot be used: NuGet offers no HTTP client for it");
            return null;
        }

        JObject index;
        using (var noCache = new SourceCacheContext { NoCache = true, DirectDownload = true })
        {
            var request = new HttpSourceCachedRequest(source.Source, "commons_service_index", HttpSourceCacheContext.Create(noCache, isFirstAttempt: true)) { MaxTries = 1 };
            index = await http.GetAsync(request, result => ReadObjectAsync(result.Stream ?? throw new System.IO.InvalidDataException("the service index has no content"), cancellationToken), retries, cancellationToken).ConfigureAwait(false);
        }

        if (index["version"] is not JValue { Type: JTokenType.String } version || !version.ToString().StartsWith("3.", StringComparison.Ordinal))
        {
            failures.Enqueue("package source " + source.Source + " cannot be used: its service index is not a NuGet v3 index (no \"version\": \"3.x\")");
            return null;
        }

        var providers = new[] { new Lazy<INuGetResourceProvider>(() => new FixedServiceIndexProvider(new ServiceIndexResourceV3(index, DateTime.UtcNow))) }
            .Concat(NuGet.Protocol.Core.Types.Repository.Provider.GetCoreV3());
        var repository = NuGet.Protocol.Core.Types.Repository.CreateSource(providers, source);

        // Without a registration resource NuGet still hands out a metadata resource, which then fails with a NullReferenceException.
        if (await repository.GetResourceAsync<RegistrationResourceV3>(cancellationToken).ConfigureAwait(false) is null)
        {
            failures.Enqueue("package source " + source.Source + " cannot be used: its service index offers no package metadata (RegistrationsBaseUrl) resource");
            return null;
        }

        return await repository.GetResourceAsync<PackageMetadataResource>(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a JSON object of at most <see cref="MaxServiceIndexBytes"/>, giving up when the token is cancelled.</summary>
    private static async Task<JObject> ReadObjectAsync(System.IO.Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = new System.IO.MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, 0, chunk.Length, cancellationToken).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxServiceIndexBytes)
            {
                throw new System.IO.InvalidDataException("the service index is larger than " + MaxServiceIndexBytes / 1024 + " KB");
            }
        }

        buffer.Position = 0;
        using var reader = new JsonTextReader(new System.IO.StreamReader(buffer));
        return JObject.Load(reader);
    }

    /// <summary>The messages of an exception and its inner exceptions: NuGet wraps the cause (refused, 500, bad JSON) in a generic message.</summary>
    private static string Describe(Exception exception)
    {
        var messages = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (!messages.Contains(current.Message))
            {
                messages.Add(current.Message);
            }
        }

        return string.Join(" ", messages.Select(m => m.TrimEnd('.') + "."));
    }

    private static OnlineLicenseCache.Entry ToEntry(IPackageSearchMetadata metadata)
    {
        string? license = null;
        if (metadata.LicenseMetadata is { Type: NuGet.Packaging.LicenseType.Expression } licenseMetadata)
        {
            license = LicensingBridge.Normalize(licenseMetadata.License, out _);
        }

        var url = metadata.LicenseUrl?.ToString();
        if (license is null && url is not null)
        {
            license = LicensingBridge.MapUrl(url);
        }

        return new OnlineLicenseCache.Entry(license, url, DateTimeOffset.UtcNow);
    }

    private static void Apply(PackageFact package, OnlineLicenseCache.Entry entry)
    {
        if (entry.License is not null)
        {
            package.License = entry.License;
            package.Source = LicenseSource.Online;
            package.Problem = null;
        }

        package.LicenseUrl ??= entry.LicenseUrl;
    }
}

/// <summary>Hands NuGet the service index the enricher already read, instead of letting NuGet read it again with retries.</summary>
internal sealed class FixedServiceIndexProvider : ResourceProvider
{
    private readonly ServiceIndexResourceV3 index;

    public FixedServiceIndexProvider(ServiceIndexResourceV3 index)
        : base(typeof(ServiceIndexResourceV3), nameof(FixedServiceIndexProvider), NuGetResourceProviderPositions.First)
    {
        this.index = index;
    }

    public override Task<Tuple<bool, INuGetResource?>> TryCreate(SourceRepository source, CancellationToken token)
        => Task.FromResult(new Tuple<bool, INuGetResource?>(true, index));
}

/// <summary>
/// Keeps the last failure NuGet logs while it retries a request, so that a lookup stopped by the budget in the middle of
/// retries still says why. NuGet logs each HTTP answer at Information level as "  {status} {url} {ms}ms".
/// </summary>
internal sealed class RetryLog : LoggerBase
{
    /// <summary>Information lines that are not failures: a request going out, a success, a cache hit.</summary>
    private static readonly string[] Routine = { "GET ", "OK ", "CACHE ", "NotModified " };

    private volatile string? last;

    public string? Last => last;

    public override void Log(ILogMessage message)
    {
        var text = message.Message.Trim();
        if (message.Level >= LogLevel.Warning
            || (message.Level == LogLevel.Information && !Routine.Any(r => text.StartsWith(r, StringComparison.Ordinal))))
        {
            last = text;
        }
    }

    public override Task LogAsync(ILogMessage message)
    {
        Log(message);
        return Task.CompletedTask;
    }
}
