// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
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
        var fields = new NuspecLicenseFields();
        string? licenseType = null;
        string? developmentDependency = null;
        var metadataFound = false;
        string? metadataNamespace = null;

        // The element whose text is being gathered (depth 2, inside metadata), and where its text goes.
        string? capturing = null;
        StringBuilder? text = null;
        var seenLicense = false;
        var seenLicenseUrl = false;
        var seenDevelopmentDependency = false;
        var inMetadata = false;

        using var reader = XmlReader.Create(nuspec, Settings);
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when reader.Depth == 1 && !metadataFound && reader.LocalName == Metadata:
                    metadataFound = true;
                    metadataNamespace = reader.LookupNamespace(string.Empty) ?? string.Empty;
                    inMetadata = !reader.IsEmptyElement;
                    break;

                case XmlNodeType.Element when inMetadata && reader.Depth == 2 && reader.NamespaceURI == metadataNamespace:
                    var name = reader.LocalName;
                    if (name == License && !seenLicense)
                    {
                        seenLicense = true;
                        licenseType = reader.GetAttribute("type", string.Empty);
                    }
                    else if (!(name == LicenseUrlName && !seenLicenseUrl) && !(name == DevelopmentDependencyName && !seenDevelopmentDependency))
                    {
                        break;
                    }

                    seenLicenseUrl |= name == LicenseUrlName;
                    seenDevelopmentDependency |= name == DevelopmentDependencyName;
                    if (reader.IsEmptyElement)
                    {
                        Store(fields, name, string.Empty, licenseType, ref developmentDependency);
                    }
                    else
                    {
                        capturing = name;
                        text = new StringBuilder();
                    }

                    break;

                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace when capturing is not null:
                    text!.Append(reader.Value);
                    break;

                case XmlNodeType.EndElement when capturing is not null && reader.Depth == 2:
                    Store(fields, capturing, text!.ToString(), licenseType, ref developmentDependency);
                    capturing = null;
                    break;

                case XmlNodeType.EndElement when inMetadata && reader.Depth == 1:
                    inMetadata = false;
                    break;
            }
        }

        if (!metadataFound)
        {
            throw new InvalidDataException("the nuspec has no 'metadata' element");
        }

        fields.DevelopmentDependency = ParseDevelopmentDependency(developmentDependency);
        return fields;
    }

    private static void Store(NuspecLicenseFields fields, string name, string value, string? licenseType, ref string? developmentDependency)
    {
        switch (name)
        {
            case License:
                // NuGet knows a type by its enum name in any case (and, as Enum.TryParse does, by number).
                if (licenseType is not null && Enum.TryParse<LicenseType>(licenseType, ignoreCase: true, out var type) && Enum.IsDefined(typeof(LicenseType), type))
                {
                    fields.LicenseType = type;
                    fields.LicenseText = value.Trim();
                }

                break;
            case LicenseUrlName:
                fields.LicenseUrl = value;
                break;
            default:
                developmentDependency = value;
                break;
        }
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
