// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using Commons.Compliance.Facts;
using Commons.Inspection.Online;
using Commons.Testing;
using NuGet.Configuration;

namespace Commons.Inspection.Tests;

/// <summary>
/// Issue 7, Faults: online enrichment against a loopback NuGet feed that misbehaves in every way a real one does.
/// Each time the enrichment ends within the budget (plus a small margin), says why in a problem, writes nothing into
/// the cache from the failure, and takes the good answer once the same feed behaves again.
/// </summary>
public sealed class OnlineFaultTests
{
    private const string PackageId = "Fix.None";
    private const string PackageVersion = "1.0.0";

    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    /// <summary>For the steps that are not timed (a well-behaved feed): a loaded machine must not make them fail.</summary>
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(15);

    /// <summary>The enricher stops its work at the budget plus 0.5 s; one more second for a loaded 2-core machine.</summary>
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(1.5);

    /// <summary>Each fault, where it strikes (the service index or only the registration), and what the problem must name.</summary>
    public static TheoryData<FeedBehaviour, bool, string> Faults => new()
    {
        { FeedBehaviour.RefusesConnections, false, "Connection refused" },
        { FeedBehaviour.NeverAnswers, false, "budget 2 s" },
        { FeedBehaviour.AnswersSlowly, false, "budget 2 s" },
        { FeedBehaviour.AnswersSlowly, true, "budget 2 s" },
        { FeedBehaviour.NotJson, false, "Unexpected character encountered while parsing value: <" },
        { FeedBehaviour.NotJson, true, "Unexpected character encountered while parsing value: <" },
        { FeedBehaviour.TruncatedJson, false, "Unterminated" },
        { FeedBehaviour.TruncatedJson, true, "Unterminated" },
        { FeedBehaviour.WrongJsonShape, false, "not an object" },
        { FeedBehaviour.WrongJsonShape, true, "Error converting value" },
        { FeedBehaviour.ServerError, false, "500" },
        { FeedBehaviour.ServerError, true, "InternalServerError" },
        { FeedBehaviour.EndlessBody, false, "larger than 1024 KB" },
        { FeedBehaviour.EndlessBody, true, "budget 2 s" },
        { FeedBehaviour.NoMetadataResource, false, "metadata" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public void A_misbehaving_feed_ends_within_the_budget_with_a_reason_and_never_poisons_the_cache(FeedBehaviour fault, bool onlyRegistrations, string cause)
    {
        using var folder = new TempFolder();
        var cachePath = Path.Combine(folder.Path, "cache.json");
        using var feed = new LoopbackNuGetFeed(fault) { FaultOnlyOnRegistrations = onlyRegistrations, SlowDelay = Budget + TimeSpan.FromSeconds(3) };
        feed.AddPackage(PackageId, PackageVersion, "MIT");

        var (package, problems, elapsed) = Enrich(feed, cachePath);

        var messages = string.Join(Environment.NewLine, problems.Select(p => p.Kind + ": " + p.Message));
        Assert.True(elapsed < Budget + Margin, "took " + elapsed + " with a budget of " + Budget + Environment.NewLine + messages);
        Assert.Null(package.License);
        Assert.Contains(problems, p => p.Kind == CollectionProblemKind.OnlineLookupFailed && p.Message.Contains(cause, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(problems, p => p.Message.Contains(feed.IndexUrl.Substring(0, feed.IndexUrl.IndexOf("/v3", StringComparison.Ordinal)), StringComparison.Ordinal)
            || p.Message.Contains("budget", StringComparison.Ordinal));
        AssertNotCached(cachePath);

        // The same feed recovers: its answer is used and cached (neither our cache nor NuGet's HTTP cache kept the failure).
        feed.Behaviour = FeedBehaviour.WellBehaved;
        var (recovered, recoveryProblems, _) = Enrich(feed, cachePath, Generous);
        Assert.True(recovered.License == "MIT", "after recovery: " + string.Join("; ", recoveryProblems.Select(p => p.Message)));
        Assert.Equal(LicenseSource.Online, recovered.Source);
        Assert.Equal("MIT", OnlineLicenseCache.Load(cachePath, TimeSpan.FromDays(1)).Get(PackageId, PackageVersion, DateTimeOffset.UtcNow)?.License);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_endless_answer_is_abandoned_the_client_stops_reading_soon_after_the_budget(bool onlyRegistrations)
    {
        using var folder = new TempFolder();
        using var feed = new LoopbackNuGetFeed(FeedBehaviour.EndlessBody) { FaultOnlyOnRegistrations = onlyRegistrations };
        feed.AddPackage(PackageId, PackageVersion, "MIT");

        Enrich(feed, Path.Combine(folder.Path, "cache.json"));
        var sentAtReturn = feed.EndlessBytesSent;
        var clock = Stopwatch.StartNew();
        while (feed.EndlessStreamsClosedByClient == 0 && clock.Elapsed < TimeSpan.FromSeconds(5))
        {
            Thread.Sleep(50);
        }

        Assert.True(feed.EndlessStreamsClosedByClient > 0,
            "the enricher kept reading the endless answer after it returned: " + sentAtReturn + " bytes at return, " + feed.EndlessBytesSent + " now");
    }

    [Fact]
    public void A_well_behaved_feed_answers_and_the_answer_is_cached()
    {
        using var folder = new TempFolder();
        var cachePath = Path.Combine(folder.Path, "cache.json");
        using var feed = new LoopbackNuGetFeed();
        feed.AddPackage(PackageId, PackageVersion, "Apache-2.0");

        var (package, problems, _) = Enrich(feed, cachePath, Generous);

        Assert.True(package.License == "Apache-2.0", string.Join("; ", problems.Select(p => p.Message)));
        Assert.Empty(problems);
        Assert.Contains(feed.Requests, r => r.Equals("/v3/registration/fix.none/index.json", StringComparison.Ordinal));
        var connections = feed.Connections;

        // A second build within the expiry asks nobody.
        var (again, _, _) = Enrich(feed, cachePath, Generous);
        Assert.Equal("Apache-2.0", again.License);
        Assert.Equal(connections, feed.Connections);
    }

    [Fact]
    public void A_source_that_knows_the_package_but_not_its_licence_does_not_end_the_search()
    {
        using var folder = new TempFolder();
        var localFeed = Path.Combine(folder.Path, "local-feed");
        new FixturePackage(PackageId, PackageVersion).WriteTo(localFeed);
        using var feed = new LoopbackNuGetFeed();
        feed.AddPackage(PackageId, PackageVersion, "MIT");
        var sources = new[] { new PackageSource(localFeed, "local"), new PackageSource(feed.IndexUrl, "loopback") };

        var (package, problems, _) = Enrich(sources, Path.Combine(folder.Path, "cache.json"), Generous);

        Assert.True(package.License == "MIT", "the local feed's empty answer ended the search: " + string.Join("; ", problems.Select(p => p.Message)));
    }

    /// <summary>One enrichment of <see cref="PackageId"/> from <paramref name="feed"/>; null budget = the short one the faults are timed against.</summary>
    private static (PackageFact Package, List<CollectionProblem> Problems, TimeSpan Elapsed) Enrich(LoopbackNuGetFeed feed, string cachePath, TimeSpan? budget = null)
        => Enrich(new[] { new PackageSource(feed.IndexUrl, "loopback") }, cachePath, budget ?? Budget);

    private static (PackageFact Package, List<CollectionProblem> Problems, TimeSpan Elapsed) Enrich(PackageSource[] sources, string cachePath, TimeSpan budget)
    {
        var package = new PackageFact { Id = PackageId, Version = PackageVersion, Source = LicenseSource.None };
        var problems = new List<CollectionProblem>();
        var enricher = new OnlineLicenseEnricher(sources, OnlineLicenseCache.Load(cachePath, TimeSpan.FromDays(1)), budget);
        var clock = Stopwatch.StartNew();
        enricher.Enrich(new[] { package }, problems);
        return (package, problems, clock.Elapsed);
    }

    private static void AssertNotCached(string cachePath)
    {
        Assert.Null(OnlineLicenseCache.Load(cachePath, TimeSpan.FromDays(1)).Get(PackageId, PackageVersion, DateTimeOffset.UtcNow));
        if (File.Exists(cachePath))
        {
            Assert.DoesNotContain(PackageId.ToLowerInvariant(), File.ReadAllText(cachePath), StringComparison.OrdinalIgnoreCase);
        }
    }
}
