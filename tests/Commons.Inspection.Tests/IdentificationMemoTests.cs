// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Commons.Licensing;

namespace Commons.Inspection.Tests;

/// <summary>
/// The memo of identifications: a later process answers from disk without the catalogue index, every field comes back
/// exactly, and no damaged, misplaced or hostile entry is ever trusted.
/// </summary>
public class IdentificationMemoTests
{
    private static readonly string Key = LicenseIdentifier.Default.IndexKey;

    private static readonly byte[] Mit = Bytes(SpdxCatalog.Default.GetText("MIT")!);

    [Fact]
    public void A_miss_writes_an_entry_that_a_new_process_reads_without_loading_the_index()
    {
        using var folder = new TempFolder();
        var counter = new Counter();

        var first = new IdentificationMemo(folder.Path, Key, counter.Identifier).Identify(Mit);
        var second = new IdentificationMemo(folder.Path, Key, Unreachable).Identify(Mit);

        Assert.Equal("MIT", first.License);
        Assert.Equal(1, counter.Calls);
        Assert.True(File.Exists(EntryPath(folder, Mit)));
        AssertSameResult(first, second);
    }

    [Fact]
    public void Within_one_process_a_content_is_read_from_disk_at_most_once()
    {
        using var folder = new TempFolder();
        new IdentificationMemo(folder.Path, Key, () => LicenseIdentifier.Default).Identify(Mit);
        var memo = new IdentificationMemo(folder.Path, Key, Unreachable);

        var fromDisk = memo.Identify(Mit);
        File.Delete(EntryPath(folder, Mit));
        var remembered = memo.Identify((byte[])Mit.Clone());

        AssertSameResult(fromDisk, remembered);
    }

    public static TheoryData<string> Contents => new()
    {
        "MIT",
        "Apache-2.0",
        "GPL-2.0",
        "dual MIT Apache-2.0",
        "MIT with an added clause",
        "binary",
        "empty",
    };

    [Theory]
    [MemberData(nameof(Contents))]
    public void Every_field_comes_back_exactly_from_disk(string name)
    {
        using var folder = new TempFolder();
        var content = Content(name);
        var direct = LicenseIdentifier.Default.Identify(content);

        new IdentificationMemo(folder.Path, Key, () => LicenseIdentifier.Default).Identify(content);
        var fromDisk = new IdentificationMemo(folder.Path, Key, Unreachable).Identify(content);

        AssertSameResult(direct, fromDisk);
    }

    [Fact]
    public void The_round_trip_cases_hold_what_they_claim_to()
    {
        // Guards the theory above: each content really exercises the field it is meant to.
        Assert.Contains("GPL-2.0-or-later", LicenseIdentifier.Default.Identify(Content("GPL-2.0")).EquivalentLicenses);
        var dual = LicenseIdentifier.Default.Identify(Content("dual MIT Apache-2.0"));
        Assert.Equal("MIT OR Apache-2.0", dual.License);
        Assert.Equal(new[] { "MIT", "Apache-2.0" }, dual.Licenses);
        Assert.NotNull(dual.Reason);
        var added = LicenseIdentifier.Default.Identify(Content("MIT with an added clause"));
        Assert.Null(added.License);
        Assert.NotNull(added.ClosestLicense);
        Assert.InRange(added.ClosestConfidence, 50, 97.99);
        Assert.Contains("below the", added.Reason);
        Assert.StartsWith("binary", LicenseIdentifier.Default.Identify(Content("binary")).Reason);
    }

    [Fact]
    public void Awkward_strings_and_doubles_round_trip_exactly()
    {
        var result = new LicenseIdentification(
            string.Empty,
            0.1 + 0.2,
            "line\nbreak\r\\n back\\slash é ☃ key=value",
            double.Epsilon,
            new[] { string.Empty, "item", "\n" },
            "end 0000\nend ",
            new[] { "x\\", "\r" });

        var entry = IdentificationMemo.Serialize(Key, "abc", result);

        AssertSameResult(result, IdentificationMemo.Deserialize(entry, Key, "abc")!);
        AssertSameResult(
            new LicenseIdentification(null, 98.765432101234567, null, 100, null, null),
            IdentificationMemo.Deserialize(IdentificationMemo.Serialize(Key, "abc", new LicenseIdentification(null, 98.765432101234567, null, 100, null, null)), Key, "abc")!);
    }

    [Fact]
    public void No_truncation_of_an_entry_parses()
    {
        var hash = IdentificationMemo.TryHash(Mit)!;
        var entry = IdentificationMemo.Serialize(Key, hash, LicenseIdentifier.Default.Identify(Mit));

        for (var length = 0; length < entry.Length; length++)
        {
            Assert.Null(IdentificationMemo.Deserialize(entry.Take(length).ToArray(), Key, hash));
        }

        Assert.NotNull(IdentificationMemo.Deserialize(entry, Key, hash));
    }

    [Fact]
    public void No_flipped_bit_of_an_entry_parses()
    {
        var hash = IdentificationMemo.TryHash(Mit)!;
        var entry = IdentificationMemo.Serialize(Key, hash, LicenseIdentifier.Default.Identify(Mit));

        for (var position = 0; position < entry.Length; position++)
        {
            for (var bit = 0; bit < 8; bit++)
            {
                var damaged = (byte[])entry.Clone();
                damaged[position] ^= (byte)(1 << bit);
                Assert.Null(IdentificationMemo.Deserialize(damaged, Key, hash));
            }
        }
    }

    [Fact]
    public void Every_truncated_entry_on_disk_is_identified_again_and_repaired()
    {
        using var folder = new TempFolder();
        var expected = LicenseIdentifier.Default.Identify(Mit);
        new IdentificationMemo(folder.Path, Key, () => LicenseIdentifier.Default).Identify(Mit);
        var path = EntryPath(folder, Mit);
        var whole = File.ReadAllBytes(path);

        for (var length = 0; length < whole.Length; length++)
        {
            File.WriteAllBytes(path, whole.Take(length).ToArray());
            var counter = new Counter();

            var result = new IdentificationMemo(folder.Path, Key, counter.Identifier).Identify(Mit);

            AssertSameResult(expected, result);
            Assert.Equal(1, counter.Calls);
            Assert.Equal(whole, File.ReadAllBytes(path));
        }
    }

    public static TheoryData<string> Damages => new()
    {
        "flipped byte",
        "garbage",
        "huge",
        "entry of other content",
        "entry of another key",
        "empty folder",
    };

    [Theory]
    [MemberData(nameof(Damages))]
    public void A_damaged_entry_is_identified_again_and_repaired(string damage)
    {
        using var folder = new TempFolder();
        var expected = LicenseIdentifier.Default.Identify(Mit);
        var path = EntryPath(folder, Mit);
        var hash = IdentificationMemo.TryHash(Mit)!;
        var apache = Content("Apache-2.0");
        var good = IdentificationMemo.Serialize(Key, hash, expected);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        switch (damage)
        {
            case "flipped byte":
                good[good.Length / 2] ^= 0x20;
                File.WriteAllBytes(path, good);
                break;
            case "garbage":
                File.WriteAllBytes(path, Enumerable.Range(0, 5000).Select(i => (byte)(i * 7919 % 251)).ToArray());
                break;
            case "huge":
                File.WriteAllBytes(path, good.Concat(new byte[2 * IdentificationMemo.MaxEntryBytes]).ToArray());
                break;
            case "entry of other content":
                // A whole, valid entry for the Apache text, under the MIT text's name.
                File.WriteAllBytes(path, IdentificationMemo.Serialize(Key, IdentificationMemo.TryHash(apache)!, LicenseIdentifier.Default.Identify(apache)));
                break;
            case "entry of another key":
                File.WriteAllBytes(path, IdentificationMemo.Serialize("another build", hash, LicenseIdentifier.Default.Identify(apache)));
                break;
            case "empty folder":
                Directory.CreateDirectory(path);
                break;
        }

        var counter = new Counter();
        var result = new IdentificationMemo(folder.Path, Key, counter.Identifier).Identify(Mit);

        AssertSameResult(expected, result);
        Assert.Equal(1, counter.Calls);
        Assert.True(File.Exists(path), "the entry was rewritten");
        AssertSameResult(expected, new IdentificationMemo(folder.Path, Key, Unreachable).Identify(Mit));
    }

    [Fact]
    public void A_folder_full_of_files_under_the_entry_name_is_left_and_the_answer_is_still_right()
    {
        using var folder = new TempFolder();
        var path = EntryPath(folder, Mit);
        folder.Write(Path.Combine(Path.GetRelativePath(folder.Path, path), "someone-else.txt"), "not ours");

        var result = new IdentificationMemo(folder.Path, Key, () => LicenseIdentifier.Default).Identify(Mit);

        AssertSameResult(LicenseIdentifier.Default.Identify(Mit), result);
        Assert.True(File.Exists(Path.Combine(path, "someone-else.txt")));
    }

    [Fact]
    public async Task A_fifo_under_the_entry_name_neither_hangs_nor_is_trusted()
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            return;
        }

        using var folder = new TempFolder();
        var path = EntryPath(folder, Mit);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Assert.Equal(0, MakeFifo(path, Convert.ToInt32("600", 8)));

        var identify = Task.Run(() => new IdentificationMemo(folder.Path, Key, () => LicenseIdentifier.Default).Identify(Mit));

        Assert.Same(identify, await Task.WhenAny(identify, Task.Delay(TimeSpan.FromSeconds(30))));
        var result = await identify;
        AssertSameResult(LicenseIdentifier.Default.Identify(Mit), result);
        AssertSameResult(result, new IdentificationMemo(folder.Path, Key, Unreachable).Identify(Mit));
    }

    [Fact]
    public void A_folder_that_cannot_be_written_still_gives_the_answer()
    {
        using var folder = new TempFolder();
        var notAFolder = folder.Write("cache", "a file where the cache folder should be");
        var counter = new Counter();
        var memo = new IdentificationMemo(notAFolder, Key, counter.Identifier);

        var first = memo.Identify(Mit);
        var second = new IdentificationMemo(notAFolder, Key, counter.Identifier).Identify(Mit);

        AssertSameResult(LicenseIdentifier.Default.Identify(Mit), first);
        AssertSameResult(first, second);
        Assert.Equal(2, counter.Calls);
        Assert.True(File.Exists(notAFolder));
    }

    [Fact]
    public async Task Many_threads_of_many_processes_agree_and_leave_one_whole_entry()
    {
        using var folder = new TempFolder();
        var content = Content("dual MIT Apache-2.0");
        var expected = LicenseIdentifier.Default.Identify(content);
        const int Threads = 16;
        using var start = new Barrier(Threads);

        var results = Enumerable.Range(0, Threads)
            .Select(_ => Task.Factory.StartNew(
                () =>
                {
                    var memo = new IdentificationMemo(folder.Path, Key, () => LicenseIdentifier.Default);
                    start.SignalAndWait();
                    return memo.Identify(content);
                },
                TaskCreationOptions.LongRunning))
            .ToArray();
        var answers = await Task.WhenAll(results);

        Assert.All(answers, r => AssertSameResult(expected, r));
        var entryFolder = Path.GetDirectoryName(EntryPath(folder, content))!;
        Assert.Equal(new[] { EntryPath(folder, content) }, Directory.GetFiles(entryFolder));
        AssertSameResult(expected, new IdentificationMemo(folder.Path, Key, Unreachable).Identify(content));
    }

    [Fact]
    public void Another_key_neither_sees_nor_overwrites_these_entries()
    {
        using var folder = new TempFolder();
        new IdentificationMemo(folder.Path, Key, () => LicenseIdentifier.Default).Identify(Mit);
        var counter = new Counter();

        var other = new IdentificationMemo(folder.Path, "another build/3.0/700", counter.Identifier);
        other.Identify(Mit);

        Assert.Equal(1, counter.Calls);
        Assert.NotEqual(other.EntryFolder, new IdentificationMemo(folder.Path, Key, Unreachable).EntryFolder);
        Assert.False(Directory.Exists(other.EntryFolder), "an identifier whose key differs from the memo's writes nothing");
        Assert.True(File.Exists(EntryPath(folder, Mit)));
    }

    [Fact]
    public void Answers_at_another_threshold_are_not_written()
    {
        using var folder = new TempFolder();
        var content = Content("MIT with an added clause");
        var memo = new IdentificationMemo(folder.Path, Key, () => LicenseIdentifier.Default.WithThreshold(50));

        var result = memo.Identify(content);

        Assert.NotNull(result.License);
        Assert.Null(LicenseIdentifier.Default.Identify(content).License);
        Assert.False(File.Exists(EntryPath(folder, content)));
    }

    [Fact]
    public void Entry_folders_of_other_keys_left_for_a_month_are_removed()
    {
        using var folder = new TempFolder();
        var old = Directory.CreateDirectory(Path.Combine(folder.Path, "identified-old-build")).FullName;
        File.WriteAllText(Path.Combine(old, "entry.txt"), "old");
        Directory.SetLastWriteTimeUtc(old, DateTime.UtcNow.AddDays(-40));
        var recent = Directory.CreateDirectory(Path.Combine(folder.Path, "identified-recent-build")).FullName;
        var index = folder.Write("identifier-index-kept.bin", "not an entry folder");
        File.SetLastWriteTimeUtc(index, DateTime.UtcNow.AddDays(-40));

        new IdentificationMemo(folder.Path, Key, () => LicenseIdentifier.Default).Identify(Mit);

        Assert.False(Directory.Exists(old));
        Assert.True(Directory.Exists(recent));
        Assert.True(File.Exists(index));
        Assert.True(File.Exists(EntryPath(folder, Mit)));
    }

    [Fact]
    public void Entry_paths_fit_the_NET_Framework_limit_under_a_Windows_cache_folder()
    {
        // A 70-character root, e.g. C:\Users\firstname.lastname\AppData\Local\Commons.Analyzers, and the temporary name.
        var root = new string('r', 70);
        var entry = new IdentificationMemo(root, Key, Unreachable).EntryPath(IdentificationMemo.TryHash(Mit)!);

        Assert.InRange((entry + ".12345678.tmp").Length, 1, 259);
    }

    [Fact]
    public void Collection_identifies_through_the_shared_memo()
    {
        // Unique bytes (a copyright line of its own), still the MIT licence.
        var content = Bytes("Copyright (c) " + Guid.NewGuid().ToString("N") + "\n\n" + SpdxCatalog.Default.GetText("MIT"));
        var path = IdentificationMemo.Shared.EntryPath(IdentificationMemo.TryHash(content)!);
        try
        {
            Assert.Equal("MIT", LicensingBridge.Identify(content).License);
            Assert.Equal("MIT", IdentificationMemo.Deserialize(File.ReadAllBytes(path), Key, IdentificationMemo.TryHash(content)!)!.License);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static byte[] Content(string name) => name switch
    {
        "dual MIT Apache-2.0" => Bytes(
            "This project is dual licensed under the MIT licence and the Apache License 2.0; you may use it under either, at your option.\n\n"
            + SpdxCatalog.Default.GetText("MIT") + "\n\n----\n\n" + SpdxCatalog.Default.GetText("Apache-2.0")),
        "MIT with an added clause" => Bytes(
            SpdxCatalog.Default.GetText("MIT")
            + "\n\nThe Software may not be used by any organisation whose name begins with the letter Q, nor for any purpose on a Tuesday.\n"),
        "binary" => new byte[] { 0x7F, 0x45, 0x4C, 0x46, 0, 0, 1, 2, 3 },
        "empty" => Array.Empty<byte>(),
        _ => Bytes(SpdxCatalog.Default.GetText(name) ?? throw new ArgumentException("no catalogue text for " + name)),
    };

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static string EntryPath(TempFolder folder, byte[] content)
        => new IdentificationMemo(folder.Path, Key, Unreachable).EntryPath(IdentificationMemo.TryHash(content)!);

    private static LicenseIdentifier Unreachable() => throw new InvalidOperationException("the identifier (and its index) must not be needed");

    private static void AssertSameResult(LicenseIdentification expected, LicenseIdentification actual)
    {
        Assert.Equal(expected.License, actual.License);
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.Confidence), BitConverter.DoubleToInt64Bits(actual.Confidence));
        Assert.Equal(expected.ClosestLicense, actual.ClosestLicense);
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected.ClosestConfidence), BitConverter.DoubleToInt64Bits(actual.ClosestConfidence));
        Assert.Equal(expected.Licenses, actual.Licenses);
        Assert.Equal(expected.Reason, actual.Reason);
        Assert.Equal(expected.EquivalentLicenses, actual.EquivalentLicenses);
    }

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo(string path, int mode);

    private sealed class Counter
    {
        private int calls;

        public int Calls => calls;

        public LicenseIdentifier Identifier()
        {
            Interlocked.Increment(ref calls);
            return LicenseIdentifier.Default;
        }
    }
}
