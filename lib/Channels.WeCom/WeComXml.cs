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

    /// <summary>
    /// Same as <see cref="TryReadFields(Stream)"/> for a decrypted message. A member may type characters XML 1.0 does not
    /// allow (U+FFFE, U+FFFF, control characters) and WeCom passes them through: they become U+FFFD first, so the message
    /// is read and answered rather than refused.
    /// </summary>
    public static IReadOnlyDictionary<string, string>? TryReadFields(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(ReplaceNonXmlCharacters(xml)));
        return TryReadFields(stream);
    }

    private static string ReplaceNonXmlCharacters(string text)
    {
        var firstInvalid = -1;
        for (var i = 0; i < text.Length && firstInvalid < 0; i++)
        {
            firstInvalid = IsValidAt(text, i, out var pair) ? -1 : i;
            i += pair ? 1 : 0;
        }

        if (firstInvalid < 0)
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length);
        builder.Append(text, 0, firstInvalid);
        for (var i = firstInvalid; i < text.Length; i++)
        {
            if (!IsValidAt(text, i, out var pair))
            {
                builder.Append('\uFFFD');
            }
            else if (pair)
            {
                builder.Append(text, i++, 2);
            }
            else
            {
                builder.Append(text[i]);
            }
        }

        return builder.ToString();
    }

    private static bool IsValidAt(string text, int index, out bool surrogatePair)
    {
        surrogatePair = index + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[index + 1], text[index]);
        return surrogatePair || XmlConvert.IsXmlChar(text[index]);
    }
}
