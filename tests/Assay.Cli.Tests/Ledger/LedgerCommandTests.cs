using System.Text.Json;
using Assay.Ledger.State;
using Assay.Ledger.Transactions;
using Assay.Proofs.Canonical;
using Assay.Proofs.Hashing;
using Assay.Storage.Chain;
using Assay.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Assay.Cli.Tests.Ledger;

public sealed class LedgerCommandTests(LedgerDemoStore demo) : IClassFixture<LedgerDemoStore>
{
    [Fact]
    public void Replay_from_genesis_matches_every_block_and_prints_the_stored_head_root()
    {
        var (code, stdout, stderr) = CliRunner.Run("ledger", "replay", "--store", demo.Path_, "--from-genesis");
        var head = Head(demo.Path_);
        Assert.True(code == 0, $"store {demo.Path_}: exit {code}; {stdout} {stderr}");
        Assert.Contains($"all {LedgerDemoStore.Blocks} blocks match; head {LedgerDemoStore.Blocks} root {head.StateRoot}", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_from_the_latest_snapshot_checks_only_the_blocks_after_it()
    {
        var (code, stdout, stderr) = CliRunner.Run("ledger", "replay", "--store", demo.Path_);
        var after = LedgerDemoStore.Blocks % LedgerDemoStore.SnapshotEvery;
        Assert.True(code == 0, $"exit {code}; {stdout} {stderr}");
        Assert.Contains($"all {after} blocks match; head {LedgerDemoStore.Blocks}", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_names_the_height_of_a_block_whose_payload_byte_was_flipped()
    {
        const long Height = 7;
        var path = demo.Copy("flipped.db");
        FlipPayloadByte(path, Height, redigest: false);
        var (code, stdout, stderr) = CliRunner.Run("ledger", "replay", "--store", path, "--from-genesis");
        Assert.True(code == 2, $"store {path} height {Height}: exit {code}; {stdout} {stderr}");
        Assert.Contains($"first mismatch at height {Height}:", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.25)]
    [InlineData(0.9)]
    public void Replay_names_the_height_when_a_flipped_payload_carries_a_matching_digest(double where)
    {
        const long Height = 9;
        var path = demo.Copy($"redigested-{where}.db");
        FlipPayloadByte(path, Height, redigest: true, where);
        var (code, stdout, stderr) = CliRunner.Run("ledger", "replay", "--store", path, "--from-genesis");
        Assert.True(code == 2, $"store {path} height {Height} byte at {where}: exit {code}; {stdout} {stderr}");
        Assert.Contains($"first mismatch at height {Height}:", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_json_matches_the_stored_block_and_names_each_rejected_field()
    {
        using var store = SqliteBlockStore.Open(demo.Path_);
        var rejected = 0;
        for (long h = 1; h <= LedgerDemoStore.Blocks; h++)
        {
            var (code, stdout, stderr) = CliRunner.Run("ledger", "show", "--store", demo.Path_, "--height", $"{h}", "--json");
            Assert.True(code == 0, $"height {h}: exit {code}; {stderr}");
            var block = (await LedgerChain.ReadBlockAsync(store, h))!;
            using var doc = JsonDocument.Parse(stdout);
            var root = doc.RootElement;
            Assert.Equal((ulong)h, root.GetProperty("height").GetUInt64());
            Assert.Equal(block.Header.Hash.ToString(), root.GetProperty("hash").GetString());
            Assert.Equal(block.Header.ParentHash.ToString(), root.GetProperty("parent_hash").GetString());
            Assert.Equal(block.Header.StateRoot.ToString(), root.GetProperty("state_root").GetString());
            Assert.Equal(block.Header.TransactionRoot.ToString(), root.GetProperty("tx_root").GetString());
            Assert.Equal(block.Header.TimestampUnixMs, root.GetProperty("timestamp_unix_ms").GetInt64());
            Assert.True(root.GetProperty("fields_recovered").GetBoolean(), $"height {h}");
            var txs = root.GetProperty("transactions").EnumerateArray().ToList();
            Assert.Equal(block.Transactions.Count, txs.Count);
            for (var i = 0; i < txs.Count; i++)
            {
                var tx = block.Transactions[i];
                Assert.Equal(tx.Sender.ToString(), txs[i].GetProperty("sender").GetString());
                Assert.Equal(tx.Nonce, txs[i].GetProperty("nonce").GetUInt64());
                Assert.Equal(tx.Body.Kind.ToString(), txs[i].GetProperty("kind").GetString());
                Assert.Equal(tx.Hash.ToString(), txs[i].GetProperty("hash").GetString());
                var accepted = block.Outcomes[i].Result.IsAccepted;
                Assert.Equal(accepted ? "accepted" : "rejected", txs[i].GetProperty("outcome").GetString());
                if (!accepted)
                {
                    // The demo's only rejections are overdrawn transfers of 5·10^12 against 10^12 balances.
                    rejected++;
                    Assert.Equal(block.Outcomes[i].Result.Reason.ToString(), txs[i].GetProperty("reason").GetString());
                    Assert.Equal(nameof(RejectionReason.InsufficientBalance), txs[i].GetProperty("reason").GetString());
                    Assert.Equal("amount", txs[i].GetProperty("field").GetString());
                    Assert.True(tx.Body is TransferBody { AmountMinorUnits: > 1_000_000_000_000 }, $"height {h} tx {i}: {tx.Body}");
                }
            }
        }

        Assert.True(rejected > 0, $"seed {LedgerDemoStore.Seed}: the demo chain has no rejected transaction to show");
    }

    [Fact]
    public async Task Show_text_prints_the_genesis_header()
    {
        var (code, stdout, stderr) = CliRunner.Run("ledger", "show", "--store", demo.Path_, "--height", "0");
        using var store = SqliteBlockStore.Open(demo.Path_);
        var genesis = (await store.GetBlockAsync(0))!.Value;
        Assert.True(code == 0, $"exit {code}; {stderr}");
        Assert.Contains("height          0", stdout, StringComparison.Ordinal);
        Assert.Contains($"hash            {genesis.Hash}", stdout, StringComparison.Ordinal);
        Assert.Contains($"state_root      {genesis.StateRoot}", stdout, StringComparison.Ordinal);
        Assert.Contains("tx_count        0", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prove_account_json_agrees_with_the_ledger_and_its_proof_verifies()
    {
        var address = LedgerDemoChain.Key(2).Address;
        var (code, stdout, stderr) = CliRunner.Run("ledger", "prove-account", "--store", demo.Path_, address.ToString(), "--json");
        Assert.True(code == 0, $"address {address}: exit {code}; {stderr}");
        using var store = SqliteBlockStore.Open(demo.Path_);
        var chain = await LedgerChain.OpenAsync(store, LedgerChainOptions.Default);
        var account = chain.Ledger.State.GetAccount(address)!;
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.True(root.GetProperty("found").GetBoolean());
        Assert.Equal(address.ToString(), root.GetProperty("address").GetString());
        Assert.Equal(account.Nonce, root.GetProperty("nonce").GetUInt64());
        Assert.True(account.Nonce > 0, $"seed {LedgerDemoStore.Seed}: account 2 never sent");
        var balances = root.GetProperty("balances").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetUInt64());
        Assert.Equal(account.Balances.ToDictionary(), balances);
        var stateRoot = Hash256.Parse(root.GetProperty("state_root").GetString()!);
        Assert.Equal(chain.Ledger.Head.StateRoot, stateRoot);
        Assert.Equal(Head(demo.Path_).StateRoot, stateRoot);

        var proof = CanonicalEncoding.Decode<AccountProof>(Convert.FromHexString(root.GetProperty("proof_encoded").GetString()!));
        Assert.True(proof.Verify(stateRoot));
        Assert.Equal(account, proof.Account);
        var siblings = root.GetProperty("proof_siblings").EnumerateArray().Select(e => Hash256.Parse(e.GetString()!)).ToArray();
        Assert.Equal(proof.Path.Siblings.ToArray(), siblings);
        var forged = proof with { Account = proof.Account.WithBalance("ASY", proof.Account.BalanceOf("ASY") + 1) };
        Assert.False(forged.Verify(stateRoot));
    }

    [Fact]
    public void Prove_account_text_prints_balance_nonce_and_verified_proof()
    {
        var address = LedgerDemoChain.Key(100).Address;
        var (code, stdout, stderr) = CliRunner.Run("ledger", "prove-account", "--store", demo.Path_, address.ToString());
        Assert.True(code == 0, $"address {address}: exit {code}; {stderr}");
        Assert.Contains($"account         {address}", stdout, StringComparison.Ordinal);
        Assert.Contains("verified against the head state root", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Prove_account_of_an_unknown_address_says_so()
    {
        var address = LedgerDemoChain.Key(55).Address;
        var (code, stdout, stderr) = CliRunner.Run("ledger", "prove-account", "--store", demo.Path_, address.ToString());
        Assert.True(code == 0, $"address {address}: exit {code}; {stderr}");
        Assert.Contains($"account {address} is not in the state at height {LedgerDemoStore.Blocks}", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--blocks", "-1", "--snapshot-every", "5")]
    [InlineData("--blocks", "10001", "--snapshot-every", "5")]
    [InlineData("--blocks", "3", "--snapshot-every", "0")]
    public void Demo_rejects_a_bad_flag_by_name_and_writes_nothing(string flag1, string value1, string flag2, string value2)
    {
        var path = Path.Combine(demo.Directory, $"bad-{Guid.NewGuid():N}.db");
        var (code, stdout, stderr) = CliRunner.Run("ledger", "demo", "--store", path, flag1, value1, flag2, value2);
        var named = value1 is "-1" or "10001" ? flag1 : flag2;
        Assert.True(code == 1, $"{flag1} {value1} {flag2} {value2}: exit {code}; {stdout} {stderr}");
        Assert.Contains(named, stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(path), $"{flag1} {value1} {flag2} {value2}: wrote {path}");
        Assert.Equal(string.Empty, stdout);
    }

    [Fact]
    public void Demo_refuses_an_existing_store_and_leaves_it_unchanged()
    {
        var path = demo.Copy("existing.db");
        var before = File.ReadAllBytes(path);
        var (code, stdout, stderr) = CliRunner.Run("ledger", "demo", "--store", path, "--blocks", "2");
        Assert.True(code == 1, $"exit {code}; {stdout} {stderr}");
        Assert.Contains("--store", stderr, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Theory]
    [InlineData("replay")]
    [InlineData("show")]
    [InlineData("prove-account")]
    public void A_missing_store_file_is_an_error_naming_store_and_is_not_created(string sub)
    {
        var path = Path.Combine(demo.Directory, $"missing-{sub}.db");
        var args = sub switch
        {
            "show" => new[] { "ledger", sub, "--store", path, "--height", "1" },
            "prove-account" => ["ledger", sub, "--store", path, LedgerDemoChain.Key(0).Address.ToString()],
            _ => ["ledger", sub, "--store", path],
        };
        var (code, stdout, stderr) = CliRunner.Run(args);
        Assert.True(code == 1, $"{string.Join(' ', args)}: exit {code}; {stdout} {stderr}");
        Assert.Contains("--store", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("15")]
    public void Show_rejects_a_height_outside_the_chain_by_name(string height)
    {
        var (code, stdout, stderr) = CliRunner.Run("ledger", "show", "--store", demo.Path_, "--height", height);
        Assert.True(code == 1, $"--height {height}: exit {code}; {stdout} {stderr}");
        Assert.Contains("--height", stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, stdout);
    }

    [Fact]
    public void Prove_account_rejects_a_malformed_address_by_name()
    {
        var (code, stdout, stderr) = CliRunner.Run("ledger", "prove-account", "--store", demo.Path_, "asy1234");
        Assert.True(code == 1, $"exit {code}; {stdout} {stderr}");
        Assert.Contains("ADDRESS", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_without_store_is_a_usage_error_naming_store()
    {
        var (code, stdout, stderr) = CliRunner.Run("ledger", "replay");
        Assert.True(code == 1, $"exit {code}; {stdout} {stderr}");
        Assert.Contains("--store", stderr, StringComparison.Ordinal);
    }

    private static Assay.Storage.StoredBlock Head(string path)
    {
        using var store = SqliteBlockStore.Open(path);
        return store.GetHeadAsync().GetAwaiter().GetResult()!.Value;
    }

    /// <summary>Flips one byte of the stored block's payload at <paramref name="where"/> (fraction of its length); with <paramref name="redigest"/> also rewrites the stored SHA-256 so the store's own check passes.</summary>
    private static void FlipPayloadByte(string path, long height, bool redigest, double where = 0.5)
    {
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            byte[] encoded;
            using (var read = connection.CreateCommand())
            {
                read.CommandText = "SELECT encoded FROM blocks WHERE height = $h";
                read.Parameters.AddWithValue("$h", height);
                encoded = (byte[])read.ExecuteScalar()!;
            }

            encoded[(int)(encoded.Length * where)] ^= 0x01;
            using var write = connection.CreateCommand();
            write.CommandText = redigest
                ? "UPDATE blocks SET encoded = $e, encoded_sha256 = $d WHERE height = $h"
                : "UPDATE blocks SET encoded = $e WHERE height = $h";
            write.Parameters.AddWithValue("$e", encoded);
            write.Parameters.AddWithValue("$h", height);
            if (redigest)
            {
                write.Parameters.AddWithValue("$d", System.Security.Cryptography.SHA256.HashData(encoded));
            }

            Assert.Equal(1, write.ExecuteNonQuery());
        }
    }
}
