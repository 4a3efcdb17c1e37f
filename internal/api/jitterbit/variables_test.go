package jitterbit_test

import (
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api/jitterbit"
)

func TestIsVariableReference(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		value string
		want  bool
	}{
		"project variable":          {"[jsm_url]", true},
		"upper case":                {"[JSM_URL]", true},
		"leading underscore":        {"[_private]", true},
		"digits after the start":    {"[url2]", true},
		"global variable sigil":     {"[$jsm_url]", true},
		"jitterbit variable":        {"[jitterbit.target.http.url]", true},
		"sigil and dots":            {"[$org.jsm.url]", true},
		"single letter":             {"[x]", true},
		"plain URL":                 {"https://acme.atlassian.net", false},
		"empty":                     {"", false},
		"empty brackets":            {"[]", false},
		"only the sigil":            {"[$]", false},
		"starts with a digit":       {"[2url]", false},
		"starts with a dot":         {"[.url]", false},
		"ends with a dot":           {"[url.]", false},
		"two dots":                  {"[jsm..url]", false},
		"segment starts with digit": {"[jsm.2nd]", true},
		"hyphen":                    {"[jsm-url]", false},
		"blank inside":              {"[jsm url]", false},
		"blank around":              {" [jsm_url]", false},
		"trailing blank":            {"[jsm_url] ", false},
		"text after":                {"[jsm_url]/rest", false},
		"reference inside a URL":    {"https://[host]/jira", false},
		"two references":            {"[a][b]", false},
		"nested":                    {"[[a]]", false},
		"no closing bracket":        {"[jsm_url", false},
		"double sigil":              {"[$$a]", false},
		"non-ASCII letter":          {"[jsm_ürl]", false},
		"braces":                    {"{jsm_url}", false},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := jitterbit.IsVariableReference(tc.value); got != tc.want {
				t.Errorf("IsVariableReference(%q) = %t, want %t", tc.value, got, tc.want)
			}
		})
	}
}
