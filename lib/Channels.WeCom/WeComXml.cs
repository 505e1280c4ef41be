using System.Xml;
using System.Xml.Linq;

namespace PartyAffairs.Channels.WeCom;

/// <summary>Reads WeCom's small XML documents safely: no DTDs, no external entities, bounded size.</summary>
internal static class WeComXml
{
    private const int MaxCharacters = 1024 * 1024;

    /// <summary>The root element's child values by name, or null when the text is not well-formed XML with an <c>xml</c> root.</summary>
    public static IReadOnlyDictionary<string, string>? TryReadFields(Stream xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxCharacters,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        try
        {
            using var reader = XmlReader.Create(xml, settings);
            var root = XDocument.Load(reader).Root;
            if (root is null || root.Name.LocalName != "xml")
            {
                return null;
            }

            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var element in root.Elements())
            {
                fields.TryAdd(element.Name.LocalName, element.Value);
            }

            return fields;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    /// <summary>Same as <see cref="TryReadFields(Stream)"/> for a string.</summary>
    public static IReadOnlyDictionary<string, string>? TryReadFields(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml));
        return TryReadFields(stream);
    }
}
