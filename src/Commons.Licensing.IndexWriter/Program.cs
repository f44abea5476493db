// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;
using Commons.Licensing;

// Writes the catalogue index of the Commons.Licensing.dll beside this program to the path given (see the project file).
// Read back before it is kept: a file this build could not read would only be ignored at run time, silently slow.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: Commons.Licensing.IndexWriter OUTPUT-FILE");
    return 2;
}

var output = Path.GetFullPath(args[0]);
var temporary = output + ".tmp";
using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write))
{
    LicenseIdentifier.Default.WriteIndex(stream);
}

using (var stream = new FileStream(temporary, FileMode.Open, FileAccess.Read))
{
    if (LicenseIdentifier.ReadIndex(SpdxCatalog.Default, stream) is null)
    {
        Console.Error.WriteLine("Commons.Licensing.IndexWriter: the index just written does not read back: " + temporary);
        return 1;
    }
}

File.Move(temporary, output, overwrite: true);
Console.WriteLine("Wrote the catalogue index for " + LicenseIdentifier.Default.IndexKey + " to " + output);
return 0;
