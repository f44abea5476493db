// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Linq;
using Commons.Compliance.Facts;

namespace Commons.Compliance.Tests.Facts;

public class FactsFormatTests
{
    private static ProjectFacts Sample()
    {
        var facts = new ProjectFacts
        {
            ProjectPath = "/repo/src/App/App.csproj",
            TargetFramework = "net8.0",
            RepositoryRoot = "/repo",
            AssetsFilePath = "/repo/src/App/obj/project.assets.json",
        };
        facts.Files.Add(new RepositoryFile { Kind = RepositoryFileKind.Readme, RelativePath = "README.md", FullPath = "/repo/README.md" });
        facts.Files.Add(new RepositoryFile
        {
            Kind = RepositoryFileKind.License,
            RelativePath = "LICENSE",
            FullPath = "/repo/LICENSE",
            IdentifiedLicense = "MIT OR Apache-2.0",
            Confidence = 99.5,
            ClosestLicense = "MIT",
            ClosestConfidence = 99.5,
        });
        var package = new PackageFact
        {
            Id = "Tricky\tName",
            Version = "1.0.0-beta.1",
            License = "GPL-3.0-only",
            Source = LicenseSource.File,
            LicenseFile = "docs\\LICENSE.txt",
            Confidence = 98.25,
            Direct = false,
            DevOnly = true,
            ReferenceLocation = new SourceLocation("/repo/Directory.Packages.props", 12, 5),
            Problem = "line one\nline two\\with backslash",
        };
        package.Path.AddRange(new[] { "A", "B", "Tricky\tName" });
        facts.Packages.Add(package);
        facts.Packages.Add(new PackageFact { Id = "Alpha", Version = "2.0.0", Source = LicenseSource.None, LicenseUrl = "" });
        facts.ProjectReferences.Add(new ProjectReferenceFact { Name = "Lib", Path = "/repo/src/Lib/Lib.csproj", License = "MIT" });
        facts.Problems.Add(new CollectionProblem
        {
            Kind = CollectionProblemKind.AssetsFileStale,
            Message = "stale",
            Location = new SourceLocation("/repo/src/App/obj/project.assets.json", 1, 1),
        });
        facts.PublicCode = new PublicCodeFacts { RelativePath = "publiccode.yml", FullPath = "/repo/publiccode.yml" };
        facts.PublicCode.Nodes.Add(new YamlNodeFact { Path = "legal.license", Kind = YamlNodeKind.Scalar, Value = "EUPL-1.2", Line = 20, Column = 3 });
        facts.PublicCode.Nodes.Add(new YamlNodeFact { Path = "platforms", Kind = YamlNodeKind.Sequence, Count = 2, Line = 5, Column = 1 });
        return facts;
    }

    [Fact]
    public void Round_trips_every_field()
    {
        var text = FactsFormat.Write(Sample());
        var read = FactsFormat.Read(text);

        Assert.Null(read.Error);
        var facts = read.Facts!;
        Assert.Equal("/repo/src/App/App.csproj", facts.ProjectPath);
        Assert.Equal("net8.0", facts.TargetFramework);
        Assert.Equal("/repo", facts.RepositoryRoot);

        var license = facts.Files.Single(f => f.Kind == RepositoryFileKind.License);
        Assert.Equal("MIT OR Apache-2.0", license.IdentifiedLicense);
        Assert.Equal(99.5, license.Confidence);

        var tricky = facts.Packages.Single(p => p.Id == "Tricky\tName");
        Assert.Equal("GPL-3.0-only", tricky.License);
        Assert.Equal(LicenseSource.File, tricky.Source);
        Assert.Equal("docs\\LICENSE.txt", tricky.LicenseFile);
        Assert.Equal(98.25, tricky.Confidence);
        Assert.True(tricky.DevOnly);
        Assert.False(tricky.Direct);
        Assert.Equal(new[] { "A", "B", "Tricky\tName" }, tricky.Path);
        Assert.Equal("/repo/Directory.Packages.props(12,5)", tricky.ReferenceLocation!.ToString());
        Assert.Equal("line one\nline two\\with backslash", tricky.Problem);

        var alpha = facts.Packages.Single(p => p.Id == "Alpha");
        Assert.Null(alpha.License);
        Assert.Equal("", alpha.LicenseUrl);
        Assert.Null(alpha.Confidence);

        Assert.Equal("MIT", facts.ProjectReferences.Single().License);
        Assert.Equal(CollectionProblemKind.AssetsFileStale, facts.Problems.Single().Kind);
        Assert.Equal("EUPL-1.2", facts.PublicCode!.Nodes.Single(n => n.Path == "legal.license").Value);
        Assert.Equal(2, facts.PublicCode.Nodes.Single(n => n.Path == "platforms").Count);
    }

    [Fact]
    public void Writes_deterministically_and_in_a_stable_order()
    {
        var first = FactsFormat.Write(Sample());
        var shuffled = Sample();
        shuffled.Packages.Reverse();
        shuffled.Files.Reverse();
        Assert.Equal(first, FactsFormat.Write(shuffled));
        Assert.Equal(first, FactsFormat.Write(FactsFormat.Read(first).Facts!));
        Assert.True(first.IndexOf("package\tAlpha", System.StringComparison.Ordinal) < first.IndexOf("package\tTricky", System.StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not facts at all")]
    [InlineData("commons-facts\t999\n")]
    [InlineData("commons-facts\tx\n")]
    [InlineData("commons-facts\t1\nfile\tNoSuchKind\tREADME\t/r/README\n")]
    [InlineData("commons-facts\t1\npackage\tA\t1.0\t\tExpression\t\t\tnot-a-number\n")]
    [InlineData("commons-facts\t1\nyaml\ta.b\tScalar\tv\t0\t1\t1\n")]
    public void Rejects_corrupt_files_with_a_reason_and_never_throws(string text)
    {
        var read = FactsFormat.Read(text);
        Assert.Null(read.Facts);
        Assert.False(string.IsNullOrWhiteSpace(read.Error));
    }

    [Fact]
    public void Skips_records_it_does_not_know()
    {
        var read = FactsFormat.Read("commons-facts\t1\nfuture-record\twhatever\nproject\t/p.csproj\n");
        Assert.Null(read.Error);
        Assert.Equal("/p.csproj", read.Facts!.ProjectPath);
    }

    [Fact]
    public void Reads_crlf_files()
    {
        var text = FactsFormat.Write(Sample()).Replace("\n", "\r\n");
        var read = FactsFormat.Read(text);
        Assert.Null(read.Error);
        Assert.Equal(2, read.Facts!.Packages.Count);
    }
}
