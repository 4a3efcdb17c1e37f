package aqua

import (
	"cmp"
	"net/http"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/conntest"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

// testSyncDefinition serves the contract's POST .../definitions/{id}/test: aqua
// connects to the definition's Jira with the configuration user, as the
// SyncConfigurator's connection check does, and asks for the permissions
// in JiraProjectKey. The optional body is {"TrustedCaPem"}; the answer is
// the result in PascalCase, a failed test too.
func (p *Product) testSyncDefinition(w http.ResponseWriter, r *http.Request, _ aquaUser) {
	id, err := kernel.ParseID(r.PathValue("id"))
	if err != nil {
		p.fail(w, err)
		return
	}
	var in syncTestRequest
	if err := conntest.DecodeBody(w, r, &in); err != nil {
		p.fail(w, err)
		return
	}
	tester, err := conntest.NewTester(p.auth.now, "TrustedCaPem", in.TrustedCAPEM)
	if err != nil {
		p.fail(w, err)
		return
	}
	var (
		target conntest.JiraTarget
		found  bool
	)
	p.state.Read(func(s *aquaState) {
		var d syncDefinition
		if d, found = s.SyncDefinitions.Get(id); found {
			target = syncDefinitionTestTarget(d)
		}
	})
	if !found {
		p.fail(w, aquaSyncDefinitionNotFound(id))
		return
	}
	kernel.WriteJSON(w, http.StatusOK, newSyncTestResult(tester.TestJira(r.Context(), target)))
}

// syncDefinitionTestTarget is what a test of definition d connects to: its
// Jira as the configuration user, who logs in with the email address when
// there is one and the API token when there is one.
func syncDefinitionTestTarget(d syncDefinition) conntest.JiraTarget {
	user := d.ConfigurationUser
	return conntest.JiraTarget{
		SiteURL:    d.JiraURL,
		Creds:      conntest.Basic(cmp.Or(user.Email, user.Username), cmp.Or(user.APIToken, user.Password)),
		ProjectKey: d.JiraProjectKey,
	}
}
