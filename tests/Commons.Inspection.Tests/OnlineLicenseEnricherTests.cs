// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using Commons.Compliance.Facts;
using Commons.Inspection.Online;
using NuGet.Configuration;

namespace Commons.Inspection.Tests;

public class OnlineLicenseEnricherTests
{
    [Fact]
    public void A_source_that_accepts_connections_but_never_answers_ends_within_the_budget_with_a_reason()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var accepted = new List<TcpClient>();
        listener.BeginAcceptTcpClient(Accept, null);
        void Accept(IAsyncResult result)
        {
            try
            {
                lock (accepted)
                {
                    accepted.Add(listener.EndAcceptTcpClient(result));
                }

                listener.BeginAcceptTcpClient(Accept, null);
            }
            catch (Exception ex) when (ex is ObjectDisposedException or SocketException)
            {
                // The listener stopped: the pending accept ends with ObjectDisposedException or, on Linux, with a
                // SocketException (125, operation canceled); unhandled here, it would crash the test host.
            }
        }

        using var folder = new TempFolder();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var source = new PackageSource("http://127.0.0.1:" + port + "/v3/index.json", "silent");
        var enricher = new OnlineLicenseEnricher(new[] { source }, OnlineLicenseCache.Load(Path.Combine(folder.Path, "cache.json"), TimeSpan.FromDays(1)), TimeSpan.FromSeconds(2));
        var package = new PackageFact { Id = "Fix.None", Version = "1.0.0", Source = LicenseSource.None };
        var problems = new List<CollectionProblem>();

        var clock = Stopwatch.StartNew();
        enricher.Enrich(new[] { package }, problems);
        clock.Stop();
        listener.Stop();

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "took " + clock.Elapsed);
        Assert.Null(package.License);
        Assert.Contains(problems, p => p.Kind == CollectionProblemKind.OnlineLookupFailed && p.Message.Contains("budget 2 s", StringComparison.Ordinal));
        lock (accepted)
        {
            Assert.NotEmpty(accepted);
            accepted.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public void A_fresh_cache_entry_answers_without_any_source_and_an_expired_one_does_not()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "cache.json");
        var cache = OnlineLicenseCache.Load(path, TimeSpan.FromDays(7));
        cache.Set("Fix.Url", "1.0.0", new OnlineLicenseCache.Entry("MIT", "https://example.org/license", DateTimeOffset.UtcNow.AddDays(-1)));
        cache.Set("Fix.Old", "1.0.0", new OnlineLicenseCache.Entry("MIT", null, DateTimeOffset.UtcNow.AddDays(-30)));
        Assert.Null(cache.Save());

        var fresh = new PackageFact { Id = "Fix.Url", Version = "1.0.0", Source = LicenseSource.Url, LicenseUrl = "https://example.org/license" };
        var old = new PackageFact { Id = "Fix.Old", Version = "1.0.0", Source = LicenseSource.None };
        var problems = new List<CollectionProblem>();
        new OnlineLicenseEnricher(Array.Empty<PackageSource>(), OnlineLicenseCache.Load(path, TimeSpan.FromDays(7)), TimeSpan.FromSeconds(1))
            .Enrich(new[] { fresh, old }, problems);

        Assert.Equal("MIT", fresh.License);
        Assert.Equal(LicenseSource.Online, fresh.Source);
        Assert.Null(old.License);
    }

    [Fact]
    public void A_corrupt_cache_file_is_an_empty_cache()
    {
        using var folder = new TempFolder();
        var path = folder.Write("cache.json", "{ not json");

        var cache = OnlineLicenseCache.Load(path, TimeSpan.FromDays(7));

        Assert.Null(cache.Get("Any", "1.0.0", DateTimeOffset.UtcNow));
    }
}
