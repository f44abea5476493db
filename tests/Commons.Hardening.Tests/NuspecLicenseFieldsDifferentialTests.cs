// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;
using System.Text;
using System.Xml;
using Commons.Hardening.Tests.Infrastructure;
using Commons.Inspection.Dependencies;
using CsCheck;
using NuGet.Packaging;
using Xunit.Abstractions;

namespace Commons.Hardening.Tests;

/// <summary>
/// <see cref="NuspecLicenseFields"/> reads the licence fields of a nuspec in one pass instead of through NuGet's
/// <see cref="NuspecReader"/>; these properties hold it to NuGet's reading on generated nuspecs (namespaces, prefixes,
/// duplicate and nested elements, every spelling of the licence type and of the development flag), then on the same
/// nuspecs mutated and re-encoded: the same fields, and refused exactly when NuGet refuses.
/// </summary>
public sealed class NuspecLicenseFieldsDifferentialTests
{
    private const string Namespace = "http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd";

    private static readonly string[] LicenseTypes =
    {
        "expression", "Expression", "FILE", "file", " file ", "0", "1", "5", "-1", "file,expression", "", "foo", "expressions", null!,
    };

    private static readonly string[] LicenseTexts =
    {
        "MIT", " Apache-2.0 ", "MIT OR GPL-3.0-only", "LICENSE.txt", "", "   ", "<![CDATA[MIT]]>", "MI<!-- c -->T", "MIT<b>x</b>",
        "&amp;MIT", "&#x4D;IT", "<?pi x?>MIT", "\n  MIT\n",
    };

    private static readonly string[] Flags = { "true", "True", " true ", "TRUE", "false", "yes", "1", "", "   ", "<![CDATA[true]]>", "tr<!-- -->ue" };

    private static readonly string[] Urls = { "https://licenses.nuget.org/MIT", " https://opensource.org/licenses/MIT ", "", "https://aka.ms/deprecateLicenseUrl", "x<b>y</b>" };

    private readonly ITestOutputHelper output;

    public NuspecLicenseFieldsDifferentialTests(ITestOutputHelper output) => this.output = output;

    private static Gen<string> LicenseElement { get; } = Gen.OneOf(
        Gen.Select(Gen.OneOf(LicenseTypes), Gen.OneOf(LicenseTexts), Gen.Bool, (type, text, version) =>
            "<license" + (type is null ? "" : " type=\"" + type + "\"") + (version ? " version=\"1.0.0\"" : "") + ">" + text + "</license>"),
        Gen.OneOf(LicenseTypes).Select(type => "<license" + (type is null ? "" : " type=\"" + type + "\"") + " />"),
        Gen.Const("<license type=\"expression\" version=\"9.9.9\">MIT</license>"),
        Gen.Const("<license type=\"expression\" version=\"x\">MIT</license>"),
        Gen.Const("<license xmlns=\"urn:other\" type=\"expression\">MIT</license>"),
        Gen.Const("<license p:type=\"expression\" xmlns:p=\"urn:p\">MIT</license>"),
        Gen.Const(""));

    private static Gen<string> OtherElements { get; } = Gen.OneOf(
        Gen.OneOf(Urls).Select(u => "<licenseUrl>" + u + "</licenseUrl>"),
        Gen.Const("<licenseUrl />"),
        Gen.OneOf(Flags).Select(f => "<developmentDependency>" + f + "</developmentDependency>"),
        Gen.Const("<developmentDependency />"),
        Gen.Const("<id>A</id>"),
        Gen.Const("<group><license type=\"expression\">GPL-3.0-only</license></group>"),
        Gen.Const(""));

    /// <summary>A nuspec with its licence fields in any order, repeated, under one of several namespace layouts.</summary>
    private static Gen<string> Nuspec { get; } = Gen.Select(
        Gen.Select(LicenseElement, OtherElements, LicenseElement, OtherElements, OtherElements, (a, b, c, d, e) => a + b + c + d + e),
        Gen.Int[0, 7],
        (body, layout) => Wrap(body, layout));

    [Fact]
    public void The_fields_are_the_ones_NuGet_reads_from_generated_nuspecs()
    {
        var agreedOn = 0;
        Property.Check(output, "nuspec-fields/generated", Nuspec, n => agreedOn += Agree(Encoding.UTF8.GetBytes(n)), iter: 3000, print: n => n);

        // Most generated nuspecs must be readable, or the comparison says little.
        Assert.True(agreedOn > 1500, agreedOn + " of 3000 generated nuspecs were readable");
    }

    [Fact]
    public void The_fields_are_the_ones_NuGet_reads_from_mutated_nuspecs()
    {
        Property.Check(output, "nuspec-fields/mutated", Mutations.BytesOf(Nuspec), bytes => Agree(bytes), iter: 3000, print: Mutations.Describe);
    }

    [Fact]
    public void The_fields_are_the_ones_NuGet_reads_from_the_hostile_seeds()
    {
        Property.Check(output, "nuspec-fields/hostile-seed", Mutations.BytesOf(NuspecHostileTests.NuspecSeed), bytes => Agree(bytes), iter: 1000, print: Mutations.Describe);
    }

    [Theory]
    [InlineData(0, "<license type=\"expression\">MIT</license><developmentDependency>true</developmentDependency>", "Expression|MIT|-|True")]
    [InlineData(2, "<license type=\"file\">LICENSE</license><licenseUrl>u</licenseUrl>", "File|LICENSE|u|False")]
    [InlineData(4, "<license type=\"file\">LICENSE</license>", "File|LICENSE|-|False")]
    [InlineData(1, "<licenseUrl>a</licenseUrl><licenseUrl>b</licenseUrl>", "-|-|a|False")]
    public void Known_layouts_read_as_NuGet_reads_them(int layout, string body, string expected)
    {
        var bytes = Encoding.UTF8.GetBytes(Wrap(body, layout));

        Assert.Equal(expected, Ours(bytes));
        Assert.Equal(expected, NuGets(bytes));
    }

    [Theory]
    [InlineData("<package><other /></package>")]
    [InlineData("<package><metadata><developmentDependency>yes</developmentDependency></metadata></package>")]
    [InlineData("<!DOCTYPE package []><package><metadata /></package>")]
    [InlineData("<package><metadata /></package><trailing />")]
    [InlineData("")]
    public void Both_refuse_the_same_broken_nuspecs(string nuspec)
    {
        var bytes = Encoding.UTF8.GetBytes(nuspec);

        Assert.Equal("refused", NuGets(bytes));
        Assert.Equal("refused", Ours(bytes));
    }

    /// <summary>Layouts: default namespace, none, a prefix, metadata in another namespace than its children, metadata
    /// not first, two metadata elements, a root of another name, metadata nested one level too deep.</summary>
    private static string Wrap(string body, int layout) => "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + layout switch
    {
        0 => "<package xmlns=\"" + Namespace + "\"><metadata>" + body + "</metadata></package>",
        1 => "<package><metadata>" + body + "</metadata><files /></package>",
        2 => "<n:package xmlns:n=\"" + Namespace + "\"><n:metadata>" + body + "</n:metadata></n:package>",
        3 => "<package xmlns=\"" + Namespace + "\"><metadata xmlns=\"urn:m\">" + body + "</metadata></package>",
        4 => "<package><files />  <!-- x --><metadata minClientVersion=\"1\">" + body + "</metadata></package>",
        5 => "<package><metadata><id>first</id></metadata><metadata>" + body + "</metadata></package>",
        6 => "<nuspec><metadata>" + body + "</metadata></nuspec>",
        _ => "<package><x><metadata>" + body + "</metadata></x></package>",
    };

    private static int Agree(byte[] bytes)
    {
        var nuget = NuGets(bytes, out var refusal);
        var ours = Ours(bytes);
        if (nuget != ours)
        {
            throw new Xunit.Sdk.XunitException("NuGet reads " + nuget + (refusal is null ? "" : " (" + refusal + ")") + ", NuspecLicenseFields reads " + ours);
        }

        return nuget == "refused" ? 0 : 1;
    }

    private static string Ours(byte[] bytes)
    {
        NuspecLicenseFields fields;
        try
        {
            fields = NuspecLicenseFields.Read(new MemoryStream(bytes));
        }
        catch (Exception ex) when (ex is XmlException or InvalidDataException)
        {
            return "refused";
        }

        return Describe(fields.LicenseType, fields.LicenseText, fields.LicenseUrl, fields.DevelopmentDependency);
    }

    private static string NuGets(byte[] bytes) => NuGets(bytes, out _);

    private static string NuGets(byte[] bytes, out string? refusal)
    {
        refusal = null;
        try
        {
            var reader = new NuspecReader(new MemoryStream(bytes));
            var metadata = reader.GetLicenseMetadata();
            var known = metadata is not null && Enum.IsDefined(typeof(LicenseType), metadata.Type);
            return Describe(known ? metadata!.Type : null, known ? metadata!.License : null, reader.GetLicenseUrl(), reader.GetDevelopmentDependency());
        }
        catch (Exception ex)
        {
            // Whatever NuGet throws, PackageLicenseReader reports the nuspec as unreadable.
            refusal = ex.GetType().Name + ": " + ex.Message;
            return "refused";
        }
    }

    private static string Describe(LicenseType? type, string? license, string? url, bool developmentDependency)
        => (type?.ToString() ?? "-") + "|" + (license ?? "-") + "|" + (url ?? "-") + "|" + developmentDependency;
}
