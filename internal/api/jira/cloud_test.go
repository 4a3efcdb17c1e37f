package jira_test

import (
	"context"
	"errors"
	"net/url"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api/jira"
	"github.com/almsync/terraform-provider-almsync/internal/api/transport"
)

func TestIsCloudURL(t *testing.T) {
	t.Parallel()
	tests := map[string]struct {
		url  string
		want bool
	}{
		"site":                           {"https://acme.atlassian.net", true},
		"site, upper case":               {"https://ACME.Atlassian.NET/", true},
		"site with a path":               {"https://acme.atlassian.net/jira", true},
		"gateway":                        {"https://api.atlassian.com/ex/jira/11223344-a1b2-3b33-c444-def123456789", true},
		"gateway, trailing slash":        {"https://api.atlassian.com/ex/jira/11223344-a1b2-3b33-c444-def123456789/", true},
		"gateway, REST path":             {"https://api.atlassian.com/ex/jira/11223344-a1b2-3b33-c444-def123456789/rest/api/2/myself", true},
		"gateway, upper-case host":       {"https://API.atlassian.com/ex/jira/abc", true},
		"gateway without a cloud id":     {"https://api.atlassian.com/ex/jira/", false},
		"gateway, Confluence":            {"https://api.atlassian.com/ex/confluence/abc", false},
		"gateway root":                   {"https://api.atlassian.com", false},
		"bare atlassian.net":             {"https://atlassian.net", false},
		"look-alike host":                {"https://atlassian.net.example.com", false},
		"look-alike suffix":              {"https://acmeatlassian.net", false},
		"own host":                       {"https://jira.example.com", false},
		"own host with the gateway path": {"https://jira.example.com/ex/jira/abc", false},
		"loopback":                       {"http://127.0.0.1:8080/jira", false},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			u, err := url.Parse(tc.url)
			if err != nil {
				t.Fatal(err)
			}
			if got := jira.IsCloudURL(u); got != tc.want {
				t.Errorf("IsCloudURL(%s) = %t, want %t", tc.url, got, tc.want)
			}
		})
	}
	if jira.IsCloudURL(nil) {
		t.Error("IsCloudURL(nil) = true")
	}
}

// TestGatewayURL checks that a site reached through Atlassian's gateway,
// https://api.atlassian.com/ex/jira/{cloudId}, keeps that path on its
// requests and is taken for Jira Cloud from the URL alone: its resolutions
// come from the paged search, without asking serverInfo first. The
// context is cancelled, so nothing leaves the machine; the request that
// was about to be sent is in the error.
func TestGatewayURL(t *testing.T) {
	t.Parallel()
	const site = "https://api.atlassian.com/ex/jira/11223344-a1b2-3b33-c444-def123456789"
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := newClient(t, site+"/", stubAccount).Resolutions(ctx)
	var reqErr *transport.RequestError
	if !errors.As(err, &reqErr) || !errors.Is(err, context.Canceled) {
		t.Fatalf("Resolutions = %v, want a cancelled *transport.RequestError", err)
	}
	want := site + "/rest/api/2/resolution/search?maxResults=50&startAt=0"
	if reqErr.Operation != "list resolutions" || reqErr.URL != want {
		t.Errorf("request = %s (%s), want %s (list resolutions)", reqErr.URL, reqErr.Operation, want)
	}
}
