namespace Sunbay.Client.CmCom.Tests.Support;

/// <summary>Copies test options into the instance <c>AddCmComClient(o => ...)</c> configures.</summary>
internal static class OptionsCopy
{
    public static void CopyTo(this CmComClientOptions from, CmComClientOptions to)
    {
        to.BaseAddress = from.BaseAddress;
        to.ApiKey = from.ApiKey;
        to.Terminal = from.Terminal;
        to.PageSize = from.PageSize;
        to.Retry.BaseDelay = from.Retry.BaseDelay;
    }
}
