// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.CommandLine;
using Commons.Cli.Documents;
using Commons.Cli.Projects;

namespace Commons.Cli.Commands;

/// <summary><c>commons inventory [PATH] [--format markdown|json]</c>: the inventory of the repository's resources.</summary>
internal static class InventoryCommand
{
    public static Command Create(CliConsole console)
    {
        var path = CommandLine.PathArgument("The repository folder (default: the current folder).");
        var format = new Option<string>("--format") { Description = "markdown or json.", DefaultValueFactory = _ => "markdown" };
        format.AcceptOnlyFromAmong("markdown", "json");
        var output = CommandLine.OutputOption();
        var command = new Command("inventory", "Write the inventory of resources: code, documentation, data, distinctive signs, hardware, other content; where, rights holders, licence, contributions.");
        command.Arguments.Add(path);
        command.Options.Add(format);
        command.Options.Add(output);
        command.SetAction(parse => CommandLine.Guarded(console, () =>
        {
            var folder = InputResolver.Folder(parse.GetValue(path) ?? ".");
            var result = ResourceInventory.Build(folder);
            var text = parse.GetValue(format) == "json" ? result.ToJson() : result.ToMarkdown();
            CommandLine.WriteResult(console, parse.GetValue(output), writer => writer.Write(text));
            return ExitCodes.Success;
        }));
        return command;
    }
}
