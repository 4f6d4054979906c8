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

    public string DockerfilePath => ProjectFolder + "/Dockerfile";

    public SourceConfiguration Configuration => SourceConfiguration.For(Project);
}
