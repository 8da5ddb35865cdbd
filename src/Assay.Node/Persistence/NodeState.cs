namespace Assay.Node.Persistence;

/// <summary>What a node keeps on disk: the last block whose events it processed and its assignments by task id.</summary>
/// <remarks>Immutable: a change makes a new state, which <see cref="NodeStateFile.Save"/> writes atomically.</remarks>
/// <param name="Address">The node's address (a state file of another key is refused).</param>
/// <param name="LastHeight">Every event of blocks up to this height has been handled.</param>
/// <param name="Tasks">Assignments by task id (lowercase hex), in ordinal order.</param>
public sealed record NodeState(string Address, long LastHeight, IReadOnlyDictionary<string, PendingTask> Tasks)
{
    /// <summary>The state of a node that has processed nothing.</summary>
    public static NodeState Empty(string address) => new(address, 0, new SortedDictionary<string, PendingTask>(StringComparer.Ordinal));

    /// <summary>This state with <paramref name="task"/> added or replaced.</summary>
    public NodeState With(PendingTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var tasks = new SortedDictionary<string, PendingTask>(Tasks.ToDictionary(), StringComparer.Ordinal) { [task.TaskId] = task };
        return this with { Tasks = tasks };
    }

    /// <summary>Whether two states hold the same values (the dictionaries compared by content).</summary>
    public bool SameAs(NodeState other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Address == other.Address && LastHeight == other.LastHeight && Tasks.Count == other.Tasks.Count
            && Tasks.All(kv => other.Tasks.TryGetValue(kv.Key, out var t) && t == kv.Value);
    }
}
