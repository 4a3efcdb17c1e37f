// Package conformance is the contract conformance suite a bridge author
// runs: it exercises every operation of one of the provider's own admin
// contracts (package contracts) against any server, validates every
// exchange against the contract's OpenAPI document with the checker the
// provider's tests use (package contracttest), and reports, per operation
// and per check, what conforms and what does not.
//
// A run follows one scenario per contract: discovery without credentials,
// a request without credentials (401), create, read back, list (with its
// paging and filters), the duplicate, unknown-key, broken-rule and
// unknown-id errors the document promises, replace, the test action,
// delete and a read after it (404). Child objects (aqua's mappings) are
// exercised under their parent. Everything the run creates gets a unique
// name and is deleted at the end, also when a step fails.
package conformance

import (
	"fmt"
	"io"
	"slices"
	"strings"
)

// Check is the outcome of one check of one exchange.
type Check struct {
	// Operation is the operationId of the document's operation, or a name
	// of the suite's own steps ("authentication", "cleanup", "coverage").
	Operation string
	// Method and Path are those of the request sent; empty for a check of
	// no single request.
	Method string
	Path   string
	// Status is the answer's HTTP status; 0 when there was none.
	Status int
	// What is what was checked, e.g. "status", "document", "read back".
	What string
	// OK is true when the server conforms.
	OK bool
	// Detail says what was found, and for a failure what differs.
	Detail string
}

// String is the check on one line, as the report prints it.
func (c Check) String() string {
	verdict := "PASS"
	if !c.OK {
		verdict = "FAIL"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s", verdict, c.Operation)
	if c.Method != "" {
		fmt.Fprintf(&b, " %s %s", c.Method, c.Path)
	}
	if c.Status != 0 {
		fmt.Fprintf(&b, " -> %d", c.Status)
	}
	fmt.Fprintf(&b, " [%s]", c.What)
	if c.Detail != "" {
		b.WriteString(": " + c.Detail)
	}
	return b.String()
}

// Report is the outcome of a run.
type Report struct {
	// Contract is the contract's name and URL the server's base URL.
	Contract string
	URL      string
	// Checks are the checks in the order they were made.
	Checks []Check
	// Operations are the document's operationIds, in its order.
	Operations []string
}

// Failed returns the checks that failed.
func (r *Report) Failed() []Check {
	var out []Check
	for _, c := range r.Checks {
		if !c.OK {
			out = append(out, c)
		}
	}
	return out
}

// OK reports whether every check passed.
func (r *Report) OK() bool { return len(r.Failed()) == 0 }

// FailedOperations returns the operations with at least one failed check,
// in the document's order (the suite's own steps after them).
func (r *Report) FailedOperations() []string {
	var out []string
	for _, c := range r.Failed() {
		if !slices.Contains(out, c.Operation) {
			out = append(out, c.Operation)
		}
	}
	slices.SortStableFunc(out, func(a, b string) int { return r.rank(a) - r.rank(b) })
	return out
}

func (r *Report) rank(op string) int {
	if i := slices.Index(r.Operations, op); i >= 0 {
		return i
	}
	return len(r.Operations)
}

// WriteSummary writes the summary: the counts, the failed operations, and
// per operation of the document how many checks passed and failed.
func (r *Report) WriteSummary(w io.Writer) {
	failed := r.Failed()
	fmt.Fprintf(w, "\nSummary of %s at %s: %d checks, %d passed, %d failed\n",
		r.Contract, r.URL, len(r.Checks), len(r.Checks)-len(failed), len(failed))
	for _, op := range r.Operations {
		pass, fail := 0, 0
		for _, c := range r.Checks {
			if c.Operation != op {
				continue
			}
			if c.OK {
				pass++
			} else {
				fail++
			}
		}
		verdict := "conforms"
		if fail > 0 {
			verdict = "DOES NOT CONFORM"
		}
		fmt.Fprintf(w, "  %-28s %-16s %d passed, %d failed\n", op, verdict, pass, fail)
	}
	if len(failed) == 0 {
		fmt.Fprintf(w, "The server conforms to %s.\n", r.Contract)
		return
	}
	fmt.Fprintf(w, "The server does not conform to %s: %s.\n", r.Contract, strings.Join(r.FailedOperations(), ", "))
}
