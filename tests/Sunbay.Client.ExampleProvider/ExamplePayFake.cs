using System.Net;
using System.Text;
using System.Text.Json;

namespace ExamplePay;

/// <summary>What the cardholder does with the next payment on <see cref="ExamplePayFake"/>'s terminal.</summary>
public enum ExampleCard
{
    /// <summary>Presents a card the issuer approves.</summary>
    Approve,

    /// <summary>Presents a card the issuer declines.</summary>
    Decline,

    /// <summary>Cancels on the terminal.</summary>
    CardholderCancels,

    /// <summary>Never presents a card: the payment stays pending until it is cancelled or expires.</summary>
    NeverPresent,
}

/// <summary>
/// Example Pay's cloud and terminal, in memory, as an <see cref="HttpMessageHandler"/> on a clock of the test's: a
/// payment is final <see cref="CardPresentDelay"/> after it starts (as scripted), a never-presented one expires after
/// five minutes; keys are idempotent; a cancel of a final payment is refused (409). Its API is under <c>/v1/</c>.
/// </summary>
public sealed class ExamplePayFake(TimeProvider time, string apiKey) : HttpMessageHandler
{
    private static readonly TimeSpan Expiry = TimeSpan.FromMinutes(5);

    private readonly object _gate = new();
    private readonly Dictionary<string, Payment> _payments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);
    private readonly Queue<ExampleCard> _script = new();
    private int _requests;
    private int _starts;
    private int _next;
    private bool _loseNextStartAnswer;

    /// <summary>Where a client sends to reach the fake (its requests never leave the process).</summary>
    public static Uri BaseAddress { get; } = new("https://api.example-pay.test/v1/");

    /// <summary>
    /// A client of this fake, with its key and clock: its pipeline sends through the fake and leaves it running when it
    /// is disposed, so that several clients (an application's instances, restarts) share one fake cloud.
    /// </summary>
    public ExamplePayClient CreateClient() =>
        new(new Sunbay.Client.Pipeline.PaymentsPipelineOptions { BaseAddress = BaseAddress, ApiKey = apiKey }, new Shared(this), time);

    /// <summary>How long after its start a payment becomes final. Default 3 s.</summary>
    public TimeSpan CardPresentDelay { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How many requests the fake has received.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>How many start requests (<c>POST payments</c>) the fake has received.</summary>
    public int Starts => Volatile.Read(ref _starts);

    /// <summary>The next start is processed and its answer lost (the connection drops before it is sent).</summary>
    public void LoseNextStartAnswer()
    {
        lock (_gate)
        {
            _loseNextStartAnswer = true;
        }
    }

    /// <summary>How many payments and refunds the fake has created.</summary>
    public int Created
    {
        get
        {
            lock (_gate)
            {
                return _payments.Count;
            }
        }
    }

    /// <summary>What the cardholder does with the next payment (then approvals again).</summary>
    public void Next(ExampleCard card)
    {
        lock (_gate)
        {
            _script.Enqueue(card);
        }
    }

    /// <inheritdoc/>
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (request.Headers.Authorization is not { Scheme: "Bearer" } auth || auth.Parameter != apiKey)
        {
            return Error(HttpStatusCode.Unauthorized, "unauthorized", "The API key is not valid.");
        }

        // Example Pay's API lives under /v1/.
        var path = request.RequestUri!.AbsolutePath.TrimStart('/').Split('/');
        lock (_gate)
        {
            if (request.Method == HttpMethod.Post && path is [_, "payments"])
            {
                _starts++;
                if (_loseNextStartAnswer)
                {
                    _loseNextStartAnswer = false;
                    _ = Start(body);
                    throw new HttpRequestException(HttpRequestError.ResponseEnded, "The connection closed before the answer (fake fault).");
                }
            }

            return (request.Method.Method, path) switch
            {
                (_, not ["v1", ..]) => NotFound(),
                ("POST", [_, "payments"]) => Start(body),
                ("GET", [_, "payments", var id]) => _payments.TryGetValue(id, out var found) ? Json(HttpStatusCode.OK, found.Read(time.GetUtcNow())) : NotFound(),
                ("GET", [_, "idempotency-keys", var key]) => _keys.TryGetValue(Uri.UnescapeDataString(key), out var byKey) ? Json(HttpStatusCode.OK, _payments[byKey].Read(time.GetUtcNow())) : NotFound(),
                ("POST", [_, "payments", var id, "cancel"]) => Cancel(id),
                _ => NotFound(),
            };
        }
    }

    private HttpResponseMessage Start(string text)
    {
        PaymentBody? body;
        try
        {
            body = JsonSerializer.Deserialize(text, ExamplePayJson.Default.PaymentBody);
        }
        catch (JsonException ex)
        {
            return Error(HttpStatusCode.BadRequest, "invalid_json", ex.Message);
        }

        if (body is null || body.Amount <= 0 || body.Currency.Length != 3 || body.Reference.Length == 0 || body.IdempotencyKey.Length == 0 || body.Kind is not ("payment" or "refund"))
        {
            return Error(HttpStatusCode.UnprocessableEntity, "invalid_request", "kind, amount, currency, reference and idempotency_key are required.");
        }

        if (_keys.TryGetValue(body.IdempotencyKey, out var existing))
        {
            var first = _payments[existing];
            return first.Kind == body.Kind && first.Amount == body.Amount && first.Currency == body.Currency && first.Reference == body.Reference
                ? Json(HttpStatusCode.OK, first.Read(time.GetUtcNow()))
                : Error(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused", "The idempotency key was used with another request.");
        }

        if (body.Kind == "refund" && (body.OriginalPaymentId is not { } original || !_payments.TryGetValue(original, out var paid) || paid.Read(time.GetUtcNow()).Status != "approved"))
        {
            return Error(HttpStatusCode.UnprocessableEntity, "invalid_original", "original_payment_id must name an approved payment.");
        }

        var payment = new Payment($"pay_{++_next:D6}", body, time.GetUtcNow(), _script.TryDequeue(out var card) ? card : ExampleCard.Approve, CardPresentDelay);
        _payments.Add(payment.Id, payment);
        _keys.Add(body.IdempotencyKey, payment.Id);
        return Json(HttpStatusCode.Created, payment.Read(time.GetUtcNow()));
    }

    private HttpResponseMessage Cancel(string id)
    {
        if (!_payments.TryGetValue(id, out var payment))
        {
            return NotFound();
        }

        return payment.TryCancel(time.GetUtcNow())
            ? Json(HttpStatusCode.OK, payment.Read(time.GetUtcNow()))
            : Error(HttpStatusCode.Conflict, "too_late", "The payment is final.");
    }

    private static HttpResponseMessage NotFound() => Error(HttpStatusCode.NotFound, "not_found", "No such payment.");

    private static HttpResponseMessage Json(HttpStatusCode status, PaymentWire payment) =>
        new(status) { Content = new StringContent(JsonSerializer.Serialize(payment, ExamplePayJson.Default.PaymentWire), Encoding.UTF8, "application/json") };

    private static HttpResponseMessage Error(HttpStatusCode status, string code, string message) =>
        new(status)
        {
            Content = new StringContent(
                JsonSerializer.Serialize(new ErrorWire { Error = new ErrorDetail { Code = code, Message = message, RequestId = "req_" + code } }, ExamplePayJson.Default.ErrorWire),
                Encoding.UTF8,
                "application/json"),
        };

    /// <summary>One payment or refund; its final state is reached when it is first read after its time.</summary>
    private sealed class Payment(string id, PaymentBody body, DateTimeOffset created, ExampleCard card, TimeSpan delay)
    {
        private string _status = "pending";

        public string Id => id;

        public string Kind => body.Kind;

        public long Amount => body.Amount;

        public string Currency => body.Currency;

        public string Reference => body.Reference;

        public bool TryCancel(DateTimeOffset now)
        {
            if (Read(now).Status != "pending")
            {
                return false;
            }

            _status = "cancelled";
            return true;
        }

        public PaymentWire Read(DateTimeOffset now)
        {
            if (_status == "pending")
            {
                _status = card switch
                {
                    ExampleCard.NeverPresent => now >= created + Expiry ? "expired" : "pending",
                    _ when now < created + delay => "pending",
                    ExampleCard.Approve => "approved",
                    ExampleCard.Decline => "declined",
                    _ => "cancelled",
                };
            }

            var approved = _status == "approved";
            return new PaymentWire
            {
                Id = id,
                Kind = body.Kind,
                Status = _status,
                Amount = body.Amount,
                Currency = body.Currency,
                Reference = body.Reference,
                Terminal = body.Terminal ?? "EX-T1",
                ResultCode = _status switch { "approved" => "00", "declined" => "05", _ => null },
                ResultMessage = _status switch { "approved" => "Approved", "declined" => "Do not honour", _ => null },
                AuthCode = approved ? "A1B2C3" : null,
                CardBrand = _status is "approved" or "declined" ? "VISA" : null,
                MaskedCard = _status is "approved" or "declined" ? "411111******1111" : null,
                Stan = _status is "approved" or "declined" ? id[^6..] : null,
            };
        }
    }

    /// <summary>The fake as one client's handler: disposing the client's pipeline disposes this, not the fake.</summary>
    private sealed class Shared(HttpMessageHandler fake) : HttpMessageHandler
    {
        private readonly HttpMessageInvoker _fake = new(fake, disposeHandler: false);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            _fake.SendAsync(request, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _fake.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
