namespace Sunbay.CommandLine;

/// <summary>Process exit codes of the <c>sunbay</c> tool and the console sample (BSD sysexits for usage and configuration).</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;

    /// <summary>A payment the command made was declined (the console sample's commands).</summary>
    public const int Declined = 2;

    public const int BadArguments = 64;
    public const int BadConfiguration = 78;
}
