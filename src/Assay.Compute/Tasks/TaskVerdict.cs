using Assay.Proofs.SpotCheck;

namespace Assay.Compute.Tasks;

/// <summary>The outcome of verifying a task result: the first failing check, a message, and the spot-check verdict when it ran.</summary>
/// <param name="Rejection">Why it was refused; <see cref="TaskRejection.None"/> when accepted.</param>
/// <param name="Detail">The failing check with its values; empty when accepted.</param>
/// <param name="SpotCheck">The spot-check verdict, when the verifier got that far.</param>
public readonly record struct TaskVerdict(TaskRejection Rejection, string Detail, SpotCheckVerdict? SpotCheck)
{
    /// <summary>Whether the result was accepted.</summary>
    public bool IsValid => Rejection == TaskRejection.None;

    /// <summary>The verdict in one line.</summary>
    public override string ToString() => IsValid ? $"accepted ({SpotCheck})" : $"rejected: {Rejection}: {Detail}";
}
