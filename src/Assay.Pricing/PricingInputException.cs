namespace Assay.Pricing;

/// <summary>A pricing input outside its allowed range; the message names the field and the range.</summary>
public sealed class PricingInputException : ArgumentException
{
    /// <summary>Creates the error for <paramref name="field"/> with a message that already names it.</summary>
    public PricingInputException(string field, string message)
        : base(message, field) => Field = field;

    /// <summary>The input field as the CLI and CSV formats spell it, e.g. <c>sigma</c>.</summary>
    public string Field { get; }

    /// <summary>The message alone, without the "(Parameter …)" suffix the base class appends.</summary>
    public override string Message => base.Message.Replace($" (Parameter '{Field}')", string.Empty, StringComparison.Ordinal);
}
