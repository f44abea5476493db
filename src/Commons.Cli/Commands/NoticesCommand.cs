// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.CommandLine;
using Commons.Cli.Documents;
using Commons.Cli.Projects;

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
        {
            var target = parse.GetValue(path) ?? ".";
            var projects = CommandLine.LoadWorkspace(console, target, new WorkspaceOptions { Restore = parse.GetValue(restore) });
            var text = Notices.Write(PackageInventory.From(projects, InputResolver.Folder(target)));
            CommandLine.WriteResult(console, parse.GetValue(output), writer => writer.Write(text));
            return ExitCodes.Success;
        }));
        return command;
    }
}
