using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace NewsPlatform.Deploy.Tests.Kubernetes;

/// <summary>
/// Every object <c>kubectl apply -k</c> would send is valid against the API's own schema: Kubernetes, the Gateway
/// API and KEDA, as published in the kubernetes-models packages (Kubernetes/Schemas, installed with npm ci). A
/// field of the wrong type or a missing required field fails here rather than at the cluster's admission.
/// </summary>
public sealed class SchemaTests(SchemaTests.Validator validator) : IClassFixture<SchemaTests.Validator>
{
    [Theory]
    [InlineData("deploy/k8s")]
    [InlineData("deploy/k8s/base")]
    public void Every_rendered_object_is_valid_against_its_schema(string folder)
    {
        var objects = Kustomization.Render(folder).Objects;
        Assert.Contains(objects, o => o.Kind == "HTTPRoute");

        var (exitCode, output) = validator.Check(objects.Select(o => YamlJson.From(o.Root.Raw!)));

        Assert.True(exitCode == 0, output);
        Assert.Contains($"{objects.Count} objects checked, 0 problems", output);
    }

    [Fact]
    public void A_wrong_field_type_and_a_missing_required_field_are_caught()
    {
        var objects = Kustomization.Render("deploy/k8s").Objects.Select(o => (o, json: YamlJson.From(o.Root.Raw!))).ToList();
        var deployment = objects.First(x => x.o.Kind == "Deployment").json;
        deployment["spec"]!["template"]!["spec"]!["containers"]![0]!["ports"]![0]!["containerPort"] = "eighty";
        var scaler = objects.First(x => x.o.Kind == "ScaledObject").json;
        scaler["spec"]!.AsObject().Remove("scaleTargetRef");

        var (exitCode, output) = validator.Check(objects.Select(x => x.json));

        Assert.Equal(1, exitCode);
        Assert.Contains("containerPort must be integer", output);
        Assert.Matches(@"ScaledObject/\S+: /spec must have required property scaleTargetRef", output);
    }

    /// <summary>Installs the schema packages once (npm ci) and runs validate.mjs over a set of objects.</summary>
    public sealed class Validator
    {
        static readonly string Folder = RepositoryRoot.Combine("tests/Deploy.Tests/Kubernetes/Schemas");

        public Validator()
        {
            if (Directory.Exists(Path.Combine(Folder, "node_modules", "kubernetes-models"))) return;
            var (exitCode, output) = Run("npm", "ci", "--no-audit", "--no-fund");
            if (exitCode != 0) throw new InvalidOperationException($"npm ci in {Folder} failed:\n{output}");
        }

        public (int ExitCode, string Output) Check(IEnumerable<JsonNode> objects)
        {
            var file = Path.Combine(Path.GetTempPath(), $"newsplatform-manifests-{Guid.NewGuid():N}.json");
            File.WriteAllText(file, new JsonArray(objects.Select(o => o.DeepClone()).ToArray()).ToJsonString());
            try { return Run("node", "validate.mjs", file); }
            finally { File.Delete(file); }
        }

        static (int, string) Run(string command, params string[] arguments)
        {
            var start = new ProcessStartInfo(command, arguments)
            {
                WorkingDirectory = Folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)
                ?? throw new InvalidOperationException($"{command} is not installed (deploy/local/test.sh installs Debian's nodejs and npm).");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(5))) process.Kill(entireProcessTree: true);
            return (process.ExitCode, stdout.Result + stderr.Result);
        }
    }
}

/// <summary>YAML as the API server reads it (the core schema): plain scalars may be numbers, booleans or null; quoted ones are strings.</summary>
static partial class YamlJson
{
    public static JsonNode From(YamlNode node) => Convert(node)!;

    static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv =>
            KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, Convert(kv.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(Convert).ToArray()),
        YamlScalarNode { Style: not ScalarStyle.Plain } scalar => JsonValue.Create(scalar.Value ?? ""),
        YamlScalarNode scalar => Plain(scalar.Value),
        _ => throw new NotSupportedException($"YAML node {node.NodeType} at {node.Start}"),
    };

    static JsonNode? Plain(string? value) => value switch
    {
        null or "" or "~" or "null" => null,
        "true" => JsonValue.Create(true),
        "false" => JsonValue.Create(false),
        _ when Integer().IsMatch(value) => JsonValue.Create(long.Parse(value, CultureInfo.InvariantCulture)),
        _ when Float().IsMatch(value) => JsonValue.Create(double.Parse(value, CultureInfo.InvariantCulture)),
        _ => JsonValue.Create(value),
    };

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex Float();
}
