namespace Sunbay.Cli;

/// <summary>The state of one checklist item.</summary>
internal enum GoLiveStatus
{
    Passed,
    Failed,
    NotChecked,
}

/// <summary>One line of the checklist.</summary>
/// <param name="Name">The item, one of the <see cref="GoLiveCheck"/> constants.</param>
/// <param name="Status">Passed, failed or not checked.</param>
/// <param name="Detail">What was seen, or what to fix.</param>
/// <param name="Elapsed">How long the item took.</param>
/// <param name="Reference">What to quote to SUNBAY support: <c>traceId …</c>, or a webhook's <c>X-Client-Request-Id …</c>.</param>
internal sealed record GoLiveItemResult(string Name, GoLiveStatus Status, string Detail, TimeSpan Elapsed, string? Reference)
{
    /// <summary>Prints the line: mark, item, timing, detail, and the reference to quote.</summary>
    public void WriteTo(ConsoleUi ui)
    {
        var (mark, color) = Status switch
        {
            GoLiveStatus.Passed => ("✅", ConsoleColor.Green),
            GoLiveStatus.Failed => ("❌", ConsoleColor.Red),
            _ => ("⚪", ConsoleColor.DarkGray),
        };
        var timing = Status == GoLiveStatus.NotChecked ? "-" : $"{Elapsed.TotalSeconds:F2} s";
        var reference = Reference is null ? string.Empty : $"  [{Reference}]";
        ui.Line(color, $"{mark} {Name,-38} {timing,8}  {Detail}{reference}");
    }
}

/// <summary>The whole checklist.</summary>
internal sealed record GoLiveReport(IReadOnlyList<GoLiveItemResult> Items)
{
    public bool Passed => Items.All(i => i.Status != GoLiveStatus.Failed);

    public GoLiveItemResult this[string name] => Items.Single(i => i.Name == name);
}
