package transport

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net"
	"net/http"
	"strings"
	"syscall"
)

// errTooManyRedirects ends a redirect chain that is too long.
var errTooManyRedirects = errors.New("stopped after 10 redirects")

// maxRefused is how many attempts a refused connection gets: a server that
// refuses twice in a row is down or not there.
const maxRefused = 2

// maxRateLimited bounds the 429 answers one request waits for, besides
// Config.RateLimitWait.
const maxRateLimited = 100

// isIdempotent reports whether repeating a request with method has the same
// effect as sending it once.
func isIdempotent(method string) bool {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodPut, http.MethodDelete,
		http.MethodOptions, http.MethodTrace:
		return true
	}
	return false
}

// attemptOutcome is what one attempt produced, as far as retrying is
// concerned.
type attemptOutcome struct {
	status int   // status of the answer; 0 when err is set
	err    error // transport or body read error
	// sent is false when the request certainly never reached the server.
	sent bool
}

// shouldRetry decides whether an attempt with outcome o may be repeated.
// replayable is true for idempotent methods and for requests marked
// Retryable.
func shouldRetry(replayable bool, o attemptOutcome) bool {
	if o.err != nil {
		if !isRetryableError(o.err) {
			return false
		}
		return replayable || !o.sent || isDialError(o.err)
	}
	switch o.status {
	case http.StatusTooManyRequests:
		return true
	case http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return replayable
	case http.StatusInternalServerError:
		// A transient server error: repeating a read, a replace or a delete
		// is harmless; a create is left to the caller, which looks the
		// object up before posting again.
		return replayable
	}
	return false
}

// isRetryableError reports whether a transport error may be transient.
// Cancellation, certificate and TLS configuration problems, malformed
// requests, redirect loops and oversized bodies are permanent.
func isRetryableError(err error) bool {
	if errors.Is(err, context.Canceled) ||
		errors.Is(err, ErrBodyTooLarge) ||
		errors.Is(err, ErrInvalidURL) ||
		errors.Is(err, errTooManyRedirects) {
		return false
	}
	if IsCertificateError(err) || IsPlainHTTPServer(err) || IsUnknownHost(err) {
		return false
	}
	var opErr *net.OpError
	if errors.As(err, &opErr) && opErr.Op == "remote error" {
		return false // a TLS alert: the server refused the handshake
	}
	msg := err.Error()
	for _, permanent := range []string{
		"unsupported protocol scheme",
		"no Host in request URL",
		"invalid header field",
		"invalid method",
	} {
		if strings.Contains(msg, permanent) {
			return false
		}
	}
	return true
}

// IsPlainHTTPServer reports whether err is a TLS handshake with a server
// that speaks plain HTTP: the URL says https where the server has http.
func IsPlainHTTPServer(err error) bool {
	if errors.Is(err, http.ErrSchemeMismatch) {
		return true
	}
	var recordErr tls.RecordHeaderError
	return errors.As(err, &recordErr)
}

// IsUnknownHost reports whether err is a DNS answer that the host does not
// exist.
func IsUnknownHost(err error) bool {
	var dnsErr *net.DNSError
	return errors.As(err, &dnsErr) && dnsErr.IsNotFound
}

// IsConnectionRefused reports whether the server refused the connection.
func IsConnectionRefused(err error) bool {
	return errors.Is(err, syscall.ECONNREFUSED)
}

// IsTimeout reports whether err is a timeout of an attempt (not the
// caller's cancellation).
func IsTimeout(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	var netErr net.Error
	return errors.As(err, &netErr) && netErr.Timeout()
}

// IsCertificateError reports whether err is a failed verification of the
// server certificate.
func IsCertificateError(err error) bool {
	var (
		verifyErr    *tls.CertificateVerificationError
		authorityErr x509.UnknownAuthorityError
		invalidErr   x509.CertificateInvalidError
		hostnameErr  x509.HostnameError
		rootsErr     x509.SystemRootsError
	)
	return errors.As(err, &verifyErr) ||
		errors.As(err, &authorityErr) ||
		errors.As(err, &invalidErr) ||
		errors.As(err, &hostnameErr) ||
		errors.As(err, &rootsErr)
}

// isDialError reports whether err happened while connecting, before
// anything of the request was written.
func isDialError(err error) bool {
	var opErr *net.OpError
	if errors.As(err, &opErr) {
		return opErr.Op == "dial" || opErr.Op == "proxyconnect"
	}
	return false
}
