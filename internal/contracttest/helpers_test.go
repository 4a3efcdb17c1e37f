package contracttest_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/contracttest"
)

// newChecker builds a checker of the hand-written descriptions only.
func newChecker(t *testing.T) *contracttest.Checker {
	t.Helper()
	c, err := contracttest.New(contracttest.Options{})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c
}

// golden loads one golden example as an exchange.
func golden(t *testing.T, product, operation string) (contracttest.Golden, contracttest.Exchange) {
	t.Helper()
	g, err := contracttest.LoadGolden(product, operation)
	if err != nil {
		t.Fatal(err)
	}
	ex, err := g.Exchange()
	if err != nil {
		t.Fatal(err)
	}
	return g, ex
}

// editJSON decodes body, lets edit change it and encodes it again.
func editJSON(t *testing.T, body []byte, edit func(v map[string]any)) []byte {
	t.Helper()
	var v map[string]any
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatalf("decoding %s: %v", body, err)
	}
	edit(v)
	out, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// rename moves member from to member to in the object at path (dot
// separated, "" for the top).
func rename(t *testing.T, body []byte, path, from, to string) []byte {
	t.Helper()
	return editJSON(t, body, func(v map[string]any) {
		obj := v
		if path != "" {
			for _, key := range strings.Split(path, ".") {
				next, ok := obj[key].(map[string]any)
				if !ok {
					t.Fatalf("no object at %q in %v", path, v)
				}
				obj = next
			}
		}
		val, ok := obj[from]
		if !ok {
			t.Fatalf("no member %q at %q", from, path)
		}
		delete(obj, from)
		obj[to] = val
	})
}

// violationsOf checks ex and returns the violations as text.
func violationsOf(t *testing.T, c *contracttest.Checker, ex contracttest.Exchange) (bool, []string) {
	t.Helper()
	checked, vs := c.Check(t.Context(), ex)
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = v.String()
	}
	return checked, out
}
