namespace Assay.Cli.Ledger;

/// <summary>An <see cref="IProgress{T}"/> that calls its handler at once on the reporting thread (unlike <see cref="Progress{T}"/>, which posts).</summary>
/// <param name="handler">Receives each reported value.</param>
public sealed class ImmediateProgress<T>(Action<T> handler) : IProgress<T>
{
    /// <summary>Calls the handler with <paramref name="value"/>.</summary>
    public void Report(T value) => handler(value);
}
