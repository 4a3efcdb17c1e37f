package conformance

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// member returns the value at the dotted path of v ("meta.pageInfo.total"),
// and whether it is there. Any shape is accepted; a missing member or a
// value of another kind is simply not there.
func member(v any, path string) (any, bool) {
	if path == "" {
		return v, true
	}
	for _, key := range strings.Split(path, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		if v, ok = m[key]; !ok {
			return nil, false
		}
	}
	return v, true
}

// object returns the JSON object at path of v.
func object(v any, path string) (map[string]any, bool) {
	x, ok := member(v, path)
	if !ok {
		return nil, false
	}
	m, ok := x.(map[string]any)
	return m, ok
}

// text returns the string at path of v.
func text(v any, path string) (string, bool) {
	x, ok := member(v, path)
	if !ok {
		return "", false
	}
	s, ok := x.(string)
	return s, ok
}

// integer returns the whole number at path of v.
func integer(v any, path string) (int64, bool) {
	x, ok := member(v, path)
	if !ok {
		return 0, false
	}
	f, ok := x.(float64)
	if !ok || f != float64(int64(f)) {
		return 0, false
	}
	return int64(f), true
}

// idText is an id as a path parameter: a string as it is, a whole number
// in decimal.
func idText(v any, path string) (string, bool) {
	if s, ok := text(v, path); ok && s != "" {
		return s, true
	}
	if n, ok := integer(v, path); ok {
		return strconv.FormatInt(n, 10), true
	}
	return "", false
}

// normalize turns a Go value into what it decodes to as JSON (maps of any,
// float64 numbers), so that sent and answered values compare.
func normalize(v any) any {
	b, err := json.Marshal(v)
	if err != nil {
		return v
	}
	var out any
	if err := json.Unmarshal(b, &out); err != nil {
		return v
	}
	return out
}

// compareSent lists how got differs from sent, a request body: every
// member sent is answered with the value sent, except the secrets (dotted
// paths), which are never answered. prefix is the dotted path of sent.
func compareSent(sent, got map[string]any, secrets []string, prefix string) []string {
	var out []string
	keys := make([]string, 0, len(sent))
	for k := range sent {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		path := prefix + k
		if slices.Contains(secrets, path) {
			continue
		}
		want := sent[k]
		have, ok := got[k]
		if !ok {
			out = append(out, fmt.Sprintf("%s is not answered (sent %s)", path, compact(want)))
			continue
		}
		if wm, ok := want.(map[string]any); ok {
			if hm, ok := have.(map[string]any); ok {
				out = append(out, compareSent(wm, hm, secrets, path+".")...)
				continue
			}
		}
		if !reflect.DeepEqual(want, have) {
			out = append(out, fmt.Sprintf("%s is %s, sent %s", path, compact(have), compact(want)))
		}
	}
	return out
}

// answeredSecrets lists the secrets (dotted paths) present in got.
func answeredSecrets(got map[string]any, secrets []string) []string {
	var out []string
	for _, s := range secrets {
		if _, ok := member(got, s); ok {
			out = append(out, s)
		}
	}
	return out
}

// compact is a value as short JSON.
func compact(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	s := string(b)
	if len(s) > 80 {
		s = s[:80] + "..."
	}
	return s
}
