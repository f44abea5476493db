// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.CommandLine;
using System.IO;
using Commons.Cli.Commands;
using Commons.Cli.Projects;
using Commons.Compliance.Input;

namespace Commons.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        // Commons.Inspection and its NuGet libraries live apart from MSBuild's (IsolatedInspection.props).
        Projects.InspectionLoadContext.Install();
        // Whether standard output is a terminal is read before it is reserved (descriptor 1 then points at standard error).
        var isTerminal = !System.Console.IsOutputRedirected;
        var stdout = Output.ReservedStandardOutput.Claim() ?? System.Console.Out;
        return Run(args, new StandardOutput(stdout, isTerminal), System.Console.Error);
    }

    /// <summary>
    /// Runs the tool with the given writers: tests call this in-process. Every failure of the tool's own (input it cannot
    /// read, output it cannot write, a bug) ends with exit code 2 and one line on standard error, never a stack trace and
    /// never exit code 1, which means "findings".
    /// </summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var exit = Invoke(args, stdout, stderr);
            stdout.Flush();
            return exit;
        }
        catch (CliInputException ex)
        {
            WriteError(stderr, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            WriteError(stderr, ex.Message);
        }
        catch (Exception ex)
        {
            // A bug of ours: still one line and exit code 2, so that a CI step never reads it as "findings" (exit 1).
            WriteError(stderr, "internal error, please report it: " + ex.GetType().Name + ": " + ex.Message);
        }

        return ExitCodes.BadInput;
    }

    /// <summary>One line "error: …" on standard error, escaped; nothing more when standard error itself cannot be written.</summary>
    internal static void WriteError(TextWriter stderr, string message)
    {
        try
        {
            stderr.WriteLine("error: " + Printable.Escape(message));
            stderr.Flush();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // Nowhere left to say it: the exit code does.
        }
    }

    private static int Invoke(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var console = new CliConsole(stdout, stderr);
        var root = new RootCommand("commons: check that a repository is a well-formed open-source commons.");

        // One line per command; each command lives in Commands/<Name>Command.cs.
        root.Subcommands.Add(IdentifyCommand.Create(console));
        root.Subcommands.Add(ExpressionCommand.Create(console));
        root.Subcommands.Add(LicensesCommand.Create(console));
        root.Subcommands.Add(CheckCommand.Create(console));
        root.Subcommands.Add(BaselineCommand.Create(console));
        root.Subcommands.Add(SbomCommand.Create(console));
        root.Subcommands.Add(NoticesCommand.Create(console));
        root.Subcommands.Add(InventoryCommand.Create(console));
        root.Subcommands.Add(InitCommand.Create(console));
        root.Subcommands.Add(HeadersCommand.Create(console));

        // Exceptions reach Run, which gives them exit code 2 (System.CommandLine's handler prints a stack trace and exits 1).
        var config = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // Bad usage is exit code 2 for every command (System.CommandLine's own default is 1, the code for findings).
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine(error.Message);
            }

            return ExitCodes.BadInput;
        }

        return parsed.Invoke(config);
    }
}

/// <summary>
/// The process's standard output, saying so when it fails: a full device (<c>&gt; /dev/full</c>) is then "cannot write to
/// standard output: No space left on device", exit code 2. A closed pipe (<c>| head</c>) is no error: .NET ignores it.
/// </summary>
internal sealed class StandardOutput : TextWriter
{
    private readonly TextWriter inner;

    public StandardOutput(TextWriter inner, bool isTerminal)
    {
        this.inner = inner;
        IsTerminal = isTerminal;
    }

    /// <summary>True when the process's standard output is a terminal (tables then use its width, colours and links).</summary>
    public bool IsTerminal { get; }

    public override System.Text.Encoding Encoding => inner.Encoding;

    [System.Diagnostics.CodeAnalysis.AllowNull]
    public override string NewLine
    {
        get => inner.NewLine;
        set => inner.NewLine = value;
    }

    public override void Write(char value) => Guard(() => inner.Write(value));

    public override void Write(char[] buffer, int index, int count) => Guard(() => inner.Write(buffer, index, count));

    public override void Write(string? value) => Guard(() => inner.Write(value));

    public override void WriteLine(string? value) => Guard(() => inner.WriteLine(value));

    public override void Flush() => Guard(inner.Flush);

    private static void Guard(System.Action write)
    {
        try
        {
            write();
        }
        catch (IOException ex)
        {
            throw new CliInputException("cannot write to standard output: " + ex.Message);
        }
    }
}

/// <summary>Where a command writes: its result to <see cref="Out"/>, messages to <see cref="Error"/>.</summary>
public sealed class CliConsole
{
    public CliConsole(TextWriter output, TextWriter error)
    {
        Out = output;
        Error = error;
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }
}

/// <summary>Exit codes shared by every command.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Findings = 1;
    public const int BadInput = 2;
}
