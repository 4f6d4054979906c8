using System.Data.Common;
using Weasel.Core;
using Weasel.Postgresql;

namespace NewsPlatform.ReaderFeed.Search;

/// <summary>
/// The search table's RUM index as a schema object of its own, created once when missing and then left as it is.
/// Declared on the table, Weasel cannot read the RUM operator class and storage parameters back the way it writes
/// them and would drop and rebuild the index at every start — minutes at a million articles.
/// </summary>
public sealed class RumIndex(string schema, string table, string name, string definition) : ISchemaObject
{
    public DbObjectName Identifier { get; } = new PostgresqlObjectName(schema, name, Weasel.Postgresql.SchemaUtils.IdentifierUsage.General);

    public string CreateSql => $"CREATE INDEX IF NOT EXISTS {name} ON {schema}.{table} USING rum {definition};";

    public string DropSql => $"DROP INDEX IF EXISTS {schema}.{name};";

    public void WriteCreateStatement(Migrator migrator, TextWriter writer) => writer.WriteLine(CreateSql);

    public void WriteDropStatement(Migrator migrator, TextWriter writer) => writer.WriteLine(DropSql);

    public void ConfigureQueryCommand(Weasel.Core.DbCommandBuilder builder)
    {
        builder.Append("select indexname from pg_indexes where schemaname = ");
        builder.AppendParameter(schema);
        builder.Append(" and indexname = ");
        builder.AppendParameter(name);
        builder.Append(";");
    }

    public async Task<ISchemaObjectDelta> CreateDeltaAsync(DbDataReader reader, CancellationToken ct) =>
        new SchemaObjectDelta(this, await reader.ReadAsync(ct) ? SchemaPatchDifference.None : SchemaPatchDifference.Create);

    public IEnumerable<DbObjectName> AllNames()
    {
        yield return Identifier;
    }
}
