package quartz

import (
	"testing"
	"time"
)

// The expected fire times below were checked against Quartz 2.3.2 (in UTC,
// with CronExpression.MAX_YEAR = 2126).
func TestNextSequences(t *testing.T) {
	tests := []struct {
		expr  string
		after string
		want  []string
		ends  bool // no fire time follows want
	}{
		{"0 0 12 * * ?", "2024-02-28T12:00:00Z", []string{"2024-02-29T12:00:00Z", "2024-03-01T12:00:00Z", "2024-03-02T12:00:00Z"}, false},
		{"0 0 0 31 * ?", "2026-01-01T00:00:00Z", []string{"2026-01-31T00:00:00Z", "2026-03-31T00:00:00Z", "2026-05-31T00:00:00Z", "2026-07-31T00:00:00Z", "2026-08-31T00:00:00Z"}, false},
		{"0 0 0 29 2 ?", "2096-03-01T00:00:00Z", []string{"2104-02-29T00:00:00Z", "2108-02-29T00:00:00Z", "2112-02-29T00:00:00Z"}, false},
		// 1 August 2026 is a Saturday: W moves forward to Monday the 3rd, never back into July.
		{"0 0 0 1W * ?", "2026-07-15T00:00:00Z", []string{"2026-08-03T00:00:00Z", "2026-09-01T00:00:00Z", "2026-10-01T00:00:00Z", "2026-11-02T00:00:00Z"}, false},
		// 31 January 2026 is a Saturday, 31 May a Sunday: W moves back to Friday.
		{"0 0 0 31W * ?", "2026-01-01T00:00:00Z", []string{"2026-01-30T00:00:00Z", "2026-03-31T00:00:00Z", "2026-05-29T00:00:00Z", "2026-07-31T00:00:00Z"}, false},
		{"0 0 0 LW * ?", "2026-01-01T00:00:00Z", []string{"2026-01-30T00:00:00Z", "2026-02-27T00:00:00Z", "2026-03-31T00:00:00Z", "2026-04-30T00:00:00Z"}, false},
		{"0 0 0 15W * ?", "2026-01-01T00:00:00Z", []string{"2026-01-15T00:00:00Z", "2026-02-16T00:00:00Z", "2026-03-16T00:00:00Z", "2026-04-15T00:00:00Z"}, false},
		// Months without a fifth Monday are skipped.
		{"0 0 0 ? * 2#5", "2026-01-01T00:00:00Z", []string{"2026-03-30T00:00:00Z", "2026-06-29T00:00:00Z", "2026-08-31T00:00:00Z", "2026-11-30T00:00:00Z"}, false},
		{"0 0 0 ? * 1#5", "2026-01-10T00:00:00Z", []string{"2026-03-29T00:00:00Z", "2026-05-31T00:00:00Z", "2026-08-30T00:00:00Z", "2026-11-29T00:00:00Z"}, false},
		{"0 0 12 L-3 * ?", "2026-01-01T00:00:00Z", []string{"2026-01-28T12:00:00Z", "2026-02-25T12:00:00Z", "2026-03-28T12:00:00Z", "2026-04-27T12:00:00Z"}, false},
		// L-30 falls before the start of short months, which are skipped.
		{"0 0 0 L-30 * ?", "2026-01-10T00:00:00Z", []string{"2026-03-01T00:00:00Z", "2026-05-01T00:00:00Z", "2026-07-01T00:00:00Z", "2026-08-01T00:00:00Z"}, false},
		{"0 15 10 ? * 6L", "2026-01-01T00:00:00Z", []string{"2026-01-30T10:15:00Z", "2026-02-27T10:15:00Z", "2026-03-27T10:15:00Z", "2026-04-24T10:15:00Z"}, false},
		{"0 0/5 14 * * ?", "2026-03-10T14:52:00Z", []string{"2026-03-10T14:55:00Z", "2026-03-11T14:00:00Z", "2026-03-11T14:05:00Z", "2026-03-11T14:10:00Z"}, false},
		{"0 0 0 ? * FRI-MON", "2026-11-23T00:00:00Z", []string{"2026-11-27T00:00:00Z", "2026-11-28T00:00:00Z", "2026-11-29T00:00:00Z", "2026-11-30T00:00:00Z", "2026-12-04T00:00:00Z"}, false},
		{"0 0 22-2 * * ?", "2026-11-23T12:00:00Z", []string{"2026-11-23T22:00:00Z", "2026-11-23T23:00:00Z", "2026-11-24T00:00:00Z", "2026-11-24T01:00:00Z", "2026-11-24T02:00:00Z", "2026-11-24T22:00:00Z"}, false},
		// Quartz's W search only finds 30 February-adjacent weekdays in odd years.
		{"0 0 0 30W 2 ?", "2026-01-01T00:00:00Z", []string{"2036-02-29T00:00:00Z", "2064-02-29T00:00:00Z", "2092-02-29T00:00:00Z"}, false},
		// Seconds 63 roll over into the next minute.
		{"99-70/7 * * * * ?", "2026-01-10T00:00:50Z", []string{"2026-01-10T00:00:56Z", "2026-01-10T00:01:03Z", "2026-01-10T00:01:07Z"}, false},
		// Hour 25 rolls over twice (Quartz's daylight-saving guard), skipping a day.
		{"0 0 99-30/5 * * ?", "2026-01-10T00:00:00Z", []string{"2026-01-10T05:00:00Z", "2026-01-10T10:00:00Z", "2026-01-10T15:00:00Z", "2026-01-10T20:00:00Z", "2026-01-12T05:00:00Z", "2026-01-12T10:00:00Z"}, false},
		// Years end.
		{"0 0 12 * * ? 2027", "2027-12-30T00:00:00Z", []string{"2027-12-30T12:00:00Z", "2027-12-31T12:00:00Z"}, true},
		// Quartz stops at MAX_YEAR.
		{"0 0 12 * * ?", "2126-12-30T13:00:00Z", []string{"2126-12-31T12:00:00Z"}, true},
		{"0 0 0 1 1 ? 2200", "2026-01-10T00:00:00Z", nil, true},
		{"0 0 0 ? * 12#3", "2026-01-10T00:00:00Z", nil, true},
		// Quartz loops forever on these; they never fire.
		{"0 0 0 L-30W FEB ?", "2027-05-13T00:00:00Z", nil, true},
		{"0 0 0 0W * ?", "2026-01-10T00:00:00Z", nil, true},
		// Quartz throws on an empty seconds field.
		{"L 0 12 * * ?", "2027-05-13T00:00:00Z", nil, true},
	}
	for _, tc := range tests {
		e, err := parse(tc.expr, 2126)
		if err != nil {
			t.Fatalf("parse(%q): %v", tc.expr, err)
		}
		after := mustTime(t, tc.after)
		n := len(tc.want)
		if tc.ends {
			n++
		}
		got := e.NextN(after, n)
		if len(got) != len(tc.want) {
			t.Errorf("%q after %s: got %v, want %v", tc.expr, tc.after, got, tc.want)
			continue
		}
		for i := range got {
			if !got[i].Equal(mustTime(t, tc.want[i])) {
				t.Errorf("%q after %s: fire %d = %s, want %s", tc.expr, tc.after, i, got[i].Format(time.RFC3339), tc.want[i])
			}
		}
	}
}

func TestNextMilliseconds(t *testing.T) {
	e, err := Parse("* * * * * ?")
	if err != nil {
		t.Fatal(err)
	}
	for after, want := range map[string]string{
		"2026-01-10T11:59:59.999Z":       "2026-01-10T12:00:00Z",
		"2026-01-10T12:00:00Z":           "2026-01-10T12:00:01Z",
		"2026-01-10T12:00:00.5Z":         "2026-01-10T12:00:01Z",
		"2026-01-10T12:00:00.999999999Z": "2026-01-10T12:00:01Z",
	} {
		got, ok := e.Next(mustTime(t, after))
		if !ok || !got.Equal(mustTime(t, want)) {
			t.Errorf("Next(%s) = %s, %v; want %s", after, got, ok, want)
		}
		if got.Location() != time.UTC {
			t.Errorf("Next(%s) is not in UTC", after)
		}
	}
}

func TestNextInputLimits(t *testing.T) {
	e, err := Parse("0 0 12 * * ?")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := e.Next(time.Date(3001, 1, 1, 0, 0, 0, 0, time.UTC)); ok {
		t.Error("fired after year 3000")
	}
	// Before 1970 results are not specified, but must not fail. (Quartz
	// even fires in year 99 here, because its '*' marker 99 is in the set
	// of years.)
	if got, ok := e.Next(time.Date(-5000, 1, 1, 0, 0, 0, 0, time.UTC)); !ok || got.Year() > 1970 {
		t.Errorf("Next(5001 BC) = %s, %v", got, ok)
	}
	if got := e.NextN(time.Now(), 0); got != nil {
		t.Errorf("NextN(0) = %v", got)
	}
}

func mustTime(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestNextInDaylightSaving pins Quartz's behaviour around New York's 2026
// transitions, as the Quartz oracle answers it: the wall-clock time clocks
// skip does not fire that day, and the repeated hour fires once, in standard
// time.
func TestNextInDaylightSaving(t *testing.T) {
	t.Parallel()
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		expr  string
		after time.Time
		want  []string // UTC
	}{
		{"0 30 2 * * ?", time.Date(2026, 3, 6, 0, 0, 0, 0, time.UTC),
			[]string{"2026-03-06T07:30:00Z", "2026-03-07T07:30:00Z", "2026-03-09T06:30:00Z", "2026-03-10T06:30:00Z"}},
		{"0 30 1 * * ?", time.Date(2026, 10, 30, 0, 0, 0, 0, time.UTC),
			[]string{"2026-10-30T05:30:00Z", "2026-10-31T05:30:00Z", "2026-11-01T06:30:00Z", "2026-11-02T06:30:00Z"}},
		{"0 0/30 1 * * ?", time.Date(2026, 10, 31, 12, 0, 0, 0, time.UTC),
			[]string{"2026-11-01T06:00:00Z", "2026-11-01T06:30:00Z", "2026-11-02T06:00:00Z", "2026-11-02T06:30:00Z"}},
	}
	for _, tc := range tests {
		e, err := Parse(tc.expr)
		if err != nil {
			t.Fatal(err)
		}
		got := e.NextNIn(tc.after, len(tc.want), ny)
		if len(got) != len(tc.want) {
			t.Fatalf("NextNIn(%q) = %v, want %v", tc.expr, got, tc.want)
		}
		for i, g := range got {
			if g.Location() != ny || g.UTC().Format(time.RFC3339) != tc.want[i] {
				t.Errorf("NextNIn(%q)[%d] = %s, want %s in America/New_York", tc.expr, i, g, tc.want[i])
			}
		}
	}
}
