package quartz

import (
	"errors"
	"strings"
	"testing"
)

func TestParseAccepts(t *testing.T) {
	valid := []string{
		"0 0 12 * * ?",
		"0 0/5 14 * * ?",
		"0 15 10 ? * 6L",
		"0 15 10 ? * 6#3",
		"0 15 10 ? * MON-FRI",
		"0 15 10 ? * mon-fri",
		"0 0 0 ? * FRI-MON",
		"0 0 22-2 * * ?",
		"0 0 0 ? NOV-FEB *",
		"0 15 10 L * ?",
		"0 15 10 L-2 * ?",
		"0 15 10 LW * ?",
		"0 15 10 L-3W * ?",
		"0 15 10 15W * ?",
		"0 0 12 * * ? 2027",
		"0 0 12 * * ? 2025-2030/2",
		"0 0 12 * * ? 1969",
		"0 0 12 * * ? 3000",
		"*/0 * * * * ?",
		"*/-5 * * * * ?",
		"/5 * * * * ?",
		"5/0 * * * * ?",
		"0-30/90 * * * * ?",
		"5X 0 12 * * ?",
		"0 0 12 ? * MONDAY",
		"0 0 12 1 JANUARY ?",
		"99 0 12 * * ?",
		"0 0 12 98 * *",
		"L 0 12 * * ?",
		"L,5 * * * * ?",
		"0 0 12 * * ?X",
		"0 0 12 * * ? 2027 ignored",
		"  0   0\t12 * * ?  ",
		"0 0 12 * * ?\n",
		"0 0 12 ? * 1#1,2",
		"0 0 12 1W,15 * ?",
		"0 0 12 ?,5 * *",
		"0 0 0 0W * ?",
		"0 0 0 ? * 12#3",
		"0 0 0 ? * L",
		"0 0 0 ? * 6#5",
		"0 0 0 5-0 * ?",
		"*/٥ * * * * ?",
		"0 0 0 ? * ſun",
		"0 0 0 ?é * *",
		"0 0 0 ? , *",
	}
	for _, s := range valid {
		if _, err := parse(s, 2126); err != nil {
			t.Errorf("parse(%q) = %v, want success", s, err)
		}
	}
}

func TestParseRejects(t *testing.T) {
	tests := []struct {
		expr     string
		field    string
		position int
	}{
		{"0 0 * * * *", "day-of-week", 6},
		{"0 0 12 ? * ?", "day-of-week", 6},
		{"0 43 9 ? * 6,7,L", "day-of-week", 6},
		{"0/5 * * 32W 1 ?", "day-of-month", 4},
		{"/120 0 8-18 ? * 2-6", "seconds", 1},
		{"0 0 12 ? * 6#6", "day-of-week", 6},
		{"0 0 12 ? * 6#0", "day-of-week", 6},
		{"0 0 12 ? * 1#1,2#2", "day-of-week", 6},
		{"0 0 12 L,15 * ?", "day-of-month", 4},
		{"0 0 12 L-31 * ?", "day-of-month", 4},
		{"0 0 12 L- * ?", "day-of-month", 4},
		{"0 0 12 LX * ?", "day-of-month", 4},
		{"0 0 12 15L * ?", "day-of-month", 4},
		{"0 0 12 ? * 15W", "day-of-week", 6},
		{"0 0 12 ? * 8", "day-of-week", 6},
		{"0 0 12 ? * 0", "day-of-week", 6},
		{"0 0 12 ? * 8L", "day-of-week", 6},
		{"0 0 12 ? * MON-F", "day-of-week", 6},
		{"0 0 12 ? * FOO", "day-of-week", 6},
		{"0 0 12 ? JA *", "month", 5},
		{"0 0 12 ? 13 *", "month", 5},
		{"0 0 12 ? 0 *", "month", 5},
		{"0 0 12 0 * ?", "day-of-month", 4},
		{"60 0 12 * * ?", "seconds", 1},
		{"0 60 12 * * ?", "minutes", 2},
		{"0 0 24 * * ?", "hours", 3},
		{"0 0 12 * * ? 2020-2010", "year", 7},
		{"0 0 12 * * ? 2200/5", "year", 7},
		{"0 0 12 * * ? JAN", "year", 7},
		{"0 0 12 * * ? ?", "year", 7},
		{"? 0 12 * * ?", "seconds", 1},
		{"0 0 12 * * ?XY", "day-of-week", 6},
		{"5/1X * * * * ?", "seconds", 1},
		{"5- * * * * ?", "seconds", 1},
		{"5-x * * * * ?", "seconds", 1},
		{"/ * * * * ?", "seconds", 1},
		{"*/ * * * * ?", "seconds", 1},
		{"*/x * * * * ?", "seconds", 1},
		{"0 0 */24 * * ?", "hours", 3},
		{"0 0 0 */32 * ?", "day-of-month", 4},
		{"0 0 0 ? */13 *", "month", 5},
		{"0 0 0 ? * */8", "day-of-week", 6},
		{"99999999999 0 0 * * ?", "seconds", 1},
		{"0 0 0 , * ?", "day-of-week", 6},
		{"0 0 12 * *", "", 0},
		{"", "", 0},
		{"0 0 0 ?ß * *", "day-of-month", 4},
		{"#", "seconds", 1},
	}
	for _, tc := range tests {
		_, err := parse(tc.expr, 2126)
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Errorf("parse(%q) = %v, want a *ParseError", tc.expr, err)
			continue
		}
		if pe.Field != tc.field || pe.Position != tc.position {
			t.Errorf("parse(%q): field %q position %d, want %q position %d (%v)", tc.expr, pe.Field, pe.Position, tc.field, tc.position, err)
		}
		if pe.Rule == "" || pe.Error() == "" {
			t.Errorf("parse(%q): empty rule or message", tc.expr)
		}
	}
}

func TestParseErrorMessage(t *testing.T) {
	tests := []struct{ expr, want string }{
		{"0/5 * * 32W 1 ?", `day-of-month field (position 4): "32W": day of month must be between 1 and 31`},
		{"/120 0 8-18 ? * 2-6", `seconds field (position 1): "/120": increment must be at most 59`},
		{"0 43 9 ? * 6,7,L", `day-of-week field (position 6): "6,7,L": 'L' cannot be combined with other days of the week in a list`},
		{"0 0 * * * *", `day-of-week field (position 6): "*": one of day-of-month and day-of-week must be '?': specifying both is not supported`},
		{"0 0 12 * *", `cron expression "0 0 12 * *": expected 6 or 7 fields separated by spaces, found 5`},
	}
	for _, tc := range tests {
		_, err := Parse(tc.expr)
		if err == nil || err.Error() != tc.want {
			t.Errorf("Parse(%q) error = %v, want %s", tc.expr, err, tc.want)
		}
	}
}

func TestJavaText(t *testing.T) {
	if got := toJava("ſun ß ﬀ").String(); got != "SUN SS FF" {
		t.Errorf("toJava = %q", got)
	}
	if got := len(toJava("𝟘")); got != 2 {
		t.Errorf("a supplementary character should take 2 code units, got %d", got)
	}
	for s, want := range map[string]int{"5": 5, "٥": 5, "۹": 9, "+7": 7, "-3": -3, "2147483647": 2147483647} {
		if got, ok := javaParseInt(toJava(s)); !ok || got != want {
			t.Errorf("javaParseInt(%q) = %d, %v; want %d", s, got, ok, want)
		}
	}
	for _, s := range []string{"", "+", "-", "2147483648", "1x", "𝟘", "1 "} {
		if _, ok := javaParseInt(toJava(s)); ok {
			t.Errorf("javaParseInt(%q) succeeded", s)
		}
	}
	if got := javaTrim(toJava("\x00\n a b\x1f ")).String(); got != "A B" {
		t.Errorf("javaTrim = %q", got)
	}
	if !strings.Contains(toJava("x").String(), "X") {
		t.Error("toJava does not upper-case")
	}
}
