using Assay.Storage;
using Assay.Storage.Postgres;
using Assay.Storage.Sqlite;

namespace Assay.Cli.Ledger;

/// <summary>Opens the block store a <c>--store</c> value names: a PostgreSQL connection string (starting <c>Host=</c>) or a SQLite file that must already exist.</summary>
public static class LedgerStoreLocator
{
    /// <summary>Whether <paramref name="store"/> is a PostgreSQL connection string rather than a SQLite path.</summary>
    public static bool IsPostgres(string store) => store.StartsWith("Host=", StringComparison.OrdinalIgnoreCase);

    /// <summary>Opens an existing store, or returns null with an error naming <c>--store</c> (a missing SQLite file is never created).</summary>
    public static IBlockStore? OpenExisting(string? store, out string error)
    {
        if (string.IsNullOrWhiteSpace(store))
        {
            error = "--store: required (a SQLite file path or a PostgreSQL connection string starting with Host=).";
            return null;
        }

        try
        {
            if (IsPostgres(store))
            {
                error = string.Empty;
                return PostgresBlockStore.OpenAsync(store).GetAwaiter().GetResult();
            }

            if (!File.Exists(store))
            {
                error = $"--store: no such file '{store}'.";
                return null;
            }

            error = string.Empty;
            return SqliteBlockStore.Open(store);
        }
        catch (Exception e) when (e is BlockStoreException or ArgumentException or IOException or System.Data.Common.DbException or InvalidOperationException)
        {
            error = $"--store: cannot open '{Describe(store)}': {e.Message}";
            return null;
        }
    }

    /// <summary>The store value for messages, without a PostgreSQL password.</summary>
    public static string Describe(string store) =>
        IsPostgres(store)
            ? string.Join(';', store.Split(';').Where(p => !p.TrimStart().StartsWith("Password", StringComparison.OrdinalIgnoreCase)))
            : store;
}
