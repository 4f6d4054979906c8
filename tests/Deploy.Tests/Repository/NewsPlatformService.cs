namespace NewsPlatform.Deploy.Tests.Repository;

/// <summary>
/// A deployable NewsPlatform process: its name in compose and Kubernetes, and its project in the repository.
/// </summary>
public sealed record NewsPlatformService(string Name, string ProjectFolder, bool OnEventBackbone)
{
    public static readonly IReadOnlyList<NewsPlatformService> All =
    [
        new("authoring", "services/Authoring", true),
        new("media", "services/Media", true),
        new("trending", "services/Trending", true),
        new("readerfeed", "services/ReaderFeed", true),
        new("gateway", "gateway/Gateway", false),
    ];

    /// <summary>The services whose RabbitMQ consumers drive scaling (KEDA ScaledObjects).</summary>
    public static readonly IReadOnlyList<string> QueueDriven = ["trending", "readerfeed"];

    public static NewsPlatformService Named(string name) => All.Single(s => s.Name == name);

    public static TheoryData<string> Names() => new(All.Select(s => s.Name));

    public Project Project => Project.InFolder(ProjectFolder);

    /// <summary>The one Dockerfile every service's image is built from, given the service's build arguments.</summary>
    public const string SharedDockerfilePath = "deploy/docker/Dockerfile";

    public string DockerfilePath => SharedDockerfilePath;

    /// <summary>The <c>--build-arg</c>s docker-compose.yml builds this service's image with.</summary>
    public IReadOnlyDictionary<string, string> BuildArguments =>
        Compose.ComposeFile.Resolved.Service(Name)["build"]["args"].Entries.ToDictionary(e => e.Key, e => e.Value.RequiredText);

    /// <summary>The Dockerfile as this service's image is built from it.</summary>
    public Docker.Dockerfile Dockerfile => Docker.Dockerfile.Load(DockerfilePath, BuildArguments);

    public SourceConfiguration Configuration => SourceConfiguration.For(Project);
}
