using Marten;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace NewsPlatform.Media.Storage;

/// <summary>
/// The two byte tables beside Marten's event store, created and migrated with it:
/// originals content-addressed by SHA-256 (the same photo uploaded twice is stored once), and
/// renditions keyed by asset, width and format — the only things ever served.
/// </summary>
public static class MediaTables
{
    public const string Blobs = "media_blobs";
    public const string Renditions = "media_renditions";

    public static void Register(StoreOptions options)
    {
        var schema = options.DatabaseSchemaName;

        var blobs = new Table(new PostgresqlObjectName(schema, Blobs, SchemaUtils.IdentifierUsage.General));
        blobs.AddColumn<string>("sha256").AsPrimaryKey();
        blobs.AddColumn<string>("content_type").NotNull();
        blobs.AddColumn<long>("length").NotNull();
        blobs.AddColumn("bytes", "bytea").NotNull();
        blobs.AddColumn("created_at", "timestamptz").NotNull().DefaultValueByExpression("now()");
        options.Storage.ExtendedSchemaObjects.Add(blobs);

        var renditions = new Table(new PostgresqlObjectName(schema, Renditions, SchemaUtils.IdentifierUsage.General));
        renditions.AddColumn<Guid>("asset_id").AsPrimaryKey();
        renditions.AddColumn<int>("width").AsPrimaryKey();
        renditions.AddColumn<string>("format").AsPrimaryKey();
        renditions.AddColumn<int>("height").NotNull();
        renditions.AddColumn<string>("content_type").NotNull();
        renditions.AddColumn<string>("etag").NotNull();
        renditions.AddColumn("bytes", "bytea").NotNull();
        renditions.AddColumn("created_at", "timestamptz").NotNull().DefaultValueByExpression("now()");
        options.Storage.ExtendedSchemaObjects.Add(renditions);
    }

    public static string Qualified(IQuerySession session, string table) => $"{session.DocumentStore.Options.DatabaseSchemaName}.{table}";
}
