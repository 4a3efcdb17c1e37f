package sandboxtest

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/contracttest"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox"
)

// checkContracts validates every recorded exchange against the products'
// published descriptions (package contracttest) and reports each distinct
// violation once with t.Errorf. aqua's document comes from
// ALMSYNC_VENDOR_SPECS; where that is unset, aqua's exchanges are left out
// and the log says so (with ALMSYNC_REQUIRE_VENDOR_SPECS=1 the test fails
// instead). The hand-written descriptions are always applied.
func (s *Sandbox) checkContracts(t testing.TB) {
	t.Helper()
	checker, err := contracttest.Shared()
	if err != nil {
		t.Errorf("%s: contract check: %v", t.Name(), err)
		return
	}
	// The test's context is cancelled before cleanup runs.
	ctx := context.WithoutCancel(t.Context())
	exchanges := s.Exchanges()
	checked := 0
	seen := make(map[string]*reported)
	var order []string
	for _, e := range exchanges {
		ok, violations := checker.Check(ctx, toContract(e))
		if ok {
			checked++
		}
		for _, v := range violations {
			key := fmt.Sprintf("%s|%s|%d|%s", v.Product, v.Operation, v.Status, v.Message)
			if r, dup := seen[key]; dup {
				r.count++
				continue
			}
			seen[key] = &reported{violation: v, count: 1}
			order = append(order, key)
		}
	}
	for _, key := range order {
		r := seen[key]
		times := ""
		if r.count > 1 {
			times = fmt.Sprintf(" (%d times)", r.count)
		}
		t.Errorf("%s: contract violation%s: %s", t.Name(), times, r.violation)
	}
	t.Logf("contract check: %d of %d exchanges checked against the vendors' descriptions, %d violations%s",
		checked, len(exchanges), len(order), uncheckedNote(checker.Unchecked(), exchanges))
}

type reported struct {
	violation contracttest.Violation
	count     int
}

// uncheckedNote says which products of the exchanges had no description,
// and why.
func uncheckedNote(unchecked map[string]string, exchanges []sandbox.Exchange) string {
	used := make(map[string]bool)
	for _, e := range exchanges {
		used[e.Product] = true
	}
	var notes []string
	for product, why := range unchecked {
		if used[product] {
			notes = append(notes, fmt.Sprintf("%s not checked: %s", product, why))
		}
	}
	if len(notes) == 0 {
		return ""
	}
	sort.Strings(notes)
	return "; " + strings.Join(notes, "; ")
}

// toContract converts a recorded exchange for the checker.
func toContract(e sandbox.Exchange) contracttest.Exchange {
	return contracttest.Exchange{
		Product:        e.Product,
		Method:         e.Method,
		Path:           e.Path,
		RawQuery:       e.RawQuery,
		RequestHeader:  e.RequestHeader,
		RequestBody:    e.RequestBody,
		Status:         e.Status,
		ResponseHeader: e.ResponseHeader,
		ResponseBody:   e.ResponseBody,
	}
}
