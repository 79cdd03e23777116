namespace Sunbay.Client.CmCom;

/// <summary>Today's totals of a terminal ("today" is CM.com's day), as the formatted receipt CM.com prints them in.</summary>
/// <param name="TerminalId">The terminal.</param>
/// <param name="Receipt">The formatted totals receipt.</param>
public sealed record CmComDayTotals(string TerminalId, string Receipt);
