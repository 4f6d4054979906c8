using System.Text.RegularExpressions;
using NewsPlatform.Deploy.Tests.Compose;

namespace NewsPlatform.Deploy.Tests.Docker;

/// <summary>
/// deploy/docker/Dockerfile, the one image recipe, as each service's image is built from it with the build
/// arguments docker-compose.yml gives (<see cref="NewsPlatformService.Dockerfile"/>).
/// </summary>
public sealed class DockerfileTests
{
    static readonly string[] SecretSettings = ["ConnectionStrings__", "Jwt__SigningKey", "Password", "Secret", "Token"];

    [Fact]
    public void Every_service_is_built_from_the_one_Dockerfile_and_none_has_its_own()
    {
        Assert.True(File.Exists(RepositoryRoot.Combine(NewsPlatformService.SharedDockerfilePath)));
        var own = NewsPlatformService.All.Select(s => s.ProjectFolder + "/Dockerfile").Where(p => File.Exists(RepositoryRoot.Combine(p))).ToList();
        Assert.True(own.Count == 0, $"{string.Join(", ", own)} would be a second recipe to keep in step with {NewsPlatformService.SharedDockerfilePath}");
    }

    [Theory]
    [MemberData(nameof(NewsPlatformService.Names), MemberType = typeof(NewsPlatformService))]
    public void The_image_publishes_the_service_project_and_starts_its_assembly(string name)
    {
        var service = NewsPlatformService.Named(name);
        var dockerfile = service.Dockerfile;
        var publish = dockerfile.All("RUN").Single(r => r.Arguments.StartsWith("dotnet publish "));
        var projectPath = publish.Arguments.Split(' ')[2];

        Assert.Equal(service.Project.CsprojPath, projectPath);
        Assert.Contains("-c Release", publish.Arguments);
        Assert.Contains("-r linux-x64", publish.Arguments);
        Assert.Contains("--self-contained false", publish.Arguments);
        Assert.Equal(service.Project.AssemblyName + ".dll", dockerfile.RuntimeEnvironment["NEWSPLATFORM_ASSEMBLY"]);
        // exec: dotnet replaces the shell and is PID 1, so it receives SIGTERM and shuts down gracefully.
        Assert.Equal(["/bin/sh", "-c", "exec dotnet \"$NEWSPLATFORM_ASSEMBLY\""],
            dockerfile.InStage(dockerfile.FinalStage).Single(i => i.Keyword == "ENTRYPOINT").ExecForm);
    }

    [Theory]
    [MemberData(nameof(NewsPlatformService.Names), MemberType = typeof(NewsPlatformService))]
    public void Restore_runs_on_the_project_files_alone_so_its_layer_is_reused(string name)
    {
        var service = NewsPlatformService.Named(name);
        var dockerfile = service.Dockerfile;
        var restoreRun = dockerfile.All("RUN").Single(r => r.Arguments.StartsWith("dotnet restore "));
        var restore = dockerfile.IndexOf(restoreRun);
        var copies = dockerfile.ContextCopies().ToList();
        var projects = service.Project.WithReferences();

        Assert.Equal(service.Project.CsprojPath, restoreRun.Arguments.Split(' ')[2]);
        // Everything restore reads: the central build and package settings, and the project files, which a stage
        // of their own copies out of the whole tree (so a project referenced later needs no change here).
        var buildStage = restoreRun.Stage;
        var beforeRestore = copies.Where(c => c.Index < restore && dockerfile.Instructions[c.Index].Stage == buildStage).ToList();
        Assert.Equal(["Directory.Build.props", "Directory.Packages.props", "global.json"], beforeRestore.Select(c => c.Source).Order(StringComparer.Ordinal));
        var fromProjects = dockerfile.InStage(buildStage).Single(i => i.Keyword == "COPY" && i.Arguments.StartsWith("--from="));
        Assert.True(dockerfile.IndexOf(fromProjects) < restore);
        var projectsStage = dockerfile.StageNames.ToList().IndexOf(fromProjects.Arguments.Split(' ')[0]["--from=".Length..]);
        Assert.Contains(dockerfile.InStage(projectsStage), i => i.Keyword == "RUN" && i.Arguments == "find . -type f ! -name '*.csproj' -delete");
        var treeCopies = copies.Where(c => dockerfile.Instructions[c.Index].Stage == projectsStage).Select(c => c.Source).ToList();
        foreach (var project in projects)
            Assert.Contains(treeCopies, source => project.CsprojPath.StartsWith(source.TrimEnd('/') + "/"));

        // Then the sources of every project the publish compiles.
        foreach (var project in projects)
            Assert.Contains(copies, c => c.Index > restore && (project.Folder + "/").StartsWith(c.Source.TrimEnd('/') + "/"));
        Assert.Contains("--no-restore", dockerfile.All("RUN").Single(r => r.Arguments.StartsWith("dotnet publish ")).Arguments);
    }

    [Theory]
    [MemberData(nameof(NewsPlatformService.Names), MemberType = typeof(NewsPlatformService))]
    public void The_image_builds_with_the_sdk_and_runs_on_the_aspnet_runtime(string name)
    {
        var dockerfile = NewsPlatformService.Named(name).Dockerfile;

        Assert.All(dockerfile.StageImages.SkipLast(1), image => Assert.Equal("mcr.microsoft.com/dotnet/sdk:10.0", image));
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0", dockerfile.StageImages[^1]);
        Assert.Contains(dockerfile.InStage(dockerfile.FinalStage), i => i.Keyword == "COPY" && i.Arguments.StartsWith("--from=build "));
    }

    [Theory]
    [MemberData(nameof(NewsPlatformService.Names), MemberType = typeof(NewsPlatformService))]
    public void The_process_runs_as_the_unprivileged_app_user(string name)
    {
        var dockerfile = NewsPlatformService.Named(name).Dockerfile;
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
        var service = NewsPlatformService.Named(name);
        var dockerfile = service.Dockerfile;
        var baked = dockerfile.Instructions
            .Where(i => i.Keyword is "ENV" or "ARG")
            .SelectMany(i => Regex.Matches(i.Arguments, @"([A-Za-z_][A-Za-z0-9_]*)(?==|\s|$)").Select(m => m.Groups[1].Value))
            .Concat(service.BuildArguments.Keys)
            .Where(variable => SecretSettings.Any(s => variable.Contains(s, StringComparison.OrdinalIgnoreCase)))
            .ToList();

        Assert.Empty(baked);
        Assert.DoesNotContain(dockerfile.ContextCopies(), c => c.Source is "." or "./" || c.Source.Contains(".env"));
    }

    [Theory]
    [MemberData(nameof(NewsPlatformService.Names), MemberType = typeof(NewsPlatformService))]
    public void The_image_listens_on_8080_and_checks_its_liveness_there(string name)
    {
        var dockerfile = NewsPlatformService.Named(name).Dockerfile;
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
        var dockerfile = NewsPlatformService.Named(name).Dockerfile;
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
        var authoring = NewsPlatformService.Named("authoring");
        var dockerfile = authoring.Dockerfile;
        var seedsPath = ComposeFile.Resolved.Environment("authoring")["Authoring__SeedsPath"];
        var workdir = dockerfile.InStage(dockerfile.FinalStage).Last(i => i.Keyword == "WORKDIR").Arguments;
        var publish = dockerfile.IndexOf(dockerfile.All("RUN").Single(r => r.Arguments.StartsWith("dotnet publish ")));

        // The project publishes seeds/*.txt as seeds/ next to the assembly, and the image copies the publish output
        // to its working folder; the Dockerfile sends the seeds into the build before the publish.
        Assert.Contains(dockerfile.ContextCopies(), c => c.Source.TrimEnd('/') == "seeds" && c.Index < publish);
        var published = System.Xml.Linq.XDocument.Load(RepositoryRoot.Combine(authoring.Project.CsprojPath))
            .Descendants("None").Single(n => (string?)n.Attribute("Include") == @"..\..\seeds\*.txt");
        Assert.StartsWith(@"seeds\", (string?)published.Attribute("Link"));
        Assert.NotNull(published.Attribute("CopyToPublishDirectory"));
        Assert.Equal(workdir.TrimEnd('/') + "/seeds", seedsPath.TrimEnd('/'));
        Assert.NotEmpty(Directory.GetFiles(RepositoryRoot.Combine("seeds"), "*.txt"));
        Assert.True(authoring.Configuration.Reads("Authoring:SeedsPath"), "Authoring does not read Authoring:SeedsPath");
    }

    [Theory]
    [InlineData("media", true)]
    [InlineData("trending", false)]
    [InlineData("gateway", false)]
    public void Only_the_media_image_installs_the_font_library_skia_needs(string name, bool installs)
    {
        var dockerfile = NewsPlatformService.Named(name).Dockerfile;

        Assert.Equal(installs, dockerfile.InStage(dockerfile.FinalStage).Any(
            i => i.Keyword == "RUN" && i.Arguments.Contains("apt-get install") && i.Arguments.Contains("libfontconfig1")));
    }
}
