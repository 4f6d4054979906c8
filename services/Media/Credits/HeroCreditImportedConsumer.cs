using Marten;
using MassTransit;
using NewsPlatform.Contracts.Articles;
using NewsPlatform.Media.Assets;
using NewsPlatform.ServiceDefaults.Messaging;

namespace NewsPlatform.Media.Credits;

/// <summary>
/// An imported article names a hero-photo credit but has no image: record a credit-only asset under
/// the id the article already uses, which the relay announces as MediaAssetReadyV1. A redelivery
/// is caught by the processed-message row; a second message for the same id finds the stream and
/// changes nothing; two instances racing collide on the stream id and the retry finds it.
/// </summary>
public sealed class HeroCreditImportedConsumer(IDocumentStore store, ILogger<HeroCreditImportedConsumer> logger)
    : IdempotentConsumer<HeroCreditImportedV1>(store)
{
    protected override async Task Apply(HeroCreditImportedV1 message, IDocumentSession session, ConsumeContext<HeroCreditImportedV1> context)
    {
        var existing = await session.LoadAsync<MediaAsset>(message.MediaId, context.CancellationToken);
        var decision = MediaAssetDecisions.RecordCreditOnly(existing, message.MediaId, message.Credit, message.Caption, message.StreamId);
        if (decision.Refusal is { } refusal)
        {
            // A credit Media cannot accept (empty, too long) would fail the same way on every retry.
            logger.LogWarning("Credit for media {MediaId} from article {ArticleId} not recorded: {Reason}",
                message.MediaId, message.StreamId, refusal.Reason);
            return;
        }
        if (decision.Events.Count > 0)
            session.Events.StartStream<MediaAsset>(message.MediaId, decision.Events.Cast<object>().ToArray());
    }
}
