package sandbox

import (
	"cmp"
	"net/http"

	"github.com/almsync/terraform-provider-almsync/internal/api/aqua"
)

// testSyncDefinition serves POST /api/JiraSync/Definition/{id}/Test: aqua
// connects to the definition's Jira with the configuration user, as the
// SyncConfigurator's connection check does, and asks for the permissions
// in JiraProjectKey. The optional body is {"TrustedCaPem"}; the answer is
// the result in PascalCase, a failed test too.
func (p *aquaProduct) testSyncDefinition(w http.ResponseWriter, r *http.Request, _ int64) {
	id, err := parseID(r.PathValue("id"))
	if err != nil {
		p.fail(w, err)
		return
	}
	var in aqua.SyncTestRequest
	if err := decodeConnTestBody(w, r, &in); err != nil {
		p.fail(w, err)
		return
	}
	tester, err := newConnTester(p.auth.now, "TrustedCaPem", in.TrustedCAPEM)
	if err != nil {
		p.fail(w, err)
		return
	}
	var (
		target connJiraTarget
		found  bool
	)
	p.state.read(func(s *aquaState) {
		var d aqua.SyncDefinition
		if d, found = s.SyncDefinitions.get(id); found {
			target = syncDefinitionTestTarget(d)
		}
	})
	if !found {
		p.fail(w, aquaSyncDefinitionNotFound(id))
		return
	}
	writeJSON(w, http.StatusOK, aqua.NewSyncTestResult(tester.testJira(r.Context(), target)))
}

// syncDefinitionTestTarget is what a test of definition d connects to: its
// Jira as the configuration user, who logs in with the email address when
// there is one and the API token when there is one.
func syncDefinitionTestTarget(d aqua.SyncDefinition) connJiraTarget {
	user := d.ConfigurationUser
	return connJiraTarget{
		siteURL:    d.JiraURL,
		creds:      basicCredentials(cmp.Or(user.Email, user.Username), cmp.Or(user.APIToken, user.Password)),
		projectKey: d.JiraProjectKey,
	}
}
