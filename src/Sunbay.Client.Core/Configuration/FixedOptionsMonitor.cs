using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;

namespace Sunbay.Client;

/// <summary>
/// The settings of a client built without dependency injection, as the pipeline reads them (by name, at each call): one
/// instance, whatever the name, never reloaded; a change made to it applies to the next call.
/// </summary>
/// <typeparam name="TOptions">The client's options.</typeparam>
/// <param name="value">The client's settings.</param>
internal sealed class FixedOptionsMonitor<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions>(TOptions value) : IOptionsMonitor<TOptions>
{
    public TOptions CurrentValue => value;

    public TOptions Get(string? name) => value;

    public IDisposable? OnChange(Action<TOptions, string?> listener) => null;
}
