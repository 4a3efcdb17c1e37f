package interchange

import (
	"fmt"
	"net/http"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/conntest"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

// testConnector serves POST /almsync/interchange-connectors/v1/connectors/{id}/test: Interchange
// connects to the connector's Jama Connect instance with the stored
// credentials, honouring verifySsl. The optional body is
// {"trustedCaPem"}; the answer's data is the result, a failed test too.
func (p *Product) testConnector(w http.ResponseWriter, r *http.Request, _ int64) {
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
		target conntest.JamaTarget
		found  bool
	)
	p.state.Read(func(s *interchangeState) {
		var c connector
		if c, found = s.Connectors.Get(id); found {
			target = connectorTestTarget(c)
		}
	})
	if !found {
		p.Error(w, http.StatusNotFound, fmt.Sprintf("connector %d not found", id))
		return
	}
	p.OK(w, tester.TestJama(r.Context(), target))
}

// connectorTestTarget is what a test of connector c connects to.
func connectorTestTarget(c connector) conntest.JamaTarget {
	return conntest.JamaTarget{
		InstanceURL:  c.URL,
		VerifyTLS:    c.VerifySSL,
		Creds:        conntest.Basic(c.Username, c.Password),
		OAuth:        c.AuthType == authOAuth,
		ClientID:     c.ClientID,
		ClientSecret: c.ClientSecret,
	}
}
