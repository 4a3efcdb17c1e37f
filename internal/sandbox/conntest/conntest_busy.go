package conntest

import (
	"fmt"
	"net/http"
	"strings"
)

// busyStatus reports whether status says the target could not serve the
// request now rather than judging it: 429 (rate-limited), or 502, 503 or
// 504 (Jira also answers 503 when it rate-limits). Such an answer checks
// nothing: the check it was for is reported as not checked.
func busyStatus(status int) bool {
	switch status {
	case http.StatusTooManyRequests, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// describeBusy ends the detail of an answer with a busy status: what it
// means for the check, with the wait the target asked for, if any.
func describeBusy(detail string, answer connAnswer) string {
	what := "the target could not serve the request now"
	if answer.status == http.StatusTooManyRequests {
		what = "the target rate-limited the test"
	}
	if answer.retryAfter != "" {
		what += " (Retry-After " + answer.retryAfter + ")"
	}
	return fmt.Sprintf("%s; %s, so this was not checked: retry later", strings.TrimRight(detail, "; "), what)
}

// notChecked records a check that the target's answer left undecided.
func (r *connTestRun) notChecked(name, detail string) {
	r.fail(name, detail)
	if r.undecided == nil {
		r.undecided = map[int]bool{}
	}
	r.undecided[len(r.checks)-1] = true
}
