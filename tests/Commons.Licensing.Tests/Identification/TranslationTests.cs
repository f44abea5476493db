// SPDX-License-Identifier: Apache-2.0
// SPDX-FileCopyrightText: Commons.Analyzers contributors

using System;
using System.IO;
using System.Linq;
using System.Text;
using Commons.Licensing.Identification;

namespace Commons.Licensing.Tests.Identification;

/// <summary>
/// The CeCILL licences are equally authentic in French and English (article 11.5), and French public bodies publish the
/// French text; SPDX keeps the English one. A French copy is that licence; a changed one is not.
/// </summary>
public sealed class TranslationTests
{
    private static readonly LicenseIdentifier Identifier = LicenseIdentifier.Default;

    [Theory]
    [InlineData("CECILL-2.0")]
    [InlineData("CECILL-2.1")]
    [InlineData("CECILL-B")]
    [InlineData("CECILL-C")]
    public void TheFrenchTextIsItsLicence(string id)
    {
        var french = LicenseTranslations.All.Single(t => t.Id == id && t.Language == "fr").Text;
        Assert.Contains("CONTRAT DE LICENCE DE LOGICIEL LIBRE", french, StringComparison.Ordinal);
        Assert.Equal(id, Identifier.Identify(Encoding.UTF8.GetBytes(french)).License);

        // As cecill.info published them: ISO-8859-1, CRLF line ends, rewrapped.
        var latin1 = Encoding.Latin1.GetBytes(french.Replace("\n", "\r\n"));
        Assert.Equal(id, Identifier.Identify(latin1).License);
        Assert.Equal(id, Identifier.Identify(Encoding.UTF8.GetBytes(TextVariants.Rewrap(french, 60))).License);
    }

    [Fact]
    public void AFrenchTextWithAChangedClauseIsNotItsLicence()
    {
        var french = LicenseTranslations.All.Single(t => t.Id == "CECILL-2.1").Text;
        const string Clause = "Le Licencié est autorisé à distribuer des copies du Logiciel, modifié ou non, à des tiers";
        Assert.Contains(Clause, french.Replace("\n", " "), StringComparison.Ordinal);
        var changed = french.Replace("\n", " ").Replace(Clause, Clause + " pour un usage non commercial uniquement, contre une redevance annuelle versée au Concédant");
        Assert.NotEqual("CECILL-2.1", Identifier.Identify(Encoding.UTF8.GetBytes(changed)).License);
    }

    [Fact]
    public void EveryTranslationIsOfACatalogueLicenceWithAText()
    {
        Assert.NotEmpty(LicenseTranslations.All);
        foreach (var translation in LicenseTranslations.All)
        {
            Assert.True(SpdxCatalog.Default.TryGetLicense(translation.Id, out var license), translation.Id);
            Assert.True(license!.HasText, translation.Id);
            Assert.Matches("^[a-z]{2}$", translation.Language);
        }
    }
}
