// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using Commons.Compliance.Facts;

namespace Commons.Compliance.Tests;

public sealed class FactsFormatTests
{
    [Fact]
    public void TestRoundTripKeepsEveryRecord()
    {
        var facts = new ProjectFacts { ProjectPath = "/r/src/A/A.csproj", TargetFramework = "net8.0", RepositoryRoot = "/r", AssetsFilePath = "/r/obj/project.assets.json" };
        facts.Files.Add(new RepositoryFile { Kind = RepositoryFileKind.License, RelativePath = "LICENSE", FullPath = "/r/LICENSE", IdentifiedLicense = "MIT", Confidence = 99.5, ClosestLicense = "MIT-0", ClosestConfidence = 80.25 });
        var package = new PackageFact { Id = "Foo", Version = "1.2.3", License = "MIT OR Apache-2.0", Source = LicenseSource.Expression, LicenseUrl = "https://x/\ty", Confidence = 98, Direct = false, DevOnly = true, ReferenceLocation = new SourceLocation("/r/Directory.Packages.props", 12, 5), Problem = "" };
        package.Path.AddRange(new[] { "Bar", "Foo" });
        facts.Packages.Add(package);
        facts.ProjectReferences.Add(new ProjectReferenceFact { Name = "B", Path = "/r/src/B/B.csproj", License = "MIT" });
        facts.Problems.Add(new CollectionProblem { Kind = CollectionProblemKind.NuspecUnreadable, Message = "bad\nxml", Location = new SourceLocation("/p/foo.nuspec", 1, 2) });
        facts.PublicCode = new PublicCodeFacts { RelativePath = "publiccode.yml", FullPath = "/r/publiccode.yml" };
        facts.PublicCode.Nodes.Add(new YamlNodeFact { Path = "legal.license", Kind = YamlNodeKind.Scalar, Value = "MIT", Line = 14, Column = 3 });

        var text = FactsFormat.Write(facts);
        var read = FactsFormat.Read(text);

        Assert.Null(read.Error);
        Assert.Equal(text, FactsFormat.Write(read.Facts!));
        var p = Assert.Single(read.Facts!.Packages);
        Assert.Equal("https://x/\ty", p.LicenseUrl);
        Assert.Equal("", p.Problem);
        Assert.Equal(new[] { "Bar", "Foo" }, p.Path);
        Assert.Equal(12, p.ReferenceLocation!.Line);
        Assert.True(p.DevOnly);
        Assert.Equal("bad\nxml", read.Facts.Problems[0].Message);
        Assert.Equal(80.25, read.Facts.Files[0].ClosestConfidence);
        Assert.Equal(14, read.Facts.PublicCode!.Nodes[0].Line);
    }

    [Theory]
    [InlineData("", "does not start")]
    [InlineData("commons-facts\t99\n", "format version '99'")]
    [InlineData("commons-facts\t1\nfile\tNoSuchKind\tx\n", "corrupt at line 2")]
    [InlineData("commons-facts\t1\nyaml\ta\tScalar\n", "corrupt at line 2")]
    public void TestBadInputGivesAnErrorNotAnException(string text, string expected)
    {
        var read = FactsFormat.Read(text);
        Assert.Null(read.Facts);
        Assert.Contains(expected, read.Error);
    }

    [Fact]
    public void TestUnknownRecordsFromANewerWriterAreSkipped()
    {
        var read = FactsFormat.Read("commons-facts\t1\nproject\t/a.csproj\nfuture\tx\ty\n");
        Assert.Null(read.Error);
        Assert.Equal("/a.csproj", read.Facts!.ProjectPath);
    }
}
