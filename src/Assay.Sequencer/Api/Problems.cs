
namespace Assay.Sequencer.Api;

/// <summary>Builds the RFC 9457 problem-details answers: <c>title</c>, <c>status</c>, <c>detail</c>, and the members <c>field</c> and (for ledger rejections) <c>reason</c>.</summary>
internal static class Problems
{
    public static IResult Of(int status, string title, string detail, string field, string? reason = null)
    {
        var extensions = new Dictionary<string, object?> { ["field"] = field };
        if (reason is not null)
        {
            extensions["reason"] = reason;
        }

        return Results.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);
    }

    public static IResult BadRequest(string field, string detail, string? reason = null) => Of(StatusCodes.Status400BadRequest, "Bad request", detail, field, reason);

    public static IResult NotFound(string field, string detail) => Of(StatusCodes.Status404NotFound, "Not found", detail, field);

    public static IResult Unavailable(string detail) => Of(StatusCodes.Status503ServiceUnavailable, "Sequencer unavailable", detail, "sequencer");

    /// <summary>Writes a problem directly to a response whose endpoint did not run (middleware).</summary>
    public static Task WriteAsync(HttpContext context, int status, string title, string detail, string field)
    {
        context.Response.Clear();
        return Of(status, title, detail, field).ExecuteAsync(context);
    }
}
