using System.Data.Common;
using System.Text.RegularExpressions;
using NewsPlatform.Deploy.Tests.Docker;

namespace NewsPlatform.Deploy.Tests.Compose;

public sealed class ComposeFileTests
{
    static ComposeFile Compose => ComposeFile.Resolved;

    [Fact]
    public void Docker_compose_accepts_the_file_with_the_example_environment()
    {
        var result = ComposeFile.Run("--env-file", RepositoryRoot.Combine(ComposeFile.ExampleEnvironment),
            "-f", RepositoryRoot.Combine(ComposeFile.FileName), "config", "-q");

        Assert.True(result.ExitCode == 0, $"docker-compose config -q failed:\n{result.Error}");
    }

    [Fact]
    public void Docker_compose_refuses_to_start_without_the_secrets()
    {
        var empty = Path.Combine(Path.GetTempPath(), $"newsplatform-empty-{Guid.NewGuid():N}.env");
        File.WriteAllText(empty, "");
        try
        {
            var result = ComposeFile.Run("--env-file", empty, "-f", RepositoryRoot.Combine(ComposeFile.FileName), "config", "-q");

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("in .env (see .env.example)", result.Error);
        }
        finally
        {
            File.Delete(empty);
        }
    }

    [Fact]
    public void Every_required_variable_is_in_the_example_environment_and_the_real_one_is_git_ignored()
    {
        var required = ComposeFile.RequiredVariablesIn(RepositoryRoot.Read(ComposeFile.FileName));
        var example = RepositoryRoot.Read(ComposeFile.ExampleEnvironment).Split('\n')
            .Where(l => !l.TrimStart().StartsWith('#') && l.Contains('='))
            .Select(l => l.Split('=', 2)[0].Trim())
            .ToHashSet();

        Assert.Superset(new HashSet<string> { "POSTGRES_PASSWORD", "RABBITMQ_PASSWORD", "JWT_SIGNING_KEY", "ADMIN_PASSWORD" }, required.ToHashSet());
        Assert.Subset(example, required.ToHashSet());
        Assert.True(RepositoryRoot.GitIgnores(".env"), ".env holds the real secrets and must be git-ignored.");
        Assert.False(RepositoryRoot.GitIgnores(ComposeFile.ExampleEnvironment), ".env.example must be committed.");
    }

    [Fact]
    public void The_stack_has_every_service_plus_postgres_rabbitmq_and_jaeger()
    {
        var expected = NewsPlatformService.All.Select(s => s.Name).Concat(["postgres", "rabbitmq", "jaeger"]).Order();

        Assert.Equal(expected, Compose.ServiceNames.Order());
        // PostgreSQL is built from deploy/postgres: the official image plus the RUM extension search needs.
        Assert.StartsWith("newsplatform/postgres:1", Compose.Service("postgres")["image"].RequiredText);
        Assert.Matches(@"^FROM postgres:1\d", RepositoryRoot.Read("deploy/postgres/Dockerfile").Split('\n').First(l => l.StartsWith("FROM")));
        Assert.StartsWith("rabbitmq:3", Compose.Service("rabbitmq")["image"].RequiredText);
        Assert.EndsWith("-management", Compose.Service("rabbitmq")["image"].RequiredText);
        Assert.StartsWith("jaegertracing/all-in-one:", Compose.Service("jaeger")["image"].RequiredText);
    }

    [Theory]
    [MemberData(nameof(NewsPlatformService.Names), MemberType = typeof(NewsPlatformService))]
    public void A_service_builds_from_the_one_Dockerfile_given_its_project_and_assembly(string name)
    {
        var service = NewsPlatformService.Named(name);
        var build = Compose.Service(name)["build"];

        Assert.Equal(RepositoryRoot.Path.TrimEnd('/'), build["context"].RequiredText.TrimEnd('/'));
        Assert.Equal(NewsPlatformService.SharedDockerfilePath, build["dockerfile"].RequiredText);
        Assert.True(File.Exists(RepositoryRoot.Combine(service.DockerfilePath)), $"{service.DockerfilePath} does not exist");
        Assert.Equal(service.Project.CsprojPath, service.BuildArguments["PROJECT"]);
        Assert.True(File.Exists(RepositoryRoot.Combine(service.BuildArguments["PROJECT"])), $"{service.BuildArguments["PROJECT"]} does not exist");
        Assert.Equal(service.Project.AssemblyName, service.BuildArguments["ASSEMBLY"]);
        Assert.Equal($"newsplatform/{name}", ComposeFile.Repository(Compose.Service(name)["image"].RequiredText));
    }

    [Theory]
    [MemberData(nameof(NewsPlatformService.Names), MemberType = typeof(NewsPlatformService))]
    public void A_service_listens_where_its_image_exposes_and_its_health_check_asks(string name)
    {
        var service = NewsPlatformService.Named(name);
        var port = Compose.Environment(name)["ASPNETCORE_HTTP_PORTS"];
        var (probePort, probePath) = HealthProbe(Compose.Service(name)["healthcheck"]);
        var dockerfile = service.Dockerfile;

        Assert.Equal(port, probePort);
        Assert.Equal("/health/ready", probePath);
        Assert.Contains(dockerfile.InStage(dockerfile.FinalStage), i => i.Keyword == "EXPOSE" && i.Arguments == port);
    }

    [Theory]
    [MemberData(nameof(NewsPlatformService.Names), MemberType = typeof(NewsPlatformService))]
    public void Every_environment_variable_of_a_service_is_a_setting_its_code_reads(string name)
    {
        var configuration = NewsPlatformService.Named(name).Configuration;

        var unread = Compose.Environment(name).Keys
            .Where(variable => !configuration.Reads(SourceConfiguration.KeyOfEnvironmentVariable(variable)))
            .ToList();

        Assert.True(unread.Count == 0,
            $"docker-compose.yml sets {string.Join(", ", unread)} on {name}, but {configuration.Project} " +
            "(and the projects it references) never reads it: a misspelt or stale setting.");
    }

    [Theory]
    [MemberData(nameof(NewsPlatformService.Names), MemberType = typeof(NewsPlatformService))]
    public void Every_setting_a_service_requires_is_given(string name)
    {
        var configuration = NewsPlatformService.Named(name).Configuration;
        var given = Compose.Environment(name)
            .Where(kv => kv.Value.Length > 0)
            .Select(kv => SourceConfiguration.KeyOfEnvironmentVariable(kv.Key))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.NotEmpty(configuration.RequiredKeys);
        Assert.Subset(given, configuration.RequiredKeys.ToHashSet(StringComparer.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(NewsPlatformService.Names), MemberType = typeof(NewsPlatformService))]
    public void A_service_starts_only_after_what_it_needs_is_healthy(string name)
    {
        var service = NewsPlatformService.Named(name);
        var dependsOn = Compose.Service(name)["depends_on"];
        var needed = service.OnEventBackbone
            ? ["postgres", "rabbitmq"]
            : NewsPlatformService.All.Where(s => s.OnEventBackbone).Select(s => s.Name).ToArray();

        foreach (var dependency in needed)
        {
            Assert.Equal("service_healthy", dependsOn[dependency]["condition"].Text);
            Assert.True(Compose.Service(dependency)["healthcheck"]["test"].Items.Count > 0, $"{dependency} has no health check to wait for");
        }
    }

    [Fact]
    public void Postgres_and_rabbitmq_are_checked_with_their_own_tools_and_keep_data_in_named_volumes()
    {
        var postgresCheck = string.Join(' ', Compose.Service("postgres")["healthcheck"]["test"].Items.Select(i => i.Text));
        var rabbitCheck = string.Join(' ', Compose.Service("rabbitmq")["healthcheck"]["test"].Items.Select(i => i.Text));

        Assert.Contains("pg_isready", postgresCheck);
        Assert.Contains("rabbitmq-diagnostics", rabbitCheck);
        Assert.Contains("ping", rabbitCheck);
        AssertNamedVolume("postgres", "/var/lib/postgresql/data");
        AssertNamedVolume("rabbitmq", "/var/lib/rabbitmq");
    }

    [Theory]
    [InlineData("authoring")]
    [InlineData("media")]
    [InlineData("trending")]
    [InlineData("readerfeed")]
    public void A_service_reaches_postgres_and_rabbitmq_with_the_credentials_they_were_given(string name)
    {
        var environment = Compose.Environment(name);
        var postgres = Compose.Environment("postgres");
        var rabbit = Compose.Environment("rabbitmq");

        var connection = new DbConnectionStringBuilder { ConnectionString = environment["ConnectionStrings__Postgres"] };
        Assert.Equal("postgres", connection["Host"]);
        Assert.Equal(postgres["POSTGRES_USER"], connection["Username"]);
        Assert.Equal(postgres["POSTGRES_PASSWORD"], connection["Password"]);
        Assert.Equal(postgres["POSTGRES_DB"], connection["Database"]);

        var broker = new Uri(environment["ConnectionStrings__RabbitMq"]);
        Assert.Equal("amqp", broker.Scheme);
        Assert.Equal("rabbitmq", broker.Host);
        Assert.Equal(5672, broker.Port);
        Assert.Equal($"{rabbit["RABBITMQ_DEFAULT_USER"]}:{rabbit["RABBITMQ_DEFAULT_PASS"]}", Uri.UnescapeDataString(broker.UserInfo));

        Assert.True(environment["Jwt__SigningKey"].Length >= 32, "Jwt__SigningKey must be at least 32 characters");
    }

    [Fact]
    public void The_gateway_is_the_public_entry_on_8080_and_routes_to_each_service_where_it_listens()
    {
        var gateway = Compose.Environment("gateway");
        var published = Compose.Ports("gateway").Single();
        Assert.Equal("8080", published.Published);
        Assert.Equal(gateway["ASPNETCORE_HTTP_PORTS"], published.Target);

        var routes = gateway.Where(kv => kv.Key.StartsWith("ReverseProxy__Clusters__")).ToList();
        Assert.Equal(NewsPlatformService.All.Where(s => s.OnEventBackbone).Select(s => s.Name).Order(),
            routes.Select(kv => kv.Key.Split("__")[2]).Order());
        foreach (var (key, address) in routes)
        {
            var target = new Uri(address);
            Assert.Contains(target.Host, Compose.ServiceNames);
            Assert.Equal(Compose.Environment(target.Host)["ASPNETCORE_HTTP_PORTS"], target.Port.ToString());
            Assert.Equal(key.Split("__")[2], target.Host);
        }

        foreach (var name in NewsPlatformService.All.Where(s => s.OnEventBackbone).Select(s => s.Name))
            Assert.False(Compose.Service(name)["ports"].Exists, $"{name} should be reached through the gateway, not published");
    }

    [Fact]
    public void The_reader_site_links_to_the_gateway_address_readers_open()
    {
        var siteUrl = new Uri(Compose.Environment("readerfeed")["Newsroom__SiteUrl"]);

        Assert.Equal("localhost", siteUrl.Host);
        Assert.Equal(Compose.Ports("gateway").Single().Published, siteUrl.Port.ToString());
    }

    [Theory]
    [MemberData(nameof(NewsPlatformService.Names), MemberType = typeof(NewsPlatformService))]
    public void A_service_sends_its_telemetry_to_jaeger_over_otlp(string name)
    {
        var endpoint = new Uri(Compose.Environment(name)["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var jaegerPorts = Compose.Ports("jaeger").Select(p => p.Target).ToList();

        Assert.Equal("jaeger", endpoint.Host);
        Assert.Equal(4317, endpoint.Port);
        Assert.Contains("4317", jaegerPorts);
        Assert.Contains("16686", jaegerPorts);
        Assert.Equal("service_started", Compose.Service(name)["depends_on"]["jaeger"]["condition"].Text);
    }

    void AssertNamedVolume(string service, string target)
    {
        var source = Compose.Volumes(service).Single(v => v.Target == target).Source;
        Assert.False(source.StartsWith('/') || source.StartsWith('.'), $"{service} keeps {target} in a bind mount, not a named volume");
        Assert.True(Compose.Root["volumes"][source].Exists, $"volume {source} is not declared");
    }

    /// <summary>The port and path a bash /dev/tcp health check asks.</summary>
    internal static (string Port, string Path) HealthProbe(YamlNodeView healthcheck)
    {
        var command = string.Join(' ', healthcheck["test"].Items.Select(i => i.Text));
        var match = Regex.Match(command, @"/dev/tcp/127\.0\.0\.1/(\d+).*GET (\S+) HTTP");
        Assert.True(match.Success, $"{healthcheck.Path} does not ask an HTTP path on a local port: {command}");
        return (match.Groups[1].Value, match.Groups[2].Value);
    }
}
