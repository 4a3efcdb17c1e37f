package jitterbit

import "testing"

func TestIsVariableReference(t *testing.T) {
	t.Parallel()
	tests := map[string]bool{
		"[jsm_url]":                   true,
		"[JSM_URL]":                   true,
		"[_private]":                  true,
		"[$jsm_url]":                  true,
		"[jitterbit.target.http.url]": true,
		"[jsm.2nd]":                   true,
		"[x]":                         true,
		"":                            false,
		"[]":                          false,
		"[$]":                         false,
		"[2url]":                      false,
		"[.url]":                      false,
		"[url.]":                      false,
		"[jsm..url]":                  false,
		"[jsm-url]":                   false,
		"[jsm url]":                   false,
		" [jsm_url]":                  false,
		"[jsm_url]\n":                 false,
		"[jsm_url]/rest":              false,
		"https://[host]/jira":         false,
		"[a][b]":                      false,
		"[[a]]":                       false,
		"[$$a]":                       false,
		"[jsm_ürl]":                   false,
		"https://acme.atlassian.net":  false,
	}
	for value, want := range tests {
		t.Run(value, func(t *testing.T) {
			t.Parallel()
			if got := isVariableReference(value); got != want {
				t.Errorf("isVariableReference(%q) = %t, want %t", value, got, want)
			}
		})
	}
}
