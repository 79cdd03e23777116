namespace Sunbay.Cli;

/// <summary>Process exit codes of the <c>sunbay</c> command.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadArguments = 64;
    public const int BadConfiguration = 78;
}
