// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Commons.Testing;

/// <summary>How a <see cref="LoopbackNuGetFeed"/> treats the requests it gets.</summary>
public enum FeedBehaviour
{
    /// <summary>Serves the service index and the registration (package metadata) of its packages.</summary>
    WellBehaved,

    /// <summary>The port is reserved but nothing listens on it: every connection is refused.</summary>
    RefusesConnections,

    /// <summary>Accepts the connection, reads nothing, never answers.</summary>
    NeverAnswers,

    /// <summary>Answers correctly, but only after <see cref="LoopbackNuGetFeed.SlowDelay"/>.</summary>
    AnswersSlowly,

    /// <summary>HTTP 200 with an HTML page instead of JSON.</summary>
    NotJson,

    /// <summary>HTTP 200 with the correct JSON cut in the middle.</summary>
    TruncatedJson,

    /// <summary>HTTP 200 with valid JSON of the wrong shape.</summary>
    WrongJsonShape,

    /// <summary>HTTP 500.</summary>
    ServerError,

    /// <summary>HTTP 200 whose body never ends (no Content-Length, the connection stays open while data keeps coming).</summary>
    EndlessBody,

    /// <summary>A valid service index that lists no registration (package metadata) resource.</summary>
    NoMetadataResource,
}

/// <summary>
/// A minimal NuGet v3 feed served by the test process on 127.0.0.1 (port chosen by the OS): enough of the protocol
/// (service index + registration index with inline pages) for NuGet.Protocol's <c>PackageMetadataResource</c>, and
/// every kind of misbehaviour a real feed shows. It counts connections, so a test can also prove nobody called.
/// </summary>
public sealed class LoopbackNuGetFeed : IDisposable
{
    private const string RegistrationPath = "/v3/registration/";
    private readonly Socket socket;
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentDictionary<string, string> registrations = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, (string ContentType, byte[] Body)> files = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> requests = new();
    private readonly List<Socket> clients = new();
    private readonly object listening = new();
    private volatile FeedBehaviour behaviour;
    private bool started;
    private int connections;
    private long endlessBytesSent;
    private int endlessStreamsClosedByClient;

    public LoopbackNuGetFeed(FeedBehaviour behaviour = FeedBehaviour.WellBehaved)
    {
        // Bound at once, so the port is ours even while refusing; listening starts only when a behaviour needs it.
        socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        Behaviour = behaviour;
    }

    public int Port { get; }

    /// <summary>The source URL to put in a NuGet.Config or a <c>PackageSource</c>.</summary>
    public string IndexUrl => "http://127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture) + "/v3/index.json";

    /// <summary>How long <see cref="FeedBehaviour.AnswersSlowly"/> waits before answering.</summary>
    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>When true, the fault applies to registration requests only: the service index is served correctly.</summary>
    public bool FaultOnlyOnRegistrations { get; set; }

    /// <summary>Switchable at any time: a feed that misbehaves can recover (refusing → anything else starts listening).</summary>
    public FeedBehaviour Behaviour
    {
        get => behaviour;
        set
        {
            behaviour = value;
            if (value != FeedBehaviour.RefusesConnections)
            {
                StartListening();
            }
        }
    }

    /// <summary>TCP connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref connections);

    /// <summary>The request paths received, in order.</summary>
    public IReadOnlyCollection<string> Requests => requests.ToArray();

    /// <summary>Bytes written by <see cref="FeedBehaviour.EndlessBody"/> answers.</summary>
    public long EndlessBytesSent => Interlocked.Read(ref endlessBytesSent);

    /// <summary>Endless answers that ended because the client closed the connection (it stopped reading).</summary>
    public int EndlessStreamsClosedByClient => Volatile.Read(ref endlessStreamsClosedByClient);

    /// <summary>A source URL on a port that nothing listens on (reserved while the returned feed lives).</summary>
    public static LoopbackNuGetFeed Refusing() => new(FeedBehaviour.RefusesConnections);

    /// <summary>Adds a package whose registration declares <paramref name="licenseExpression"/> (and/or a legacy licence URL).</summary>
    public void AddPackage(string id, string version, string? licenseExpression, string? licenseUrl = null)
    {
        var entry = new StringBuilder()
            .Append("{\"@id\":\"").Append(BaseUrl).Append("catalog/").Append(id.ToLowerInvariant()).Append('.').Append(version).Append(".json\",")
            .Append("\"@type\":\"PackageDetails\",\"id\":\"").Append(id).Append("\",\"version\":\"").Append(version).Append("\",\"listed\":true");
        if (licenseExpression is not null)
        {
            entry.Append(",\"licenseExpression\":\"").Append(licenseExpression).Append('"');
        }

        if (licenseUrl is not null)
        {
            entry.Append(",\"licenseUrl\":\"").Append(licenseUrl).Append('"');
        }

        entry.Append('}');
        var lower = id.ToLowerInvariant();
        var index = "{\"@id\":\"" + BaseUrl + "v3/registration/" + lower + "/index.json\",\"count\":1,\"items\":[{"
            + "\"@id\":\"" + BaseUrl + "v3/registration/" + lower + "/index.json#page/" + version + "/" + version + "\","
            + "\"count\":1,\"lower\":\"" + version + "\",\"upper\":\"" + version + "\",\"items\":[{"
            + "\"@id\":\"" + BaseUrl + "v3/registration/" + lower + "/" + version + ".json\","
            + "\"packageContent\":\"" + BaseUrl + "v3/flat/" + lower + "/" + version + "/" + lower + "." + version + ".nupkg\","
            + "\"catalogEntry\":" + entry + "}]}]}";
        registrations[lower] = index;
    }

    /// <summary>
    /// Serves <paramref name="body"/> at <paramref name="path"/> (beginning with '/') with <paramref name="contentType"/>, under
    /// the feed's behaviour like every answer; returns the file's URL.
    /// </summary>
    public string AddFile(string path, string contentType, byte[] body)
    {
        files[path] = (contentType, body);
        StartListening();
        return BaseUrl.TrimEnd('/') + path;
    }

    public void Dispose()
    {
        stopping.Cancel();
        socket.Dispose();
        lock (clients)
        {
            clients.ForEach(c => c.Dispose());
            clients.Clear();
        }

        stopping.Dispose();
    }

    private string BaseUrl => "http://127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture) + "/";

    private string ServiceIndex => "{\"version\":\"3.0.0\",\"resources\":[{\"@id\":\"" + BaseUrl + "v3/registration/\",\"@type\":\"RegistrationsBaseUrl/3.6.0\"}]}";

    private void StartListening()
    {
        lock (listening)
        {
            if (started)
            {
                return;
            }

            started = true;
            socket.Listen(64);
            _ = Task.Run(AcceptLoopAsync);
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await socket.AcceptAsync(stopping.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            Interlocked.Increment(ref connections);
            lock (clients)
            {
                clients.Add(client);
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(Socket client)
    {
        try
        {
            using var stream = new NetworkStream(client, ownsSocket: true);
            var current = Behaviour;
            if (current == FeedBehaviour.NeverAnswers)
            {
                await Task.Delay(Timeout.Infinite, stopping.Token).ConfigureAwait(false);
                return;
            }

            var path = await ReadRequestPathAsync(stream).ConfigureAwait(false);
            if (path is null)
            {
                return;
            }

            requests.Enqueue(path);
            var isIndex = path.EndsWith("/v3/index.json", StringComparison.Ordinal);
            if (current != FeedBehaviour.WellBehaved && FaultOnlyOnRegistrations && isIndex)
            {
                current = FeedBehaviour.WellBehaved;
            }

            var good = isIndex ? ServiceIndex : Registration(path);
            switch (current)
            {
                case FeedBehaviour.AnswersSlowly:
                    await Task.Delay(SlowDelay, stopping.Token).ConfigureAwait(false);
                    await AnswerAsync(stream, good).ConfigureAwait(false);
                    break;
                case FeedBehaviour.NotJson:
                    await AnswerAsync(stream, "<html><body><h1>Maintenance</h1>Come back later.</body></html>").ConfigureAwait(false);
                    break;
                case FeedBehaviour.TruncatedJson:
                    await AnswerAsync(stream, (good ?? ServiceIndex).Substring(0, (good ?? ServiceIndex).Length / 2)).ConfigureAwait(false);
                    break;
                case FeedBehaviour.WrongJsonShape:
                    await AnswerAsync(stream, isIndex ? "[\"resources\", 1, 2, 3]" : "{\"count\":1,\"items\":[{\"lower\":\"x\",\"upper\":17,\"items\":\"none\"}]}").ConfigureAwait(false);
                    break;
                case FeedBehaviour.ServerError:
                    await WriteAsync(stream, "HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain\r\nContent-Length: 5\r\nConnection: close\r\n\r\noops!").ConfigureAwait(false);
                    break;
                case FeedBehaviour.NoMetadataResource:
                    await AnswerAsync(stream, isIndex ? "{\"version\":\"3.0.0\",\"resources\":[]}" : null).ConfigureAwait(false);
                    break;
                case FeedBehaviour.EndlessBody:
                    await EndlessAsync(stream).ConfigureAwait(false);
                    break;
                default:
                    if (files.TryGetValue(path, out var file))
                    {
                        await WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: " + file.ContentType + "\r\nContent-Length: "
                            + file.Body.Length.ToString(CultureInfo.InvariantCulture) + "\r\nConnection: close\r\n\r\n", file.Body).ConfigureAwait(false);
                        break;
                    }

                    await AnswerAsync(stream, good).ConfigureAwait(false);
                    break;
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the feed is stopping.
        }
    }

    private string? Registration(string path)
    {
        if (!path.StartsWith(RegistrationPath, StringComparison.Ordinal) || !path.EndsWith("/index.json", StringComparison.Ordinal))
        {
            return null;
        }

        var id = path.Substring(RegistrationPath.Length, path.Length - RegistrationPath.Length - "/index.json".Length);
        return registrations.TryGetValue(id, out var index) ? index : null;
    }

    /// <summary>Writes a 200 with the JSON body, or a 404 when <paramref name="body"/> is null.</summary>
    private static Task AnswerAsync(NetworkStream stream, string? body)
    {
        if (body is null)
        {
            return WriteAsync(stream, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        }

        var bytes = Encoding.UTF8.GetByteCount(body);
        return WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: "
            + bytes.ToString(CultureInfo.InvariantCulture) + "\r\nConnection: close\r\n\r\n" + body);
    }

    /// <summary>A JSON array that never closes, written as fast as a reader takes it (throttled to spare the test machine's disk).</summary>
    private async Task EndlessAsync(NetworkStream stream)
    {
        await WriteAsync(stream, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n{\"version\":\"3.0.0\",\"resources\":[").ConfigureAwait(false);
        var chunk = Encoding.UTF8.GetBytes(string.Concat(System.Linq.Enumerable.Repeat("{\"@id\":\"http://127.0.0.1/x\",\"@type\":\"Filler\"},", 400)));
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                await stream.WriteAsync(chunk, stopping.Token).ConfigureAwait(false);
                Interlocked.Add(ref endlessBytesSent, chunk.Length);
                await Task.Delay(5, stopping.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is IOException or SocketException)
        {
            Interlocked.Increment(ref endlessStreamsClosedByClient);
        }
    }

    private static async Task WriteAsync(NetworkStream stream, string text, byte[]? body = null)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        await stream.WriteAsync(bytes).ConfigureAwait(false);
        if (body is not null)
        {
            await stream.WriteAsync(body).ConfigureAwait(false);
        }

        await stream.FlushAsync().ConfigureAwait(false);
    }

    /// <summary>Reads the request head (up to 16 KB) and returns the path of its request line, or null when the client hung up.</summary>
    private async Task<string?> ReadRequestPathAsync(NetworkStream stream)
    {
        var buffer = new byte[16 * 1024];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), stopping.Token).ConfigureAwait(false);
            if (read == 0)
            {
                return null;
            }

            length += read;
            var head = Encoding.ASCII.GetString(buffer, 0, length);
            if (head.Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var requestLine = head.Substring(0, head.IndexOf("\r\n", StringComparison.Ordinal)).Split(' ');
                return requestLine.Length >= 2 ? requestLine[1] : null;
            }
        }

        return null;
    }
}
