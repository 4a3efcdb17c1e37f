// Package transport is the provider's single HTTP stack. Every product client
// (Jama, Interchange, Jitterbit, aqua, Jira) sends its requests through a
// [Client] created by [New].
//
// A Client adds, on top of net/http:
//
//   - pacing: every attempt waits for a [Pacer], a token bucket shared by
//     the Clients of one product endpoint, which slows down on 429 answers
//     and recovers afterwards;
//   - three retry budgets that match the failure: 429 answers are repeated
//     after the server's Retry-After (or X-RateLimit-Reset) for up to
//     Config.RateLimitWait in total, without spending Config.MaxRetries;
//     500, 502, 503 and 504 answers and transient transport errors spend
//     Config.MaxRetries, for requests that are safe to repeat (idempotent
//     methods, or POST/PATCH when the failure proves the request was not
//     applied or when [Request.Retryable] is set), so a create is left to
//     its caller, which looks the object up first; a refused connection is
//     tried at most twice;
//   - waits without a server hint that follow Config.Backoff (Jama's
//     schedule, [JamaBackoff]) or grow exponentially with jitter;
//   - permanent failures that fail at once and can be recognised by their
//     callers to name the fix: [IsPlainHTTPServer], [IsCertificateError],
//     [IsUnknownHost], [IsConnectionRefused], [IsTimeout], [IsRateLimited];
//   - a timeout per attempt, TLS with optional extra CA certificates and a
//     minimum of TLS 1.2, and a fixed User-Agent;
//   - a cap on the size of response bodies ([ErrBodyTooLarge]);
//   - one log entry per attempt through terraform-plugin-log, in the "http"
//     subsystem of the provider logger, with secrets masked (see
//     [MaskHeaders], [MaskBody], [MaskURL] and [IsSecretKey]). Headers and
//     bodies are logged only at TRACE level. The level of the subsystem
//     follows the provider level unless TF_LOG_PROVIDER_ALMSYNC_HTTP is set.
//
// HTTP error statuses are not Go errors: [Client.Do] returns the response and
// the caller maps the status. Go errors are [*RequestError] values that name
// the product, method, URL (masked) and operation.
package transport
