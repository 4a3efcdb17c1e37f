package jira_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api"
)

// TestResolutions reads the sandbox's resolutions from each site: the
// paged search on Cloud (its own URL and the gateway's), the plain list on
// Data Center.
func TestResolutions(t *testing.T) {
	t.Parallel()
	root := startSandbox(t)
	want := []string{"Fixed", "Won't Fix", "Duplicate", "Incomplete", "Cannot Reproduce", "Done"}
	for _, s := range append(bothSites, cloudGatewaySite) {
		list, err := newClient(t, root+s.path, syncAccount).Resolutions(context.Background())
		if err != nil {
			t.Fatalf("%s Resolutions: %v", s.deployment, err)
		}
		if len(list) != len(want) {
			t.Fatalf("%s Resolutions = %+v", s.deployment, list)
		}
		for i, r := range list {
			if r.Name != want[i] || r.ID == "" || r.Description == "" {
				t.Errorf("%s resolution %d = %+v, want %s", s.deployment, i, r, want[i])
			}
		}
	}
}

func TestProject(t *testing.T) {
	t.Parallel()
	root := startSandbox(t)
	for _, s := range bothSites {
		c := newClient(t, root+s.path, syncAccount)
		p, err := c.Project(context.Background(), "JSM")
		if err != nil || p.Key != "JSM" || p.Name != "Service Desk" || p.ID == "" || p.ProjectTypeKey != "service_desk" {
			t.Errorf("%s Project(JSM) = %+v, %v", s.deployment, p, err)
		}
		_, err = c.Project(context.Background(), "NOPE")
		var apiErr *api.Error
		if !errors.Is(err, api.ErrNotFound) || !errors.As(err, &apiErr) ||
			apiErr.Message != "No project could be found with key 'NOPE'." || apiErr.Operation != "read project" {
			t.Errorf("%s Project(NOPE): %v", s.deployment, err)
		}
	}
}

func TestProject_EmptyKey(t *testing.T) {
	t.Parallel()
	// Nothing is sent, so the site need not exist.
	_, err := newClient(t, "https://jira.example.com", syncAccount).Project(context.Background(), " ")
	if err == nil || !strings.Contains(err.Error(), "Jira read project") {
		t.Errorf("Project(\" \"): %v, want an error naming Jira and the operation", err)
	}
}
