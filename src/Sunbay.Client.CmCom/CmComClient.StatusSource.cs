using Microsoft.Extensions.Logging;
using Sunbay.Client.CmCom.Transactions;

namespace Sunbay.Client.CmCom;

/// <summary>The client as the status source of the operations it returns: each member delegates to the client's own.</summary>
public sealed partial class CmComClient : ICmComStatusSource
{
    TimeProvider ICmComStatusSource.TimeProvider => _pipeline.Time;

    ILogger ICmComStatusSource.Logger => Logger;

    CancellationToken ICmComStatusSource.Lifetime => _lifetime.Token;

    bool ICmComStatusSource.IsDisposed => IsDisposed;

    CmComPollingOptions ICmComStatusSource.Polling => CurrentOptions.Polling;
}
