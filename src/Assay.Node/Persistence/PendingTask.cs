namespace Assay.Node.Persistence;

/// <summary>One assignment as the node remembers it across restarts: the salt it committed with and the root it committed to.</summary>
/// <remarks>Hashes and the salt are lowercase hex. The salt is drawn once per assignment and kept, so that a node restarted
/// after its commit can recompute its tree and still open the commitment.</remarks>
/// <param name="TaskId">The task id.</param>
/// <param name="Salt">The 32-byte commitment salt.</param>
/// <param name="CommittedRoot">The digest of the committed Merkle-sum root, or empty before the commit.</param>
/// <param name="Status">How far the node has gone.</param>
/// <param name="AssignedHeight">The height of the block that assigned the task.</param>
public sealed record PendingTask(string TaskId, string Salt, string CommittedRoot, PendingTaskStatus Status, long AssignedHeight);
