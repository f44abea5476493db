// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.CommandLine;
using Commons.Cli.Documents;

namespace Commons.Cli.Commands;

/// <summary><c>commons notices [PATH] [-o FILE]</c>: the third-party notices (Markdown).</summary>
internal static class NoticesCommand
{
    public static Command Create(CliConsole console)
    {
        var path = CommandLine.PathArgument("A repository folder, solution or project (default: the current folder).");
        var output = CommandLine.OutputOption();
        var restore = CommandLine.RestoreOption();
        var command = new Command("notices", "Write the third-party notices: each package's licence text, copyright lines and NOTICE files.");
        command.Arguments.Add(path);
        command.Options.Add(output);
        command.Options.Add(restore);
        command.SetAction(parse => CommandLine.Guarded(console, () =>
            CommandLine.WritePackageDocument(console, parse.GetValue(path) ?? ".", parse.GetValue(restore), parse.GetValue(output), Notices.Write)));
        return command;
    }
}
