using CmWire = Sunbay.Client.CmCom.Wire;

namespace Sunbay.Client.Testing.Internal;

/// <summary>
/// CM.com's error answers: <c>application/problem+json</c> with <c>status</c>, <c>title</c>, <c>detail</c> and
/// <c>instance</c> (the request path), as in the guide's example <c>{"status":403,"title":"Forbidden","detail":"Invalid
/// API Key.","instance":"/stores"}</c>; no <c>type</c> (about:blank).
/// </summary>
internal static class CmComProblem
{
    public const string ContentType = "application/problem+json";

    public static FakeAnswer Answer(int status, string detail, string instance) =>
        new(status, null, CmComJson.Write(new CmWire.Problem { Status = status, Title = Title(status), Detail = detail, Instance = instance }), ContentType);

    private static string Title(int status) => status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        415 => "Unsupported Media Type",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Error",
    };
}
