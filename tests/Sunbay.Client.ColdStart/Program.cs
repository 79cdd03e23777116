using System.Diagnostics;
using Sunbay.Client.ColdStart;

// Cold start of Sunbay.Client (issue 12): from process start to the first sale + query answered on loopback. Prints the
// time since the process started and the phases inside Main, exits 0 when both calls were answered as canned.
// Measured as a whole process, JIT and Native AOT: tests/Sunbay.Client.ColdStart/measure.sh. The same file is compiled into
// tests/Sunbay.Client.ColdStart.Official with an SdkCalls.cs that calls SUNBAY's official SDK instead (issue 22).
var main = Stopwatch.GetTimestamp();
using var server = RawServer.Start();
var serverReady = Stopwatch.GetElapsedTime(main);
using var client = SdkCalls.Create(new Uri($"http://127.0.0.1:{server.Port}/"));
var clientBuilt = Stopwatch.GetElapsedTime(main);
var saleId = await SdkCalls.SaleAsync(client);
var saleDone = Stopwatch.GetElapsedTime(main);
var (queryId, succeeded) = await SdkCalls.QueryAsync(client, SunbayEnvelopes.TransactionId);
var queryDone = Stopwatch.GetElapsedTime(main);
var now = DateTime.Now;

// The kernel records a process's start in clock ticks (10 ms here): the whole-process timing of measure.sh is the figure.
using var self = Process.GetCurrentProcess();
var sinceStart = now - self.StartTime;
var ok = saleId == SunbayEnvelopes.TransactionId && queryId == SunbayEnvelopes.TransactionId && succeeded;
Console.WriteLine(
    $"cold start of {SdkCalls.Name} ({(System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported ? "JIT" : "Native AOT")}): first sale + query answered {sinceStart.TotalMilliseconds:F0} ms after process start (±10 ms); " +
    $"in Main {queryDone.TotalMilliseconds:F1} ms: server {serverReady.TotalMilliseconds:F1}, client {(clientBuilt - serverReady).TotalMilliseconds:F1}, " +
    $"sale {(saleDone - clientBuilt).TotalMilliseconds:F1}, query {(queryDone - saleDone).TotalMilliseconds:F1}; " +
    $"JIT {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F0} ms for {System.Runtime.JitInfo.GetCompiledMethodCount()} methods; {(ok ? "answers as canned" : "UNEXPECTED ANSWERS")}");
return ok ? 0 : 1;
