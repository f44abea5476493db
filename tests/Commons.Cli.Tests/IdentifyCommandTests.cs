// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Commons.Licensing;

namespace Commons.Cli.Tests;

/// <summary><c>commons identify</c>, run in-process on real files written to a temporary folder.</summary>
public sealed class IdentifyCommandTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "commons-identify-" + Guid.NewGuid().ToString("N"));

    public IdentifyCommandTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void TsvGivesOneLinePerFileInTheOrderGiven()
    {
        var mit = Write("LICENSE", SpdxCatalog.Default.GetText("MIT")!);
        var apache = Write("LICENSE-APACHE", SpdxCatalog.Default.GetText("Apache-2.0")!);
        var (exit, output, error) = Run("identify", apache, mit, "--format", "tsv");
        Assert.Equal(0, exit);
        Assert.Equal(new[] { apache + "\tApache-2.0\t100", mit + "\tMIT\t100" }, Lines(output));
        Assert.Equal(string.Empty, error);
    }

    /// <summary>A REUSE folder's custom licence and exception text answer the ids their names give (KDE's LICENSES/).</summary>
    [Fact]
    public void AReuseFolderGivesItsCustomLicencesAndExceptionsTheirNames()
    {
        Directory.CreateDirectory(Path.Combine(folder, "LICENSES"));
        var custom = Write(Path.Combine("LICENSES", "LicenseRef-Example-Commercial.txt"), "Example Corp. grants a licence to its paying customers only.\n");
        var classpath = Write(Path.Combine("LICENSES", "Classpath-exception-2.0.txt"), SpdxCatalog.Default.GetText("GPL-2.0-with-classpath-exception")!.Replace("insert GPL v2 license text here", string.Empty, StringComparison.Ordinal));
        var elsewhere = Write("LicenseRef-Example-Commercial.txt", "Example Corp. grants a licence to its paying customers only.\n");
        var (exit, output, _) = Run("identify", custom, classpath, elsewhere, "--format", "tsv");
        Assert.Equal(0, exit);
        Assert.Equal(new[] { custom + "\tLicenseRef-Example-Commercial\t100", classpath + "\tClasspath-exception-2.0\t100", elsewhere + "\tNOASSERTION\t0" }, Lines(output));
    }

    [Fact]
    public void MissingBinaryAndUnknownFilesGiveNoAssertionWithAReasonOnStderrAndExitZero()
    {
        var missing = Path.Combine(folder, "nope");
        var binary = Write("LICENSE.bin", new byte[] { 1, 2, 0, 3 });
        var unknown = Write("NOTICE", "This program is a collection of recipes for pancakes, waffles and crêpes.");
        var (exit, output, error) = Run("identify", missing, binary, unknown, "--format", "tsv");
        Assert.Equal(0, exit);
        Assert.Equal(new[] { missing + "\tNOASSERTION\t0", binary + "\tNOASSERTION\t0", unknown + "\tNOASSERTION\t0" }, Lines(output));
        Assert.Contains(missing + ": NOASSERTION: file not found", error, StringComparison.Ordinal);
        Assert.Contains(binary + ": NOASSERTION: binary", error, StringComparison.Ordinal);
        Assert.Contains(unknown + ": NOASSERTION", error, StringComparison.Ordinal);
    }

    [Fact]
    public void AHundredMegabyteFileIsReadOnlyUpToTheCap()
    {
        var big = Path.Combine(folder, "BIG");
        using (var stream = File.Create(big))
        {
            var mit = Encoding.UTF8.GetBytes(SpdxCatalog.Default.GetText("MIT")!);
            stream.Write(mit, 0, mit.Length);
            stream.SetLength(100L * 1024 * 1024); // the rest reads as NUL bytes
        }

        var (exit, output, error) = Run("identify", big, "--format", "tsv");
        Assert.Equal(0, exit);
        Assert.Equal(big + "\tNOASSERTION\t0", Lines(output).Single());
        Assert.Contains("binary", error, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonCarriesTheClosestLicenceAndTheReason()
    {
        var mit = SpdxCatalog.Default.GetText("MIT")!;
        var changed = Write("LICENSE", mit.Replace("without restriction", "only on Tuesdays, with many restrictions and extra obligations of every kind", StringComparison.Ordinal)
            .Replace("MERCHANTABILITY", "PANCAKES AND WAFFLES AND CREPES", StringComparison.Ordinal));
        var (exit, output, _) = Run("identify", changed, "--format", "json");
        Assert.Equal(0, exit);
        var item = JsonDocument.Parse(output).RootElement.EnumerateArray().Single();
        Assert.Equal(changed, item.GetProperty("path").GetString());
        Assert.Equal("NOASSERTION", item.GetProperty("license").GetString());
        var expected = LicenseIdentifier.Default.Identify(File.ReadAllBytes(changed));
        Assert.Equal(expected.ClosestLicense, item.GetProperty("closest").GetString());
        Assert.NotNull(expected.ClosestLicense);
        Assert.True(item.GetProperty("closestConfidence").GetDouble() is > 50 and < 98);
        Assert.Contains("threshold", item.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheThresholdOptionLowersTheBar()
    {
        var mit = SpdxCatalog.Default.GetText("MIT")!;
        var changed = Write("LICENSE", mit.Replace("MERCHANTABILITY", "USEFULNESS", StringComparison.Ordinal)
            .Replace("NONINFRINGEMENT", "FREEDOM FROM BUGS", StringComparison.Ordinal)
            .Replace("free of charge", "for a small fee", StringComparison.Ordinal));
        var closest = LicenseIdentifier.Default.Identify(File.ReadAllBytes(changed)).ClosestConfidence;
        Assert.InRange(closest, 80, 97.99);
        var strict = Run("identify", changed, "--format", "tsv");
        var lenient = Run("identify", changed, "--format", "tsv", "--threshold", Math.Floor(closest).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("\tNOASSERTION\t", strict.Output, StringComparison.Ordinal);
        Assert.Contains("\tMIT\t", lenient.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, Run("identify", changed, "--threshold", "0").Exit);
    }

    [Fact]
    public void TextFormatNamesTheLicenceAndItsConfidence()
    {
        var mit = Write("LICENSE", SpdxCatalog.Default.GetText("MIT")!);
        var (_, output, _) = Run("identify", mit);
        Assert.Equal(mit + ": MIT (100 %)", Lines(output).Single());
    }

    private static string[] Lines(string text) => text.Replace("\r\n", "\n").TrimEnd('\n').Split('\n');

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = Program.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private string Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }
}
