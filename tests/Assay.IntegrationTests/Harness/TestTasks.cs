using Assay.Compute.Tasks;
using Assay.Ledger.Views;

namespace Assay.IntegrationTests.Harness;

/// <summary>Task specs and checks shared by the network tests.</summary>
internal static class TestTasks
{
    /// <summary>The root digest an honest node computes for <paramref name="spec"/> (hex).</summary>
    public static string HonestRoot(TaskSpec spec) => TaskRunner.Run(spec, new byte[20]).Result.Root.Digest().ToString();

    /// <summary>A one-line description of a task view for failure messages.</summary>
    public static string Describe(TaskView v) =>
        $"task {v.TaskId} {v.Kind} phase {v.Phase} agreed {v.AgreedRoot} replacements {v.Replacements}: "
        + string.Join("; ", v.Assignments.Select(a => $"{a.Node} {a.Status} commit≤{a.CommitDeadline} reveal≤{a.RevealDeadline}"));
}
