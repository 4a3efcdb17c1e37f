package quartz

import "testing"

func TestStringNormalises(t *testing.T) {
	tests := []struct{ in, want string }{
		{"0 0 12 * * ?", "0 0 12 * * ?"},
		{"  0   0\t12 * *  ?  ", "0 0 12 * * ?"},
		{"0 15 10 ? * mon-fri", "0 15 10 ? * MON-FRI"},
		{"0 0 12 ? jan,Mar * 2027", "0 0 12 ? JAN,MAR * 2027"},
		{"0 0 12 * * ? 2027 trailing words", "0 0 12 * * ? 2027"},
		{"0 0 12 * * ?\n", "0 0 12 * * ?"},
		{"0 0 0 ? * ſun", "0 0 0 ? * SUN"},
		{"0 0 0 lw * ?", "0 0 0 LW * ?"},
		{"0 0 0 ?x , *", "0 0 0 ?X , *"},
	}
	for _, tc := range tests {
		e, err := Parse(tc.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.in, err)
			continue
		}
		if got := e.String(); got != tc.want {
			t.Errorf("Parse(%q).String() = %q, want %q", tc.in, got, tc.want)
		}
		if !Equivalent(tc.in, e.String()) {
			t.Errorf("%q is not equivalent to its normal form %q", tc.in, e.String())
		}
	}
}

func TestEquivalent(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"0 0 12 * * ?", "0  0 12 * * ?", true},
		{"0 15 10 ? * mon-fri", "0 15 10 ? * 2-6", true},
		{"0 15 10 ? * MON-FRI", "0 15 10 ? * MON,TUE,WED,THU,FRI", true},
		{"0 0 12 ? jan *", "0 0 12 ? 1 *", true},
		{"0 */15 * * * ?", "0 0,15,30,45 * * * ?", true},
		{"0 0/15 * * * ?", "0 */15 * * * ?", true},
		{"* * * * * ?", "0-59 * * * * ?", true},
		{"0 0 12 * * ?", "0 0 12 * * ? *", true},
		{"0 0 12 * * ?", "0 0 12 ? * *", true},
		{"0 15 10 ? * 6L", "0 15 10 ? * FRIL", true},
		{"0 15 10 ? * 6#3", "0 15 10 ? * fri#3", true},
		{"0 0 12 15W * ?", "0 0 12 15W,20 * ?", true}, // Quartz ignores the 20
		{"0 0 12 * * ?", "0 0 12 * * ? 2027 extra", false},
		{"0 0 12 * * ? 2027", "0 0 12 * * ? 2027 extra", true},
		{"99 0 12 * * ?", "* 0 12 * * ?", true},
		{"0 0 12 * * ?", "0 0 13 * * ?", false},
		{"0 0 12 L * ?", "0 0 12 LW * ?", false},
		{"0 0 12 L * ?", "0 0 12 L-0 * ?", true},
		{"0 0 12 ? * 6#3", "0 0 12 ? * 6#2", false},
		{"0 0 12 * * ?", "0 0 * * * *", false},
		{"garbage", "garbage", false},
	}
	for _, tc := range tests {
		if got := Equivalent(tc.a, tc.b); got != tc.want {
			t.Errorf("Equivalent(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
		if got := Equivalent(tc.b, tc.a); got != tc.want {
			t.Errorf("Equivalent(%q, %q) = %v, want %v", tc.b, tc.a, got, tc.want)
		}
	}
}

func TestFiresMoreThanOncePerMinute(t *testing.T) {
	for expr, want := range map[string]bool{
		"0 0 12 * * ?":      false,
		"0 * * * * ?":       false,
		"30 0/5 * * * ?":    false,
		"*/10 * * * * ?":    true,
		"0,30 * * * * ?":    true,
		"* 0 12 * * ?":      true,
		"99 0 12 * * ?":     true, // 99 means '*'
		"0 0 12 ? * MON#2":  false,
		"15-15 0 12 * * ?":  false,
		"15-16 0 12 * * ?":  true,
		"L,5 0 12 * * ?":    false,
		"0/59 0 12 * * ?":   true,
		"59/30 0 12 * * ?":  false,
		"0 0 12 * * ? 2027": false,
	} {
		e, err := Parse(expr)
		if err != nil {
			t.Fatalf("Parse(%q): %v", expr, err)
		}
		if got := e.FiresMoreThanOncePerMinute(); got != want {
			t.Errorf("%q: FiresMoreThanOncePerMinute() = %v, want %v", expr, got, want)
		}
	}
}
