// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Commons.Compliance.Facts;
using Commons.Inspection.Online;
using Commons.Licensing;
using Commons.Testing;
using NuGet.Configuration;

namespace Commons.Inspection.Tests;

/// <summary>
/// Issue 13: with <c>CommonsOnline=true</c>, a licence URL that maps to no SPDX licence is read and its text identified.
/// The URLs are served by a loopback server of the test (plain http is read on the loopback only).
/// </summary>
public sealed class LicenseUrlFetchTests
{
    private static readonly string MitText = "MIT License\n\nCopyright (c) 2019 Example Authors\n\n" + SpdxCatalog.Default.GetText("MIT")!;

    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(15);

    [Fact]
    public void A_licence_text_behind_an_unmapped_url_is_identified_and_says_where_it_comes_from()
    {
        using var folder = new TempFolder();
        using var server = new LoopbackNuGetFeed();
        var url = server.AddFile("/project/blob/main/LICENSE.txt", "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(MitText));
        var first = UrlPackage("Fix.UrlOne", url);
        var second = UrlPackage("Fix.UrlTwo", url);

        var problems = Enrich(folder, first, second);

        Assert.Empty(problems);
        Assert.All(new[] { first, second }, p =>
        {
            Assert.Equal("MIT", p.License);
            Assert.Equal(LicenseSource.FetchedUrl, p.Source);
            Assert.Equal(url, p.LicenseUrl);
            Assert.True(p.Confidence > 90);
        });
        Assert.Single(server.Requests, r => r == "/project/blob/main/LICENSE.txt");
    }

    [Fact]
    public void A_url_read_once_is_answered_from_the_cache_at_the_next_build()
    {
        using var folder = new TempFolder();
        using var server = new LoopbackNuGetFeed();
        var url = server.AddFile("/LICENSE", "text/plain", Encoding.UTF8.GetBytes(MitText));
        Enrich(folder, UrlPackage("Fix.Url", url));
        var requests = server.Requests.Count;

        var again = UrlPackage("Fix.Url", url);
        var problems = Enrich(folder, again);

        Assert.Empty(problems);
        Assert.Equal("MIT", again.License);
        Assert.Equal(LicenseSource.FetchedUrl, again.Source);
        Assert.Equal(requests, server.Requests.Count);
    }

    [Fact]
    public void A_licence_inside_a_plain_html_page_is_read_as_text()
    {
        using var folder = new TempFolder();
        using var server = new LoopbackNuGetFeed();
        var html = "<!DOCTYPE html><html><head><title>Licence</title><style>p { color: red }</style></head><body><pre>"
            + System.Net.WebUtility.HtmlEncode(MitText) + "</pre></body></html>";
        var package = UrlPackage("Fix.Html", server.AddFile("/license.html", "text/html; charset=utf-8", Encoding.UTF8.GetBytes(html)));

        Enrich(folder, package);

        Assert.Equal("MIT", package.License);
        Assert.Equal(LicenseSource.FetchedUrl, package.Source);
    }

    [Fact]
    public void A_text_that_is_not_a_licence_names_none_and_says_why()
    {
        using var folder = new TempFolder();
        using var server = new LoopbackNuGetFeed();
        var package = UrlPackage("Fix.Readme", server.AddFile("/readme", "text/plain", Encoding.UTF8.GetBytes("# Example\n\nA library that does things. Install it with dotnet add package Example.\n")));

        Enrich(folder, package);

        Assert.Null(package.License);
        Assert.Equal(LicenseSource.Url, package.Source);
        Assert.Contains("names no known licence", package.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_modified_licence_text_is_not_taken_for_the_original()
    {
        using var folder = new TempFolder();
        using var server = new LoopbackNuGetFeed();
        var modified = MitText.Replace("Permission is hereby granted, free of charge,", "Permission is hereby granted, for non-commercial use only and free of charge,", StringComparison.Ordinal)
            + "\nThe Software may not be used for commercial purposes.\n";
        var package = UrlPackage("Fix.Modified", server.AddFile("/modified", "text/plain", Encoding.UTF8.GetBytes(modified)));

        Enrich(folder, package);

        Assert.Null(package.License);
    }

    [Theory]
    [InlineData("application/pdf", "not a text")]
    [InlineData("text/plain", "larger than 1024 KB")]
    public void What_is_not_a_licence_text_is_refused_with_a_reason_and_not_cached(string contentType, string reason)
    {
        using var folder = new TempFolder();
        using var server = new LoopbackNuGetFeed();
        var body = contentType == "text/plain" ? new byte[LicenseUrlFetcher.MaxBytes + 10] : Encoding.ASCII.GetBytes("%PDF-1.4");
        if (contentType == "text/plain")
        {
            body.AsSpan().Fill((byte)'a');
        }

        var url = server.AddFile("/file", contentType, body);
        var package = UrlPackage("Fix.Refused", url);

        var problems = Enrich(folder, package);

        Assert.Null(package.License);
        Assert.Contains(problems, p => p.Kind == CollectionProblemKind.OnlineLookupFailed && p.Message.Contains(reason, StringComparison.Ordinal) && p.Message.Contains(url, StringComparison.Ordinal));
        Assert.Null(OnlineLicenseCache.Load(Path.Combine(folder.Path, "cache.json"), TimeSpan.FromDays(1)).GetUrl(url, DateTimeOffset.UtcNow));
    }

    [Fact]
    public void A_server_that_never_answers_costs_the_budget_and_no_more()
    {
        using var folder = new TempFolder();
        using var server = new LoopbackNuGetFeed();
        var package = UrlPackage("Fix.Silent", server.AddFile("/silent", "text/plain", Encoding.UTF8.GetBytes(MitText)));
        server.Behaviour = FeedBehaviour.NeverAnswers;

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var problems = Enrich(folder, TimeSpan.FromSeconds(2), package);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(6), "took " + clock.Elapsed);
        Assert.Null(package.License);
        Assert.Contains(problems, p => p.Message.Contains("1 URL(s) not read", StringComparison.Ordinal));
    }

    [Fact]
    public void A_failed_read_is_a_problem_and_a_known_licence_is_never_read_again()
    {
        using var folder = new TempFolder();
        using var server = new LoopbackNuGetFeed();
        var missing = UrlPackage("Fix.Missing", server.AddFile("/exists", "text/plain", Encoding.UTF8.GetBytes(MitText)).Replace("/exists", "/gone", StringComparison.Ordinal));
        var known = new PackageFact { Id = "Fix.Known", Version = "1.0.0", License = "Apache-2.0", Source = LicenseSource.Url, LicenseUrl = server.AddFile("/apache", "text/plain", Encoding.UTF8.GetBytes(MitText)) };

        var problems = Enrich(folder, missing, known);

        Assert.Contains(problems, p => p.Message.Contains("404", StringComparison.Ordinal));
        Assert.Equal("Apache-2.0", known.License);
        Assert.DoesNotContain("/apache", server.Requests);
    }

    [Theory]
    [InlineData("https://github.com/dotnet/corefx/blob/master/LICENSE.TXT", "https://raw.githubusercontent.com/dotnet/corefx/master/LICENSE.TXT")]
    [InlineData("https://github.com/owner/repo/raw/v1.2/docs/LICENSE.md", "https://raw.githubusercontent.com/owner/repo/v1.2/docs/LICENSE.md")]
    [InlineData("http://example.org/license.txt", "https://example.org/license.txt")]
    [InlineData("https://example.org/license", "https://example.org/license")]
    [InlineData("http://127.0.0.1:8080/license", "http://127.0.0.1:8080/license")]
    public void The_address_read_is_https_and_a_github_file_page_is_its_raw_text(string url, string expected)
    {
        Assert.Equal(expected, LicenseUrlFetcher.Target(url, out var refusal)?.ToString());
        Assert.Null(refusal);
    }

    [Theory]
    [InlineData("ftp://example.org/license.txt")]
    [InlineData("file:///etc/passwd")]
    [InlineData("LICENSE.txt")]
    public void Other_schemes_and_relative_urls_are_never_read(string url)
    {
        Assert.Null(LicenseUrlFetcher.Target(url, out var refusal));
        Assert.NotNull(refusal);
    }

    [Fact]
    public void The_text_of_an_html_page_drops_scripts_styles_and_tags_and_decodes_entities()
    {
        var text = Commons.Licensing.Identification.HtmlText.ToText("<html><head><script>var x = 1;</script></head><body><nav>Home | About</nav><p>Copyright &copy; 2020 A &amp; B</p><!-- c --><p>Line two</p></body></html>");

        Assert.Equal(new[] { "Copyright © 2020 A & B", "Line two" }, text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
    }

    private static PackageFact UrlPackage(string id, string url)
        => new() { Id = id, Version = "1.0.0", Source = LicenseSource.Url, LicenseUrl = url };

    private static List<CollectionProblem> Enrich(TempFolder folder, params PackageFact[] packages) => Enrich(folder, Budget, packages);

    private static List<CollectionProblem> Enrich(TempFolder folder, TimeSpan budget, params PackageFact[] packages)
    {
        var problems = new List<CollectionProblem>();
        new OnlineLicenseEnricher(Array.Empty<PackageSource>(), OnlineLicenseCache.Load(Path.Combine(folder.Path, "cache.json"), TimeSpan.FromDays(1)), budget)
            .Enrich(packages, problems);
        return problems;
    }
}
