using System.Globalization;
using Assay.Simulation;

namespace Assay.Cli.Simulation;

/// <summary>Prints the invariant table, the fault summary and the traffic totals of a set of simulated runs.</summary>
public static class SimReportWriter
{
    /// <summary>Writes the summary of <paramref name="reports"/> (runs of <paramref name="template"/> from <paramref name="firstSeed"/>).</summary>
    public static void Write(SimulationOptions template, int firstSeed, IReadOnlyList<SimulationReport> reports, bool detail, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(output);
        var inv = CultureInfo.InvariantCulture;
        var faulty = (int)Math.Round(template.ByzantineFraction * template.Nodes, MidpointRounding.AwayFromZero);
        output.WriteLine(string.Create(inv, $"assay sim: seeds {firstSeed}..{firstSeed + reports.Count - 1} ({reports.Count}), nodes {template.Nodes} ({faulty} faulty), tasks {template.Tasks} per run"));
        output.WriteLine();
        output.WriteLine(string.Create(inv, $"{"invariant",-30} {"passed",7} {"failed",7}  first failing seed"));
        foreach (var invariant in Enum.GetValues<InvariantKind>())
        {
            var failing = reports.Where(r => r.Violations.Any(v => v.Invariant == invariant)).Select(r => r.Seed).ToList();
            var first = failing.Count == 0 ? "-" : failing[0].ToString(inv);
            output.WriteLine(string.Create(inv, $"{invariant,-30} {reports.Count - failing.Count,7} {failing.Count,7}  {first}"));
        }

        output.WriteLine();
        output.WriteLine(string.Create(inv, $"{"fault kind",-14} {"nodes",6} {"slashes",8} {"failed_verif",12} {"missed_commit",13} {"missed_reveal",13} {"slashed_wrong",13} {"rewarded",9} {"rejected_tx",11} {"equivocations",13} {"equiv_slashed",13} {"stake_lost",14}"));
        foreach (var kind in Enum.GetValues<FaultKind>())
        {
            var t = reports.Select(r => r.Faults.GetValueOrDefault(kind)).OfType<FaultTally>().Aggregate(new FaultTally(), (a, b) => a.Add(b));
            output.WriteLine(string.Create(inv, $"{kind,-14} {t.Nodes,6} {t.Slashes,8} {t.FailedVerification,12} {t.MissedCommit,13} {t.MissedReveal,13} {t.SlashedWrong,13} {t.Rewarded,9} {t.RejectedTransactions,11} {t.EquivocationsSeen,13} {t.EquivocationsSlashed,13} {t.StakeLostMinorUnits,14}"));
        }

        output.WriteLine();
        output.WriteLine(string.Create(inv,
            $"totals: blocks {reports.Sum(r => r.Blocks)}, transactions {reports.Sum(r => r.AcceptedTransactions)} accepted / {reports.Sum(r => r.RejectedTransactions)} rejected, " +
            $"tasks {reports.Sum(r => r.FinalTasks)} final / {reports.Sum(r => r.ExpiredTasks)} expired, sequencer crashes {reports.Sum(r => r.Crashes)}, " +
            $"messages {reports.Sum(r => r.MessagesSent)} sent / {reports.Sum(r => r.MessagesLost)} lost / {reports.Sum(r => r.MessagesDuplicated)} duplicated"));
        output.WriteLine(string.Create(inv,
            $"store: restarts from a snapshot {reports.Sum(r => r.RestartsFromSnapshot)} of {reports.Sum(r => r.Crashes)}; tolerance tasks: {reports.Sum(r => r.ToleranceTasksFinal)} final, " +
            $"{reports.Sum(r => r.ToleranceWrongEstimatesRejected)} wrong estimates rejected by the band, {reports.Sum(r => r.ToleranceWrongQuorums)} with a wrong quorum"));
        if (detail)
        {
            foreach (var r in reports)
            {
                output.WriteLine(string.Create(inv,
                    $"seed {r.Seed}: {(r.Passed ? "ok" : "FAILED")}, {r.Blocks} blocks over {r.EndTimeMs} simulated ms, head {r.HeadHash}"));
            }
        }

        var failed = reports.Count(r => !r.Passed);
        output.WriteLine(failed == 0 ? "result: every invariant held" : string.Create(inv, $"result: {failed} of {reports.Count} seeds broke an invariant"));
    }
}
