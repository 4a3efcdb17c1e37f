package quartz

import (
	"unicode"
	"unicode/utf16"
)

// jstring is text as Quartz sees it: the UTF-16 code units of a Java string.
// Quartz upper-cases the whole expression and then indexes it by code unit,
// so lengths and positions in this package are counted the same way.
type jstring []uint16

// toJava converts s the way `new CronExpression(s)` does: the text is
// upper-cased with Java's String.toUpperCase(Locale.US), which expands a few
// characters into several (for example "ß" becomes "SS"), and kept as UTF-16.
// Invalid UTF-8 bytes are read as U+FFFD.
func toJava(s string) jstring {
	out := make(jstring, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return toJavaSlow(s, out[:0])
		}
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
		}
		out = append(out, uint16(c))
	}
	return out
}

func toJavaSlow(s string, out jstring) jstring {
	for _, r := range s {
		if exp, ok := upperExpansion(r); ok {
			for _, x := range exp {
				out = utf16.AppendRune(out, x)
			}
			continue
		}
		out = utf16.AppendRune(out, unicode.ToUpper(r))
	}
	return out
}

// String converts the code units back to a Go string.
func (s jstring) String() string {
	ascii := true
	for _, u := range s {
		if u >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		b := make([]byte, len(s))
		for i, u := range s {
			b[i] = byte(u)
		}
		return string(b)
	}
	return string(utf16.Decode(s))
}

// equals reports whether s holds exactly the ASCII text t.
func (s jstring) equals(t string) bool {
	if len(s) != len(t) {
		return false
	}
	for i := range s {
		if s[i] != uint16(t[i]) {
			return false
		}
	}
	return true
}

// contains reports whether the code unit u occurs in s.
func (s jstring) contains(u uint16) bool {
	for _, x := range s {
		if x == u {
			return true
		}
	}
	return false
}

// count returns how many times the code unit u occurs in s.
func (s jstring) count(u uint16) int {
	n := 0
	for _, x := range s {
		if x == u {
			n++
		}
	}
	return n
}

// javaTrim removes leading and trailing code units up to U+0020, like
// String.trim.
func javaTrim(s jstring) jstring {
	for len(s) > 0 && s[0] <= ' ' {
		s = s[1:]
	}
	for len(s) > 0 && s[len(s)-1] <= ' ' {
		s = s[:len(s)-1]
	}
	return s
}

// splitOn splits s on any of the given code units and drops empty pieces,
// like java.util.StringTokenizer.
func splitOn(s jstring, isDelim func(uint16) bool) []jstring {
	var parts []jstring
	start := -1
	for i, u := range s {
		if isDelim(u) {
			if start >= 0 {
				parts = append(parts, s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		parts = append(parts, s[start:])
	}
	return parts
}

func isFieldSeparator(u uint16) bool { return u == ' ' || u == '\t' }
func isComma(u uint16) bool          { return u == ',' }

func isASCIIDigit(u uint16) bool { return '0' <= u && u <= '9' }
func isASCIIUpper(u uint16) bool { return 'A' <= u && u <= 'Z' }

// javaDigit returns the decimal value of u as Character.digit(u, 10) does:
// any Unicode decimal digit in the Basic Multilingual Plane counts, not only
// ASCII. It returns -1 for anything else.
func javaDigit(u uint16) int {
	if isASCIIDigit(u) {
		return int(u - '0')
	}
	if u < 0x80 || utf16.IsSurrogate(rune(u)) {
		return -1
	}
	r := rune(u)
	for _, rg := range unicode.Nd.R16 {
		if r < rune(rg.Lo) {
			break
		}
		if r <= rune(rg.Hi) && (r-rune(rg.Lo))%rune(rg.Stride) == 0 {
			// Unicode allocates decimal digits in runs of ten that start
			// at zero.
			return int(r-rune(rg.Lo)) / int(rg.Stride) % 10
		}
	}
	return -1
}

const (
	maxInt32 = 1<<31 - 1
	minInt32 = -1 << 31
)

// javaParseInt parses s like Integer.parseInt(s): an optional ASCII sign
// followed by one or more decimal digits (see javaDigit), with a result that
// fits in 32 bits.
func javaParseInt(s jstring) (int, bool) {
	if len(s) == 0 {
		return 0, false
	}
	neg := false
	if s[0] == '-' || s[0] == '+' {
		neg = s[0] == '-'
		s = s[1:]
		if len(s) == 0 {
			return 0, false
		}
	}
	n := 0
	for _, u := range s {
		d := javaDigit(u)
		if d < 0 {
			return 0, false
		}
		n = n*10 + d
		if n > maxInt32+1 {
			return 0, false
		}
	}
	if neg {
		n = -n
	}
	if n > maxInt32 || n < minInt32 {
		return 0, false
	}
	return n, true
}
