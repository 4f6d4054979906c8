namespace NewsPlatform.Gateway.Tests.Infrastructure;

/// <summary>
/// One gateway and its stand-in services shared by the tests that do not stop or break anything.
/// Small rate limits (tests use their own client address each) and a cache lifetime long enough to observe.
/// </summary>
public sealed class SharedGateway : IAsyncLifetime
{
    public const int ViewsLimit = 5;
    public const int TokenLimit = 3;
    public const int UploadsLimit = 3;

    public GatewayStack Stack { get; private set; } = null!;

    public async Task InitializeAsync() => Stack = await GatewayStack.StartAsync(new Dictionary<string, string?>
    {
        ["Gateway:RateLimits:views:PermitLimit"] = ViewsLimit.ToString(),
        ["Gateway:RateLimits:views:Window"] = "00:10:00",
        ["Gateway:RateLimits:token:PermitLimit"] = TokenLimit.ToString(),
        ["Gateway:RateLimits:token:Window"] = "00:10:00",
        ["Gateway:RateLimits:uploads:PermitLimit"] = UploadsLimit.ToString(),
        ["Gateway:RateLimits:uploads:Window"] = "00:10:00",
        ["Gateway:OutputCache:Duration"] = "00:05:00",
    });

    public async Task DisposeAsync() => await Stack.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class SharedGatewayCollection : ICollectionFixture<SharedGateway>
{
    public const string Name = "shared gateway";
}
