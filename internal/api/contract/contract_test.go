package contract_test

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/contract"
)

const discoveryURL = "https://jama.example.com/almsync/jama-jira-connector/v1/contract"

func TestSpecPaths(t *testing.T) {
	t.Parallel()
	s := contract.JamaJiraConnector
	if got, want := s.Prefix(), "/almsync/jama-jira-connector/v1"; got != want {
		t.Errorf("Prefix() = %q, want %q", got, want)
	}
	if got, want := s.DiscoveryPath(), "/almsync/jama-jira-connector/v1/contract"; got != want {
		t.Errorf("DiscoveryPath() = %q, want %q", got, want)
	}
	names := map[string]bool{}
	for _, s := range contract.Specs() {
		if names[s.Name] || s.Product == "" || s.Block == "" || s.Screen == "" || contract.Major(s.Version) != "1" {
			t.Errorf("spec %+v is incomplete or repeated", s)
		}
		names[s.Name] = true
	}
}

func TestDiscovery(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name        string
		info        contract.Info
		err         error
		wantAbsent  bool
		wantVersion bool
		wantErr     bool
		wantInMsg   []string
	}{
		{name: "served", info: contract.Info{Name: "jama-jira-connector", Version: "1.0.0"}},
		{name: "newer minor", info: contract.Info{Name: "jama-jira-connector", Version: "1.4.2"}},
		{name: "404", err: &api.Error{Product: "Jama", StatusCode: 404}, wantAbsent: true, wantErr: true,
			wantInMsg: []string{"HTTP 404 Not Found", discoveryURL, "bridge", "jama.contract_url", "JAMA_CONTRACT_URL", `"jama-jira-connector"`}},
		{name: "405", err: &api.Error{Product: "Jama", StatusCode: 405}, wantAbsent: true, wantErr: true},
		{name: "html", err: &api.DecodeError{Product: "Jama", StatusCode: 200, ContentType: "text/html", Excerpt: "<!DOCTYPE html>"},
			wantAbsent: true, wantErr: true, wantInMsg: []string{"HTML page"}},
		{name: "wrong shape", info: contract.Info{}, wantAbsent: true, wantErr: true, wantInMsg: []string{"not the contract's discovery document"}},
		{name: "other contract", info: contract.Info{Name: "aqua-jira-sync", Version: "1.0.0"}, wantAbsent: true, wantErr: true,
			wantInMsg: []string{`"aqua-jira-sync"`}},
		{name: "other major", info: contract.Info{Name: "jama-jira-connector", Version: "2.0.0"}, wantVersion: true, wantErr: true,
			wantInMsg: []string{"2.0.0", "1.0.0"}},
		{name: "unauthorized", err: &api.Error{Product: "Jama", StatusCode: 401}, wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			d := contract.NewDiscovery(contract.JamaJiraConnector, discoveryURL, func(context.Context) (contract.Info, error) {
				return tt.info, tt.err
			})
			err := d.Ensure(t.Context())
			if (err != nil) != tt.wantErr {
				t.Fatalf("Ensure() = %v, want error %v", err, tt.wantErr)
			}
			var absent *contract.AbsentError
			var version *contract.VersionError
			if errors.As(err, &absent) != tt.wantAbsent || errors.As(err, &version) != tt.wantVersion {
				t.Errorf("Ensure() = %T %v, want absent %v, version %v", err, err, tt.wantAbsent, tt.wantVersion)
			}
			if contract.IsAbsent(err) != (tt.wantAbsent || tt.wantVersion) {
				t.Errorf("IsAbsent(%v) is wrong", err)
			}
			if errors.Is(err, api.ErrNotFound) && tt.wantAbsent {
				t.Errorf("an absent contract matches api.ErrNotFound: a caller would take it for a deleted object")
			}
			for _, s := range tt.wantInMsg {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("message %q lacks %q", err, s)
				}
			}
		})
	}
}

// TestDiscoveryAsksOnce: concurrent first calls share one request, a
// definite answer is kept, and a passing failure is asked again.
func TestDiscoveryAsksOnce(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	calls := 0
	answers := []error{&api.Error{Product: "Jama", StatusCode: 503}, nil}
	d := contract.NewDiscovery(contract.JamaJiraConnector, discoveryURL, func(context.Context) (contract.Info, error) {
		mu.Lock()
		defer mu.Unlock()
		err := answers[min(calls, len(answers)-1)]
		calls++
		return contract.Info{Name: "jama-jira-connector", Version: "1.0.0"}, err
	})
	if err := d.Ensure(t.Context()); err == nil || contract.IsAbsent(err) {
		t.Fatalf("first Ensure() = %v, want the 503", err)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if err := d.Ensure(t.Context()); err != nil {
				t.Errorf("Ensure() = %v", err)
			}
		})
	}
	wg.Wait()
	if calls != 2 {
		t.Errorf("discovery asked %d times, want 2 (once failing, once for all later calls)", calls)
	}
}
