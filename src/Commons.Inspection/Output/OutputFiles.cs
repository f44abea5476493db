// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;
using System.Text;
using Commons.Compliance.Facts;

namespace Commons.Inspection.Output;

/// <summary>Writes the collection's outputs: the facts file and the dependency report.</summary>
public static class OutputFiles
{
    /// <summary>Writes the facts file and the report; returns an error message instead of throwing.</summary>
    public static string? Write(ProjectFacts facts, string factsPath, string? reportPath)
    {
        try
        {
            WriteText(factsPath, FactsFormat.Write(facts));
            if (reportPath is not null)
            {
                WriteText(reportPath, DependencyReport.ToJson(new[] { facts }));
            }

            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "cannot write " + factsPath + ": " + ex.Message;
        }
    }

    /// <summary>
    /// Writes through a temporary file so a reader (the compiler, the IDE) never sees half a file. The file is always
    /// rewritten, even when unchanged, so that its time stamp tells MSBuild the target is up to date.
    /// </summary>
    private static void WriteText(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        File.Move(temporary, path);
    }
}
