package api

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"regexp"
	"strings"
	"syscall"

	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
)

// The verdicts of a connection test and of each of its checks.
const (
	// StatusPassed: the check succeeded; for a test, every check did.
	StatusPassed = "passed"
	// StatusFailed: the target answered and the check failed (refused
	// credentials, a missing permission, a certificate that does not
	// verify...): something is wrong with the connection.
	StatusFailed = "failed"
	// StatusInconclusive: no verdict could be reached: the target (or the
	// product running the test) was rate-limited, timed out, unavailable
	// or could not be reached. Nothing says the connection is wrong.
	StatusInconclusive = "inconclusive"
	// StatusSkipped: a value the test needs cannot be resolved by whoever
	// runs it (a Jitterbit variable reference), so nothing was tested.
	StatusSkipped = "skipped"
)

// NoVerdict is why a check, or the provider's own request to run a test,
// reached no verdict; Verdict when it did.
type NoVerdict int

// The reasons for no verdict.
const (
	// Verdict: the answer is a verdict (success or a real failure).
	Verdict NoVerdict = iota
	// RateLimited: HTTP 429, or a message saying so.
	RateLimited
	// Unavailable: HTTP 500, 502, 503 or 504: the server could not answer
	// (Jira also answers 503 when it rate-limits).
	Unavailable
	// TimedOut: no answer in time.
	TimedOut
	// Unreachable: no connection: refused, no route, unknown host.
	Unreachable
)

// String names the reason in a message: "rate-limited", "unavailable",
// "timed out" or "unreachable"; "" for Verdict.
func (n NoVerdict) String() string {
	switch n {
	case RateLimited:
		return "rate-limited"
	case Unavailable:
		return "unavailable"
	case TimedOut:
		return "timed out"
	case Unreachable:
		return "unreachable"
	}
	return ""
}

// detailPatterns recognise, in the detail a product wrote for a failed
// check, an answer that is no verdict, most specific first. A detail with
// a definite refusal (HTTP 400, 401, 403, 404) is a verdict whatever else
// it says.
var (
	definiteRefusal = regexp.MustCompile(`(?i)\bHTTP (400|401|403|404|407)\b`)
	detailPatterns  = []struct {
		re  *regexp.Regexp
		why NoVerdict
	}{
		{regexp.MustCompile(`(?i)\b429\b|too many requests|rate[- ]?limit`), RateLimited},
		{regexp.MustCompile(`(?i)\bHTTP (500|502|503|504)\b|\b(500|502|503|504) (Internal Server Error|Bad Gateway|Service Unavailable|Gateway Timeout)\b|service unavailable|bad gateway`), Unavailable},
		{regexp.MustCompile(`(?i)time ?out|timed out|deadline exceeded`), TimedOut},
		{regexp.MustCompile(`(?i)connection refused|no such host|unreachable|no route to host|name resolution|server misbehaving|connection reset|could not resolve|unknown host`), Unreachable},
	}
)

// NoVerdictInDetail reads the detail of a failed check as a product wrote
// it (the contracts carry no status) and says whether it is no verdict.
func NoVerdictInDetail(detail string) NoVerdict {
	if definiteRefusal.MatchString(detail) {
		return Verdict
	}
	for _, p := range detailPatterns {
		if p.re.MatchString(detail) {
			return p.why
		}
	}
	return Verdict
}

// NoVerdictInError says whether err, the failure of a request the provider
// sent, is no verdict: a rate limit or an unavailable server after the
// retries, a timeout, or a connection that could not be made. A cancelled
// request, a refusal (401, 403, 404...) or an answer that does not decode
// is a Verdict: the caller reports it as it always did.
func NoVerdictInError(err error) NoVerdict {
	if err == nil || errors.Is(err, context.Canceled) {
		return Verdict
	}
	var (
		statusErr *transport.StatusError
		apiErr    *Error
		dnsErr    *net.DNSError
		netErr    net.Error
		opErr     *net.OpError
	)
	switch {
	case errors.As(err, &statusErr):
		return statusNoVerdict(statusErr.StatusCode)
	case errors.As(err, &apiErr):
		return statusNoVerdict(apiErr.StatusCode)
	case errors.Is(err, context.DeadlineExceeded):
		return TimedOut
	case errors.As(err, &dnsErr) && dnsErr.IsTimeout:
		return TimedOut
	case errors.As(err, &dnsErr):
		return Unreachable
	case errors.As(err, &netErr) && netErr.Timeout():
		return TimedOut
	case errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ENETUNREACH),
		errors.Is(err, syscall.EHOSTUNREACH), errors.Is(err, syscall.ECONNRESET):
		return Unreachable
	case errors.As(err, &opErr) && opErr.Op == "dial":
		return Unreachable
	}
	return Verdict
}

// statusNoVerdict is the reason an HTTP status is no verdict.
func statusNoVerdict(status int) NoVerdict {
	switch status {
	case http.StatusTooManyRequests:
		return RateLimited
	case http.StatusInternalServerError, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return Unavailable
	}
	return Verdict
}

// TargetAdvice is what to do about a check of the target that reached no
// verdict; checker says who ran it, e.g. "Jama's servers" or "the machine
// running Terraform". It never suggests changing a secret: nothing says
// the secret is wrong.
func (n NoVerdict) TargetAdvice(checker string) string {
	const unknown = "inconclusive, not failed: nothing was learned about the credentials or permissions, so do not change them; "
	switch n {
	case RateLimited:
		return unknown + "the target rate-limited the test (HTTP 429): retry later, and if it persists, spread out what else calls the target with this account"
	case Unavailable:
		return unknown + "the target answered that it cannot serve the request now (HTTP 5xx): retry later"
	case TimedOut:
		return unknown + "the target did not answer " + checker + " in time: retry later, and check that the target is up and not overloaded"
	case Unreachable:
		return unknown + "the target could not be reached by " + checker + ": check the URL, DNS and the network path (firewall, proxy) from " + checker + " to the target, then retry"
	}
	return ""
}

// RequestAdvice is what to do when the provider's own request to product
// (to run a test, or to read what it tests) reached no verdict.
func (n NoVerdict) RequestAdvice(product string) string {
	const unknown = "inconclusive, not failed: the test did not run, so nothing was learned about the connection; "
	switch n {
	case RateLimited:
		return unknown + product + " kept answering HTTP 429 (rate-limited) after the provider's retries: retry later, or lower the product block's requests_per_second"
	case Unavailable:
		return unknown + product + " answered that it cannot serve the request now (HTTP 5xx): retry later"
	case TimedOut:
		return unknown + product + " did not answer in time: retry later, or raise the provider's request_timeout (default 30s) if " + product + " is slow"
	case Unreachable:
		return unknown + product + " could not be reached from the machine running Terraform: check the product block's url and the network path to it, then retry"
	}
	return ""
}

// Classify returns t with every check's Status and the test's Status,
// Success and Message set. A check whose Status is already set keeps it;
// otherwise a successful check passed, and a failed one is inconclusive
// when its detail says the target was rate-limited, timed out,
// unavailable or unreachable (the detail then ends with what to do;
// checker is who ran the checks, see TargetAdvice), else failed.
//
// The test failed when a check failed, or when the product said it failed
// without saying which check; else it is inconclusive when a check is,
// skipped when a check is, and passed. Success is true only for passed.
// The message of a failed test is the product's; any other message names
// the first check that decided the status, with its detail.
func (t ConnectionTest) Classify(checker string) ConnectionTest {
	out := t
	out.Checks = make([]ConnectionCheck, 0, len(t.Checks))
	first := map[string]ConnectionCheck{}
	for _, c := range t.Checks {
		if c.Status == "" {
			c.Status = StatusFailed
			switch why := NoVerdictInDetail(c.Detail); {
			case c.Success:
				c.Status = StatusPassed
			case why != Verdict:
				c.Status = StatusInconclusive
				c.Detail = strings.TrimRight(strings.TrimSpace(c.Detail), ".;") + "; " + why.TargetAdvice(checker)
			}
		}
		c.Success = c.Status == StatusPassed
		if _, seen := first[c.Status]; !seen {
			first[c.Status] = c
		}
		out.Checks = append(out.Checks, c)
	}
	decided := func(status, verb string) {
		c := first[status]
		out.Status = status
		out.Message = fmt.Sprintf("%s %s: %s", c.Name, verb, c.Detail)
	}
	_, failed := first[StatusFailed]
	_, inconclusive := first[StatusInconclusive]
	_, skipped := first[StatusSkipped]
	switch {
	case failed || (!t.Success && !inconclusive && !skipped):
		out.Status = StatusFailed
		switch {
		case failed && (t.Success || strings.TrimSpace(t.Message) == ""):
			decided(StatusFailed, "failed")
		case strings.TrimSpace(t.Message) == "":
			out.Message = "the product reported the test as failed without naming a failed check"
		}
	case inconclusive:
		decided(StatusInconclusive, "inconclusive")
	case skipped:
		decided(StatusSkipped, "skipped")
	default:
		out.Status = StatusPassed
	}
	out.Success = out.Status == StatusPassed
	return out
}
