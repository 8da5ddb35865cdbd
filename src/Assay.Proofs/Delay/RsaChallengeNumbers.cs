using System.Globalization;
using System.Numerics;

namespace Assay.Proofs.Delay;

/// <summary>Moduli of unknown factorisation published by RSA Laboratories' factoring challenge.</summary>
/// <remarks>
/// RSA Laboratories, "The RSA Factoring Challenge" (1991; challenge closed 2007; RSA-2048 still unfactored):
/// RSA-2048 has 617 decimal digits, 2048 bits and digit sum 2738. Its factors were destroyed when it was generated, so
/// nobody knows the order of the group (ℤ/Nℤ)^×, which is what a Wesolowski VDF needs.
/// </remarks>
public static class RsaChallengeNumbers
{
    /// <summary>The RSA-2048 challenge number in decimal.</summary>
    public const string Rsa2048Decimal =
        "25195908475657893494027183240048398571429282126204032027777137836043662020707595556264018525880784406918290641249515082189298559149176184502808489120072"
        + "84499268739280728777673597141834727026189637501497182469116507761337985909570009733045974880842840179742910064245869181719511874612151517265463228221686"
        + "99875491824224336372590851418654620435767984233871847744479207399342365848238242811981638150106748104516603773060562016196762561338441436038339044149526"
        + "34432190114657544454178424020924616515723350778707749817125772467962926386356373289912154831438167899885040445364023527381951378636564391212010397122822120720357";

    /// <summary>The RSA-2048 challenge number.</summary>
    public static BigInteger Rsa2048 { get; } = BigInteger.Parse(Rsa2048Decimal, NumberStyles.None, CultureInfo.InvariantCulture);
}
