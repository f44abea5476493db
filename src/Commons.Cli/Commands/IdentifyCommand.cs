// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System.CommandLine;

namespace Commons.Cli.Commands;

internal static class IdentifyCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("identify", "Not written yet.");
        command.SetAction(_ =>
        {
            console.Error.WriteLine("not written yet");
            return ExitCodes.BadInput;
        });
        return command;
    }
}
