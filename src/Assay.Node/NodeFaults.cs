namespace Assay.Node;

/// <summary>The command-line spellings of <see cref="NodeFault"/> and the log prefix of a faulty node.</summary>
public static class NodeFaults
{
    /// <summary>The accepted <c>--fault</c> values.</summary>
    public static IReadOnlyList<string> Names { get; } = ["wrong-result", "lazy", "no-reveal", "slow"];

    /// <summary>Parses a <c>--fault</c> value; null or empty means <see cref="NodeFault.None"/>.</summary>
    /// <exception cref="ArgumentException">Not one of <see cref="Names"/>.</exception>
    public static NodeFault Parse(string? text) => text switch
    {
        null or "" or "none" => NodeFault.None,
        "wrong-result" => NodeFault.WrongResult,
        "lazy" => NodeFault.Lazy,
        "no-reveal" => NodeFault.NoReveal,
        "slow" => NodeFault.Slow,
        _ => throw new ArgumentException($"--fault: one of {string.Join('|', Names)}; got '{text}'.", nameof(text)),
    };

    /// <summary>The command-line spelling of <paramref name="fault"/> (<c>none</c> for an honest node).</summary>
    public static string Name(NodeFault fault) => fault switch
    {
        NodeFault.WrongResult => "wrong-result",
        NodeFault.Lazy => "lazy",
        NodeFault.NoReveal => "no-reveal",
        NodeFault.Slow => "slow",
        _ => "none",
    };

    /// <summary>The prefix of every log line of a faulty node: <c>[FAULT MODE name] </c>; empty for an honest node.</summary>
    public static string LogPrefix(NodeFault fault) => fault == NodeFault.None ? string.Empty : $"[FAULT MODE {Name(fault)}] ";
}
