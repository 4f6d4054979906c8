using NewsPlatform.Contracts.Trending;
using NewsPlatform.TestKit;

namespace NewsPlatform.Trending.Tests.Support;

/// <summary>One database, vhost and Trending host shared by the integration tests of the collection.</summary>
public sealed class TrendingFixture : IAsyncLifetime
{
    public TestClock Clock { get; } = new(DateTimeOffset.Parse("2025-01-14T12:00:00Z"));
    public TestInfrastructure Infrastructure { get; private set; } = null!;
    public TrendingHost Host { get; private set; } = null!;

    /// <summary>Where the gateway runs, as far as this host is told.</summary>
    public const string TrustedProxyNetwork = "10.20.0.0/16";
    public const string TrustedProxyAddress = "10.30.0.7";

    public SkippedDuplicates Duplicates { get; } = new();

    /// <summary>Every TrendingChangedV1 published, as ReaderFeed would receive it.</summary>
    public EventRecorder Changes { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Infrastructure = await TestInfrastructure.CreateAsync();
        Host = await TrendingHost.StartAsync(Infrastructure, Clock, new Dictionary<string, string?>
        {
            ["ForwardedHeaders:TrustedNetworks"] = $"{TrustedProxyNetwork}, {TrustedProxyAddress}",
        });
        Changes = await EventRecorder.StartAsync(Infrastructure.VirtualHost.ConnectionString, s => s.To<TrendingChangedV1>(), "trending-tests-changes");
    }

    public async Task DisposeAsync()
    {
        await Changes.DisposeAsync();
        await Host.DisposeAsync();
        await Infrastructure.DisposeAsync();
        Duplicates.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class TrendingCollection : ICollectionFixture<TrendingFixture>
{
    public const string Name = "Trending host";
}
