using YamlDotNet.RepresentationModel;

namespace NewsPlatform.Deploy.Tests.Repository;

/// <summary>
/// A read-only walk over parsed YAML that remembers where it is, so a failed assertion can say
/// which field of which file was wrong. A missing key gives a node that does not exist rather than throwing.
/// </summary>
public sealed class YamlNodeView(YamlNode? node, string path)
{
    public string Path { get; } = path;
    public bool Exists => node is not null;
    public YamlNode? Raw => node;

    public YamlNodeView this[string key] =>
        new(node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null,
            $"{Path}.{key}");

    public string? Text => (node as YamlScalarNode)?.Value;

    public string RequiredText => Text ?? throw new Xunit.Sdk.XunitException($"{Path} is missing or not a scalar.");

    public IReadOnlyList<YamlNodeView> Items => node is YamlSequenceNode seq
        ? seq.Children.Select((c, i) => new YamlNodeView(c, $"{Path}[{i}]")).ToList()
        : [];

    public IReadOnlyList<(string Key, YamlNodeView Value)> Entries => node is YamlMappingNode map
        ? map.Children.Select(kv => (((YamlScalarNode)kv.Key).Value!, new YamlNodeView(kv.Value, $"{Path}.{((YamlScalarNode)kv.Key).Value}"))).ToList()
        : [];

    public static IReadOnlyList<YamlNodeView> LoadAll(string text, string source)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents
            .Where(d => d.RootNode is not YamlScalarNode { Value: null or "" })
            .Select((d, i) => new YamlNodeView(d.RootNode, stream.Documents.Count == 1 ? source : $"{source}#{i}"))
            .ToList();
    }

    public static YamlNodeView Load(string text, string source) => LoadAll(text, source).Single();

    public override string ToString() => Path;
}
