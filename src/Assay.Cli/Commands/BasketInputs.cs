using Assay.Cli.Csv;
using Assay.Cli.Risk;
using Assay.Pricing;
using Assay.Pricing.MonteCarlo;

namespace Assay.Cli.Commands;

/// <summary>Builds a <see cref="BasketModel"/> from the basket and correlation files of <c>assay mc --payoff basket</c>.</summary>
internal static class BasketInputs
{
    /// <summary>Reads the assets (in file order) and, when given, the correlation matrix (rows matched by name).</summary>
    /// <exception cref="PricingInputException">A file is unreadable or malformed (field <c>basket</c> or <c>correlation</c>).</exception>
    public static BasketModel Read(string basketPath, string? correlationPath, double expiryYears, double rate)
    {
        IReadOnlyList<(string Name, double Spot, double DividendYield, double Volatility, double Weight)> assets;
        try
        {
            assets = RiskInputs.ReadBasketAssets(basketPath);
        }
        catch (CsvFormatException e)
        {
            throw new PricingInputException("basket", e.Message);
        }

        var n = assets.Count;
        var correlation = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            correlation[(i * n) + i] = 1.0;
        }

        if (correlationPath is not null)
        {
            try
            {
                var matrix = RiskInputs.ReadCorrelation(correlationPath);
                var index = assets.Select(a => IndexOf(matrix.Underlyings, a.Name, correlationPath)).ToArray();
                for (var i = 0; i < n; i++)
                {
                    for (var j = 0; j < n; j++)
                    {
                        correlation[(i * n) + j] = matrix[index[i], index[j]];
                    }
                }
            }
            catch (CsvFormatException e)
            {
                throw new PricingInputException("correlation", e.Message);
            }
            catch (ArgumentException e)
            {
                throw new PricingInputException("correlation", e.Message);
            }
        }

        return new BasketModel(
            [.. assets.Select(a => a.Spot)],
            [.. assets.Select(a => a.DividendYield)],
            [.. assets.Select(a => a.Volatility)],
            [.. assets.Select(a => a.Weight)],
            correlation,
            expiryYears,
            rate);
    }

    private static int IndexOf(IReadOnlyList<string> names, string name, string path)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new CsvFormatException($"{path}: no row for basket asset '{name}' (underlyings: {string.Join(", ", names)})");
    }
}
