// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;
using System.Linq;

namespace Commons.Cli.Tests;

public sealed class InitCommandTests
{
    [Fact]
    public void WritesTheMissingFiles_WithLicenceYearAndHolder_AndNeverOverwrites()
    {
        using var repo = new TempCopy();
        repo.Write("docs/CONTRIBUTING.md", "# How to contribute\nmine\n");

        var first = Cli.Run(repo.Root, "init", "--license", "MIT", "--holder", "Ville de Exampleton", "--publiccode");
        File.WriteAllText(repo.PathOf("SECURITY.md"), "edited by hand\n");
        var second = Cli.Run(repo.Root, "init", "--license", "MIT", "--holder", "Someone Else", "--publiccode");

        Assert.True(first.ExitCode == 0, first.ToString());
        var license = File.ReadAllText(repo.PathOf("LICENSE"));
        Assert.Contains("Copyright (c) " + DateTime.UtcNow.Year + " Ville de Exampleton", license);
        Assert.Contains("Permission is hereby granted", license);
        Assert.False(File.Exists(repo.PathOf("CONTRIBUTING.md")), "a CONTRIBUTING in docs/ counts: no second one is written");
        Assert.Contains("kept     CONTRIBUTING.md", first.Stdout);
        foreach (var file in new[] { "SECURITY.md", "GOVERNANCE.md", "CHANGELOG.md", "publiccode.yml" })
        {
            Assert.Contains("wrote    " + file, first.Stdout);
        }

        Assert.Contains("license: MIT", File.ReadAllText(repo.PathOf("publiccode.yml")));
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.DoesNotContain("wrote", second.Stdout);
        Assert.Equal("edited by hand\n", File.ReadAllText(repo.PathOf("SECURITY.md")));
        Assert.DoesNotContain("Someone Else", File.ReadAllText(repo.PathOf("LICENSE")));
    }

    [Fact]
    public void Contributing_HasADcoRule()
    {
        using var repo = new TempCopy();

        Cli.Run(repo.Root, "init", "--license", "Apache-2.0");

        var contributing = File.ReadAllText(repo.PathOf("CONTRIBUTING.md"));
        Assert.Contains("Signed-off-by", contributing);
        Assert.Contains("Developer Certificate of Origin", contributing);
        Assert.Contains("Apache-2.0", contributing);
        Assert.False(File.Exists(repo.PathOf("publiccode.yml")));
    }

    [Fact]
    public void UnknownLicence_IsExitTwo_AndWritesNothing()
    {
        using var repo = new TempCopy();

        var result = Cli.Run(repo.Root, "init", "--license", "Not-A-Licence");

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(Directory.GetFiles(repo.Root));
    }

    [Fact]
    public void WithoutLicenceOption_SkipsLicense_AndSaysWhy()
    {
        using var repo = new TempCopy();

        var result = Cli.Run(repo.Root, "init");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("skipped  LICENSE (give --license ID)", result.Stdout);
        Assert.False(File.Exists(repo.PathOf("LICENSE")));
    }
}

public sealed class InventoryCommandTests
{
    [Fact]
    public void Json_ClassifiesResources_WithHoldersLicencesAndContributions()
    {
        using var repo = new TempCopy();
        repo.Write("LICENSE", File.ReadAllText(Path.Combine(TempCopy.Sample, "LICENSE")));
        repo.Write("CONTRIBUTING.md", "Sign off each commit (Signed-off-by) under the Developer Certificate of Origin.\n");
        repo.Write("src/Lib/Thing.cs", "// SPDX-License-Identifier: EUPL-1.2\n// SPDX-FileCopyrightText: 2024 Ville de Lyon\nclass Thing { }\n");
        repo.Write("docs/guide.md", "# Guide\nCopyright 2023 Jane Doe\n");
        repo.Write("data/cities.csv", "name,population\nLyon,522000\n");
        repo.Write("assets/logo.svg", "<svg/>");
        repo.Write("assets/logo.svg.license", "SPDX-License-Identifier: LicenseRef-Trademark\nSPDX-FileCopyrightText: 2024 Ville de Lyon\n");
        repo.Write("hardware/board.kicad_pcb", "(kicad_pcb)");
        repo.Write("assets/photo.png", "not really a png");
        repo.Write(".packages/fix.data/1.0.0/.nupkg.metadata", "{}");
        repo.Write("vendor/fix.data/1.0.0/.nupkg.metadata", "{}");
        repo.Write("vendor/fix.data/1.0.0/content/more.csv", "a,b\n");
        repo.Write("src/Lib/obj/generated.csv", "a,b\n");

        var result = Cli.Run(repo.Root, "inventory", "--format", "json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("DCO", (string?)result.Json["contributions"]);
        var resources = result.Json["resources"]!.AsArray().ToDictionary(r => (string)r!["kind"]!, r => r!);
        Assert.Contains("src/Lib/", resources["SourceCode"]["locations"]!.AsArray().Select(l => (string?)l));
        Assert.Contains("2024 Ville de Lyon", resources["SourceCode"]["rightsHolders"]!.AsArray().Select(l => (string?)l));
        Assert.Contains("EUPL-1.2", resources["SourceCode"]["licenses"]!.AsArray().Select(l => (string?)l));
        Assert.Contains("Copyright 2023 Jane Doe", resources["Documentation"]["rightsHolders"]!.AsArray().Select(l => (string?)l));
        Assert.Contains("MIT (repository licence)", resources["Documentation"]["licenses"]!.AsArray().Select(l => (string?)l));
        Assert.Equal(1, (int)resources["Data"]["files"]!);
        Assert.Contains("LicenseRef-Trademark", resources["DistinctiveSigns"]["licenses"]!.AsArray().Select(l => (string?)l));
        Assert.Equal(1, (int)resources["Hardware"]["files"]!);
        Assert.Equal(1, (int)resources["OtherContent"]["files"]!);
    }

    [Fact]
    public void Markdown_SaysWhenNothingSecuresContributions()
    {
        using var repo = new TempCopy();
        repo.Write("src/a.cs", "class A { }\n");

        var result = Cli.Run(repo.Root, "inventory");

        Assert.Contains("secured by: **nothing stated**", result.Stdout);
        Assert.Contains("| Source code | src/ | 1 | not stated | not stated |", result.Stdout);
    }

    [Fact]
    public void MissingFolder_IsExitTwo()
    {
        Assert.Equal(2, Cli.Run(Path.GetTempPath(), "inventory", "/no/such/folder").ExitCode);
    }
}
