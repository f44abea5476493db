// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Xml;
using NuGet.Packaging;

namespace Commons.Inspection.Dependencies;

/// <summary>
/// The three things a <c>.nuspec</c> says about a package's licence — <c>&lt;license&gt;</c>, <c>&lt;licenseUrl&gt;</c> and
/// <c>&lt;developmentDependency&gt;</c> — read as NuGet's <see cref="NuspecReader"/> reads them, in one forward pass.
/// </summary>
/// <remarks>
/// A restore reads hundreds of nuspecs. NuGet's reader builds the whole document as a tree and parses the licence
/// expression with its own grammar (which Commons.Licensing does again, and decides), and that was the largest cost of
/// <c>commons licenses</c>. The meaning is NuGet's, held to it by a differential test over generated and mutated
/// nuspecs (<c>NuspecLicenseFieldsDifferentialTests</c>):
/// <list type="bullet">
/// <item>the whole document must be well formed, and a DTD is refused, as <see cref="NuspecReader"/> refuses it;</item>
/// <item>the fields are the first elements of those names in the first <c>metadata</c> child of the root, in the
/// default namespace in scope there;</item>
/// <item>an element's value is all the text inside it.</item>
/// </list>
/// </remarks>
public sealed class NuspecLicenseFields
{
    private const string Metadata = "metadata";
    private const string License = "license";
    private const string LicenseUrlName = "licenseUrl";
    private const string DevelopmentDependencyName = "developmentDependency";

    private static readonly HashSet<string> WantedNames = new(StringComparer.Ordinal) { License, LicenseUrlName, DevelopmentDependencyName };

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreWhitespace = true,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    /// <summary>The <c>type</c> of <c>&lt;license&gt;</c> when it is one NuGet knows (file or expression); null otherwise.</summary>
    public LicenseType? LicenseType { get; private set; }

    /// <summary>The text of <c>&lt;license&gt;</c> when <see cref="LicenseType"/> is known: an expression or a path in the package.</summary>
    public string? LicenseText { get; private set; }

    /// <summary>The text of <c>&lt;licenseUrl&gt;</c>, untrimmed; null when there is none.</summary>
    public string? LicenseUrl { get; private set; }

    /// <summary><c>&lt;developmentDependency&gt;true&lt;/developmentDependency&gt;</c>.</summary>
    public bool DevelopmentDependency { get; private set; }

    /// <summary>Reads the fields; throws <see cref="XmlException"/> for XML that is not well formed (or has a DTD), and
    /// <see cref="InvalidDataException"/> when there is no <c>metadata</c> element or the development flag is not a boolean.</summary>
    public static NuspecLicenseFields Read(Stream nuspec)
    {
        // The text of the first element of each wanted name, and the type attribute of the first <license>.
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        string? licenseType = null;
        string? metadataNamespace = null;
        var inMetadata = false;
        string? capturing = null;
        var text = new StringBuilder();

        using var reader = XmlReader.Create(nuspec, Settings);
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when reader.Depth == 1 && metadataNamespace is null && reader.LocalName == Metadata:
                    metadataNamespace = reader.LookupNamespace(string.Empty) ?? string.Empty;
                    inMetadata = !reader.IsEmptyElement;
                    break;

                case XmlNodeType.Element when inMetadata && reader.Depth == 2 && reader.NamespaceURI == metadataNamespace
                                              && WantedNames.Contains(reader.LocalName) && !values.ContainsKey(reader.LocalName):
                    if (reader.LocalName == License)
                    {
                        licenseType = reader.GetAttribute("type", string.Empty);
                    }

                    if (reader.IsEmptyElement)
                    {
                        values[reader.LocalName] = string.Empty;
                    }
                    else
                    {
                        capturing = reader.LocalName;
                        text.Clear();
                    }

                    break;

                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace when capturing is not null:
                    text.Append(reader.Value);
                    break;

                case XmlNodeType.EndElement when capturing is not null && reader.Depth == 2:
                    values[capturing] = text.ToString();
                    capturing = null;
                    break;

                case XmlNodeType.EndElement when inMetadata && reader.Depth == 1:
                    inMetadata = false;
                    break;
            }
        }

        if (metadataNamespace is null)
        {
            throw new InvalidDataException("the nuspec has no 'metadata' element");
        }

        var fields = new NuspecLicenseFields
        {
            LicenseUrl = values.TryGetValue(LicenseUrlName, out var url) ? url : null,
            DevelopmentDependency = ParseDevelopmentDependency(values.TryGetValue(DevelopmentDependencyName, out var flag) ? flag : null),
        };

        // NuGet knows a type by its enum name in any case (and, as Enum.TryParse does, by number); an unknown type is no licence.
        if (values.TryGetValue(License, out var license) && licenseType is not null
            && Enum.TryParse<LicenseType>(licenseType, ignoreCase: true, out var type) && Enum.IsDefined(typeof(LicenseType), type))
        {
            fields.LicenseType = type;
            fields.LicenseText = license.Trim();
        }

        return fields;
    }

    private static bool ParseDevelopmentDependency(string? value)
    {
        // As NuGet: no element is false; an element, even empty, must hold a boolean.
        if (value is null)
        {
            return false;
        }

        return bool.TryParse(value, out var flag) ? flag : throw new InvalidDataException("developmentDependency is '" + value + "', not true or false");
    }
}
