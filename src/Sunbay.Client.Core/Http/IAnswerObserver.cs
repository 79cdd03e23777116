namespace Sunbay.Client.Http;

/// <summary>
/// Reads what a call's successful answer says outside its body (CM.com's paging headers <c>Link</c> and
/// <c>X-Total-Count</c>). Given per call by the caller that needs it; a call without one costs nothing.
/// </summary>
internal interface IAnswerObserver
{
    /// <summary>Called once the answer's body was read, before the response is disposed.</summary>
    /// <param name="response">The successful answer.</param>
    void Observe(HttpResponseMessage response);
}
