using Assay.Proofs.Canonical;
using Assay.Proofs.Signatures;
using Xunit.Abstractions;

namespace Assay.Proofs.Tests.Signatures;

/// <summary>
/// Fuzz targets run as unit tests for the untrusted decoders of keys, signatures and addresses: random inputs and
/// mutations of valid ones either decode to a value that re-encodes to the same bytes (text), or throw
/// <see cref="CanonicalFormatException"/>; never anything else. The seed is printed and in every message.
/// </summary>
public class SignatureFuzzTests(ITestOutputHelper output)
{
    private const int Iterations = 3000;

    [Fact]
    public void Public_key_signature_and_address_decoders_throw_only_the_format_exception()
    {
        const int Seed = 25619;
        output.WriteLine($"seed {Seed}");
        var random = new Random(Seed);
        using var key = SignatureTests.KeyFromSeed(11);
        var publicKey = key.PublicKey.Encode();
        var signature = key.Sign("assay/test/v1", "fuzz"u8).Encode();
        var address = key.Address.ToString();
        var counts = new int[6];
        for (var iteration = 0; iteration < Iterations; iteration++)
        {
            var keyBytes = Mutate(random, publicKey);
            var signatureBytes = Mutate(random, signature);
            var text = MutateText(random, address);
            var context = $"seed {Seed} iteration {iteration}: key {Convert.ToHexStringLower(keyBytes)}, signature {Convert.ToHexStringLower(signatureBytes)}, address '{text}'";
            counts[Decode(() => Assert.Equal(keyBytes, PublicKey.Decode(keyBytes).Encode()), context)]++;
            counts[2 + Decode(() => Assert.Equal(signatureBytes, Signature.Decode(signatureBytes).Encode()), context)]++;
            counts[4 + Decode(() => Assert.Equal(text, Address.Parse(text).ToString()), context)]++;
        }

        output.WriteLine($"public key: {counts[0]} decoded, {counts[1]} refused; signature: {counts[2]} decoded, {counts[3]} refused; address: {counts[4]} parsed, {counts[5]} refused");
        Assert.True(counts[1] > 0 && counts[3] > 0 && counts[5] > 0, $"seed {Seed}: every decoder refused something");
    }

    /// <summary>0 when <paramref name="action"/> decoded, 1 when it threw the format exception; fails on anything else.</summary>
    private static int Decode(Action action, string context)
    {
        try
        {
            action();
            return 0;
        }
        catch (CanonicalFormatException e)
        {
            Assert.True(e.GetType() == typeof(CanonicalFormatException), context);
            return 1;
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            Assert.Fail($"{context} threw {e.GetType().Name}: {e.Message}");
            return 2;
        }
    }

    private static byte[] Mutate(Random random, byte[] valid)
    {
        var bytes = (byte[])valid.Clone();
        switch (random.Next(5))
        {
            case 0:
                bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                return bytes;
            case 1:
                return bytes[..random.Next(bytes.Length)];
            case 2:
                return [.. bytes, (byte)random.Next(256)];
            case 3:
                var noise = new byte[random.Next(0, 80)];
                random.NextBytes(noise);
                return noise;
            default:
                return bytes;
        }
    }

    private static string MutateText(Random random, string valid)
    {
        var chars = valid.ToCharArray();
        switch (random.Next(4))
        {
            case 0:
                chars[random.Next(chars.Length)] = (char)random.Next(32, 0x250);
                return new string(chars);
            case 1:
                return valid[..random.Next(valid.Length)];
            case 2:
                return valid + (char)random.Next(32, 127);
            default:
                return valid;
        }
    }
}
