using Assay.Compute.Kinds;

namespace Assay.Compute.Tasks;

/// <summary>The task kinds a node or verifier knows, keyed by kind id.</summary>
public sealed class TaskKindRegistry
{
    private readonly Dictionary<ushort, ITaskKind> _kinds = [];

    /// <summary>Creates a registry holding <paramref name="kinds"/>.</summary>
    /// <exception cref="ArgumentException">Two kinds share an id.</exception>
    public TaskKindRegistry(params ReadOnlySpan<ITaskKind> kinds)
    {
        foreach (var kind in kinds)
        {
            ArgumentNullException.ThrowIfNull(kind);
            if (!_kinds.TryAdd(kind.Id, kind))
            {
                throw new ArgumentException($"Two task kinds share id {kind.Id}: '{_kinds[kind.Id].Name}' and '{kind.Name}'.", nameof(kinds));
            }
        }
    }

    /// <summary>The registry of every built-in kind: <see cref="PriceBookKind"/> and <see cref="MonteCarloKind"/>.</summary>
    public static TaskKindRegistry Default { get; } = new(PriceBookKind.Instance, MonteCarloKind.Instance);

    /// <summary>The registered kinds.</summary>
    public IEnumerable<ITaskKind> Kinds => _kinds.Values;

    /// <summary>The kind with id <paramref name="id"/>.</summary>
    /// <exception cref="TaskSpecException">No such kind (field "kind").</exception>
    public ITaskKind Get(ushort id) =>
        _kinds.TryGetValue(id, out var kind) ? kind : throw new TaskSpecException("kind", $"kind {id} is not registered; known: {string.Join(", ", _kinds.Keys.Order())}.");

    /// <summary>The kind with id <paramref name="id"/>, if registered.</summary>
    public bool TryGet(ushort id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ITaskKind? kind) => _kinds.TryGetValue(id, out kind);
}
