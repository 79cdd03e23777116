#!/usr/bin/env python3
"""Where a call's time goes, from a dotnet-trace sample (see ../PROFILE.md for the commands).

Reads speedscope files written by `dotnet-trace collect --profile dotnet-sampled-thread-time --format Speedscope`
around `profile --case NAME --seconds S` and prints, per file, the share of the samples taken inside the measured
batches (Measure.BatchAsync) that fall in each bucket. A sample goes to the canned server or to the harness when any
frame of its stack is theirs, otherwise to the bucket of its leaf-most frame that matches one (methods only, arguments
ignored). The sampler stops threads at safe points, so code without a safe point (inlined helpers, allocation) shows
up in its caller's frame: the 'own frames' buckets hold that.

    python3 trace-buckets.py floor-sale.speedscope.json sunbay-sale.speedscope.json ...
"""
import collections
import json
import re
import sys

# (name, pattern on the method name, anywhere-in-stack wins)
BUCKETS = [
    ("harness (between batches)", r"GC\.Collect|WaitForPendingFinalizers|get_CpuUsage|GetTotalAllocatedBytes", True),
    ("canned server in memory (not the client)", r"InMemoryHandler", True),
    ("JSON write", r"System\.Text\.Json!.*(Write|Serialize)", False),
    ("JSON read", r"System\.Text\.Json!.*(Read|Deserializ)|JsonDocument", False),
    ("Date header parse", r"ReadDate|DateTimeParse|ServerClock", False),
    ("request validation (rules, regex)", r"\.Validate$|WireRules|RegularExpressions|RequestRules|CmComRules|CheckRules", False),
    ("Guid.NewGuid", r"Guid\.NewGuid", False),
    ("time limits (CTS, timers)", r"CancellationTokenSource|CancelAfter|SunbayDeadline|TimerQueue|System\.Threading\.Timer", False),
    ("telemetry (span, metrics, logs)", r"CallScope|Activity|Meter|Instrument|Histogram|LoggerMessage|\.Log\.", False),
    ("Polly strategies", r"Polly", False),
    ("clock and timestamps", r"UtcNow|GetTimestamp|GetElapsedTime|DateTimeFormat|TimeProvider", False),
    ("headers", r"HttpHeaders|HeaderDescriptor|TryAddWithoutValidation|AuthenticateAsync|AddHeaders|MediaTypeHeaderValue", False),
    ("Uri", r"System\.Private\.Uri!", False),
    ("HttpClient, messages, content", r"System\.Net\.Http!", False),
    ("answer to public type (mapping)", r"Mapper|FromWire|ToWire|TransactionOperation|CmComTransaction\b|TransactionStatus", False),
    ("SDK's own frames (facade, pipeline, call)", r"^Sunbay\.Client(\.CmCom)?!", False),
    ("floor's own frames", r"FloorClient", False),
    ("async machinery", r"AsyncMethodBuilder|AsyncTaskMethodBuilder|AsyncValueTaskMethodBuilder|ExecutionContext", False),
]


def shares(path):
    data = json.load(open(path))
    names = [f["name"] for f in data["shared"]["frames"]]
    kind = []
    for name in names:
        method = name.split("(")[0]
        kind.append(next((i for i, (_, rx, _) in enumerate(BUCKETS) if re.search(rx, method)), None))
    profile = max(data["profiles"], key=lambda p: sum(1 for e in p["events"] if "BatchAsync" in names[e["frame"]]))
    weights, stack, last = collections.Counter(), [], profile["startValue"]
    for event in profile["events"]:
        width = event["at"] - last
        if stack and width > 0 and any("BatchAsync" in names[f] for f in stack):
            bucket = next((kind[f] for f in stack if kind[f] is not None and BUCKETS[kind[f]][2]), None)
            if bucket is None:
                bucket = next((kind[f] for f in reversed(stack) if kind[f] is not None), None)
            weights[bucket] += width
        last = event["at"]
        if event["type"] == "O":
            stack.append(event["frame"])
        else:
            stack.pop()
    return weights


for path in sys.argv[1:]:
    weights = shares(path)
    calls = sum(weights.values()) - weights[0]
    print(f"== {path.split('/')[-1].replace('.speedscope.json', '')}: {calls:.0f} ms of samples inside calls")
    for bucket, weight in sorted(weights.items(), key=lambda kv: -kv[1]):
        if bucket != 0 and weight / calls >= 0.005:
            print(f"  {100 * weight / calls:5.1f}%  {BUCKETS[bucket][0] if bucket is not None else 'other (runtime, unresolved)'}")
