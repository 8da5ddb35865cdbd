namespace Assay.Pricing.Risk;

/// <summary>Full revaluation of many scenarios in fixed blocks, in parallel, with a result independent of the thread count.</summary>
internal static class ScenarioBlocks
{
    /// <summary>Scenarios per block: the unit of parallel work (a multiple of 4, so vector shocks start blocks aligned).</summary>
    public const int BlockSize = 1024;

    /// <summary>P&amp;L[i] = valuation.ProfitAndLoss(shock.Spots(i)) for i in [0, <paramref name="count"/>).</summary>
    /// <remarks>Each P&amp;L is a pure function of the scenario index and is written to its own slot, so the vector is
    /// bit-identical for any <paramref name="maxDegreeOfParallelism"/> (−1: all cores; 1: the calling thread only).</remarks>
    public static double[] Run<TShock>(PortfolioValuation valuation, TShock shock, int count, int maxDegreeOfParallelism)
        where TShock : struct, IScenarioShock
    {
        var pnl = new double[count];
        var blocks = (count + BlockSize - 1) / BlockSize;
        var factors = valuation.Factors.Count;
        if (maxDegreeOfParallelism == 1 || blocks == 1)
        {
            RunBlocks(valuation, shock, pnl, factors, 0, blocks);
            return pnl;
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };
        Parallel.For(0, blocks, options, b => RunBlocks(valuation, shock, pnl, factors, b, b + 1));
        return pnl;
    }

    private static void RunBlocks<TShock>(PortfolioValuation valuation, TShock shock, double[] pnl, int factors, int firstBlock, int endBlock)
        where TShock : struct, IScenarioShock
    {
        var shocked = new double[factors];
        var scratch = new double[shock.ScratchLength(factors)];
        var end = Math.Min(pnl.Length, endBlock * BlockSize);
        for (var i = firstBlock * BlockSize; i < end; i++)
        {
            shock.Spots(i, shocked, scratch);
            pnl[i] = valuation.ProfitAndLoss(shocked);
        }
    }
}
