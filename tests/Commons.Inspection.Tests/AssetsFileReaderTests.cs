// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.Collections.Generic;
using System.IO;
using Commons.Compliance.Facts;
using Commons.Inspection.Dependencies;

namespace Commons.Inspection.Tests;

public class AssetsFileReaderTests
{
    [Theory]
    [InlineData("{ \"version\": 3, \"targets\": { \"net8.0\": { \"A/1.0.0\": { \"type\": \"package\"")]
    [InlineData("this is not json")]
    [InlineData("{}")]
    [InlineData("{ \"version\": 3, \"targets\": {}, \"libraries\": {} }")]
    public void Corrupt_or_truncated_assets_file_is_reported(string content)
    {
        using var folder = new TempFolder();
        var path = folder.Write("project.assets.json", content);
        var problems = new List<CollectionProblem>();

        var lockFile = AssetsFileReader.Read(path, problems);

        Assert.Null(lockFile);
        var problem = Assert.Single(problems);
        Assert.Equal(CollectionProblemKind.AssetsFileUnreadable, problem.Kind);
        Assert.Equal(path, problem.Location!.File);
    }

    [Fact]
    public void Missing_assets_file_is_reported()
    {
        using var folder = new TempFolder();
        var problems = new List<CollectionProblem>();

        Assert.Null(AssetsFileReader.Read(Path.Combine(folder.Path, "project.assets.json"), problems));
        Assert.Equal(CollectionProblemKind.AssetsFileMissing, Assert.Single(problems).Kind);
    }
}
