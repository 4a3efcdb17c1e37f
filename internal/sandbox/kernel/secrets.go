package kernel

import (
	"crypto/subtle"
	"fmt"
	"net/http"
)

// EqualSecret compares two secrets in constant time.
func EqualSecret(got, want string) bool {
	return subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
}

// QuoteOrEmpty quotes s for a message, or says "nothing" when it is empty.
func QuoteOrEmpty(s string) string {
	if s == "" {
		return "nothing"
	}
	return `"` + s + `"`
}

// AbsoluteURL turns a server path into a URL using the request's host.
func AbsoluteURL(r *http.Request, path string) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return fmt.Sprintf("%s://%s%s", scheme, r.Host, path)
}
