namespace Assay.Cli.Samples;

/// <summary>The sample book the devnet requester draws PriceBook tasks from: the rows of <c>samples/book-bsm.csv</c> with a quantity each.</summary>
/// <remarks>Bundled as text so that <c>assay devnet</c> needs no file beside the binary; it is written to <c>DIR/book.csv</c>
/// and read back with the same parser as <c>assay task new --book</c>.</remarks>
public static class DevnetSampleBook
{
    /// <summary>The book as CSV (columns <c>id,underlying,type,S,K,T,r,q,sigma,quantity</c>).</summary>
    public const string Csv =
        """
        id,underlying,type,S,K,T,r,q,sigma,quantity
        1,SPX,call,5000,5000,0.25,0.045,0.013,0.16,10
        2,SPX,put,5000,4500,0.25,0.045,0.013,0.22,-5
        3,SPX,call,5000,5500,1,0.045,0.013,0.15,3
        4,AAPL,call,190,200,0.0833,0.045,0.005,0.28,100
        5,AAPL,put,190,180,0.0833,0.045,0.005,0.31,-50
        6,BTC,call,65000,80000,0.5,0.05,0,0.65,2
        7,BTC,put,65000,50000,0.5,0.05,0,0.72,-1
        8,ETH,call,3200,3200,0.0027,0.05,0,0.7,20
        9,EURUSD,call,1.08,1.10,0.5,0.035,0.03,0.08,100000
        10,GOLD,put,2300,2000,2,0.04,0,0.18,7
        11,TSLA,call,250,400,0.75,0.045,0,0.6,40
        12,TSLA,put,250,100,0.75,0.045,0,0.75,-40

        """;
}
