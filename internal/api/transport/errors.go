package transport

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// ErrBodyTooLarge is wrapped by the error [Client.Do] returns when a response
// body exceeds Config.MaxBodyBytes.
var ErrBodyTooLarge = errors.New("response body too large")

// ErrInvalidURL is wrapped by the error [Client.Do] returns when the request
// URL is not an absolute http or https URL. Such requests are never sent.
var ErrInvalidURL = errors.New("invalid request URL")

// ErrInvalidCACert is wrapped by the error [New] returns when
// Config.CACertPEM holds no valid certificate.
var ErrInvalidCACert = errors.New("invalid CA certificate PEM")

// RequestError is the error [Client.Do] returns. It names the request and
// wraps the cause: a transport error, a context error, [ErrBodyTooLarge],
// [ErrInvalidURL], or a [*StatusError] when retries were exhausted on a
// retryable status.
type RequestError struct {
	Product   string // product name, e.g. "Jama"
	Method    string // HTTP method
	URL       string // request URL with credentials and secret parameters masked
	Operation string // what the request does, e.g. "read user"
	Attempts  int    // attempts made; 0 when the request was never sent
	Exhausted bool   // true when the request was still failing after the last retry
	Err       error  // cause
}

// Error returns a message such as
// "Jama GET https://host/rest/v1/users/5 (read user): giving up after 6 attempts: 503 Service Unavailable".
func (e *RequestError) Error() string {
	var b strings.Builder
	b.WriteString(e.subject())
	b.WriteString(": ")
	switch {
	case e.Exhausted:
		fmt.Fprintf(&b, "giving up after %s: ", plural(e.Attempts, "attempt"))
	case e.Attempts > 1:
		fmt.Fprintf(&b, "attempt %d: ", e.Attempts)
	}
	if e.Err != nil {
		b.WriteString(e.Err.Error())
	} else {
		b.WriteString("request failed")
	}
	return b.String()
}

// Unwrap returns the cause.
func (e *RequestError) Unwrap() error { return e.Err }

// subject renders "<product> <method> <url> (<operation>)", leaving out
// empty parts.
func (e *RequestError) subject() string {
	parts := make([]string, 0, 3)
	for _, p := range []string{e.Product, e.Method, e.URL} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	s := strings.Join(parts, " ")
	if e.Operation != "" {
		s += " (" + e.Operation + ")"
	}
	return s
}

// StatusError is the cause inside a [*RequestError] when the server kept
// answering with a retryable status (429, 500, 502, 503, 504) until no
// retry was left. Other statuses are returned as a [Response], not as an
// error.
type StatusError struct {
	StatusCode int
	Header     http.Header
	Body       []byte
	// Cause, when set, says why no retry followed, e.g. a [*RateLimitError].
	Cause error
}

// Error returns the status, e.g. "503 Service Unavailable", followed by
// the cause when there is one.
func (e *StatusError) Error() string {
	s := "HTTP status " + strconv.Itoa(e.StatusCode)
	if text := http.StatusText(e.StatusCode); text != "" {
		s = strconv.Itoa(e.StatusCode) + " " + text
	}
	if e.Cause != nil {
		s += " (" + e.Cause.Error() + ")"
	}
	return s
}

// Unwrap returns the cause.
func (e *StatusError) Unwrap() error { return e.Cause }

// RateLimitError says that a request stopped waiting for 429 answers
// because the next wait would exceed Config.RateLimitWait, or because it
// was answered 429 more than 100 times.
type RateLimitError struct {
	Answers int           // 429 answers to this request
	Waited  time.Duration // time already waited for 429 answers
	Budget  time.Duration // Config.RateLimitWait
}

// Error returns e.g. "still rate-limited after 12 answers and 4m58s of waiting; the wait budget is 5m0s".
func (e *RateLimitError) Error() string {
	return fmt.Sprintf("still rate-limited after %s and %s of waiting; the wait budget is %s",
		plural(e.Answers, "answer"), e.Waited.Round(time.Millisecond), e.Budget)
}

// IsRateLimited reports whether err ended on 429 answers.
func IsRateLimited(err error) bool {
	var statusErr *StatusError
	return errors.As(err, &statusErr) && statusErr.StatusCode == http.StatusTooManyRequests
}

// plural renders n with word, adding an "s" unless n is 1.
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
