using Assay.Storage.Tests.Sqlite;

#pragma warning disable CA1050 // The runtime finds a startup hook only as a type named StartupHook outside any namespace.

/// <summary>Entry point of the crash-test child: the runtime calls it when the test assembly is started with DOTNET_STARTUP_HOOKS pointing at itself.</summary>
/// <remarks>Does nothing unless <see cref="SqliteCrashChild.DatabaseVariable"/> is set, so loading the assembly any other way is unaffected.</remarks>
internal static class StartupHook
{
    public static void Initialize()
    {
        var path = Environment.GetEnvironmentVariable(SqliteCrashChild.DatabaseVariable);
        if (!string.IsNullOrEmpty(path))
        {
            SqliteCrashChild.Run(path);
        }
    }
}
