using System.Text.Json;

namespace Sunbay.Client.Wire;

/// <summary>Makes an answer of the bytes of a whole success body (<see cref="Http.PipelineHttp.ReadAnswerAsync"/>).</summary>
/// <typeparam name="TAnswer">The answer's type.</typeparam>
internal interface IAnswerReader<TAnswer>
    where TAnswer : class
{
    /// <summary>The answer in <paramref name="body"/>; <see langword="null"/> for a JSON <c>null</c>.</summary>
    /// <exception cref="JsonException">The body is not JSON of the answer's type (the serializer's exception).</exception>
    TAnswer? Read(ReadOnlySpan<byte> body);
}
