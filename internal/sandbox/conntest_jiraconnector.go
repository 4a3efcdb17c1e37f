package sandbox

import (
	"net/http"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/jama"
)

// testJiraConnection serves POST /rest/v1/jiraconnector/connections/{id}/test,
// the JIRA Connector's "Test Connection": Jama connects to the
// connection's Jira with the stored username and password. The optional
// body is {"trustedCaPem"}; the answer's data is the result, a failed test
// too.
func (p *jamaProduct) testJiraConnection(w http.ResponseWriter, r *http.Request, _ int64) {
	id, err := parseID(r.PathValue("id"))
	if err != nil {
		p.fail(w, err)
		return
	}
	var in api.ConnectionTestRequest
	if err := decodeConnTestBody(w, r, &in); err != nil {
		p.fail(w, err)
		return
	}
	tester, err := newConnTester(p.now, "trustedCaPem", in.TrustedCAPEM)
	if err != nil {
		p.fail(w, err)
		return
	}
	var (
		target connJiraTarget
		found  bool
	)
	p.state.read(func(s *jamaState) {
		var c jama.JiraConnection
		if c, found = s.JiraConnections.get(id); found {
			target = connJiraTarget{siteURL: c.JiraURL, creds: basicCredentials(c.JiraUsername, c.JiraPassword)}
		}
	})
	if !found {
		p.fail(w, jiraConnectionNotFound(id))
		return
	}
	p.ok(w, tester.testJira(r.Context(), target))
}
