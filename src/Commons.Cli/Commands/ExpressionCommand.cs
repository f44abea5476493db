// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.CommandLine;

namespace Commons.Cli.Commands;

internal static class ExpressionCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("expression", "Not written yet.");
        command.SetAction(_ =>
        {
            console.Error.WriteLine("not written yet");
            return ExitCodes.BadInput;
        });
        return command;
    }
}
