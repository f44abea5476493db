// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;
using System.Linq;

namespace Commons.Analyzers.Tests;

/// <summary>
/// Regenerates every artefact derived from the rule catalogue and fails on any difference with the committed file.
/// <c>COMMONS_REGENERATE=1 dotnet test tests/Commons.Analyzers.Tests --filter DerivedArtefacts</c> rewrites them instead.
/// </summary>
public sealed class DerivedArtefactsTests
{
    public static TheoryData<string> Paths()
    {
        var data = new TheoryData<string>();
        foreach (var artefact in DerivedArtefacts.All)
        {
            data.Add(artefact.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void CommittedArtefactEqualsTheRegeneratedOne(string name)
    {
        var artefact = DerivedArtefacts.All.Single(a => a.Name == name);
        var path = Path.Combine(DerivedArtefacts.RepositoryRoot(), artefact.RelativePath);
        var committed = DerivedArtefacts.Lf(File.ReadAllText(path));
        var regenerated = artefact.Apply(committed);
        if (committed == regenerated)
        {
            return;
        }

        if (Environment.GetEnvironmentVariable("COMMONS_REGENERATE") == "1")
        {
            File.WriteAllText(path, regenerated);
            return;
        }

        Assert.Fail(name + " differs from what the rule catalogue gives (first difference at line " + FirstDifferingLine(committed, regenerated)
            + "): run COMMONS_REGENERATE=1 dotnet test tests/Commons.Analyzers.Tests --filter DerivedArtefacts, and commit the result.");
    }

    private static int FirstDifferingLine(string a, string b)
    {
        var left = a.Split('\n');
        var right = b.Split('\n');
        var line = 0;
        while (line < left.Length && line < right.Length && left[line] == right[line])
        {
            line++;
        }

        return line + 1;
    }
}
