using System.Runtime.Intrinsics;

namespace Assay.Numerics.Tests.Elementary;

/// <summary>One DMath function in its scalar, Vector256 and Vector512 forms, named as in the reference CSV.</summary>
internal sealed record ElementaryFunction(
    string Name,
    Func<double, double> Scalar,
    Func<Vector256<double>, Vector256<double>> V256,
    Func<Vector512<double>, Vector512<double>> V512)
{
    public static readonly ElementaryFunction Exp = new("exp", DMath.Exp, DMath.Exp, DMath.Exp);
    public static readonly ElementaryFunction Expm1 = new("expm1", DMath.Expm1, DMath.Expm1, DMath.Expm1);
    public static readonly ElementaryFunction Log = new("log", DMath.Log, DMath.Log, DMath.Log);
    public static readonly ElementaryFunction Log1p = new("log1p", DMath.Log1p, DMath.Log1p, DMath.Log1p);
    public static readonly ElementaryFunction Sqrt = new("sqrt", DMath.Sqrt, DMath.Sqrt, DMath.Sqrt);

    public static ElementaryFunction ByName(string name) => name switch
    {
        "exp" => Exp,
        "expm1" => Expm1,
        "log" => Log,
        "log1p" => Log1p,
        "sqrt" => Sqrt,
        _ => throw new ArgumentException($"unknown function '{name}'", nameof(name)),
    };

    public override string ToString() => Name;
}
