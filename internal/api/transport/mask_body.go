package transport

import (
	"bytes"
	"fmt"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"
)

// maxLoggedBody is the largest part of a body that is ever logged.
const maxLoggedBody = 4 << 10

// bodyKind is how a body is masked.
type bodyKind int

const (
	kindText bodyKind = iota
	kindJSON
	kindForm
)

// MaskBody returns body as it may be logged: values of secret keys (see
// [IsSecretKey]) replaced by "***" in JSON (at any depth) and in
// form-encoded bodies, and the result cut to 4 KiB. Other text is cut to
// 4 KiB and then masked where it looks like "key": "value", key=value or
// <key>value pairs. Bodies that are not UTF-8 text are summarised by their
// size. contentType is the Content-Type header of the body; JSON without a
// content type is recognised by its first character.
func MaskBody(contentType string, body []byte) string {
	if len(body) == 0 {
		return ""
	}
	switch classifyBody(contentType, body) {
	case kindJSON:
		if s, truncated, err := maskJSON(body, maxLoggedBody); err == nil {
			return withTruncationNote(s, truncated, len(body))
		}
		// Not valid JSON after all: mask it as text.
	case kindForm:
		head, truncated := truncateUTF8(body, maxLoggedBody)
		s, cut := truncateString(maskPairs(head), maxLoggedBody)
		return withTruncationNote(s, truncated || cut, len(body))
	}
	return maskText(body)
}

// classifyBody picks the masking of a body from its content type, falling
// back to sniffing JSON.
func classifyBody(contentType string, body []byte) bodyKind {
	mediaType, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		mediaType, _, _ = strings.Cut(strings.ToLower(strings.TrimSpace(contentType)), ";")
		mediaType = strings.TrimSpace(mediaType)
	}
	switch {
	case mediaType == "application/x-www-form-urlencoded":
		return kindForm
	case strings.HasSuffix(mediaType, "/json"), strings.HasSuffix(mediaType, "+json"):
		return kindJSON
	}
	trimmed := bytes.TrimLeft(body, " \t\r\n")
	if len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '[') {
		return kindJSON
	}
	return kindText
}

// Patterns that find key/value pairs in free text. Each has a "key" and a
// "value" group.
var textSecretPatterns = []*regexp.Regexp{
	// "key": "value" or "key": value, also when the value is cut off.
	regexp.MustCompile(`"(?P<key>[^"\\]{1,128})"\s*:\s*(?P<value>"(?:[^"\\]|\\.)*"?|[^\s,}\]]*)`),
	// key=value as in query strings and form bodies.
	regexp.MustCompile(`(?P<key>[A-Za-z0-9_.\-]{1,128})=(?P<value>[^&\s"'<>]*)`),
	// <key attr="…">value
	regexp.MustCompile(`<(?P<key>[A-Za-z_][\w.:\-]{0,127})(?:\s[^<>]*)?>(?P<value>[^<]*)`),
}

// maskText cuts text to the log limit and masks the secret-looking pairs in
// what is left.
func maskText(body []byte) string {
	head, truncated := truncateUTF8(body, maxLoggedBody)
	if !utf8.ValidString(head) {
		return fmt.Sprintf("[%d bytes of binary data]", len(body))
	}
	for _, re := range textSecretPatterns {
		head = maskMatches(re, head)
	}
	head, cut := truncateString(head, maxLoggedBody)
	return withTruncationNote(head, truncated || cut, len(body))
}

// maskMatches replaces the value group of every match of re whose key group
// is a secret key.
func maskMatches(re *regexp.Regexp, s string) string {
	keyGroup, valueGroup := re.SubexpIndex("key"), re.SubexpIndex("value")
	matches := re.FindAllStringSubmatchIndex(s, -1)
	if len(matches) == 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for _, m := range matches {
		ks, ke := m[2*keyGroup], m[2*keyGroup+1]
		vs, ve := m[2*valueGroup], m[2*valueGroup+1]
		if ks < 0 || vs < 0 || vs == ve || !IsSecretKey(s[ks:ke]) {
			continue
		}
		b.WriteString(s[last:vs])
		if s[vs] == '"' {
			b.WriteString(`"` + masked + `"`)
		} else {
			b.WriteString(masked)
		}
		last = ve
	}
	b.WriteString(s[last:])
	return b.String()
}

// truncateUTF8 returns at most limit bytes of b as a string, cut at a rune
// boundary, and whether anything was cut. Only the part kept is copied.
func truncateUTF8(b []byte, limit int) (string, bool) {
	if len(b) <= limit {
		return string(b), false
	}
	s, _ := truncateString(string(b[:limit+1]), limit)
	return s, true
}

// truncateString returns at most limit bytes of s, cut at a rune boundary,
// and whether anything was cut.
func truncateString(s string, limit int) (string, bool) {
	if len(s) <= limit {
		return s, false
	}
	end := limit
	for end > 0 && end > limit-utf8.UTFMax && !utf8.RuneStart(s[end]) {
		end--
	}
	return s[:end], true
}

// withTruncationNote appends a note with the full size when s was cut.
func withTruncationNote(s string, truncated bool, total int) string {
	if !truncated {
		return s
	}
	return fmt.Sprintf("%s...[truncated, %d bytes in total]", s, total)
}
