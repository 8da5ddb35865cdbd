using Assay.Ledger.Blocks;

namespace Assay.Ledger.Tests;

public sealed class GenesisTests
{
    private const string Alice = "asy53eb6e605e076455e01816e74175f606cea75d46";
    private const string Node = "asyef7e86731d7d9a447f0edb6a904a6d8cd37acb86";

    private static string Doc(string accounts = $$$"""[{"address":"{{{Alice}}}","balances":{"ASY":1000000000}}]""", string parameters = """{"min_stake":1000,"commit_window_blocks":4}""", string nodes = $$$"""[{"address":"{{{Node}}}","stake":5000,"capabilities":["montecarlo","analytic"],"cores":8,"memory_mib":4096}]""") =>
        $$$"""{"timestamp_unix_ms":1790000000000,"parameters":{{{parameters}}},"accounts":{{{accounts}}},"nodes":{{{nodes}}}}""";

    [Fact]
    public void A_valid_file_builds_the_state_it_describes()
    {
        var genesis = GenesisJson.Parse(Doc());
        Assert.Equal(4UL, genesis.Parameters.CommitWindowBlocks);
        Assert.Equal(5UL, genesis.Parameters.RevealWindowBlocks);
        var ledger = SettlementLedger.Create(genesis);
        var node = ledger.State.GetNode(TestNet.Key(1).Address)!;
        Assert.Equal(["analytic", "montecarlo"], node.Capabilities.Names.ToArray());
        Assert.Equal(5000UL, node.StakeMinorUnits);
        Assert.Equal(1_000_000_000UL, ledger.State.GetAccount(TestNet.Key(0).Address)!.BalanceOf("ASY"));
        Assert.Equal((UInt128)1_000_005_000, ledger.State.Chain.GenesisSupply["ASY"]);
        Assert.Equal(0UL, ledger.Head.Height);
        Assert.Equal(SettlementLedger.Create(GenesisJson.Parse(Doc())).Head.Hash, ledger.Head.Hash);
    }

    [Theory]
    [InlineData("""{"min_stake":0}""", "parameters.min_stake")]
    [InlineData("""{"slash_wrong_reveal_bps":10001}""", "parameters.slash_wrong_reveal_bps")]
    [InlineData("""{"commit_window_blocks":-1}""", "parameters.commit_window_blocks")]
    [InlineData("""{"comit_window_blocks":3}""", "parameters.comit_window_blocks")]
    [InlineData("""{"native_asset":"asy"}""", "parameters.native_asset")]
    public void Bad_parameters_name_their_field(string parameters, string field)
    {
        var e = Assert.Throws<GenesisException>(() => GenesisJson.Parse(Doc(parameters: parameters)));
        Assert.Equal(field, e.Field);
        Assert.StartsWith(field, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData($$$"""[{"address":"asy123","balances":{}}]""", "accounts[0].address")]
    [InlineData($$$"""[{"address":"{{{Alice}}}","balances":{"ASY":-5}}]""", "accounts[0].balances.ASY")]
    [InlineData($$$"""[{"address":"{{{Alice}}}","balances":{"ASY":1.5}}]""", "accounts[0].balances.ASY")]
    [InlineData($$$"""[{"address":"{{{Alice}}}","balances":{"usd":1}}]""", "accounts[0].balances.usd")]
    [InlineData($$$"""[{"address":"{{{Alice}}}"}]""", "accounts[0].balances")]
    [InlineData($$$"""[{"address":"{{{Alice}}}","balances":{},"x":1},{}]""", "accounts[0].x")]
    [InlineData($$$"""[{"address":"{{{Alice}}}","balances":{}},{"address":"{{{Alice}}}","balances":{}}]""", "accounts[1].address")]
    public void Bad_accounts_name_their_field(string accounts, string field)
    {
        var e = Assert.Throws<GenesisException>(() => GenesisJson.Parse(Doc(accounts: accounts)));
        Assert.Equal(field, e.Field);
    }

    [Theory]
    [InlineData($$$"""[{"address":"{{{Node}}}","stake":999,"capabilities":["analytic"],"cores":1}]""", "nodes[0].stake")]
    [InlineData($$$"""[{"address":"{{{Node}}}","stake":5000,"capabilities":[],"cores":1}]""", "nodes[0].capabilities")]
    [InlineData($$$"""[{"address":"{{{Node}}}","stake":5000,"capabilities":["Analytic"],"cores":1}]""", "nodes[0].capabilities")]
    [InlineData($$$"""[{"address":"{{{Node}}}","stake":5000,"capabilities":["analytic"],"cores":0}]""", "nodes[0].cores")]
    [InlineData($$$"""[{"address":"{{{Node}}}","stake":5000,"capabilities":["analytic"]}]""", "nodes[0].cores")]
    public void Bad_nodes_name_their_field(string nodes, string field)
    {
        var e = Assert.Throws<GenesisException>(() => GenesisJson.Parse(Doc(nodes: nodes)));
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void Malformed_json_and_oversupply_are_refused()
    {
        Assert.Equal("genesis", Assert.Throws<GenesisException>(() => GenesisJson.Parse("{")).Field);
        Assert.Equal("timestamp_unix_ms", Assert.Throws<GenesisException>(() => GenesisJson.Parse("{}")).Field);
        var two = $$$"""[{"address":"{{{Alice}}}","balances":{"ASY":18446744073709551615}},{"address":"{{{Node}}}","balances":{"ASY":1}}]""";
        var genesis = GenesisJson.Parse(Doc(accounts: two, nodes: "[]"));
        Assert.Equal("accounts", Assert.Throws<GenesisException>(() => SettlementLedger.Create(genesis)).Field);
    }

    [Fact]
    public void Block_time_never_goes_back()
    {
        var ledger = SettlementLedger.Create(GenesisJson.Parse(Doc()));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ledger.ApplyBlock(1_789_999_999_999, []));
        Assert.Contains("timestamp", e.Message, StringComparison.Ordinal);
        Assert.Equal(0UL, ledger.Head.Height);
        Assert.Equal(1UL, ledger.ApplyBlock(1_790_000_000_000, []).Header.Height);
    }
}
