namespace Assay.Compute.Tasks;

/// <summary>A task spec, its inputs or a task result breaks a rule; the message names the field and the allowed range.</summary>
public sealed class TaskSpecException : ArgumentException
{
    /// <summary>Creates the exception for a field.</summary>
    /// <param name="field">The field as the spec spells it, e.g. "item_count".</param>
    /// <param name="message">What is wrong and what is allowed.</param>
    public TaskSpecException(string field, string message)
        : base(message)
    {
        Field = field;
    }

    /// <summary>The offending field.</summary>
    public string Field { get; }

    /// <summary>The message alone, without the "(Parameter …)" suffix.</summary>
    public override string Message => base.Message;
}
