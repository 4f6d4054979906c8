using System.Text;
using System.Text.Encodings.Web;

namespace NewsPlatform.Authoring.Editor;

/// <summary>
/// The one HTML page of the editor, rendered once at start-up from the embedded template with the
/// newsroom's sections and time zone filled in (HTML-encoded). The script does the rest.
/// </summary>
public sealed class EditorShell(EditorAssets assets, EditorSettings settings)
{
    public byte[] Html { get; } = Encoding.UTF8.GetBytes(Render(assets.Text("editor.html"), settings));

    static string Render(string template, EditorSettings settings)
    {
        var html = HtmlEncoder.Default;
        var options = string.Concat(settings.Sections.Select(s => $"<option value=\"{html.Encode(s)}\">{html.Encode(s)}</option>"));
        return template
            .Replace("{{sectionOptions}}", options, StringComparison.Ordinal)
            .Replace("{{timeZone}}", html.Encode(settings.TimeZone), StringComparison.Ordinal);
    }
}
