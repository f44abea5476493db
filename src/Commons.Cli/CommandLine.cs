// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using Commons.Cli.Output;
using Commons.Cli.Projects;
using Spectre.Console;

namespace Commons.Cli;

/// <summary>The arguments and options several commands share, and how every command runs, writes and fails.</summary>
internal static class CommandLine
{
    public static Argument<string> PathArgument(string description)
        => new("PATH") { Description = description, DefaultValueFactory = _ => ".", Arity = ArgumentArity.ZeroOrOne };

    public static Option<string?> OutputOption()
        => new("--output", "-o") { Description = "Write the result to this file instead of standard output." };

    public static Option<bool> RestoreOption()
        => new("--restore") { Description = "Restore projects that have no assets file, into a private folder (the repository is not modified)." };

    /// <summary>Runs a command body: unreadable input is exit code 2 with its reason on standard error, never a stack trace.</summary>
    public static int Guarded(CliConsole console, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (CliInputException ex)
        {
            console.Error.WriteLine("error: " + ex.Message);
            return ExitCodes.BadInput;
        }
    }

    /// <summary>Writes a command's result to <paramref name="outputPath"/>, or to standard output when null.</summary>
    public static void WriteResult(CliConsole console, string? outputPath, Action<TextWriter> write)
    {
        if (outputPath is null)
        {
            write(console.Out);
            return;
        }

        try
        {
            var full = Path.GetFullPath(outputPath);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            using var file = new StreamWriter(full, append: false, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
            write(file);
            console.Error.WriteLine("wrote " + full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new CliInputException("cannot write " + outputPath + ": " + ex.Message);
        }
    }

    /// <summary>True when standard error is the process's own and a terminal: only then is progress shown.</summary>
    public static bool ErrorIsTerminal(CliConsole console) => ReferenceEquals(console.Error, Console.Error) && !Console.IsErrorRedirected;

    public static bool OutputIsTerminal(CliConsole console) => ReferenceEquals(console.Out, Console.Out) && !Console.IsOutputRedirected;

    /// <summary>
    /// The body of a command that writes a document about the packages of PATH (sbom, notices): load, gather the packages
    /// once across projects, write the document to -o FILE or standard output.
    /// </summary>
    public static int WritePackageDocument(CliConsole console, string path, bool restore, string? outputPath, Func<Documents.PackageInventory, string> write)
    {
        var projects = LoadWorkspace(console, path, new WorkspaceOptions { Restore = restore });
        var document = write(Documents.PackageInventory.From(projects, InputResolver.Folder(path)));
        WriteResult(console, outputPath, writer => writer.Write(document));
        return ExitCodes.Success;
    }

    /// <summary>Loads the workspace with a progress display on a terminal, silently otherwise.</summary>
    public static IReadOnlyList<AnalyzedProject> LoadWorkspace(CliConsole console, string path, WorkspaceOptions options)
    {
        if (!ErrorIsTerminal(console))
        {
            return Workspace.Load(path, options);
        }

        IReadOnlyList<AnalyzedProject> result = Array.Empty<AnalyzedProject>();
        Consoles.For(console.Error, interactive: true).Status().Start("loading " + path, context =>
        {
            options.Progress = message => context.Status(Markup.Escape(message));
            result = Workspace.Load(path, options);
        });
        return result;
    }
}
