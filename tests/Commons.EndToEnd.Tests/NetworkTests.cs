// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Commons.EndToEnd.Tests.Infrastructure;
using Commons.Testing;
using Xunit.Abstractions;

namespace Commons.EndToEnd.Tests;

/// <summary>
/// Issue 7, Security and Faults, and issue 3's "Done when" on online mode: real builds whose NuGet.Config names a
/// loopback feed served by the test, which counts every connection. Offline (the default) nobody calls it; with
/// <c>CommonsOnline=true</c> it is asked, and a feed that accepts connections but never answers costs at most the
/// budget, with a diagnostic that says why.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class NetworkTests
{
    private const string ProjectPath = "src/Sample/Sample.csproj";
    private const string InputUnreadable = "CMN0902";
    private const int BudgetSeconds = 4;

    /// <summary>A package without any licence metadata: the only kind online mode asks about.</summary>
    private static readonly FixturePackage Unlicensed = new("Fixture.Unlicensed");

    private readonly PackedPackage package;
    private readonly ITestOutputHelper output;

    public NetworkTests(PackedPackage package, ITestOutputHelper output)
    {
        this.package = package;
        this.output = output;
    }

    [Fact]
    public void OfflineBuild_NeverContactsTheSources_OnlineBuild_AsksThemAndUsesTheAnswer()
    {
        using var feed = new LoopbackNuGetFeed();
        feed.AddPackage(Unlicensed.Id, Unlicensed.Version, "MIT");
        var sample = RestoredSample("network-opt-in", feed);

        var offline = sample.Build(ProjectPath, "--no-restore", "--no-incremental", "-v:n");
        Assert.True(offline.Process.Succeeded, offline.Describe());
        Assert.True(feed.Connections == 0, "an offline build contacted the package source: " + string.Join(", ", feed.Requests));
        Assert.Null(ReportedPackage(sample).License);

        // An incremental build: switching online mode on must be enough to collect again.
        var online = sample.Build(ProjectPath, "--no-restore", "-v:n", "-p:CommonsOnline=true", "-p:CommonsOnlineCacheFile=" + CacheFile(sample));
        Assert.True(online.Process.Succeeded, online.Describe());
        Assert.True(feed.Connections > 0, "online mode did not ask the package source");
        Assert.Contains("/v3/registration/" + Unlicensed.Id.ToLowerInvariant() + "/index.json", feed.Requests);
        var reported = ReportedPackage(sample);
        Assert.Equal("MIT", reported.License);
        Assert.Equal("online", reported.Source);
    }

    [Fact]
    public void OnlineBuild_AgainstASourceThatNeverAnswers_EndsWithinTheBudget_AndSaysWhy()
    {
        using var feed = new LoopbackNuGetFeed(FeedBehaviour.NeverAnswers);
        var sample = RestoredSample("network-silent", feed);
        var offline = Timed(() => sample.Build(ProjectPath, "--no-restore", "--no-incremental", "-v:n"));
        Assert.True(offline.Build.Process.Succeeded, offline.Build.Describe());

        var online = Timed(() => sample.Build(ProjectPath, "--no-restore", "--no-incremental", "-v:n",
            "-p:CommonsOnline=true", "-p:CommonsOnlineBudgetSeconds=" + BudgetSeconds, "-p:CommonsOnlineCacheFile=" + CacheFile(sample)));

        output.WriteLine($"offline rebuild {offline.Elapsed.TotalSeconds:0.0} s, online rebuild against the silent source {online.Elapsed.TotalSeconds:0.0} s (budget {BudgetSeconds} s)");
        Assert.True(online.Build.Process.Succeeded, online.Build.Describe());
        Assert.True(feed.Connections > 0, "the silent source was never contacted: the test proves nothing");
        var extra = online.Elapsed - offline.Elapsed;
        Assert.True(extra < TimeSpan.FromSeconds(BudgetSeconds + 5),
            $"online build took {online.Elapsed.TotalSeconds:0.0} s, offline {offline.Elapsed.TotalSeconds:0.0} s: more than the {BudgetSeconds} s budget plus 5 s");
        var finding = Assert.Single(online.Build.OfRule(InputUnreadable), r => r.Message.Contains("online licence lookup", StringComparison.Ordinal));
        Assert.Contains($"budget {BudgetSeconds} s", finding.Message, StringComparison.Ordinal);
        Assert.Contains("do not answer", finding.Message, StringComparison.Ordinal);
        Assert.Null(ReportedPackage(sample).License);
        Assert.DoesNotContain(Unlicensed.Id.ToLowerInvariant(), File.Exists(CacheFile(sample)) ? File.ReadAllText(CacheFile(sample)).ToLowerInvariant() : string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public void OnlineBuild_ReadsTheTextBehindAnUnmappedLicenseUrl_AndItsWarningGoes()
    {
        using var server = new LoopbackNuGetFeed();
        var url = server.AddFile("/owner/project/blob/main/LICENSE", "text/plain; charset=utf-8", System.Text.Encoding.UTF8.GetBytes(SampleFiles.MitLicense));

        // The port is part of the version: a package cached by an earlier run names another port.
        var urlOnly = new FixturePackage("Fixture.UrlOnly", "1.0." + server.Port).WithLicenseUrl(url);
        urlOnly.WriteTo(package.FixtureFeed);
        var sample = new PackageSample(package, "network-license-url");
        sample.WriteCommunityFiles(SampleFiles.MitLicense);
        sample.Write(ProjectPath, SampleFiles.Project("net10.0", "MIT", new[] { SampleFiles.Reference(urlOnly) }));
        sample.Write("src/Sample/Greeter.cs", SampleFiles.Source("Greeter", "MIT"));
        sample.WriteNuGetConfig(online: false);

        var offline = sample.Build(ProjectPath, "-v:n");
        Assert.True(offline.Process.Succeeded, offline.Describe());
        Assert.Single(offline.OfRule("CMN0102"), r => r.Message.Contains(urlOnly.Id, StringComparison.Ordinal));
        Assert.True(server.Connections == 0, "an offline build read the licence URL");

        var online = sample.Build(ProjectPath, "--no-restore", "-v:n", "-p:CommonsOnline=true", "-p:CommonsOnlineCacheFile=" + CacheFile(sample));
        Assert.True(online.Process.Succeeded, online.Describe());
        Assert.Contains("/owner/project/blob/main/LICENSE", server.Requests);
        Assert.Empty(online.OfRule("CMN0102"));
        Assert.Equal(("MIT", "fetched-url"), ReportedPackage(sample, urlOnly.Id));
    }

    /// <summary>
    /// An MIT library referencing <see cref="Unlicensed"/>, built once with the local feeds only (restore included); then
    /// its NuGet.Config also names <paramref name="feed"/>, the only network source, for the builds the test runs.
    /// </summary>
    private PackageSample RestoredSample(string name, LoopbackNuGetFeed feed)
    {
        if (!File.Exists(Path.Combine(package.FixtureFeed, Unlicensed.Id + "." + Unlicensed.Version + ".nupkg")))
        {
            Unlicensed.WriteTo(package.FixtureFeed);
        }

        var sample = new PackageSample(package, name);
        sample.WriteCommunityFiles(SampleFiles.MitLicense);

        sample.Write(ProjectPath, SampleFiles.Project("net10.0", "MIT", new[] { SampleFiles.Reference(Unlicensed) }));
        sample.Write("src/Sample/Greeter.cs", SampleFiles.Source("Greeter", "MIT"));
        sample.WriteNuGetConfig(online: false);
        var first = sample.Build(ProjectPath, "-v:n");
        Assert.True(first.Process.Succeeded, first.Describe());
        Assert.Equal(0, feed.Connections);

        sample.WriteNuGetConfig(online: false, extraV3Source: feed.IndexUrl);
        return sample;
    }

    private static string CacheFile(PackageSample sample) => sample.PathOf("online-cache.json");

    /// <summary>The <see cref="Unlicensed"/> entry of the project's dependency report: its licence and where it came from.</summary>
    private static (string? License, string? Source) ReportedPackage(PackageSample sample, string? id = null)
    {
        var report = Directory.GetFiles(sample.PathOf("src/Sample/obj"), "commons.dependencies.json", SearchOption.AllDirectories).Single();
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(report));
        var entry = document.RootElement.GetProperty("packages").EnumerateArray().Single(p => p.GetProperty("id").GetString() == (id ?? Unlicensed.Id));
        return (entry.GetProperty("license").GetString(), entry.GetProperty("source").GetString());
    }

    private static (BuildOutcome Build, TimeSpan Elapsed) Timed(Func<BuildOutcome> build)
    {
        var clock = Stopwatch.StartNew();
        var outcome = build();
        return (outcome, clock.Elapsed);
    }
}
