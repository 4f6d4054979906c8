using System.Globalization;

namespace NewsPlatform.Deploy.Tests.Kubernetes;

/// <summary>A service's Deployment in a rendering, with what its one container gets.</summary>
public sealed class Workload(Kustomization rendering, string name)
{
    public Manifest Deployment { get; } = rendering.Get("Deployment", name);

    public YamlNodeView PodSpec => Deployment.Spec["template"]["spec"];

    public YamlNodeView Container => PodSpec["containers"].Items.Single();

    public IReadOnlyDictionary<string, string> PodLabels =>
        Deployment.Spec["template"]["metadata"]["labels"].Entries.ToDictionary(e => e.Key, e => e.Value.RequiredText);

    /// <summary>A port reference (number or name) as the container's port number.</summary>
    public int ContainerPort(YamlNodeView port)
    {
        var ports = Container["ports"].Items;
        if (int.TryParse(port.RequiredText, out var number))
            return ports.Any(p => p["containerPort"].Text == port.Text)
                ? number
                : throw new Xunit.Sdk.XunitException($"{port.Path} = {number} is not a port of {Deployment}");
        return int.Parse(ports.SingleOrDefault(p => p["name"].Text == port.Text)?["containerPort"].RequiredText
            ?? throw new Xunit.Sdk.XunitException($"{port.Path} names port '{port.Text}', which {Deployment} does not declare"));
    }

    public sealed record Variable(string Name, string? Value, string From, bool FromSecret);

    /// <summary>
    /// Every environment variable the container gets, resolved against the rendered ConfigMaps and
    /// generated Secrets (a reference to a missing one fails here, as the pod would not start).
    /// </summary>
    public IReadOnlyList<Variable> Environment()
    {
        var variables = new List<Variable>();
        foreach (var source in Container["envFrom"].Items)
        {
            if (source["configMapRef"].Exists)
                variables.AddRange(ConfigMap(source["configMapRef"]["name"].RequiredText)
                    .Select(kv => new Variable(kv.Key, kv.Value, "ConfigMap " + source["configMapRef"]["name"].Text, false)));
            else if (source["secretRef"].Exists)
                variables.AddRange(Secret(source["secretRef"]["name"].RequiredText)
                    .Select(kv => new Variable(kv.Key, kv.Value, "Secret " + source["secretRef"]["name"].Text, true)));
            else throw new NotSupportedException($"{source.Path}: unknown envFrom source");
        }
        foreach (var env in Container["env"].Items)
        {
            var name = env["name"].RequiredText;
            var from = env["valueFrom"];
            if (!from.Exists) variables.Add(new Variable(name, env["value"].Text, "value", false));
            else if (from["secretKeyRef"].Exists)
                variables.Add(new Variable(name, Lookup(Secret(from["secretKeyRef"]["name"].RequiredText), from["secretKeyRef"]),
                    "Secret " + from["secretKeyRef"]["name"].Text, true));
            else if (from["configMapKeyRef"].Exists)
                variables.Add(new Variable(name, Lookup(ConfigMap(from["configMapKeyRef"]["name"].RequiredText), from["configMapKeyRef"]),
                    "ConfigMap " + from["configMapKeyRef"]["name"].Text, false));
            else if (from["fieldRef"].Exists)
                variables.Add(new Variable(name, from["fieldRef"]["fieldPath"].RequiredText, "pod field " + from["fieldRef"]["fieldPath"].Text, false));
            else throw new NotSupportedException($"{env.Path}: unknown valueFrom");
        }
        return variables;
    }

    IReadOnlyDictionary<string, string> ConfigMap(string name) =>
        rendering.Get("ConfigMap", name).Root["data"].Entries.ToDictionary(e => e.Key, e => e.Value.Text ?? "");

    IReadOnlyDictionary<string, string> Secret(string name) =>
        rendering.Secrets.TryGetValue(name, out var values)
            ? values
            : throw new Xunit.Sdk.XunitException($"{Deployment} uses Secret {name}, which the kustomization does not generate");

    static string Lookup(IReadOnlyDictionary<string, string> values, YamlNodeView reference) =>
        values.TryGetValue(reference["key"].RequiredText, out var value)
            ? value
            : throw new Xunit.Sdk.XunitException($"{reference.Path} asks key {reference["key"].Text}, which {reference["name"].Text} does not have");

    /// <summary>A Kubernetes quantity (<c>250m</c>, <c>2</c>, <c>512Mi</c>, <c>1Gi</c>) as a number.</summary>
    public static decimal Quantity(string text)
    {
        (string Suffix, decimal Factor)[] units = [("Ki", 1024m), ("Mi", 1024m * 1024), ("Gi", 1024m * 1024 * 1024), ("m", 0.001m), ("k", 1000m), ("M", 1_000_000m), ("G", 1_000_000_000m)];
        foreach (var (suffix, factor) in units)
            if (text.EndsWith(suffix, StringComparison.Ordinal))
                return decimal.Parse(text[..^suffix.Length], CultureInfo.InvariantCulture) * factor;
        return decimal.Parse(text, CultureInfo.InvariantCulture);
    }
}
