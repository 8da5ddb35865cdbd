using System.Net;

namespace Assay.Client;

/// <summary>The sequencer answered with a problem-details error: status, title, detail, the offending field and the ledger's rejection reason.</summary>
public sealed class AssayApiException : Exception
{
    /// <summary>Creates the exception from the parts of a problem-details answer.</summary>
    public AssayApiException(HttpStatusCode status, string title, string detail, string? field, string? reason, TimeSpan? retryAfter = null)
        : base($"{(int)status} {title}: {detail}{(field is null ? string.Empty : $" (field {field}{(reason is null ? string.Empty : $", reason {reason}")})")}")
    {
        Status = status;
        Title = title;
        Detail = detail;
        Field = field;
        Reason = reason;
        RetryAfter = retryAfter;
    }

    /// <summary>HTTP status code.</summary>
    public HttpStatusCode Status { get; }

    /// <summary>Problem title.</summary>
    public string Title { get; }

    /// <summary>Problem detail.</summary>
    public string Detail { get; }

    /// <summary>The request field at fault (<c>tx</c>, <c>address</c>, <c>height</c>, <c>body</c>, …), or null.</summary>
    public string? Field { get; }

    /// <summary>The ledger's <c>RejectionReason</c> name (e.g. <c>BadSignature</c>, <c>NonceReused</c>), or null.</summary>
    public string? Reason { get; }

    /// <summary>The server's <c>Retry-After</c> (429), or null.</summary>
    public TimeSpan? RetryAfter { get; }
}
