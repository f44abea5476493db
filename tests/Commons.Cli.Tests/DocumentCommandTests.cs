// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Commons.Cli.Documents;
using Commons.Cli.Output;
using Json.Schema;

namespace Commons.Cli.Tests;

/// <summary><c>sbom</c> and <c>notices</c> on the restored sample; SBOMs validated against the JSON schemas in Schemas/.</summary>
public sealed class DocumentCommandTests : IClassFixture<RestoredSample>
{
    private static readonly Lazy<(JsonSchema Spdx, JsonSchema CycloneDx)> Schemas = new(LoadSchemas);
    private readonly RestoredSample sample;

    public DocumentCommandTests(RestoredSample sample)
    {
        this.sample = sample;
    }

    [Fact]
    public void SpdxSbom_IsValidSpdx23_WithLicencesChecksumsAndTheProjectsOwnLicence()
    {
        var result = Cli.Run(sample.Root, "sbom", "--format", "spdx-json");

        Assert.True(result.ExitCode == 0, result.ToString());
        AssertValid(Schemas.Value.Spdx, result.Stdout);
        var packages = result.Json["packages"]!.AsArray();
        var newtonsoft = packages.Single(p => (string?)p!["name"] == "Newtonsoft.Json");
        Assert.Equal("MIT", (string?)newtonsoft!["licenseDeclared"]);
        Assert.Matches("^[0-9a-f]{128}$", (string)newtonsoft["checksums"]![0]!["checksumValue"]!);
        Assert.Equal("pkg:nuget/Newtonsoft.Json@13.0.3", (string?)newtonsoft["externalRefs"]![0]!["referenceLocator"]);
        var library = packages.Single(p => (string?)p!["name"] == "Civic.Bookings");
        Assert.Equal("MIT", (string?)library!["licenseDeclared"]);
        Assert.Contains(result.Json["relationships"]!.AsArray(), r => (string?)r!["relationshipType"] == "DEPENDS_ON" && (string?)r["relatedSpdxElement"] == (string?)newtonsoft["SPDXID"]);
    }

    [Fact]
    public void CycloneDxSbom_IsValidCycloneDx16()
    {
        var result = Cli.Run(sample.Root, "sbom", "--format", "cyclonedx-json");

        Assert.True(result.ExitCode == 0, result.ToString());
        AssertValid(Schemas.Value.CycloneDx, result.Stdout);
        var component = result.Json["components"]!.AsArray().Single(c => (string?)c!["name"] == "Newtonsoft.Json");
        Assert.Equal("MIT", (string?)component!["licenses"]![0]!["expression"]);
        Assert.Equal("SHA-512", (string?)component["hashes"]![0]!["alg"]);
    }

    [Fact]
    public void Sbom_KeepsAnOrExpressionWhole_InBothFormats()
    {
        var inventory = Fixtures.Inventory(Fixtures.Package("Dual.Licensed", "1.0.0", "MIT OR Apache-2.0"));
        var created = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

        var spdx = SpdxSbom.Write(inventory, created);
        var cyclone = CycloneDxSbom.Write(inventory, created);

        AssertValid(Schemas.Value.Spdx, spdx);
        AssertValid(Schemas.Value.CycloneDx, cyclone);
        var spdxPackage = JsonNode.Parse(spdx)!["packages"]!.AsArray().Single(p => (string?)p!["name"] == "Dual.Licensed");
        Assert.Equal("MIT OR Apache-2.0", (string?)spdxPackage!["licenseDeclared"]);
        var licenses = JsonNode.Parse(cyclone)!["components"]!.AsArray().Single(c => (string?)c!["name"] == "Dual.Licensed")!["licenses"]!.AsArray();
        Assert.Single(licenses);
        Assert.Equal("MIT OR Apache-2.0", (string?)licenses[0]!["expression"]);
    }

    [Fact]
    public void Notices_HaveEachRuntimePackagesLicenceTextAndCopyright()
    {
        var output = Path.Combine(sample.Root, "out", "NOTICES.md");
        var result = Cli.Run(sample.Root, "notices", "-o", output);

        Assert.True(result.ExitCode == 0, result.ToString());
        var text = File.ReadAllText(output);
        Assert.Contains("## Newtonsoft.Json 13.0.3", text);
        Assert.Contains("## CommonServiceLocator 2.0.5", text);
        Assert.Contains("Permission is hereby granted", text);
        Assert.Contains("Copyright \u00A9 Microsoft 2008", text);
    }

    [Fact]
    public void Verbatim_UntrustedText_CannotCloseItsFenceOrBecomeMarkup()
    {
        var hostile = "NOTICE\n```\n<script>alert(1)</script>\n````\n# Title";

        var block = Markdown.Verbatim(hostile);

        // The longest backtick run inside is 4: the fence is 5, so nothing inside can close it.
        Assert.StartsWith("`````text\n", block);
        Assert.EndsWith("\n`````\n", block);
        Assert.Contains(hostile, block);
        Assert.Equal("&lt;script&gt; \\# \\| x", Markdown.Inline("<script> # | x"));
    }

    /// <summary>Validates an SBOM against its schema (for the other test classes).</summary>
    internal static void AssertValidSpdx(string json) => AssertValid(Schemas.Value.Spdx, json);

    internal static void AssertValidCycloneDx(string json) => AssertValid(Schemas.Value.CycloneDx, json);

    private static void AssertValid(JsonSchema schema, string json)
    {
        var results = schema.Evaluate(System.Text.Json.JsonDocument.Parse(json).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        Assert.True(results.IsValid, string.Join("\n", (results.Details ?? new System.Collections.Generic.List<EvaluationResults>()).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => d.InstanceLocation + " " + e.Key + ": " + e.Value)).Take(20)));
    }

    private static (JsonSchema, JsonSchema) LoadSchemas()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Schemas");
        JsonSchema Load(string name) => JsonSchema.FromText(File.ReadAllText(Path.Combine(folder, name)));
        var spdxLicenses = Load("spdx.schema.json");
        var jsf = Load("jsf-0.82.schema.json");
        SchemaRegistry.Global.Register(spdxLicenses);
        SchemaRegistry.Global.Register(jsf);
        return (Load("spdx-2.3.schema.json"), Load("bom-1.6.schema.json"));
    }
}
