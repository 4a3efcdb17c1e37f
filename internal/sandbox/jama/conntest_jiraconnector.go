package jama

import (
	"net/http"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/conntest"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

// testJiraConnection serves POST /almsync/jama-jira-connector/v1/connections/{id}/test,
// the JIRA Connector's "Test Connection": Jama connects to the
// connection's Jira with the stored username and password. The optional
// body is {"trustedCaPem"}; the answer's data is the result, a failed test
// too.
func (p *Product) testJiraConnection(w http.ResponseWriter, r *http.Request, _ int64) {
	id, err := kernel.ParseID(r.PathValue("id"))
	if err != nil {
		p.Fail(w, err)
		return
	}
	var in connectionTestRequest
	if err := conntest.DecodeBody(w, r, &in); err != nil {
		p.Fail(w, err)
		return
	}
	tester, err := conntest.NewTester(p.Now, "trustedCaPem", in.TrustedCAPEM)
	if err != nil {
		p.Fail(w, err)
		return
	}
	var (
		target conntest.JiraTarget
		found  bool
	)
	p.state.Read(func(s *jamaState) {
		var c jiraConnection
		if c, found = s.JiraConnections.Get(id); found {
			target = conntest.JiraTarget{SiteURL: c.JiraURL, Creds: conntest.Basic(c.JiraUsername, c.JiraPassword)}
		}
	})
	if !found {
		p.Fail(w, jiraConnectionNotFound(id))
		return
	}
	p.OK(w, tester.TestJira(r.Context(), target))
}
