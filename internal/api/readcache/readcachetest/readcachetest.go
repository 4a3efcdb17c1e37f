// Package readcachetest holds what the clients' tests use to show that a
// list-backed read (package readcache) answers exactly what a plain GET
// does: the list's element has every member of the read's object, at
// every depth, and decodes to the same value.
package readcachetest

import (
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"testing"
)

// MissingMembers returns the paths of the JSON members the read's object
// has and the list's element lacks, at every depth, sorted; a member of
// another JSON type is reported too.
func MissingMembers(read, listed json.RawMessage) ([]string, error) {
	var r, l any
	if err := json.Unmarshal(read, &r); err != nil {
		return nil, fmt.Errorf("the read's object is not JSON: %w", err)
	}
	if err := json.Unmarshal(listed, &l); err != nil {
		return nil, fmt.Errorf("the list's element is not JSON: %w", err)
	}
	var missing []string
	missingAt("", r, l, &missing)
	sort.Strings(missing)
	return missing, nil
}

func missingAt(path string, read, listed any, missing *[]string) {
	switch r := read.(type) {
	case map[string]any:
		l, ok := listed.(map[string]any)
		if !ok {
			*missing = append(*missing, path+" (an object in the read)")
			return
		}
		for k, rv := range r {
			lv, ok := l[k]
			if !ok {
				*missing = append(*missing, path+"."+k)
				continue
			}
			missingAt(path+"."+k, rv, lv, missing)
		}
	case []any:
		l, ok := listed.([]any)
		if !ok || len(l) != len(r) {
			*missing = append(*missing, path+" (an array of another length in the read)")
			return
		}
		for i := range r {
			missingAt(fmt.Sprintf("%s[%d]", path, i), r[i], l[i], missing)
		}
	}
}

// SameShape fails t when the list's element lacks a member of the read's
// object (see MissingMembers); what names the object in the message.
func SameShape(t testing.TB, what string, read, listed json.RawMessage) {
	t.Helper()
	missing, err := MissingMembers(read, listed)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	for _, m := range missing {
		t.Errorf("%s: the list's element lacks %s, which the read answers", what, m)
	}
}

// Same fails t unless the value a list-backed read returned equals, field
// for field, the one a plain GET returned.
func Same[V any](t testing.TB, what string, fromList, fromGet V) {
	t.Helper()
	if !reflect.DeepEqual(fromList, fromGet) {
		t.Errorf("%s: served from the list as\n  %+v\nread by GET as\n  %+v", what, fromList, fromGet)
	}
}

// ListElements returns the elements of a list answer: body is either a
// JSON array or an envelope whose data member is one.
func ListElements(body []byte) ([]json.RawMessage, error) {
	var arr []json.RawMessage
	if err := json.Unmarshal(body, &arr); err == nil {
		return arr, nil
	}
	var env struct {
		Data []json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(body, &env); err != nil {
		return nil, fmt.Errorf("not a list answer: %w", err)
	}
	return env.Data, nil
}

// ReadObject returns the object of a read answer: body is either the
// object or an envelope whose data member is it.
func ReadObject(body []byte, enveloped bool) (json.RawMessage, error) {
	if !enveloped {
		return json.RawMessage(body), nil
	}
	var env struct {
		Data json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(body, &env); err != nil {
		return nil, fmt.Errorf("not an envelope: %w", err)
	}
	return env.Data, nil
}
