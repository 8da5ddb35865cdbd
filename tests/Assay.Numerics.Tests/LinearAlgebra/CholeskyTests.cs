using Assay.Numerics.LinearAlgebra;

namespace Assay.Numerics.Tests.LinearAlgebra;

public sealed class CholeskyTests
{
    [Fact]
    public void Textbook_matrix_factors_exactly()
    {
        // Golub and Van Loan's style of example with an integer factor; also the worked example of
        // https://en.wikipedia.org/wiki/Cholesky_decomposition (A = [[4, 12, -16], [12, 37, -43], [-16, -43, 98]]).
        double[] a = [4, 12, -16, 12, 37, -43, -16, -43, 98];
        double[] expected = [2, 0, 0, 6, 1, 0, -8, 5, 3];

        var l = Cholesky.FactorCovariance(a, 3);

        Assert.Equal(expected, l.ToArray());
        Assert.Equal(3, l.Rank);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(12)]
    [InlineData(40)]
    public void Random_positive_definite_matrices_are_reconstructed(int n)
    {
        const int Seed = 20240611;
        var random = new Random(Seed + n);
        var a = RandomCovariance(random, n, rank: n);

        var l = Cholesky.FactorCovariance(a, n);

        Assert.Equal(n, l.Rank);
        AssertReconstructs(a, l, 1e-13, $"seed {Seed + n}, n {n}");
        for (var i = 0; i < n; i++)
        {
            Assert.True(l[i, i] > 0, $"seed {Seed + n}, n {n}: diagonal {i} is {l[i, i]}");
            for (var j = i + 1; j < n; j++)
            {
                Assert.Equal(0.0, l[i, j]);
            }
        }
    }

    [Fact]
    public void Two_perfectly_correlated_assets_give_a_zero_column()
    {
        double[] rho = [1, 1, 1, 1];

        var l = Cholesky.FactorCorrelation(rho, 2);

        Assert.Equal([1.0, 0.0, 1.0, 0.0], l.ToArray());
        Assert.Equal(1, l.Rank);
    }

    [Fact]
    public void Perfect_negative_correlation_among_three_assets_has_rank_two()
    {
        // Asset 3 is minus asset 1; asset 2 is independent of both.
        double[] rho = [1, 0, -1, 0, 1, 0, -1, 0, 1];

        var l = Cholesky.FactorCorrelation(rho, 3);

        Assert.Equal(2, l.Rank);
        Assert.Equal(0.0, l[2, 2]);
        AssertReconstructs(rho, l, 0, "rho = [[1,0,-1],[0,1,0],[-1,0,1]]");
    }

    [Theory]
    [InlineData(4, 2)]
    [InlineData(6, 3)]
    [InlineData(10, 1)]
    public void Correlation_matrices_from_few_factors_are_factored_with_their_rank(int n, int factors)
    {
        // rho = B·Bᵀ with unit-norm rows of B: a correlation matrix of rank `factors`. Rounding in B·Bᵀ leaves the
        // zero pivots at about 1e-16, well inside the tolerance.
        const int Seed = 7;
        var random = new Random(Seed);
        var b = new double[n * factors];
        for (var i = 0; i < n; i++)
        {
            var norm = 0.0;
            for (var k = 0; k < factors; k++)
            {
                b[(i * factors) + k] = random.NextDouble() - 0.5;
                norm += b[(i * factors) + k] * b[(i * factors) + k];
            }

            for (var k = 0; k < factors; k++)
            {
                b[(i * factors) + k] /= Math.Sqrt(norm);
            }
        }

        var rho = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var sum = 0.0;
                for (var k = 0; k < factors; k++)
                {
                    sum += b[(i * factors) + k] * b[(j * factors) + k];
                }

                rho[(i * n) + j] = i == j ? 1.0 : Math.Clamp(sum, -1, 1);
            }
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < i; j++)
            {
                rho[(i * n) + j] = rho[(j * n) + i];
            }
        }

        var l = Cholesky.FactorCorrelation(rho, n);

        Assert.Equal(factors, l.Rank);
        AssertReconstructs(rho, l, 1e-7, $"seed {Seed}, n {n}, factors {factors}");
    }

    [Fact]
    public void A_zero_variance_asset_gives_a_zero_column()
    {
        double[] cov = [0.04, 0, 0.01, 0, 0, 0, 0.01, 0, 0.09];

        var l = Cholesky.FactorCovariance(cov, 3);

        Assert.Equal(2, l.Rank);
        AssertReconstructs(cov, l, 1e-15, "cov with a zero second row");
    }

    [Fact]
    public void Multiply_in_place_gives_the_bits_of_the_plain_sum()
    {
        const int Seed = 99;
        const int N = 7;
        var random = new Random(Seed);
        var l = Cholesky.FactorCovariance(RandomCovariance(random, N, N), N);
        var z = new double[N];
        for (var i = 0; i < N; i++)
        {
            z[i] = random.NextDouble() - 0.5;
        }

        var expected = new double[N];
        for (var i = 0; i < N; i++)
        {
            var sum = 0.0;
            for (var k = 0; k <= i; k++)
            {
                sum += l[i, k] * z[k];
            }

            expected[i] = sum;
        }

        var outOfPlace = new double[N];
        l.Multiply(z, outOfPlace);
        l.Multiply(z, z);

        Assert.Equal(expected, outOfPlace);
        Assert.Equal(expected, z);
    }

    [Fact]
    public void Multiply_rejects_vectors_of_the_wrong_length()
    {
        var l = Cholesky.FactorCorrelation([1.0], 1);

        var ex = Assert.Throws<ArgumentException>(() => l.Multiply(new double[2], new double[1]));
        Assert.Contains("1 entries", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_positive_semidefinite_correlation_is_rejected_naming_the_pivot()
    {
        // Assets 1 and 2, and 1 and 3, are 0.9 correlated, yet 2 and 3 are -0.9 correlated: impossible.
        double[] rho = [1, 0.9, 0.9, 0.9, 1, -0.9, 0.9, -0.9, 1];

        var ex = Assert.Throws<MatrixInputException>(() => Cholesky.FactorCorrelation(rho, 3));

        Assert.StartsWith("correlation matrix is not positive semi-definite: pivot 3 is -15.2", ex.Message, StringComparison.Ordinal);
        Assert.Equal((2, 2), (ex.RowIndex, ex.ColumnIndex));
    }

    [Fact]
    public void Zero_pivot_with_a_residual_below_it_is_rejected()
    {
        // Assets 1 and 2 are identical, yet correlate differently with asset 3.
        double[] rho = [1, 1, 0.5, 1, 1, -0.5, 0.5, -0.5, 1];

        var ex = Assert.Throws<MatrixInputException>(() => Cholesky.FactorCorrelation(rho, 3));

        Assert.Equal("correlation matrix is not positive semi-definite: pivot 2 is 0 (taken as 0) but row 3 of column 2 still holds -1", ex.Message);
        Assert.Equal((2, 1), (ex.RowIndex, ex.ColumnIndex));
    }

    [Theory]
    [InlineData(new[] { 1, 0.5, 0.4, 1 }, 2, "correlation matrix is not symmetric: entry (row 2, column 1) is 0.4 but (row 1, column 2) is 0.5", 1, 0)]
    [InlineData(new[] { 1, 0.5, 0.5, 0.9 }, 2, "correlation matrix diagonal entry (row 2, column 2) must be 1 (got 0.9)", 1, 1)]
    [InlineData(new[] { 1, 1.2, 1.2, 1 }, 2, "correlation matrix entry (row 2, column 1) must be in [-1, 1] (got 1.2)", 1, 0)]
    [InlineData(new[] { 1, double.NaN, double.NaN, 1 }, 2, "correlation matrix entry (row 1, column 2) must be a finite number (got NaN)", 0, 1)]
    [InlineData(new[] { 1, 0.0, 0.0 }, 2, "correlation matrix of dimension 2 needs 4 entries (got 3)", -1, -1)]
    [InlineData(new double[0], 0, "correlation matrix dimension must be an integer in [1, 4096] (got 0)", -1, -1)]
    public void Invalid_correlation_matrices_are_rejected_naming_the_entry(double[] rho, int n, string message, int row, int column)
    {
        var ex = Assert.Throws<MatrixInputException>(() => Cholesky.FactorCorrelation(rho, n));

        Assert.Equal(message, ex.Message);
        Assert.Equal((row, column), (ex.RowIndex, ex.ColumnIndex));
    }

    [Fact]
    public void Negative_variance_is_rejected()
    {
        var ex = Assert.Throws<MatrixInputException>(() => Cholesky.FactorCovariance([0.04, 0, 0, -0.01], 2));

        Assert.Equal("covariance matrix is not positive semi-definite: diagonal entry (row 2, column 2) is -0.01, below 0", ex.Message);
    }

    private static double[] RandomCovariance(Random random, int n, int rank)
    {
        var b = new double[n * rank];
        for (var i = 0; i < b.Length; i++)
        {
            b[i] = random.NextDouble() - 0.5;
        }

        var a = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = i == j ? 0.01 : 0.0;
                for (var k = 0; k < rank; k++)
                {
                    sum += b[(i * rank) + k] * b[(j * rank) + k];
                }

                a[(i * n) + j] = sum;
                a[(j * n) + i] = sum;
            }
        }

        return a;
    }

    private static void AssertReconstructs(double[] a, LowerTriangularMatrix l, double relativeTolerance, string inputs)
    {
        var n = l.Dimension;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var sum = 0.0;
                for (var k = 0; k < n; k++)
                {
                    sum += l[i, k] * l[j, k];
                }

                var scale = Math.Sqrt(a[(i * n) + i] * a[(j * n) + j]);
                Assert.True(
                    Math.Abs(sum - a[(i * n) + j]) <= relativeTolerance * scale,
                    $"{inputs}: (L·Lᵀ)[{i},{j}] = {sum:R}, A[{i},{j}] = {a[(i * n) + j]:R}");
            }
        }
    }
}
