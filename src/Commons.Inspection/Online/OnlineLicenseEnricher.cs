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

namespace Commons.Inspection.Online;

/// <summary>
/// Opt-in: asks the configured package sources (NuGet.Config honoured) for the licence of packages whose local files
/// give none that is known. One time budget for the whole collection; every failure becomes a problem, never an exception.
/// </summary>
public sealed class OnlineLicenseEnricher
{
    public static readonly TimeSpan DefaultBudget = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan DefaultExpiry = TimeSpan.FromDays(7);

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

    /// <summary>Fills in the licence of every package that lacks a known one, within the budget.</summary>
    public void Enrich(IEnumerable<PackageFact> packages, List<CollectionProblem> problems)
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
            var work = Task.Run(() => AskAllAsync(toAsk, answers, failures, cancellation.Token));

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
                        + (int)budget.TotalSeconds + " s) with " + left + " package(s) not answered: the package sources are slow or unreachable",
                });
            }
        }

        if (cache.Save() is { } error)
        {
            problems.Add(new CollectionProblem { Kind = CollectionProblemKind.OnlineLookupFailed, Message = error });
        }
    }

    private async Task AskAllAsync(List<PackageFact> packages, ConcurrentDictionary<PackageFact, OnlineLicenseCache.Entry> answers, ConcurrentQueue<string> failures, CancellationToken cancellationToken)
    {
        using var sourceCache = new SourceCacheContext { NoCache = false };
        var resources = new List<KeyValuePair<PackageSource, PackageMetadataResource?>>();
        foreach (var source in sources)
        {
            PackageMetadataResource? resource = null;
            try
            {
                resource = await NuGet.Protocol.Core.Types.Repository.Factory.GetCoreV3(source).GetResourceAsync<PackageMetadataResource>(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                failures.Enqueue("package source " + source.Source + " cannot be used: " + ex.Message);
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
                    var metadata = await pair.Value!.GetMetadataAsync(identity, sourceCache, NullLogger.Instance, cancellationToken).ConfigureAwait(false);
                    if (metadata is null)
                    {
                        continue;
                    }

                    answers[package] = ToEntry(metadata);
                    break;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    failures.Enqueue(package.Id + " " + package.Version + ": package source " + pair.Key.Source + " failed: " + ex.Message);
                }
            }
        }
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
