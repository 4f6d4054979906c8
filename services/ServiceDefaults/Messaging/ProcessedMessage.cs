namespace NewsPlatform.ServiceDefaults.Messaging;

/// <summary>
/// Proof that a consumer applied a message. Written in the same transaction as the effect, so
/// either both exist or neither does. Id is "{consumer}:{messageId}".
/// </summary>
public sealed record ProcessedMessage(string Id, DateTimeOffset AppliedAt);
