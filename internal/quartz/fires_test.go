package quartz

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestCheckFires(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, time.December, 1, 0, 0, 0, 0, time.UTC)
	tests := map[string]struct {
		expr      string
		wantField string // empty: the expression fires
		wantRule  string
	}{
		"every day":                {expr: "0 0 12 * * ?"},
		"leap day":                 {expr: "0 0 0 29 2 ?"},
		"this year, still ahead":   {expr: "0 0 12 15 12 ? 2026"},
		"31st of February":         {expr: "0 0 12 31 2 ?", wantField: "day-of-month", wantRule: "never fires"},
		"30th of February by name": {expr: "0 0 12 30 FEB ?", wantField: "day-of-month", wantRule: "31st never occurs in February"},
		"past year":                {expr: "0 0 12 1 1 ? 2020", wantField: "year", wantRule: "last year selected is 2020"},
		"this year, already past":  {expr: "0 0 12 1 1 ? 2026", wantField: "year", wantRule: "in the past"},
		"beyond Quartz's horizon":  {expr: "0 0 12 * * ? 2200", wantField: "year", wantRule: "only up to the year"},
		"no leap day that year":    {expr: "0 0 0 29 2 ? 2027", wantField: "day-of-month", wantRule: "months and years"},
		"L in the seconds field":   {expr: "L 0 12 * * ?", wantField: "seconds", wantRule: "throws"},
		"L in the month field":     {expr: "0 0 12 1 L ?", wantField: "month", wantRule: "'L' has no meaning"},
		"endless search":           {expr: "0 0 0 L-30W FEB ?", wantField: "day-of-month", wantRule: "never ends"},
		"fifth Monday of February": {expr: "0 0 0 ? 2 2#5 2027", wantField: "day-of-week", wantRule: "never fires"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			e, err := Parse(tc.expr)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tc.expr, err)
			}
			err = e.CheckFires(now)
			if tc.wantField == "" {
				if err != nil {
					t.Fatalf("CheckFires(%q) = %v, want nil", tc.expr, err)
				}
				if e.NeverFires(now) {
					t.Fatalf("NeverFires(%q) = true", tc.expr)
				}
				return
			}
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("CheckFires(%q) = %v, want a *ParseError", tc.expr, err)
			}
			if pe.Field != tc.wantField || !strings.Contains(pe.Rule, tc.wantRule) {
				t.Errorf("CheckFires(%q) = field %q rule %q, want field %q rule containing %q", tc.expr, pe.Field, pe.Rule, tc.wantField, tc.wantRule)
			}
			if !strings.HasPrefix(e.describeAt(now), "Never fires: ") {
				t.Errorf("describeAt(%q) = %q, want it to say it never fires", tc.expr, e.describeAt(now))
			}
		})
	}
}

func TestIgnored(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		expr string
		want []Note // Field, Position and Token; Reason checked as non-empty
	}{
		"plain":              {expr: "0 0 12 * * ?"},
		"plain with year":    {expr: "0 0 12 * * ? 2030"},
		"eighth field":       {expr: "0 0 12 * * ? 2030 extra", want: []Note{{Position: 8, Token: "EXTRA"}}},
		"W in a list":        {expr: "0 0 12 1W,15 * ?", want: []Note{{Field: "day-of-month", Position: 4, Token: "1W,15"}}},
		"# in a list":        {expr: "0 0 12 ? * 2#1,3", want: []Note{{Field: "day-of-week", Position: 6, Token: "2#1,3"}}},
		"step after a name":  {expr: "0 0 12 ? * MON/2", want: []Note{{Field: "day-of-week", Position: 6, Token: "/2"}}},
		"step of a names":    {expr: "0 0 12 ? * MON-FRI/2", want: []Note{{Field: "day-of-week", Position: 6, Token: "/2"}}},
		"zero increment":     {expr: "0/0 0 12 * * ?", want: []Note{{Field: "seconds", Position: 1, Token: "/0"}}},
		"star zero":          {expr: "0 */0 12 * * ?", want: []Note{{Field: "minutes", Position: 2, Token: "/0"}}},
		"zero range step":    {expr: "5-10/0 0 12 * * ?", want: []Note{{Field: "seconds", Position: 1, Token: "-10/0"}}},
		"text after a value": {expr: "5X 0 12 * * ?", want: []Note{{Field: "seconds", Position: 1, Token: "X"}}},
		"long day name":      {expr: "0 0 12 ? * MONDAY", want: []Note{{Field: "day-of-week", Position: 6, Token: "DAY"}}},
		"L in hours":         {expr: "0 0 L,12 * * ?", want: []Note{{Field: "hours", Position: 3, Token: "L"}}},
		"text after ?":       {expr: "0 0 12 * * ?X", want: []Note{{Field: "day-of-week", Position: 6, Token: "X"}}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			e, err := Parse(tc.expr)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tc.expr, err)
			}
			got := e.Ignored()
			if len(got) != len(tc.want) {
				t.Fatalf("Ignored(%q) = %+v, want %+v", tc.expr, got, tc.want)
			}
			for i, n := range got {
				w := tc.want[i]
				if n.Field != w.Field || n.Position != w.Position || n.Token != w.Token || n.Reason == "" {
					t.Errorf("Ignored(%q)[%d] = %+v, want %+v with a reason", tc.expr, i, n, w)
				}
			}
		})
	}
}
