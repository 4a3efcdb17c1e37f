package aqua

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

// The rules a Jira sync definition follows, from aqua's "Checklist before
// start": the aqua sync user holds the Jira sync license and administers
// the project; the Jira accounts log in with username or email and a
// password or API token, on Jira Cloud with email and API token.

// aquaJiraProjectKey is the shape of a Jira project key.
var aquaJiraProjectKey = regexp.MustCompile(`^[A-Z][A-Z0-9_]+$`)

// aquaAPITokenURL is where Atlassian accounts create API tokens.
const aquaAPITokenURL = "https://id.atlassian.com/manage-profile/security/api-tokens"

// aquaResolveSyncDefinition validates a create (prev nil) or replace
// request against the state and returns the definition to store, or a 400
// whose message lists every problem, each naming its JSON field. On
// replace, an empty Password or ApiToken keeps the stored secret of the
// same account.
func aquaResolveSyncDefinition(s *aquaState, in syncDefinition, prev *syncDefinition) (syncDefinition, error) {
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }

	d := in
	d.ID = 0
	d.Name = strings.TrimSpace(d.Name)
	if d.Name == "" {
		add("Name is required")
	}
	project, projectFound := s.Projects.Get(d.AquaProjectID)
	switch {
	case d.AquaProjectID <= 0:
		add("AquaProjectId is required")
	case !projectFound:
		add("AquaProjectId: aqua project %d does not exist", d.AquaProjectID)
	}
	cloud := false
	if problem := aquaCheckJiraURL(d.JiraURL); problem != "" {
		add("%s", problem)
	} else {
		cloud = isJiraCloud(d.JiraURL)
	}
	switch {
	case d.JiraProjectKey == "":
		add("JiraProjectKey is required")
	case !aquaJiraProjectKey.MatchString(d.JiraProjectKey):
		add("JiraProjectKey must be a Jira project key (an upper-case letter, then upper-case letters, digits or underscores, e.g. SYNC), got %q", d.JiraProjectKey)
	}

	var prevConfig, prevSync *jiraAccount
	if prev != nil {
		prevConfig, prevSync = &prev.ConfigurationUser, prev.SyncUser
	}
	d.ConfigurationUser = aquaKeepSecrets(d.ConfigurationUser, prevConfig)
	problems = append(problems, aquaCheckJiraAccount("ConfigurationUser", d.ConfigurationUser, cloud)...)
	if d.SyncUser != nil {
		su := aquaKeepSecrets(*d.SyncUser, prevSync)
		d.SyncUser = &su
		problems = append(problems, aquaCheckJiraAccount("SyncUser", su, cloud)...)
	}

	switch {
	case d.AquaSyncUserID < 0:
		add("AquaSyncUserId must be 0 (no aqua sync user) or an aqua user id, got %d", d.AquaSyncUserID)
	case d.AquaSyncUserID > 0:
		problems = append(problems, aquaCheckSyncUser(s, d.AquaSyncUserID, project, projectFound)...)
	}
	if len(problems) > 0 {
		return syncDefinition{}, kernel.NewAPIError(http.StatusBadRequest, "%s", strings.Join(problems, "; "))
	}
	return d, nil
}

// aquaKeepSecrets returns a with each empty secret taken from the stored
// account prev (nil: nothing stored).
func aquaKeepSecrets(a jiraAccount, prev *jiraAccount) jiraAccount {
	if prev == nil {
		return a
	}
	if a.Password == "" {
		a.Password = prev.Password
	}
	if a.APIToken == "" {
		a.APIToken = prev.APIToken
	}
	return a
}

// aquaCheckJiraURL returns what is wrong with a JiraUrl, or "".
func aquaCheckJiraURL(raw string) string {
	if strings.TrimSpace(raw) == "" {
		return "JiraUrl is required"
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" {
		return fmt.Sprintf("JiraUrl must be an absolute http or https URL with a host, got %q", raw)
	}
	return ""
}

// aquaCheckJiraAccount lists what is wrong with the Jira account in field
// (ConfigurationUser or SyncUser). On Jira Cloud the account logs in with
// its email address and an API token.
func aquaCheckJiraAccount(field string, a jiraAccount, cloud bool) []string {
	var problems []string
	add := func(format string, args ...any) {
		problems = append(problems, field+"."+fmt.Sprintf(format, args...))
	}
	if a.Email != "" && !kernel.IsEmail(a.Email) {
		add("Email must be an email address like name@example.com, got %q", a.Email)
	}
	if cloud {
		if a.Email == "" {
			add("Email is required on Jira Cloud (*.atlassian.net): the email address must be used instead of the username")
		}
		if a.APIToken == "" {
			add("ApiToken is required on Jira Cloud (*.atlassian.net): create an API token at %s", aquaAPITokenURL)
		}
		return problems
	}
	if a.Username == "" && a.Email == "" {
		problems = append(problems, fmt.Sprintf("%[1]s.Username or %[1]s.Email is required", field))
	}
	if a.Password == "" && a.APIToken == "" {
		problems = append(problems, fmt.Sprintf("%[1]s.Password or %[1]s.ApiToken is required", field))
	}
	return problems
}

// aquaCheckSyncUser lists why user id cannot be the aqua sync user of a
// definition for project: it must exist, hold the Jira sync license and be
// Project Administrator in the project.
func aquaCheckSyncUser(s *aquaState, id int64, project aquaProject, projectFound bool) []string {
	u, found := s.Users.Get(id)
	if !found {
		return []string{fmt.Sprintf("AquaSyncUserId: aqua user %d does not exist", id)}
	}
	var problems []string
	if _, held := u.license(licenseJiraSync); !held {
		problems = append(problems, fmt.Sprintf("AquaSyncUserId: aqua user %d has no Jira sync license (%s)", id, licenseJiraSync))
	}
	if projectFound && roleIn(project, id) != roleProjectAdministrator {
		problems = append(problems, fmt.Sprintf("AquaSyncUserId: aqua user %d is not %s in project %d", id, roleProjectAdministrator, project.ID))
	}
	return problems
}
