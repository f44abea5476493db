// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Commons.EndToEnd.Tests.Infrastructure;

/// <summary>
/// A minimal Language Server Protocol client over stdio (JSON-RPC with <c>Content-Length</c> framing): enough to
/// start a server, open a document and read the diagnostics it publishes or returns, as an editor does.
/// Requests the server sends to the client are answered with empty results, except <c>workspace/configuration</c>, answered from the given settings; everything read is kept in <see cref="Transcript"/>.
/// </summary>
public sealed class LspClient : IDisposable
{
    private readonly Process process;
    private readonly Stream input;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonNode?>> pending = new();
    private readonly StringBuilder transcript = new();
    private readonly StringBuilder errors = new();
    private readonly Thread reader;
    private readonly IReadOnlyDictionary<string, JsonNode> configuration;
    private int nextId;

    public LspClient(string executable, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string> environment, IReadOnlyDictionary<string, JsonNode> configuration)
    {
        this.configuration = configuration;
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        DotnetProcess.Configure(start.Environment, environment);
        process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + executable);
        input = process.StandardInput.BaseStream;
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        reader = new Thread(ReadLoop) { IsBackground = true, Name = "lsp-reader" };
        reader.Start();
    }

    /// <summary>Raised for every notification the server sends (method, params).</summary>
    public event Action<string, JsonNode?>? Notification;

    /// <summary>Every message read from the server and the server's standard error, for assertion messages.</summary>
    public string Transcript
    {
        get
        {
            lock (transcript)
            {
                lock (errors)
                {
                    return transcript + Environment.NewLine + "--- stderr ---" + Environment.NewLine + errors;
                }
            }
        }
    }

    public async Task<JsonNode?> RequestAsync(string method, JsonNode? parameters, TimeSpan timeout)
    {
        var id = Interlocked.Increment(ref nextId);
        var completion = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = completion;
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        var finished = await Task.WhenAny(completion.Task, Task.Delay(timeout)).ConfigureAwait(false);
        if (finished != completion.Task)
        {
            pending.TryRemove(id, out _);
            throw new TimeoutException($"No answer to {method} within {timeout}.");
        }

        return await completion.Task.ConfigureAwait(false);
    }

    public void Notify(string method, JsonNode? parameters)
        => Send(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
    }

    private void Send(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        lock (input)
        {
            input.Write(header, 0, header.Length);
            input.Write(body, 0, body.Length);
            input.Flush();
        }
    }

    private void ReadLoop()
    {
        var output = process.StandardOutput.BaseStream;
        try
        {
            while (ReadMessage(output) is { } text)
            {
                lock (transcript)
                {
                    transcript.AppendLine(text.Length > 4000 ? text.Substring(0, 4000) + "…" : text);
                }

                Dispatch(JsonNode.Parse(text));
            }
        }
        catch (IOException)
        {
            // The server ended; pending requests time out with the transcript in the message.
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private void Dispatch(JsonNode? message)
    {
        if (message is not JsonObject json)
        {
            return;
        }

        var method = json["method"]?.GetValue<string>();
        var id = json["id"];
        if (method is null && id is not null && pending.TryRemove(id.GetValue<int>(), out var completion))
        {
            if (json["error"] is { } error)
            {
                completion.TrySetException(new InvalidOperationException(error.ToJsonString()));
            }
            else
            {
                completion.TrySetResult(json["result"]);
            }
        }
        else if (method is not null && id is not null)
        {
            // A request from the server (configuration, capability registration, progress): answer so it goes on.
            JsonNode? result = method == "workspace/configuration" && json["params"]?["items"] is JsonArray items
                ? new JsonArray(items.Select(i => Configuration(i?["section"]?.GetValue<string>())?.DeepClone()).ToArray())
                : null;
            Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["result"] = result });
        }
        else if (method is not null)
        {
            Notification?.Invoke(method, json["params"]);
        }
    }

    /// <summary>The settings the client answers for a <c>workspace/configuration</c> section (null when it has none).</summary>
    private JsonNode? Configuration(string? section) => section is not null && configuration.TryGetValue(section, out var value) ? value : null;

    private static string? ReadMessage(Stream stream)
    {
        var length = -1;
        while (true)
        {
            var line = ReadHeaderLine(stream);
            if (line is null)
            {
                return null;
            }

            if (line.Length == 0)
            {
                break;
            }

            if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line.Substring("Content-Length:".Length).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        var body = new byte[length];
        var read = 0;
        while (read < length)
        {
            var count = stream.Read(body, read, length - read);
            if (count == 0)
            {
                return null;
            }

            read += count;
        }

        return Encoding.UTF8.GetString(body);
    }

    private static string? ReadHeaderLine(Stream stream)
    {
        var bytes = new List<byte>();
        while (true)
        {
            var b = stream.ReadByte();
            if (b < 0)
            {
                return null;
            }

            if (b == '\n')
            {
                return Encoding.ASCII.GetString(bytes.ToArray()).TrimEnd('\r');
            }

            bytes.Add((byte)b);
        }
    }
}
