// Package transport is the provider's single HTTP stack. Every product client
// (Jama, Interchange, Jitterbit, aqua, Jira) sends its requests through a
// [Client] created by [New].
//
// A Client adds, on top of go-retryablehttp:
//
//   - retries of 429, 502, 503 and 504 answers and of transport failures,
//     limited to requests that are safe to repeat (idempotent methods, or
//     POST/PATCH when the failure proves the request was not applied or when
//     [Request.Retryable] is set); a 500 is retried for idempotent methods
//     only, since repeating a read, replace or delete is harmless, while a
//     create is left to its caller, which looks the object up first;
//   - waits that honour Retry-After and X-RateLimit-Reset, otherwise
//     exponential back-off with jitter;
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
