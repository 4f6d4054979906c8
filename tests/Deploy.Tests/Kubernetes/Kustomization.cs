namespace NewsPlatform.Deploy.Tests.Kubernetes;

/// <summary>One Kubernetes object after rendering, with the file it came from.</summary>
public sealed record Manifest(string Kind, string Name, YamlNodeView Root, string Source)
{
    public YamlNodeView Spec => Root["spec"];
    public override string ToString() => $"{Kind}/{Name} ({Source})";
}

/// <summary>
/// Renders deploy/k8s the way <c>kubectl apply -k</c> would, for the subset of kustomize the
/// repository uses: resources (files and folders), components, delete patches, a secret generator
/// (read from its committed <c>.example</c>, since the real env file is git-ignored) and images.
/// Anything else fails loudly, so the tests never check less than what would be applied.
/// </summary>
public sealed class Kustomization
{
    static readonly HashSet<string> Supported = ["apiVersion", "kind", "namespace", "resources", "components", "patches", "secretGenerator", "configurations", "images"];

    readonly List<Manifest> objects = [];
    readonly Dictionary<string, Dictionary<string, string>> secrets = [];
    readonly HashSet<string> images = [];
    readonly HashSet<string> files = [];

    public IReadOnlyList<Manifest> Objects => objects;
    /// <summary>Generated Secrets: name → key → the example value.</summary>
    public IReadOnlyDictionary<string, Dictionary<string, string>> Secrets => secrets;
    /// <summary>Image names the kustomization sets a tag or registry for.</summary>
    public IReadOnlySet<string> Images => images;
    /// <summary>Repository-relative files the rendering read.</summary>
    public IReadOnlySet<string> Files => files;
    /// <summary>The namespace the outermost kustomization puts every object in.</summary>
    public string? Namespace { get; private set; }

    public static Kustomization Render(string folder)
    {
        var result = new Kustomization();
        result.Apply(folder, component: false);
        return result;
    }

    public IEnumerable<Manifest> OfKind(string kind) => objects.Where(o => o.Kind == kind);

    public Manifest? Find(string kind, string name) => objects.SingleOrDefault(o => o.Kind == kind && o.Name == name);

    public Manifest Get(string kind, string name) =>
        Find(kind, name) ?? throw new Xunit.Sdk.XunitException($"No {kind} named {name} in the rendered manifests.");

    void Apply(string folder, bool component)
    {
        var path = folder + "/kustomization.yaml";
        files.Add(path);
        var k = YamlNodeView.Load(RepositoryRoot.Read(path), path);
        var unsupported = k.Entries.Select(e => e.Key).Where(key => !Supported.Contains(key)).ToList();
        if (unsupported.Count > 0) throw new NotSupportedException($"{path} uses {string.Join(", ", unsupported)}, which these tests do not model.");
        Assert.Equal(component ? "Component" : "Kustomization", k["kind"].Text);

        foreach (var resource in k["resources"].Items.Select(i => Join(folder, i.RequiredText)))
        {
            if (Directory.Exists(RepositoryRoot.Combine(resource))) Apply(resource, component: false);
            else Load(resource);
        }
        foreach (var generator in k["secretGenerator"].Items)
        {
            var values = new Dictionary<string, string>();
            foreach (var env in generator["envs"].Items.Select(i => Join(folder, i.RequiredText + ".example")))
            {
                files.Add(env);
                foreach (var line in File.ReadAllLines(RepositoryRoot.Combine(env)).Where(l => l.Contains('=') && !l.TrimStart().StartsWith('#')))
                    values[line.Split('=', 2)[0].Trim()] = line.Split('=', 2)[1].Trim();
            }
            secrets[generator["name"].RequiredText] = values;
        }
        foreach (var configuration in k["configurations"].Items) files.Add(Join(folder, configuration.RequiredText));
        foreach (var c in k["components"].Items) Apply(Join(folder, c.RequiredText), component: true);
        foreach (var patch in k["patches"].Items) Delete(patch, path);
        foreach (var image in k["images"].Items) images.Add(image["name"].RequiredText);

        Namespace = k["namespace"].Text ?? Namespace;
    }

    void Load(string file)
    {
        files.Add(file);
        foreach (var document in YamlNodeView.LoadAll(RepositoryRoot.Read(file), file))
            objects.Add(new Manifest(document["kind"].RequiredText, document["metadata"]["name"].RequiredText, document, file));
    }

    void Delete(YamlNodeView patch, string source)
    {
        var body = YamlNodeView.Load(patch["patch"].RequiredText, source + " patch");
        if (body["$patch"].Text != "delete")
            throw new NotSupportedException($"{source} has a patch other than $patch: delete, which these tests do not model.");
        var kind = body["kind"].RequiredText;
        var name = body["metadata"]["name"].RequiredText;
        Assert.True(objects.RemoveAll(o => o.Kind == kind && o.Name == name) == 1, $"{source} deletes {kind}/{name}, which it does not have");
    }

    static string Join(string folder, string relative) =>
        RepositoryRoot.Relative(Path.GetFullPath(Path.Combine(RepositoryRoot.Combine(folder), relative)));
}
