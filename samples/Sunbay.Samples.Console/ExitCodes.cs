namespace Sunbay.Samples.Console;

/// <summary>Process exit codes.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Declined = 2;
    public const int BadArguments = 64;
    public const int BadConfiguration = 78;
}
