namespace Assay.Compute.Tasks;

/// <summary>Why a task result was refused, in the order the verifier checks.</summary>
public enum TaskRejection
{
    /// <summary>Accepted.</summary>
    None = 0,

    /// <summary>The spec's kind is not registered, its inputs do not fit the kind, or its policy does not fit the kind's layout.</summary>
    SpecInvalid,

    /// <summary>The result answers another task.</summary>
    TaskIdMismatch,

    /// <summary>The result was computed with another engine version than the spec demands, or this build runs another.</summary>
    EngineVersionMismatch,

    /// <summary>The result's item count or root leaf count differs from the spec's.</summary>
    ItemCountMismatch,

    /// <summary>The root sums break the kind's layout rules (lane count, count bound, lane bounds, negative mass).</summary>
    RootInvalid,

    /// <summary>The aggregate is not the reduction of the root sums.</summary>
    AggregateMismatch,

    /// <summary>The spot-check proof failed (see the spot-check verdict).</summary>
    SpotCheckFailed,
}
