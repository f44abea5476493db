// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace Commons.Licensing.Identification;

/// <summary>
/// Official translations of catalogue licences, indexed beside the SPDX text under the same id. The SPDX License List
/// keeps one text per licence, yet some licences are equally authentic in several languages: the CeCILL family
/// (French and English, article 11.5 of each), which French public bodies publish in French
/// (<c>Licence_CeCILL_V2.1-fr.txt</c>). A French copy is that licence as much as the English one.
/// </summary>
/// <remarks>
/// Each text is embedded as <c>Commons.Licensing.translation.&lt;id&gt;.&lt;language&gt;.txt</c> from
/// <c>Identification/Data/translations/</c>, whose README gives where each copy was read and how it was checked.
/// </remarks>
internal static class LicenseTranslations
{
    private const string Prefix = "Commons.Licensing.translation.";

    private static readonly Lazy<IReadOnlyList<LicenseTranslation>> Loaded = new(Load, System.Threading.LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Every embedded translation, ordered by id then language.</summary>
    public static IReadOnlyList<LicenseTranslation> All => Loaded.Value;

    private static IReadOnlyList<LicenseTranslation> Load()
    {
        var assembly = typeof(LicenseTranslations).Assembly;
        var translations = new List<LicenseTranslation>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal))
        {
            // "<id>.<language>.txt": ids hold dots ("CECILL-2.1"), languages do not.
            var rest = name.Substring(Prefix.Length, name.Length - Prefix.Length - ".txt".Length);
            var dot = rest.LastIndexOf('.');
            if (dot <= 0)
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            translations.Add(new LicenseTranslation(rest.Substring(0, dot), rest.Substring(dot + 1), reader.ReadToEnd()));
        }

        return translations;
    }
}

/// <summary>One official translation: the catalogue id it is a text of, its language (ISO 639-1), the text.</summary>
internal sealed class LicenseTranslation
{
    public LicenseTranslation(string id, string language, string text)
    {
        Id = id;
        Language = language;
        Text = text;
    }

    public string Id { get; }

    public string Language { get; }

    public string Text { get; }
}
