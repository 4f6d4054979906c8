using System.Reflection;
using System.Security.Cryptography;

namespace NewsPlatform.Authoring.Editor;

/// <summary>
/// The editor's scripts, styles and page template, embedded in the assembly (logical names
/// <c>editor/{file}</c>) so the service serves them wherever it runs, without a web root.
/// </summary>
public sealed class EditorAssets
{
    const string Prefix = "editor/";

    public sealed record Asset(string Name, byte[] Content, string ContentType, string ETag);

    readonly Dictionary<string, Asset> _assets;

    public EditorAssets() : this(typeof(EditorAssets).Assembly) { }

    EditorAssets(Assembly assembly) => _assets = assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
        .Select(n => Load(assembly, n))
        .ToDictionary(a => a.Name, StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => _assets.Keys;

    public Asset? Find(string name) => _assets.GetValueOrDefault(name);

    public string Text(string name) => System.Text.Encoding.UTF8.GetString(
        Find(name)?.Content ?? throw new InvalidOperationException($"The editor asset '{name}' is not embedded."));

    static Asset Load(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var content = buffer.ToArray();
        var name = resource[Prefix.Length..];
        return new(name, content, ContentTypeOf(name), $"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..16]}\"");
    }

    static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".html" => "text/html; charset=utf-8",
        _ => "application/octet-stream",
    };
}
