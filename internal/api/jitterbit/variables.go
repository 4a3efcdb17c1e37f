package jitterbit

import "strings"

// IsVariableReference reports whether s is a reference to a Jitterbit
// variable (a global, project or Jitterbit variable) such as "[jsm_url]",
// which Harmony resolves at run time; such a value skips format checks.
//
// The rules: s is "[" name "]" with nothing around it, not even blanks.
// name may start with one "$" (the global-variable sigil of Jitterbit
// scripts); the rest is one or more segments separated by single periods
// ("jitterbit.target.url"), each made of ASCII letters, digits and
// underscores, and the first segment starts with a letter or an
// underscore. A value holding a reference among other text ("https://[host]")
// is not a reference.
func IsVariableReference(s string) bool {
	name, ok := strings.CutPrefix(s, "[")
	if !ok {
		return false
	}
	if name, ok = strings.CutSuffix(name, "]"); !ok {
		return false
	}
	name = strings.TrimPrefix(name, "$")
	if name == "" || !isNameStart(name[0]) {
		return false
	}
	for segment := range strings.SplitSeq(name, ".") {
		if segment == "" {
			return false
		}
		for i := range len(segment) {
			if !isNameStart(segment[i]) && !isDigit(segment[i]) {
				return false
			}
		}
	}
	return true
}

func isNameStart(b byte) bool { return b == '_' || ('a' <= b && b <= 'z') || ('A' <= b && b <= 'Z') }

func isDigit(b byte) bool { return '0' <= b && b <= '9' }
