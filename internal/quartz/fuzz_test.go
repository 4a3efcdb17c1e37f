package quartz

import (
	"errors"
	"testing"
	"time"
)

// fuzzSeeds are starting points for both fuzz targets.
var fuzzSeeds = []string{
	"0 0 12 * * ?", "0 0/5 14 * * ?", "0 15 10 ? * 6L", "0 15 10 ? * 6#3", "0 0 0 L-3W * ?",
	"0 0 0 15W * ?", "*/10 * 8-17 ? JAN-MAR MON-FRI 2027-2030", "0 0 22-2 ? * FRI-MON",
	"99-70/7 * * * * ?", "0 0 0 0W * ?", "0 0 0 L-30W FEB ?", "L,5 * * * * ?", "*/٥ * * * * ?",
}

var fieldNames = map[string]bool{"": true, "seconds": true, "minutes": true, "hours": true,
	"day-of-month": true, "month": true, "day-of-week": true, "year": true}

// FuzzParse checks that parsing never panics, that errors are well formed and
// that the normal form parses back to the same schedule.
func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, expr string) {
		e, err := parse(expr, 2126)
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Rule == "" || !fieldNames[pe.Field] || (pe.Field == "") != (pe.Position == 0) {
				t.Fatalf("parse(%q): malformed error %#v", expr, err)
			}
			return
		}
		norm := e.String()
		again, err := parse(norm, 2126)
		if err != nil {
			t.Fatalf("normal form %q of %q does not parse: %v", norm, expr, err)
		}
		if !again.schedule().equal(e.schedule()) {
			t.Fatalf("normal form %q of %q means something else", norm, expr)
		}
		if again.String() != norm {
			t.Fatalf("normal form is not stable: %q -> %q", norm, again.String())
		}
		d := e.Describe()
		if d == "" || d != again.Describe() {
			t.Fatalf("description of %q is empty or unstable: %q vs %q", expr, d, again.Describe())
		}
		_ = e.FiresMoreThanOncePerMinute()
	})
}

// FuzzNext checks that successive fire times strictly increase and that Next
// is stable.
func FuzzNext(f *testing.F) {
	for i, s := range fuzzSeeds {
		f.Add(s, int64(i)*987654321)
	}
	span := time.Date(2200, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
	f.Fuzz(func(t *testing.T, expr string, at int64) {
		e, err := parse(expr, 2126)
		if err != nil {
			return
		}
		if at < 0 {
			at = -(at + 1)
		}
		start := time.Unix(at%span, at%1000*int64(time.Millisecond)).UTC()
		times := e.NextN(start, 6)
		prev := start
		for i, tm := range times {
			if !tm.After(prev) {
				t.Fatalf("%q from %s: fire time %d (%s) is not after %s", expr, start, i, tm, prev)
			}
			if tm.Nanosecond() != 0 {
				t.Fatalf("%q: fire time %s is not a whole second", expr, tm)
			}
			next, ok := e.Next(prev)
			if !ok || !next.Equal(tm) {
				t.Fatalf("%q: Next(%s) = %s, %v; NextN gave %s", expr, prev, next, ok, tm)
			}
			prev = tm
		}
		if len(times) < 6 {
			if next, ok := e.Next(prev); ok {
				t.Fatalf("%q: NextN stopped after %d times but Next(%s) = %s", expr, len(times), prev, next)
			}
		}
	})
}
