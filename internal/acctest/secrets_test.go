package acctest

import (
	"slices"
	"strings"
	"testing"
)

func TestSecretSchemas_CoverEverySecretAttribute(t *testing.T) {
	t.Parallel()
	schemas, err := SecretSchemas()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"almsync_jama_connector":           {"password", "password_wo", "client_secret", "client_secret_wo"},
		"almsync_jama_user":                {"password", "password_wo"},
		"almsync_jira_sync_connection":     {"jira_password", "jira_password_wo"},
		"almsync_jitterbit_jsm_connection": {"password", "api_token", "sso.app_password", "sso.app_password_wo", "oauth.client_secret", "oauth.refresh_token", "ssl.client_cert_password"},
	}
	for typeName, paths := range want {
		tree, ok := schemas[typeName]
		if !ok {
			t.Errorf("no schema for %s", typeName)
			continue
		}
		got := tree.Paths()
		for _, p := range paths {
			if !slices.Contains(got, p) {
				t.Errorf("%s: secret %s not covered; covered: %s", typeName, p, strings.Join(got, ", "))
			}
		}
	}
}

func TestSecretTree_Problems(t *testing.T) {
	t.Parallel()
	schemas, err := SecretSchemas()
	if err != nil {
		t.Fatal(err)
	}
	jsm := schemas["almsync_jitterbit_jsm_connection"]
	cases := map[string]struct {
		values map[string]any
		marks  any
		want   string
	}{
		"an unmarked secret in a nested block": {
			values: map[string]any{"sso": map[string]any{"app_password": "pw"}},
			marks:  map[string]any{"sso": map[string]any{}},
			want:   "sso[0].app_password holds a value but is not marked sensitive",
		},
		"a write-only value in a nested block": {
			values: map[string]any{"sso": map[string]any{"app_password_wo": "pw"}},
			marks:  map[string]any{"sso": map[string]any{"app_password_wo": true}},
			want:   "sso[0].app_password_wo is write-only but holds a value",
		},
		"a marked secret is fine": {
			values: map[string]any{"sso": map[string]any{"app_password": "pw"}},
			marks:  map[string]any{"sso": map[string]any{"app_password": true}},
		},
		"a block marked as a whole is fine": {
			values: map[string]any{"sso": map[string]any{"app_password": "pw"}},
			marks:  map[string]any{"sso": true},
		},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got := strings.Join(jsm.problems("", tc.values, tc.marks, true), "; ")
			if got != tc.want {
				t.Errorf("problems = %q, want %q", got, tc.want)
			}
		})
	}
}
