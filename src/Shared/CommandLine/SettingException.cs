namespace Sunbay.CommandLine;

/// <summary>A setting is missing or wrong; the message says which and how to fix it.</summary>
internal sealed class SettingException(string message) : Exception(message);
