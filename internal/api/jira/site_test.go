package jira_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/jira"
)

func TestServerInfo(t *testing.T) {
	t.Parallel()
	root := startSandbox(t)
	for _, s := range append(bothSites, cloudGatewaySite) {
		t.Run(s.path, func(t *testing.T) {
			t.Parallel()
			si, err := newClient(t, root+s.path, syncAccount).ServerInfo(context.Background())
			if err != nil {
				t.Fatalf("ServerInfo: %v", err)
			}
			// Through the gateway, serverInfo names the site's own URL.
			base := root + s.path
			if s == cloudGatewaySite {
				base = root + cloudSite.path
			}
			if si.BaseURL != base || si.DeploymentType != s.deployment || si.Version == "" ||
				len(si.VersionNumbers) != 3 || si.BuildNumber == 0 || si.ServerTitle == "" || si.ServerTime == "" {
				t.Errorf("ServerInfo = %+v", si)
			}
			if got, want := jira.IsCloud(si), s.deployment == jira.DeploymentCloud; got != want {
				t.Errorf("IsCloud = %v, want %v", got, want)
			}
		})
	}
}

// TestServerInfo_WrongCredentialsStillReadTheSite checks that serverInfo is
// asked anonymously: wrong credentials neither hide the deployment type nor
// count as a failed login.
func TestServerInfo_WrongCredentialsStillReadTheSite(t *testing.T) {
	t.Parallel()
	root := startSandbox(t)
	c := newClient(t, root+dataCenterSite.path, jira.Credentials{Username: "admin", Password: "wrong"})
	si, err := c.ServerInfo(context.Background())
	if err != nil || si.DeploymentType != jira.DeploymentDataCenter {
		t.Fatalf("ServerInfo = %+v, %v", si, err)
	}
	if _, err := c.Myself(context.Background()); !errors.Is(err, api.ErrUnauthorized) {
		t.Errorf("Myself with wrong credentials: %v, want ErrUnauthorized", err)
	}
}

// TestServerInfo_CredentialsWhenAnonymousIsRefused checks the fallback for
// sites that refuse anonymous requests.
func TestServerInfo_CredentialsWhenAnonymousIsRefused(t *testing.T) {
	t.Parallel()
	var requests, withAuth atomic.Int32
	stub := startStub(t, func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		w.Header().Set("Content-Type", "application/json")
		if user, pass, ok := r.BasicAuth(); !ok || user != "u" || pass != "p" {
			w.WriteHeader(http.StatusUnauthorized)
			_, _ = w.Write([]byte(`{"errorMessages":["You are not authenticated."],"errors":{}}`))
			return
		}
		withAuth.Add(1)
		_, _ = w.Write([]byte(`{"version":"9.4.0","deploymentType":"Server","baseUrl":"https://jira.example.com"}`))
	})
	si, err := newClient(t, stub, jira.Credentials{Username: "u", Password: "p"}).ServerInfo(context.Background())
	if err != nil || si.Version != "9.4.0" {
		t.Fatalf("ServerInfo = %+v, %v", si, err)
	}
	if requests.Load() != 2 || withAuth.Load() != 1 {
		t.Errorf("requests = %d (%d with credentials), want 2 (1)", requests.Load(), withAuth.Load())
	}

	// Without credentials there is nothing to try again with.
	requests.Store(0)
	_, err = newClient(t, stub, jira.Credentials{}).ServerInfo(context.Background())
	if !errors.Is(err, api.ErrUnauthorized) || requests.Load() != 1 {
		t.Errorf("anonymous client: %v after %d requests, want ErrUnauthorized after 1", err, requests.Load())
	}
}

func TestIsCloud(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		info jira.ServerInfo
		want bool
	}{
		"cloud":                {jira.ServerInfo{DeploymentType: "Cloud", BaseURL: "https://jira.example.com"}, true},
		"cloud lower case":     {jira.ServerInfo{DeploymentType: "cloud"}, true},
		"server on atlassian":  {jira.ServerInfo{DeploymentType: "Server", BaseURL: "https://x.atlassian.net"}, false},
		"data center":          {jira.ServerInfo{DeploymentType: "DataCenter"}, false},
		"old, atlassian.net":   {jira.ServerInfo{BaseURL: "https://acme.atlassian.net"}, true},
		"old, jira.com":        {jira.ServerInfo{BaseURL: "https://acme.jira.com/"}, true},
		"old, own host":        {jira.ServerInfo{BaseURL: "https://jira.acme.com"}, false},
		"old, look-alike host": {jira.ServerInfo{BaseURL: "https://atlassian.net.example.com"}, false},
		"nothing":              {jira.ServerInfo{}, false},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := jira.IsCloud(tc.info); got != tc.want {
				t.Errorf("IsCloud(%+v) = %v, want %v", tc.info, got, tc.want)
			}
		})
	}
}

func TestServiceDeskInfo(t *testing.T) {
	t.Parallel()
	root := startSandbox(t)
	for _, s := range bothSites {
		t.Run(s.deployment, func(t *testing.T) {
			t.Parallel()
			info, err := newClient(t, root+s.path, jira.Credentials{}).ServiceDeskInfo(context.Background())
			if err != nil {
				t.Fatalf("ServiceDeskInfo: %v", err)
			}
			if info.Version == "" || info.PlatformVersion == "" || !info.IsLicensedForUse ||
				!strings.HasPrefix(info.BuildDate, "2024-") || info.BuildChangeSet == "" {
				t.Errorf("ServiceDeskInfo = %+v", info)
			}
		})
	}
}

func TestServiceDeskInfo_BuildDateAsString(t *testing.T) {
	t.Parallel()
	stub := startStub(t, func(w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte(`{"version":"4.0.0","platformVersion":"8.0.0","buildDate":"2019-01-01T00:00:00+0000","isLicensedForUse":false}`))
	})
	info, err := newClient(t, stub, jira.Credentials{}).ServiceDeskInfo(context.Background())
	if err != nil || info.BuildDate != "2019-01-01T00:00:00+0000" || info.IsLicensedForUse {
		t.Errorf("ServiceDeskInfo = %+v, %v", info, err)
	}
}

func TestServiceDeskInfo_NotInstalled(t *testing.T) {
	t.Parallel()
	// A site without Jira Service Management answers Jira's 404.
	stub := startStub(t, func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusNotFound)
		_, _ = w.Write([]byte(`{"errorMessages":["null for uri: https://jira.example.com/rest/servicedeskapi/info"],"errors":{}}`))
	})
	_, err := newClient(t, stub, jira.Credentials{}).ServiceDeskInfo(context.Background())
	if !errors.Is(err, api.ErrNotFound) || !strings.Contains(err.Error(), "Jira read Service Management info") {
		t.Errorf("ServiceDeskInfo: %v, want ErrNotFound naming the operation", err)
	}
}
