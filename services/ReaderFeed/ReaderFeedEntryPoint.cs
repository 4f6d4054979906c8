namespace NewsPlatform.ReaderFeed;

/// <summary>Names this host's assembly for <c>WebApplicationFactory&lt;T&gt;</c> in tests.</summary>
public sealed class ReaderFeedEntryPoint;
