package jira_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/jira"
	sandboxjira "github.com/almsync/terraform-provider-almsync/internal/sandbox/jira"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

func TestMyself_Cloud(t *testing.T) {
	t.Parallel()
	root := startSandbox(t)
	u, err := newClient(t, root+cloudSite.path, syncAccount).Myself(context.Background())
	if err != nil {
		t.Fatalf("Myself: %v", err)
	}
	if u.AccountID == "" || u.AccountType != "atlassian" || u.Key != "" || u.Name != "" {
		t.Errorf("Cloud identity: %+v", u)
	}
	if u.EmailAddress != sandboxjira.JiraSyncAccount || u.DisplayName == "" || !u.Active {
		t.Errorf("user = %+v", u)
	}
	if !slices.Equal(u.Groups, []string{"jira-software-users", "jira-users"}) || !slices.Equal(u.ApplicationRoles, []string{"jira-software"}) {
		t.Errorf("groups %v, roles %v", u.Groups, u.ApplicationRoles)
	}
}

func TestMyself_DataCenter(t *testing.T) {
	t.Parallel()
	root := startSandbox(t)
	u, err := newClient(t, root+dataCenterSite.path, adminAccount).Myself(context.Background())
	if err != nil {
		t.Fatalf("Myself: %v", err)
	}
	if u.AccountID != "" || u.Key == "" || u.Name != kernel.DefaultUsername || !u.Active {
		t.Errorf("Data Center identity: %+v", u)
	}
	if !slices.Contains(u.Groups, "jira-administrators") || !slices.Contains(u.Groups, "jira-users") || len(u.ApplicationRoles) == 0 {
		t.Errorf("groups %v, roles %v", u.Groups, u.ApplicationRoles)
	}
}

func TestMyself_Unauthorized(t *testing.T) {
	t.Parallel()
	root := startSandbox(t)
	for _, s := range bothSites {
		for name, creds := range map[string]jira.Credentials{
			"wrong token":    {Username: sandboxjira.JiraSyncAccount, Password: "wrong-token"},
			"no credentials": {},
		} {
			_, err := newClient(t, root+s.path, creds).Myself(context.Background())
			var apiErr *api.Error
			if !errors.Is(err, api.ErrUnauthorized) || !errors.As(err, &apiErr) {
				t.Fatalf("%s %s: %v, want an *api.Error matching ErrUnauthorized", s.deployment, name, err)
			}
			if apiErr.Product != "Jira" || apiErr.Operation != "read current user" || apiErr.Path != "/rest/api/2/myself" ||
				apiErr.Message != "You are not authenticated. Authentication required to perform this operation." {
				t.Errorf("%s %s: error = %+v", s.deployment, name, apiErr)
			}
			if strings.Contains(err.Error(), "wrong-token") {
				t.Errorf("the error shows the token: %v", err)
			}
		}
	}
}

// TestMyself_PersonalAccessToken checks that a personal access token logs
// in to Data Center as its account, and that Cloud, reached at a URL that
// does not say it is Cloud, refuses it.
func TestMyself_PersonalAccessToken(t *testing.T) {
	t.Parallel()
	root := startSandbox(t)
	u, err := newClient(t, root+dataCenterSite.path, syncToken).Myself(context.Background())
	if err != nil || u.Name != sandboxjira.JiraSyncAccount || u.Key == "" || !slices.Contains(u.Groups, "jira-users") {
		t.Errorf("Data Center Myself with a token = %+v, %v", u, err)
	}
	_, err = newClient(t, root+cloudSite.path, syncToken).Myself(context.Background())
	if !errors.Is(err, api.ErrUnauthorized) || strings.Contains(err.Error(), sandboxjira.JiraSyncPersonalAccessToken) {
		t.Errorf("Cloud Myself with a token: %v, want ErrUnauthorized without the token", err)
	}
}
