// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;

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

            return new StreamWriter(new DescriptorStream(reserved), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 16 * 1024) { AutoFlush = true };
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

    [DllImport("libc", SetLastError = true)]
    private static extern nint write(int descriptor, ref byte buffer, nint count);

    /// <summary>
    /// Writes with write(2), which moves the file offset that the descriptor shares with the shell and with the commands
    /// before and after the tool. A FileStream over a regular file writes at a position of its own, from 0: in
    /// <c>{ echo header; commons identify …; echo trailer; } &gt; out</c> the tool wrote over the header and the trailer
    /// over the tool's output.
    /// </summary>
    private sealed class DescriptorStream : Stream
    {
        private const int Interrupted = 4; // EINTR
        private int descriptor;

        public DescriptorStream(int descriptor) => this.descriptor = descriptor;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => descriptor >= 0;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(new ReadOnlySpan<byte>(buffer, offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (descriptor < 0)
            {
                throw new ObjectDisposedException(nameof(DescriptorStream));
            }

            while (!buffer.IsEmpty)
            {
                var written = write(descriptor, ref MemoryMarshal.GetReference(buffer), buffer.Length);
                if (written < 0)
                {
                    var error = Marshal.GetLastWin32Error();
                    if (error == Interrupted)
                    {
                        continue;
                    }

                    throw new IOException("standard output could not be written (errno " + error + ")", error);
                }

                buffer = buffer.Slice((int)written);
            }
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (descriptor >= 0)
            {
                close(descriptor);
                descriptor = -1;
            }

            base.Dispose(disposing);
        }
    }
}
