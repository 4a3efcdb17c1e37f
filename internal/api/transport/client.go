package transport

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/hashicorp/go-cleanhttp"
)

// maxRedirects is the longest redirect chain followed.
const maxRedirects = 10

// Client sends the HTTP requests of one product. It is safe for concurrent
// use.
type Client struct {
	cfg   Config       // with defaults applied
	http  *http.Client // TLS, timeout and User-Agent; no retries
	waits waitPolicy
	rand  *lockedRand
}

// New returns a Client for cfg. It fails when cfg has negative values or
// when CACertPEM is set but holds no valid certificate.
func New(cfg Config) (*Client, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, fmt.Errorf("%s: invalid HTTP client configuration: %w", productName(cfg.Product), err)
	}
	tlsConfig, err := newTLSConfig(cfg.CACertPEM, cfg.InsecureSkipVerify)
	if err != nil {
		return nil, fmt.Errorf("%s: CA certificates: %w", productName(cfg.Product), err)
	}
	base := cleanhttp.DefaultPooledTransport()
	base.TLSClientConfig = tlsConfig

	return &Client{
		cfg: cfg,
		http: &http.Client{
			Transport:     &userAgentTransport{next: base, userAgent: cfg.userAgent()},
			Timeout:       cfg.RequestTimeout,
			CheckRedirect: checkRedirect,
		},
		waits: waitPolicy{min: cfg.RetryWaitMin, max: cfg.RetryWaitMax},
		rand:  newLockedRand(),
	}, nil
}

// Request is one HTTP request for [Client.Do].
type Request struct {
	Method string      // HTTP method, case-insensitive; empty means GET
	URL    string      // absolute http or https URL
	Header http.Header // may be nil
	Body   []byte      // nil = no body; replayed on every attempt
	// Retryable marks a non-idempotent request (POST, PATCH) as safe to retry on any
	// retryable failure, e.g. because it carries an idempotency key the server honours.
	Retryable bool
	// Operation names what this request does, for logs and errors, e.g. "create user".
	Operation string
}

// Response is the final answer to a request.
type Response struct {
	StatusCode int         // HTTP status code
	Header     http.Header // response headers
	Body       []byte      // whole body, read up to MaxBodyBytes
}

// Do sends the request with retries and returns the final response of any status
// (4xx/5xx are NOT Go errors; callers map them), or an error for transport failures,
// exhausted retries, cancellation, or an oversized body.
//
// Every attempt first waits for Config.Pacer. Retries follow the rules of
// the package: a 429 answer is always repeated after the server's
// Retry-After (or back-off), and those waits do not count against
// Config.MaxRetries but against Config.RateLimitWait; 500, 502, 503 and 504
// answers and transient transport errors spend Config.MaxRetries and are
// retried for idempotent methods and for requests with Retryable set
// (other requests only when the connection failed before the request was
// written); a refused connection is tried at most twice; permanent failures
// (a plain-HTTP server behind https, a certificate that does not verify,
// an unknown host) are not retried at all. A retryable status that
// persists is reported as a [*RequestError] with Exhausted set, wrapping a
// [*StatusError]. Every error is a [*RequestError].
func (c *Client) Do(ctx context.Context, req *Request) (*Response, error) {
	if req == nil {
		return nil, c.requestError(&Request{}, "", 0, false, errors.New("nil request"))
	}
	method := strings.ToUpper(strings.TrimSpace(req.Method))
	if method == "" {
		method = http.MethodGet
	}
	if err := validateURL(req.URL); err != nil {
		return nil, c.requestError(req, method, 0, false, err)
	}

	return newExchange(ctx, c, req, method).run()
}

// HTTPClient returns a plain *http.Client with the same TLS/CA, timeout and user agent
// but without retries (for callers that need one, e.g. connection tests).
func (c *Client) HTTPClient() *http.Client {
	hc := *c.http
	return &hc
}

// requestError builds the error of a request.
func (c *Client) requestError(req *Request, method string, attempts int, exhausted bool, cause error) *RequestError {
	return &RequestError{
		Product:   c.cfg.Product,
		Method:    method,
		URL:       MaskURL(req.URL),
		Operation: req.Operation,
		Attempts:  attempts,
		Exhausted: exhausted,
		Err:       cause,
	}
}

// validateURL accepts absolute http and https URLs with a host.
func validateURL(raw string) error {
	u, err := url.Parse(raw)
	switch {
	case err != nil:
		return fmt.Errorf("%w: %w", ErrInvalidURL, unwrapURLError(err))
	case u.Scheme != "http" && u.Scheme != "https":
		return fmt.Errorf("%w: scheme must be http or https", ErrInvalidURL)
	case u.Host == "":
		return fmt.Errorf("%w: missing host", ErrInvalidURL)
	}
	return nil
}

// unwrapURLError drops the *url.Error layer, whose message repeats the URL
// unmasked, and keeps its cause.
func unwrapURLError(err error) error {
	var uerr *url.Error
	if errors.As(err, &uerr) && uerr.Err != nil {
		return uerr.Err
	}
	return err
}

// checkRedirect follows up to maxRedirects redirects.
func checkRedirect(_ *http.Request, via []*http.Request) error {
	if len(via) >= maxRedirects {
		return errTooManyRedirects
	}
	return nil
}

// productName is the product for messages about the client itself.
func productName(product string) string {
	if product == "" {
		return "transport"
	}
	return product
}

// userAgentTransport sets the User-Agent of every request.
type userAgentTransport struct {
	next      http.RoundTripper
	userAgent string
}

// RoundTrip sends r with the client's User-Agent.
func (t *userAgentTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Header.Get("User-Agent") != t.userAgent {
		r = r.Clone(r.Context())
		if r.Header == nil {
			r.Header = make(http.Header)
		}
		r.Header.Set("User-Agent", t.userAgent)
	}
	return t.next.RoundTrip(r)
}

// CloseIdleConnections closes the idle connections of the wrapped transport.
func (t *userAgentTransport) CloseIdleConnections() {
	type closeIdler interface{ CloseIdleConnections() }
	if ci, ok := t.next.(closeIdler); ok {
		ci.CloseIdleConnections()
	}
}

// MaxRetries is how often one request may be retried (Config.MaxRetries
// with defaults applied); callers that repeat a request themselves, such as
// a create whose answer was lost, keep to the same budget.
func (c *Client) MaxRetries() int { return c.cfg.MaxRetries }

// backoff is the wait before retry number retry+1 (counting from 0) after
// an answer with status and header (0 and nil after a transport error): the
// server's hint when it gave one, else Config.Backoff when set, else
// exponential back-off from RetryWaitMin.
func (c *Client) backoff(retry, status int, header http.Header) time.Duration {
	now := time.Now()
	if d, ok := serverHint(status, header, now); ok {
		return min(d, c.cfg.RetryWaitMax)
	}
	if len(c.cfg.Backoff) > 0 {
		d := c.cfg.Backoff[min(retry, len(c.cfg.Backoff)-1)]
		// Jitter of up to a fifth, so that parallel requests do not return together.
		return d - time.Duration(c.rand.Int64N(int64(d/5)+1))
	}
	return c.waits.wait(retry, status, header, now, c.rand.Int64N)
}

// Pacer returns the pacer the client waits for; nil when it has none.
func (c *Client) Pacer() *Pacer { return c.cfg.Pacer }
