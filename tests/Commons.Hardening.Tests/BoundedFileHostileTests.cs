// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Commons.Hardening.Tests.Infrastructure;
using Commons.Inspection;
using CsCheck;
using Xunit.Abstractions;

namespace Commons.Hardening.Tests;

/// <summary>
/// <see cref="BoundedFile"/>, the one reader of files the product did not write (issue 18): on generated folders of every
/// hostile shape, a read inside a folder never blocks, never gives a byte of what lies outside (links to files, linked
/// folders on the way, loops, dangling links), never reads more than its limit, and says why when it gives nothing.
/// </summary>
public sealed class BoundedFileHostileTests : IDisposable
{
    private static readonly string[] Names = { "LICENSE", "a/NOTICE", "a/b/LICENSE.txt", "a/b/c/x.nupkg.sha512", "src/A.cs", "linked", "linked/secret.txt" };

    private readonly ITestOutputHelper output;
    private readonly Scratch scratch = new("bounded-file");
    private readonly string secret = "SECRET-" + Guid.NewGuid().ToString("N");
    private readonly string outsideFolder;
    private readonly string outsideFile;

    public BoundedFileHostileTests(ITestOutputHelper output)
    {
        this.output = output;
        outsideFolder = Path.Combine(scratch.Root, "outside");
        outsideFile = Scratch.Write(outsideFolder, "secret.txt", Encoding.UTF8.GetBytes(secret));
        foreach (var name in new[] { "LICENSE", "NOTICE", "LICENSE.txt", "A.cs", "b/LICENSE.txt", "b/c/x.nupkg.sha512" })
        {
            Scratch.Write(outsideFolder, name, Encoding.UTF8.GetBytes(secret));
        }
    }

    public void Dispose() => scratch.Dispose();

    [Fact]
    public void Generated_folders_are_read_inside_within_limits_without_blocking_or_leaking()
    {
        var folder = Gen.Select(Gen.OneOf(Names), Gen.Enum<EntryShape>(), Mutations.BytesOf(Gen.OneOf("text\n", "Copyright 2024 Someone\n", "\u001b[2J"))).Array[1, 6];
        var limits = Gen.Select(Gen.Int[0, 64], Gen.Bool, (max, head) => new BoundedRead { MaxBytes = max, Head = head });

        Property.Check(output, "bounded-file/generated", Gen.Select(folder, limits), sample =>
        {
            var (entries, read) = sample;
            var root = scratch.NewFolder();
            foreach (var (name, shape, content) in entries)
            {
                Scratch.Create(Path.Combine(root, name), shape, content, outsideFile, outsideFolder);
            }

            read.Inside = root;
            foreach (var name in Names)
            {
                var path = Path.Combine(root, name);
                var reading = Task.Run(() => BoundedFile.ReadText(path, read));
                Assert.True(reading.Wait(TimeSpan.FromSeconds(10)), "reading " + name + " blocked");
                var content = reading.Result;
                Assert.True((content.Bytes is null) == (content.Problem is not null), name + ": bytes and a problem, or neither");
                Assert.True(content.Bytes is null || content.Bytes.Length <= read.MaxBytes, name + ": read past the limit");
                Assert.False((content.Text ?? "").Contains("SECRET-", StringComparison.Ordinal), name + " was read from outside the folder");
                Assert.True(content.Bytes is null || !PathSafety.HasLinkBelow(root, path), name + " was read through a link");
            }
        }, iter: 150, print: s => string.Join(", ", s.Item1.Select(e => e.Item1 + ":" + e.Item2)) + " | max " + s.Item2.MaxBytes + (s.Item2.Head ? " head" : ""));
    }

    [Theory]
    [InlineData(EntryShape.Fifo, FileRefusal.None)]
    [InlineData(EntryShape.CharacterDevice, FileRefusal.None)]
    [InlineData(EntryShape.HugeSparse, FileRefusal.TooLarge)]
    [InlineData(EntryShape.Directory, FileRefusal.Directory)]
    [InlineData(EntryShape.LinkToOutsideFile, FileRefusal.Link)]
    [InlineData(EntryShape.DanglingLink, FileRefusal.Link)]
    [InlineData(EntryShape.LinkLoop, FileRefusal.Link)]
    public void Each_shape_gets_its_answer(EntryShape shape, FileRefusal expected)
    {
        var root = scratch.NewFolder();
        var path = Path.Combine(root, "LICENSE");
        Scratch.Create(path, shape, Array.Empty<byte>(), outsideFile, outsideFolder);

        var content = BoundedFile.Read(path, new BoundedRead { Inside = root });

        Assert.Equal(expected, content.Refusal);
        if (expected == FileRefusal.None)
        {
            // A pipe or a device reports length 0 and is read as empty, never opened (opening a FIFO blocks).
            Assert.Empty(content.Bytes!);
        }
    }

    [Fact]
    public void A_file_in_a_linked_folder_is_refused_and_a_head_read_is_cut_at_its_limit()
    {
        var root = scratch.NewFolder();
        Directory.CreateSymbolicLink(Path.Combine(root, "legal"), outsideFolder);
        Scratch.MakeSparse(Path.Combine(root, "huge.txt"), 3L << 30);

        var linked = BoundedFile.ReadText(Path.Combine(root, "legal", "LICENSE.txt"), new BoundedRead { Inside = root });
        var outside = BoundedFile.ReadText(Path.Combine(root, "..", "outside", "secret.txt"), new BoundedRead { Inside = root });
        var head = BoundedFile.Read(Path.Combine(root, "huge.txt"), new BoundedRead { MaxBytes = 4096, Head = true });

        Assert.Equal(FileRefusal.Link, linked.Refusal);
        Assert.Equal(FileRefusal.Outside, outside.Refusal);
        Assert.Equal(4096, head.Bytes!.Length);
        Assert.True(head.Truncated);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE, (byte)'M', 0, (byte)'I', 0, (byte)'T', 0 }, "MIT")]
    [InlineData(new byte[] { 0xFE, 0xFF, 0, (byte)'M', 0, (byte)'I', 0, (byte)'T' }, "MIT")]
    [InlineData(new byte[] { 0, 0, 0xFE, 0xFF, 0, 0, 0, (byte)'M' }, "M")]
    [InlineData(new byte[] { 0xFF, 0xFE, 0, 0, (byte)'M', 0, 0, 0 }, "M")]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'M' }, "M")]
    public void Text_is_decoded_by_its_byte_order_mark(byte[] bytes, string expected)
    {
        var root = scratch.NewFolder();
        var path = Scratch.Write(root, "LICENSE", bytes);

        Assert.Equal(expected, BoundedFile.ReadText(path, new BoundedRead { Inside = root }).Text);
    }

    [Fact]
    public void Binary_content_is_refused_as_text()
    {
        var root = scratch.NewFolder();
        var path = Scratch.Write(root, "NOTICE", new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0, 1 });

        Assert.Equal(FileRefusal.Binary, BoundedFile.ReadText(path, new BoundedRead { Inside = root }).Refusal);
    }
}
