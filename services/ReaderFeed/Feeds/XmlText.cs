using System.Text;
using System.Xml;

namespace NewsPlatform.ReaderFeed.Feeds;

/// <summary>Writing feeds: UTF-8 without BOM, and text stripped of characters XML 1.0 cannot carry.</summary>
public static class XmlText
{
    public static XmlWriterSettings Settings { get; } = new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = false,
        Async = false,
    };

    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        if (text.All(XmlConvert.IsXmlChar)) return text;
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i])) builder.Append(text[i]);
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i])) builder.Append(text[i]).Append(text[++i]);
        }
        return builder.ToString();
    }

    /// <summary>RFC 822 dates, as RSS 2.0 wants them.</summary>
    public static string Rfc822(DateTimeOffset at) => at.ToUniversalTime().ToString("r", System.Globalization.CultureInfo.InvariantCulture);
}
