namespace Assay.Architecture.Tests;

/// <summary>The allowed dependency arrows between Assay projects, transcribed from DESIGN.md §2.</summary>
internal static class DependencyRules
{
    /// <summary>For each project, the Assay projects it may reference directly.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Direct = new Dictionary<string, string[]>
    {
        ["Assay.Numerics"] = [],
        ["Assay.Pricing"] = ["Assay.Numerics"],
        ["Assay.Proofs"] = ["Assay.Numerics"],
        ["Assay.Compute"] = ["Assay.Pricing", "Assay.Proofs"],
        ["Assay.Ledger"] = ["Assay.Compute"],
        ["Assay.Storage"] = ["Assay.Ledger"],
        // DESIGN.md suggests Proofs only; the SDK signs transactions in the ledger's wire format instead of a second copy
        // of it (docs/decisions.md, "Client references Ledger").
        ["Assay.Client"] = ["Assay.Ledger"],
        ["Assay.Simulation"] = ["Assay.Ledger", "Assay.Storage"],
        ["Assay.Node"] = ["Assay.Compute", "Assay.Client"],
        ["Assay.Sequencer"] = ["Assay.Ledger", "Assay.Storage"],
        ["Assay.Cli"] = ["*"],
    };

    /// <summary>The deterministic core: no I/O, no clock, no ambient randomness (DESIGN.md §2).</summary>
    public static readonly string[] Core = ["Assay.Numerics", "Assay.Pricing", "Assay.Proofs", "Assay.Compute", "Assay.Ledger"];

    /// <summary>Every project a project may reach, directly or through the projects it references.</summary>
    public static HashSet<string> Closure(string project)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(Direct[project]);
        while (stack.Count > 0)
        {
            var next = stack.Pop();
            if (next != "*" && seen.Add(next))
            {
                foreach (var further in Direct[next])
                {
                    stack.Push(further);
                }
            }
        }

        return seen;
    }
}
