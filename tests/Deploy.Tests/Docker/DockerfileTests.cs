using System.Text.RegularExpressions;

namespace NewsPlatform.Deploy.Tests.Docker;

public sealed class DockerfileTests
{
    static readonly string[] SecretSettings = ["ConnectionStrings__", "Jwt__SigningKey", "Password", "Secret", "Token"];

    [Theory]
    [MemberData(nameof(NewsPlatformService.Names), MemberType = typeof(NewsPlatformService))]
    public void The_image_publishes_the_service_project_and_starts_its_assembly(string name)
    {
        var service = NewsPlatformService.Named(name);
        var dockerfile = Dockerfile.Load(service.DockerfilePath);
        var publish = dockerfile.All("RUN").Single(r => r.Arguments.StartsWith("dotnet publish "));
        var projectPath = publish.Arguments.Split(' ')[2];

        Assert.Equal(service.Project.CsprojPath, projectPath);
        Assert.Contains("-c Release", publish.Arguments);
        Assert.Contains("-r linux-x64", publish.Arguments);
        Assert.Contains("--self-contained false", publish.Arguments);
        Assert.Equal(["dotnet", service.Project.AssemblyName + ".dll"],
            dockerfile.InStage(dockerfile.FinalStage).Single(i => i.Keyword == "ENTRYPOINT").ExecForm);
    }

    [Theory]
    [MemberData(nameof(NewsPlatformService.Names), MemberType = typeof(NewsPlatformService))]
    public void Restore_runs_on_the_project_files_alone_so_its_layer_is_reused(string name)
    {
        var service = NewsPlatformService.Named(name);
        var dockerfile = Dockerfile.Load(service.DockerfilePath);
        var restore = dockerfile.IndexOf(dockerfile.All("RUN").Single(r => r.Arguments.StartsWith("dotnet restore ")));
        var copies = dockerfile.ContextCopies().ToList();
        var beforeRestore = copies.Where(c => c.Index < restore).ToList();
        var projects = service.Project.WithReferences();

        // Everything restore reads: the central build and package settings and every referenced project file.
        string[] needed = ["global.json", "Directory.Build.props", "Directory.Packages.props", .. projects.Select(p => p.CsprojPath)];
        foreach (var file in needed)
            Assert.Contains(beforeRestore, c => c.Source == file);
        Assert.All(beforeRestore, c => Assert.True(c.Source.EndsWith(".csproj") || needed.Contains(c.Source),
            $"{c.Source} is copied before restore: any change to it would invalidate the package layer"));

        // Then the sources of every project the publish compiles.
        foreach (var project in projects)
            Assert.Contains(copies, c => c.Index > restore && c.Source.TrimEnd('/') == project.Folder);
        Assert.Contains("--no-restore", dockerfile.All("RUN").Single(r => r.Arguments.StartsWith("dotnet publish ")).Arguments);
    }

    [Theory]
    [MemberData(nameof(NewsPlatformService.Names), MemberType = typeof(NewsPlatformService))]
    public void The_image_builds_with_the_sdk_and_runs_on_the_aspnet_runtime(string name)
    {
        var dockerfile = Dockerfile.Load(NewsPlatformService.Named(name).DockerfilePath);

        Assert.Equal(2, dockerfile.StageImages.Count);
        Assert.Equal("mcr.microsoft.com/dotnet/sdk:10.0", dockerfile.StageImages[0]);
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0", dockerfile.StageImages[1]);
        Assert.Contains(dockerfile.InStage(dockerfile.FinalStage), i => i.Keyword == "COPY" && i.Arguments.StartsWith("--from=build "));
    }

    [Theory]
    [MemberData(nameof(NewsPlatformService.Names), MemberType = typeof(NewsPlatformService))]
    public void The_process_runs_as_the_unprivileged_app_user(string name)
    {
        var dockerfile = Dockerfile.Load(NewsPlatformService.Named(name).DockerfilePath);
        var runtime = dockerfile.InStage(dockerfile.FinalStage).ToList();
        var user = runtime.LastOrDefault(i => i.Keyword == "USER");

        Assert.NotNull(user);
        Assert.Contains(user.Arguments, new[] { "$APP_UID", "${APP_UID}", "app" });
        var lastRun = runtime.FindLastIndex(i => i.Keyword == "RUN");
        Assert.True(runtime.IndexOf(user) > lastRun, "USER must come after the last RUN so nothing at run time is root");
        Assert.DoesNotContain(runtime, i => i.Keyword == "COPY" && i.Arguments.Contains("--chown"));
    }

    [Theory]
    [MemberData(nameof(NewsPlatformService.Names), MemberType = typeof(NewsPlatformService))]
    public void No_secret_is_baked_into_the_image(string name)
    {
        var dockerfile = Dockerfile.Load(NewsPlatformService.Named(name).DockerfilePath);
        var baked = dockerfile.Instructions
            .Where(i => i.Keyword is "ENV" or "ARG")
            .SelectMany(i => Regex.Matches(i.Arguments, @"([A-Za-z_][A-Za-z0-9_]*)(?==|\s|$)").Select(m => m.Groups[1].Value))
            .Where(variable => SecretSettings.Any(s => variable.Contains(s, StringComparison.OrdinalIgnoreCase)))
            .ToList();

        Assert.Empty(baked);
        Assert.DoesNotContain(dockerfile.ContextCopies(), c => c.Source is "." or "./" || c.Source.Contains(".env"));
    }

    [Theory]
    [MemberData(nameof(NewsPlatformService.Names), MemberType = typeof(NewsPlatformService))]
    public void The_image_listens_on_8080_and_checks_its_liveness_there(string name)
    {
        var dockerfile = Dockerfile.Load(NewsPlatformService.Named(name).DockerfilePath);
        var runtime = dockerfile.InStage(dockerfile.FinalStage).ToList();
        var healthcheck = runtime.Single(i => i.Keyword == "HEALTHCHECK");

        Assert.Equal("8080", dockerfile.RuntimeEnvironment["ASPNETCORE_HTTP_PORTS"]);
        Assert.Contains(runtime, i => i.Keyword == "EXPOSE" && i.Arguments == "8080");
        Assert.Contains("/health/live", healthcheck.Arguments);
        Assert.Contains("${ASPNETCORE_HTTP_PORTS", healthcheck.Arguments);
    }

    [Theory]
    [MemberData(nameof(NewsPlatformService.Names), MemberType = typeof(NewsPlatformService))]
    public void Everything_the_image_copies_exists_and_is_sent_in_the_build_context(string name)
    {
        var dockerfile = Dockerfile.Load(NewsPlatformService.Named(name).DockerfilePath);
        var ignore = DockerIgnore.Load();

        foreach (var (_, source, _) in dockerfile.ContextCopies())
        {
            var path = RepositoryRoot.Combine(source);
            Assert.True(File.Exists(path) || Directory.Exists(path), $"{dockerfile} copies {source}, which does not exist");
            Assert.Null(ignore.ExcludedBy(source));
        }
    }

    [Fact]
    public void The_build_context_leaves_out_build_output_local_state_git_and_secrets()
    {
        var ignore = DockerIgnore.Load();

        foreach (var path in new[] { "services/Authoring/bin/Release/x.dll", "gateway/Gateway/obj/project.assets.json",
                     ".state/test/secrets.env", ".git/HEAD", ".env", "deploy/k8s/base/secrets.env", "tests/TestKit/TestKit.csproj" })
            Assert.NotNull(ignore.ExcludedBy(path));
        foreach (var path in new[] { "services/Authoring/Program.cs", "seeds/000_8ba6fd79f43e681d.txt", "Directory.Packages.props" })
            Assert.Null(ignore.ExcludedBy(path));
    }

    [Fact]
    public void The_authoring_image_carries_the_seed_articles_where_its_setting_points()
    {
        var dockerfile = Dockerfile.Load(NewsPlatformService.Named("authoring").DockerfilePath);
        var seedsPath = dockerfile.RuntimeEnvironment["Authoring__SeedsPath"];
        var copy = dockerfile.ContextCopies().Single(c => c.Source.TrimEnd('/') == "seeds");

        Assert.Equal(seedsPath.TrimEnd('/'), copy.Destination.TrimEnd('/'));
        Assert.NotEmpty(Directory.GetFiles(RepositoryRoot.Combine("seeds"), "*.txt"));
        Assert.True(NewsPlatformService.Named("authoring").Configuration.Reads("Authoring:SeedsPath"),
            "Authoring does not read Authoring:SeedsPath");
    }

    [Fact]
    public void The_media_image_installs_the_font_library_skia_needs()
    {
        var dockerfile = Dockerfile.Load(NewsPlatformService.Named("media").DockerfilePath);

        Assert.Contains(dockerfile.InStage(dockerfile.FinalStage),
            i => i.Keyword == "RUN" && i.Arguments.Contains("apt-get install") && i.Arguments.Contains("libfontconfig1"));
    }
}
