package transport

import (
	"net/http"
	"net/url"
	"strings"
	"unicode"
)

// masked replaces every secret value in logs and error messages.
const masked = "***"

// secretHeaders are header names (lower case) whose values are always masked,
// in addition to every name that [IsSecretKey] reports.
var secretHeaders = map[string]bool{
	"authorization":       true,
	"proxy-authorization": true,
	"cookie":              true,
	"set-cookie":          true,
	"authtoken":           true,
	"password":            true,
	"x-api-key":           true,
}

// IsSecretKey reports whether values under the key name (a JSON member,
// form field, query parameter or header) must be masked. The name is
// compared in lower case with "_" and "-" removed: it is secret when it
// contains "password", "secret" or "token", or equals "apikey", "authkey",
// "verifier" or "accesskey".
func IsSecretKey(name string) bool {
	n := strings.Map(func(r rune) rune {
		if r == '_' || r == '-' {
			return -1
		}
		return unicode.ToLower(r)
	}, name)
	switch n {
	case "apikey", "authkey", "verifier", "accesskey":
		return true
	}
	return strings.Contains(n, "password") ||
		strings.Contains(n, "secret") ||
		strings.Contains(n, "token")
}

// isSecretHeader reports whether the values of header name must be masked.
func isSecretHeader(name string) bool {
	return secretHeaders[strings.ToLower(name)] || IsSecretKey(name)
}

// MaskHeaders returns a copy of h in which the values of secret headers
// (Authorization, Proxy-Authorization, Cookie, Set-Cookie, authToken,
// password, X-Api-Key, and every name [IsSecretKey] reports) are "***".
// It returns nil for a nil h.
func MaskHeaders(h http.Header) http.Header {
	if h == nil {
		return nil
	}
	out := make(http.Header, len(h))
	for name, values := range h {
		if !isSecretHeader(name) {
			out[name] = append([]string(nil), values...)
			continue
		}
		mv := make([]string, len(values))
		for i := range mv {
			mv[i] = masked
		}
		out[name] = mv
	}
	return out
}

// MaskURL returns rawURL with its user information and the values of secret
// query parameters replaced by "***". A URL that does not parse is cut
// before its query and its user information is masked.
func MaskURL(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return maskUnparsedURL(rawURL)
	}
	hadUser := u.User != nil
	u.User = nil
	u.RawQuery = maskPairs(u.RawQuery)
	s := u.String()
	if hadUser {
		// url.User would escape the mask, so insert it as text.
		if i := strings.Index(s, "//"); i >= 0 {
			s = s[:i+2] + masked + "@" + s[i+2:]
		}
	}
	return s
}

// maskUnparsedURL masks what it can of a URL that url.Parse rejected: the
// query and fragment are replaced and the user information masked.
func maskUnparsedURL(raw string) string {
	s := raw
	if i := strings.IndexAny(s, "?#"); i >= 0 {
		s = s[:i] + "?" + masked
	}
	start := 0
	if i := strings.Index(s, "://"); i >= 0 {
		start = i + len("://")
	}
	authority := s[start:]
	if i := strings.IndexByte(authority, '/'); i >= 0 {
		authority = authority[:i]
	}
	if at := strings.LastIndexByte(authority, '@'); at >= 0 {
		s = s[:start] + masked + s[start+at:]
	}
	return s
}

// maskPairs masks the values of secret keys in a URL-encoded list of
// key=value pairs separated by "&", keeping the order and encoding of
// everything else.
func maskPairs(s string) string {
	if s == "" {
		return s
	}
	pairs := strings.Split(s, "&")
	for i, p := range pairs {
		rawKey, _, hasValue := strings.Cut(p, "=")
		if !hasValue {
			continue
		}
		key, err := url.QueryUnescape(rawKey)
		if err != nil {
			key = rawKey
		}
		if IsSecretKey(key) {
			pairs[i] = rawKey + "=" + masked
		}
	}
	return strings.Join(pairs, "&")
}
