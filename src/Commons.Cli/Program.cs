// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.CommandLine;
using System.IO;
using Commons.Cli.Commands;

namespace Commons.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        // Commons.Inspection and its NuGet libraries live apart from MSBuild's (IsolatedInspection.props).
        Projects.InspectionLoadContext.Install();
        return Run(args, System.Console.Out, System.Console.Error);
    }

    /// <summary>Runs the tool with the given writers: tests call this in-process.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
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

        var config = new InvocationConfiguration { Output = stdout, Error = stderr };
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
