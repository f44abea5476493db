// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Commons.Cli.Output;

/// <summary>
/// Keeps the process's standard output for the tool's own output. Native code in the process prints there: the .NET host's
/// SDK resolver, which MSBuildLocator and every project evaluation call, lists the installed SDKs on standard output when a
/// global.json names one this machine does not have ("10.0.401 [/usr/share/dotnet/sdk]"), after the JSON or SARIF document,
/// which then no longer parses. On Unix the real standard output is duplicated for the tool alone and descriptor 1 is
/// pointed at standard error, where that noise (and the output of child processes) then goes.
/// </summary>
internal static class ReservedStandardOutput
{
    private const int StandardOutputDescriptor = 1;
    private const int StandardErrorDescriptor = 2;

    /// <summary>
    /// The writer of the real standard output with descriptor 1 moved to standard error; null where this cannot be done
    /// (Windows, no libc): the caller then writes to <see cref="Console.Out"/> as before.
    /// </summary>
    public static TextWriter? Claim()
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            return null;
        }

        try
        {
            var reserved = dup(StandardOutputDescriptor);
            if (reserved < 0)
            {
                return null;
            }

            if (dup2(StandardErrorDescriptor, StandardOutputDescriptor) < 0)
            {
                close(reserved);
                return null;
            }

            var stream = new FileStream(new SafeFileHandle((IntPtr)reserved, ownsHandle: true), FileAccess.Write, bufferSize: 1);
            return new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 16 * 1024) { AutoFlush = true };
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or IOException or ArgumentException)
        {
            return null;
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int dup(int descriptor);

    [DllImport("libc", SetLastError = true)]
    private static extern int dup2(int descriptor, int target);

    [DllImport("libc", SetLastError = true)]
    private static extern int close(int descriptor);
}
