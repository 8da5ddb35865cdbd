namespace Assay.Pricing.Risk;

/// <summary>An ordered, validated list of positions over one or more underlyings.</summary>
/// <remarks>Position order is the order P&amp;L terms are summed in, so it is part of the result's bits.</remarks>
public sealed class Portfolio
{
    /// <summary>The largest number of positions accepted.</summary>
    public const int MaxPositions = 100_000;

    /// <summary>Creates a portfolio, validating every position.</summary>
    /// <exception cref="PricingInputException">A position is invalid (the message names it, 1-based, and the field), or there are none or more than <see cref="MaxPositions"/>.</exception>
    public Portfolio(IEnumerable<Position> positions)
    {
        ArgumentNullException.ThrowIfNull(positions);
        Positions = [.. positions];
        if (Positions.Count == 0 || Positions.Count > MaxPositions)
        {
            InputGuard.Fail("portfolio", $"portfolio must hold between 1 and {MaxPositions} positions (got {Positions.Count})");
        }

        for (var i = 0; i < Positions.Count; i++)
        {
            Positions[i].Validate(i + 1);
        }
    }

    /// <summary>The positions in input order.</summary>
    public IReadOnlyList<Position> Positions { get; }

    /// <summary>Checks that every underlying is in <paramref name="market"/> and every option and future outlives a horizon of <paramref name="horizonDays"/>.</summary>
    /// <exception cref="PricingInputException">Fields <c>underlying</c>, <c>T</c> or <c>horizon_days</c>, naming the position.</exception>
    public void Validate(MarketData market, int horizonDays) => _ = PortfolioValuation.Create(this, market, horizonDays);
}
