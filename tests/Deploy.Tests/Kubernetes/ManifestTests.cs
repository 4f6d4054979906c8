using System.Text.RegularExpressions;
using NewsPlatform.Deploy.Tests.Compose;
using NewsPlatform.Deploy.Tests.Docker;

namespace NewsPlatform.Deploy.Tests.Kubernetes;

/// <summary>
/// deploy/k8s as it would be applied: <c>kubectl apply -k deploy/k8s</c> (with KEDA) and
/// <c>kubectl apply -k deploy/k8s/base</c> (without), checked against each other, compose and the code.
/// </summary>
public sealed class ManifestTests
{
    const string Root = "deploy/k8s";
    static readonly Kustomization WithKeda = Kustomization.Render(Root);
    static readonly Kustomization WithoutKeda = Kustomization.Render(Root + "/base");

    public static TheoryData<string, string> ServicesInBothRenderings()
    {
        var data = new TheoryData<string, string>();
        foreach (var service in NewsPlatformService.All)
            foreach (var rendering in new[] { "keda", "base" })
                data.Add(service.Name, rendering);
        return data;
    }

    static Kustomization Rendering(string name) => name == "keda" ? WithKeda : WithoutKeda;

    [Fact]
    public void Every_manifest_parses_and_is_part_of_a_kustomization()
    {
        var yamlFiles = Directory.EnumerateFiles(RepositoryRoot.Combine(Root), "*.y*ml", SearchOption.AllDirectories)
            .Select(RepositoryRoot.Relative).ToList();

        foreach (var file in yamlFiles)
            Assert.NotEmpty(YamlNodeView.LoadAll(RepositoryRoot.Read(file), file));
        var listed = WithKeda.Files.Union(WithoutKeda.Files).ToHashSet();
        Assert.All(yamlFiles, f => Assert.True(listed.Contains(f), $"{f} is not part of any kustomization, so it is never applied"));
    }

    [Fact]
    public void The_real_secrets_file_is_git_ignored_and_its_example_committed()
    {
        Assert.True(RepositoryRoot.GitIgnores(Root + "/base/secrets.env"), "secrets.env holds real secrets and must be git-ignored");
        Assert.False(RepositoryRoot.GitIgnores(Root + "/base/secrets.env.example"));
        Assert.NotEmpty(WithKeda.Secrets["newsplatform-secrets"]);
    }

    [Theory]
    [InlineData("keda")]
    [InlineData("base")]
    public void Every_object_is_named_once_per_kind_and_lands_in_the_newsplatform_namespace(string rendering)
    {
        var k = Rendering(rendering);

        Assert.Empty(k.Objects.GroupBy(o => (o.Kind, o.Name)).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Equal("newsplatform", k.Namespace);
        Assert.Equal("newsplatform", k.Get("Namespace", "newsplatform").Name);
        Assert.All(k.Objects, o => Assert.Null(o.Root["metadata"]["namespace"].Text));
    }

    [Theory]
    [MemberData(nameof(NewsPlatformService.Names), MemberType = typeof(NewsPlatformService))]
    public void A_service_runs_the_image_compose_builds(string name)
    {
        var container = new Workload(WithKeda, name).Container;
        var composeImage = ComposeFile.Repository(ComposeFile.Resolved.Service(name)["image"].RequiredText);

        Assert.Equal(name, container["name"].Text);
        Assert.Equal(composeImage, ComposeFile.Repository(container["image"].RequiredText));
        Assert.Contains(composeImage, WithKeda.Images);
    }

    [Theory]
    [MemberData(nameof(ServicesInBothRenderings))]
    public void A_service_is_probed_on_its_health_endpoints_at_the_port_it_listens_on(string name, string rendering)
    {
        var workload = new Workload(Rendering(rendering), name);
        var container = workload.Container;
        var listensOn = workload.Environment().Single(v => v.Name == "ASPNETCORE_HTTP_PORTS").Value;
        var exposed = NewsPlatformService.Named(name).Dockerfile.RuntimeEnvironment["ASPNETCORE_HTTP_PORTS"];

        foreach (var (probe, path) in new[] { ("startupProbe", "/health/live"), ("livenessProbe", "/health/live"), ("readinessProbe", "/health/ready") })
        {
            var get = container[probe]["httpGet"];
            Assert.Equal(path, get["path"].Text);
            Assert.Equal(listensOn, workload.ContainerPort(get["port"]).ToString());
        }
        Assert.Equal(exposed, listensOn);
    }

    [Theory]
    [MemberData(nameof(NewsPlatformService.Names), MemberType = typeof(NewsPlatformService))]
    public void A_service_selects_its_pods_and_forwards_to_the_container_port(string name)
    {
        var workload = new Workload(WithKeda, name);
        var service = WithKeda.Get("Service", name);
        var port = service.Spec["ports"].Items.Single();

        Assert.All(service.Spec["selector"].Entries, s => Assert.Equal(s.Value.Text, workload.PodLabels.GetValueOrDefault(s.Key)));
        Assert.All(workload.Deployment.Spec["selector"]["matchLabels"].Entries, s => Assert.Equal(s.Value.Text, workload.PodLabels.GetValueOrDefault(s.Key)));
        Assert.Equal(8080, workload.ContainerPort(port["targetPort"]));
        Assert.Equal("http", port["name"].Text);
    }

    [Theory]
    [MemberData(nameof(NewsPlatformService.Names), MemberType = typeof(NewsPlatformService))]
    public void A_service_asks_for_resources_within_its_limits(string name)
    {
        var resources = new Workload(WithKeda, name).Container["resources"];

        foreach (var resource in new[] { "cpu", "memory" })
        {
            var request = Workload.Quantity(resources["requests"][resource].RequiredText);
            var limit = Workload.Quantity(resources["limits"][resource].RequiredText);
            Assert.True(request > 0 && request <= limit, $"{name} {resource}: request {request} must be positive and within limit {limit}");
        }
    }

    [Theory]
    [MemberData(nameof(NewsPlatformService.Names), MemberType = typeof(NewsPlatformService))]
    public void A_service_runs_unprivileged_on_a_read_only_root_filesystem(string name)
    {
        var workload = new Workload(WithKeda, name);
        var pod = workload.PodSpec["securityContext"];
        var container = workload.Container["securityContext"];

        Assert.Equal("true", pod["runAsNonRoot"].Text);
        Assert.NotEqual("0", pod["runAsUser"].RequiredText);
        Assert.Equal("RuntimeDefault", pod["seccompProfile"]["type"].Text);
        Assert.Equal("false", container["allowPrivilegeEscalation"].Text);
        Assert.Equal("true", container["readOnlyRootFilesystem"].Text);
        Assert.Equal(["ALL"], container["capabilities"]["drop"].Items.Select(i => i.Text));
        Assert.Equal("false", workload.PodSpec["automountServiceAccountToken"].Text);
        // .NET writes its diagnostics socket and temporary files under /tmp: it must be a writable volume.
        var tmp = workload.Container["volumeMounts"].Items.Single(m => m["mountPath"].Text == "/tmp");
        Assert.Contains(workload.PodSpec["volumes"].Items, v => v["name"].Text == tmp["name"].Text && v["emptyDir"].Exists);
    }

    [Theory]
    [MemberData(nameof(ServicesInBothRenderings))]
    public void Every_environment_variable_of_a_service_is_a_setting_its_code_reads(string name, string rendering)
    {
        var configuration = NewsPlatformService.Named(name).Configuration;

        var environment = new Workload(Rendering(rendering), name).Environment();
        // A variable that only feeds another's $(NAME) expansion (the pod's name into OTEL_RESOURCE_ATTRIBUTES) is read there.
        var expanded = environment.Where(v => environment.Any(o => o.Value?.Contains($"$({v.Name})") == true)).Select(v => v.Name).ToHashSet();
        var unread = environment
            .Where(v => !expanded.Contains(v.Name) && !configuration.Reads(SourceConfiguration.KeyOfEnvironmentVariable(v.Name)))
            .Select(v => $"{v.Name} (from {v.From})")
            .ToList();

        Assert.True(unread.Count == 0,
            $"The {name} Deployment sets {string.Join(", ", unread)}, but {configuration.Project} never reads it.");
    }

    [Theory]
    [MemberData(nameof(ServicesInBothRenderings))]
    public void Every_setting_a_service_requires_is_given_and_secrets_come_from_the_secret(string name, string rendering)
    {
        var configuration = NewsPlatformService.Named(name).Configuration;
        var environment = new Workload(Rendering(rendering), name).Environment();
        var given = environment.Where(v => !string.IsNullOrEmpty(v.Value))
            .Select(v => SourceConfiguration.KeyOfEnvironmentVariable(v.Name)).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.Subset(given, configuration.RequiredKeys.ToHashSet(StringComparer.OrdinalIgnoreCase));
        var secretLooking = environment.Where(v => Regex.IsMatch(v.Name, "ConnectionStrings|SigningKey|Password", RegexOptions.IgnoreCase));
        Assert.All(secretLooking, v => Assert.True(v.FromSecret, $"{v.Name} comes from {v.From}, not from a Secret"));
        Assert.True(environment.Single(v => v.Name == "Jwt__SigningKey").Value!.Length >= 32);
    }

    [Theory]
    [MemberData(nameof(ServicesInBothRenderings))]
    public void A_service_has_exactly_one_autoscaler_that_keeps_two_pods_for_its_disruption_budget(string name, string rendering)
    {
        var k = Rendering(rendering);
        var hpas = k.OfKind("HorizontalPodAutoscaler").Where(h => h.Spec["scaleTargetRef"]["name"].Text == name).ToList();
        var scaledObjects = k.OfKind("ScaledObject").Where(s => s.Spec["scaleTargetRef"]["name"].Text == name).ToList();
        var budget = k.Get("PodDisruptionBudget", name);

        // KEDA creates its own HPA for a ScaledObject; a second autoscaler on the same Deployment would fight it.
        Assert.Equal(1, hpas.Count + scaledObjects.Count);
        var minimum = hpas.Count == 1
            ? int.Parse(hpas[0].Spec["minReplicas"].RequiredText)
            : int.Parse(scaledObjects[0].Spec["minReplicaCount"].RequiredText);
        var target = (hpas.Count == 1 ? hpas[0] : scaledObjects[0]).Spec["scaleTargetRef"];
        Assert.Equal("Deployment", target["kind"].Text);
        Assert.Equal("apps/v1", target["apiVersion"].Text);
        Assert.True(minimum >= 2, $"{name} keeps {minimum} pod(s); one node failure would take it down");
        Assert.True(int.Parse(budget.Spec["minAvailable"].RequiredText) < minimum, "the disruption budget would block every node drain");
        Assert.False(new Workload(k, name).Deployment.Spec["replicas"].Exists, "a fixed replica count resets the autoscaler on every apply");
    }

    [Theory]
    [InlineData("keda")]
    [InlineData("base")]
    public void Every_autoscaler_and_budget_targets_an_existing_deployment(string rendering)
    {
        var k = Rendering(rendering);
        var deployments = k.OfKind("Deployment").Select(d => d.Name).ToHashSet();

        Assert.Equal(NewsPlatformService.All.Select(s => s.Name).Order(), deployments.Order());
        foreach (var scaler in k.OfKind("HorizontalPodAutoscaler").Concat(k.OfKind("ScaledObject")))
            Assert.Contains(scaler.Spec["scaleTargetRef"]["name"].RequiredText, deployments);
        foreach (var budget in k.OfKind("PodDisruptionBudget"))
            Assert.Contains(budget.Spec["selector"]["matchLabels"]["app.kubernetes.io/name"].RequiredText, deployments);
        Assert.Equal("autoscaling/v2", Assert.Single(k.OfKind("HorizontalPodAutoscaler").Select(h => h.Root["apiVersion"].Text).Distinct()));
    }

    [Fact]
    public void Only_the_queue_driven_services_get_a_scaled_object_and_only_with_keda()
    {
        Assert.Equal(NewsPlatformService.QueueDriven.Order(), WithKeda.OfKind("ScaledObject").Select(s => s.Name).Order());
        Assert.Empty(WithoutKeda.OfKind("ScaledObject"));
        Assert.Empty(WithoutKeda.OfKind("TriggerAuthentication"));
    }

    [Theory]
    [InlineData("trending")]
    [InlineData("readerfeed")]
    public void With_keda_a_queue_driven_service_scales_on_its_own_consumer_queues(string name)
    {
        var scaledObject = WithKeda.Get("ScaledObject", name);
        var configuration = NewsPlatformService.Named(name).Configuration;
        var trigger = scaledObject.Spec["triggers"].Items.Single(t => t["type"].Text == "rabbitmq");
        var metadata = trigger["metadata"];
        var queues = new Regex(metadata["queueName"].RequiredText);
        var others = NewsPlatformService.All.Where(s => s.OnEventBackbone && s.Name != name).Select(s => s.Configuration.BackboneName!);

        Assert.Equal("keda.sh/v1alpha1", scaledObject.Root["apiVersion"].Text);
        Assert.Equal("QueueLength", metadata["mode"].Text);
        Assert.Equal("true", metadata["useRegex"].Text);
        Assert.Equal("http", metadata["protocol"].Text); // KEDA matches queue names by pattern only through the management API
        // Queues are named {service}-{consumer} by the backbone; faults go to {queue}_error.
        Assert.Matches(queues, $"{configuration.BackboneName}-article-published");
        Assert.DoesNotMatch(queues, $"{configuration.BackboneName}-article-published_error");
        Assert.DoesNotMatch(queues, $"{configuration.BackboneName}-article-published_skipped");
        Assert.All(others, other => Assert.DoesNotMatch(queues, $"{other}-article-published"));

        var authentication = WithKeda.Get("TriggerAuthentication", trigger["authenticationRef"]["name"].RequiredText);
        var host = authentication.Spec["secretTargetRef"].Items.Single(r => r["parameter"].Text == "host");
        Assert.StartsWith("http", new Uri(WithKeda.Secrets[host["name"].RequiredText][host["key"].RequiredText]).Scheme);

        Assert.True(configuration.RegistersConsumers, $"{name} registers no consumer, so it has no queue to scale on");
    }

    [Theory]
    [InlineData("keda")]
    [InlineData("base")]
    public void The_gateway_routes_to_every_service_through_its_kubernetes_service(string rendering)
    {
        var k = Rendering(rendering);
        var routes = new Workload(k, "gateway").Environment().Where(v => v.Name.StartsWith("ReverseProxy__Clusters__")).ToList();
        var composeClusters = ComposeFile.Resolved.Environment("gateway").Keys.Where(key => key.StartsWith("ReverseProxy__")).Order();

        Assert.Equal(composeClusters, routes.Select(r => r.Name).Order());
        foreach (var route in routes)
        {
            var address = new Uri(route.Value!);
            var service = k.Get("Service", address.Host);
            Assert.Contains(service.Spec["ports"].Items, p => p["port"].Text == address.Port.ToString());
            Assert.Equal(route.Name.Split("__")[2], address.Host);
        }
    }

    [Fact]
    public void The_public_route_sends_everything_to_the_gateway_over_https_and_plain_http_only_redirects()
    {
        var gateway = WithKeda.Get("Service", "gateway");
        var entry = Assert.Single(WithKeda.OfKind("Gateway"));
        var listeners = entry.Spec["listeners"].Items;
        var https = listeners.Single(l => l["protocol"].Text == "HTTPS");
        var routes = WithKeda.OfKind("HTTPRoute").ToList();
        Assert.Equal("Terminate", https["tls"]["mode"].Text);

        var backends = routes.SelectMany(r => r.Spec["rules"].Items).SelectMany(rule => rule["backendRefs"].Items).ToList();
        Assert.NotEmpty(backends);
        Assert.All(backends, b => Assert.Equal("gateway", b["name"].Text));
        Assert.All(backends, b => Assert.Contains(gateway.Spec["ports"].Items, p => p["port"].Text == b["port"].Text));
        // Every route attaches to the Gateway; only the HTTPS listener carries backends, the HTTP one only redirects.
        foreach (var route in routes)
        {
            var parent = route.Spec["parentRefs"].Items.Single();
            Assert.Equal(entry.Name, parent["name"].Text);
            var listener = listeners.Single(l => l["name"].Text == parent["sectionName"].Text);
            if (listener["protocol"].Text == "HTTP")
                Assert.All(route.Spec["rules"].Items, rule =>
                {
                    Assert.False(rule["backendRefs"].Exists);
                    Assert.Equal("https", rule["filters"].Items.Single()["requestRedirect"]["scheme"].Text);
                });
        }
        Assert.Empty(WithKeda.OfKind("Ingress"));
    }

    [Theory]
    [InlineData("keda")]
    [InlineData("base")]
    public void The_reader_site_links_to_the_address_the_route_serves(string rendering)
    {
        var k = Rendering(rendering);
        var https = k.OfKind("Gateway").Single().Spec["listeners"].Items.Single(l => l["protocol"].Text == "HTTPS");
        var siteUrl = new Uri(new Workload(k, "readerfeed").Environment().Single(v => v.Name == "Newsroom__SiteUrl").Value!);

        Assert.Equal("https", siteUrl.Scheme);
        Assert.Equal(siteUrl.Host, https["hostname"].Text);
        Assert.All(k.OfKind("HTTPRoute"), r => Assert.Contains(siteUrl.Host, r.Spec["hostnames"].Items.Select(h => h.Text)));
    }

    [Fact]
    public void Nothing_moves_in_the_namespace_unless_a_policy_allows_it()
    {
        var deny = WithKeda.Get("NetworkPolicy", "default-deny");

        Assert.False(deny.Spec["podSelector"].Entries.Any(), "the default-deny policy selects every pod");
        Assert.Equal(["Egress", "Ingress"], deny.Spec["policyTypes"].Items.Select(t => t.RequiredText).Order());
        Assert.False(deny.Spec["ingress"].Exists);
        Assert.False(deny.Spec["egress"].Exists);
    }

    [Fact]
    public void Every_pod_may_resolve_names_and_the_services_may_reach_postgresql_and_rabbitmq()
    {
        var policies = WithKeda.OfKind("NetworkPolicy").ToList();
        var dns = policies.Single(p => p.Spec["egress"].Items.Any(e => e["ports"].Items.Any(port => port["port"].Text == "53")));
        Assert.False(dns.Spec["podSelector"].Entries.Any(), "DNS is allowed for every pod");
        Assert.Contains(dns.Spec["egress"].Items.SelectMany(e => e["ports"].Items), p => p["port"].Text == "53" && p["protocol"].Text == "UDP");

        foreach (var service in NewsPlatformService.All.Where(s => s.OnEventBackbone))
        {
            var labels = new Workload(WithKeda, service.Name).PodLabels;
            var ports = policies.Where(p => Selects(p, labels)).SelectMany(p => p.Spec["egress"].Items).SelectMany(e => e["ports"].Items)
                .Select(p => p["port"].Text).ToHashSet();
            Assert.Superset(new HashSet<string?> { "5432", "5672", "5671" }, ports);
        }
        var gatewayEgress = policies.Where(p => Selects(p, new Workload(WithKeda, "gateway").PodLabels)).SelectMany(p => p.Spec["egress"].Items).ToList();
        Assert.Contains(gatewayEgress.SelectMany(e => e["ports"].Items), p => p["port"].Text == "8080");
        Assert.DoesNotContain(gatewayEgress.SelectMany(e => e["ports"].Items), p => p["port"].Text == "5432");
    }

    static bool Selects(Manifest policy, IReadOnlyDictionary<string, string> podLabels)
    {
        var selector = policy.Spec["podSelector"];
        var matchLabels = selector["matchLabels"].Entries.All(l => podLabels.GetValueOrDefault(l.Key) == l.Value.Text);
        var matchExpressions = selector["matchExpressions"].Items.All(e =>
            e["operator"].Text == "In" && e["values"].Items.Any(v => v.Text == podLabels.GetValueOrDefault(e["key"].RequiredText)));
        return matchLabels && matchExpressions;
    }

    [Fact]
    public void Only_the_gateway_may_call_the_services()
    {
        var policy = WithKeda.Get("NetworkPolicy", "services-only-from-gateway");
        var selected = policy.Spec["podSelector"]["matchExpressions"].Items.Single(e => e["key"].Text == "app.kubernetes.io/name");
        var rule = policy.Spec["ingress"].Items.Single();
        var gatewayLabels = new Workload(WithKeda, "gateway").PodLabels;

        Assert.Equal(NewsPlatformService.All.Where(s => s.OnEventBackbone).Select(s => s.Name).Order(), selected["values"].Items.Select(v => v.Text).Order());
        Assert.All(rule["from"].Items.Single()["podSelector"]["matchLabels"].Entries, l => Assert.Equal(l.Value.Text, gatewayLabels.GetValueOrDefault(l.Key)));
        foreach (var name in selected["values"].Items.Select(v => v.RequiredText))
            Assert.Equal(new Workload(WithKeda, name).Container["ports"].Items.Single()["containerPort"].Text, rule["ports"].Items.Single()["port"].Text);
    }
}
