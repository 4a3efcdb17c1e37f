package conformance

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/sandboxtest"
)

func noEnv(string) string { return "" }

// TestUsageErrors: a configuration the suite cannot run with exits with
// status 2 and says what is wrong, before any request.
func TestUsageErrors(t *testing.T) {
	badPEM := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(badPEM, []byte("not a certificate"), 0o600); err != nil {
		t.Fatal(err)
	}
	creds := []string{"--username", "u", "--password", "p"}
	tests := map[string]struct {
		args []string
		want string
	}{
		"nothing":                {nil, "--product or --contract is required"},
		"unknown product":        {[]string{"--product", "polarion", "--url", "https://b.example.com"}, `unknown product "polarion"`},
		"unknown contract":       {append([]string{"--contract", "nope", "--url", "https://b.example.com"}, creds...), `unknown contract "nope"`},
		"product and contract":   {[]string{"--product", "jama", "--contract", "aqua-jira-sync", "--url", "https://b.example.com"}, "is the contract jama-jira-connector, not aqua-jira-sync"},
		"no url":                 {append([]string{"--product", "jama"}, creds...), "--url is required"},
		"relative url":           {append([]string{"--product", "jama", "--url", "bridge.example.com"}, creds...), "not an absolute http or https URL"},
		"ftp auth url":           {append([]string{"--product", "jama", "--url", "https://b.example.com", "--auth-url", "ftp://x"}, creds...), "--auth-url"},
		"no credentials":         {[]string{"--product", "jama", "--url", "https://b.example.com"}, "credentials are required"},
		"basic and oauth":        {append([]string{"--product", "interchange", "--url", "https://b.example.com", "--client-id", "c", "--client-secret", "s"}, creds...), "not both"},
		"client id alone":        {[]string{"--product", "interchange", "--url", "https://b.example.com", "--client-id", "c"}, "go together"},
		"oauth without jamaUser": {[]string{"--product", "jama", "--url", "https://b.example.com", "--client-id", "c", "--client-secret", "s"}, "--jama-user is required"},
		"oauth for aqua":         {[]string{"--product", "aqua", "--url", "https://b.example.com", "--client-id", "c", "--client-secret", "s"}, "--username and --password only"},
		"jitterbit without project": {append([]string{"--product", "jitterbit", "--url", "https://b.example.com"}, creds...),
			"--environment-id is required"},
		"aqua project 0":     {append([]string{"--product", "aqua", "--url", "https://b.example.com", "--aqua-project-id", "0"}, creds...), "--aqua-project-id"},
		"zero timeout":       {append([]string{"--product", "jama", "--url", "https://b.example.com", "--timeout", "0s"}, creds...), "--timeout must be positive"},
		"unknown flag":       {[]string{"--product", "jama", "--colour"}, "flag provided but not defined"},
		"stray argument":     {append([]string{"--product", "jama", "--url", "https://b.example.com", "extra"}, creds...), "unexpected arguments: extra"},
		"missing CA file":    {append([]string{"--product", "jama", "--url", "https://b.example.com", "--ca-cert", "/nonexistent/ca.pem"}, creds...), "--ca-cert"},
		"CA file without CA": {append([]string{"--product", "jama", "--url", "https://b.example.com", "--ca-cert", badPEM}, creds...), "holds no PEM certificate"},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var stdout, stderr bytes.Buffer
			code := Main(context.Background(), tc.args, noEnv, &stdout, &stderr)
			if code != ExitUsage {
				t.Errorf("exit status %d, want %d; stderr:\n%s", code, ExitUsage, stderr.String())
			}
			if !strings.Contains(stderr.String(), tc.want) {
				t.Errorf("stderr does not say %q:\n%s", tc.want, stderr.String())
			}
			if stdout.Len() != 0 {
				t.Errorf("a usage error printed a report:\n%s", stdout.String())
			}
		})
	}
}

func TestHelp(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := Main(context.Background(), []string{"-h"}, noEnv, &stdout, &stderr); code != ExitOK {
		t.Errorf("exit status %d, want 0", code)
	}
	for _, want := range []string{"--product", "--environment-id", "9a87b6c5-a1b2-34c5-6d7e-123456a7b001", "/rest/oauth/token", "/api/token", "/login"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("the help does not mention %s:\n%s", want, stderr.String())
		}
	}
}

// TestCommandAgainstSandbox runs the command as a bridge author does,
// credentials from the environment, against the sandbox (exit 0), and
// against a server that serves nothing (exit 1).
func TestCommandAgainstSandbox(t *testing.T) {
	base := newSandbox(t)
	env := func(name string) string {
		return map[string]string{EnvUsername: sandboxtest.SandboxUser, EnvPassword: sandboxtest.SandboxPassword}[name]
	}
	tests := map[string][]string{
		"jama":      {"--product", "jama", "--url", base + "/jama"},
		"jitterbit": {"--product", "jitterbit", "--url", base + "/jitterbit", "--organization-id", "100", "--environment-id", "201", "--project-guid", "9a87b6c5-a1b2-34c5-6d7e-123456a7b001"},
		"interchange oauth": {"--contract", "interchange-connectors", "--url", base + "/interchange",
			"--client-id", sandboxtest.SandboxClientID, "--client-secret", sandboxtest.SandboxSecret},
	}
	for name, args := range tests {
		t.Run(name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := Main(context.Background(), args, env, &stdout, &stderr); code != ExitOK {
				t.Errorf("exit status %d, want 0; stderr: %s\n%s", code, stderr.String(), failLines(stdout.String()))
			}
			if !strings.Contains(stdout.String(), "The server conforms to") {
				t.Errorf("no verdict in the report:\n%s", stdout.String())
			}
		})
	}
	t.Run("nothing served", func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		code := Main(context.Background(), []string{"--product", "aqua", "--url", base + "/nothing"}, env, &stdout, &stderr)
		if code != ExitFailure {
			t.Errorf("exit status %d, want 1", code)
		}
		if !strings.Contains(stdout.String(), "FAIL getContract") {
			t.Errorf("no FAIL line names getContract:\n%s", stdout.String())
		}
	})
}
