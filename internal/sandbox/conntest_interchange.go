package sandbox

import (
	"fmt"
	"net/http"

	"github.com/almsync/terraform-provider-almsync/internal/api"
	"github.com/almsync/terraform-provider-almsync/internal/api/interchange"
)

// testConnector serves POST /rest/v1/connectors/{id}/test: Interchange
// connects to the connector's Jama Connect instance with the stored
// credentials, honouring verifySsl. The optional body is
// {"trustedCaPem"}; the answer's data is the result, a failed test too.
func (p *interchangeProduct) testConnector(w http.ResponseWriter, r *http.Request, _ int64) {
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
		target connJamaTarget
		found  bool
	)
	p.state.read(func(s *interchangeState) {
		var c interchange.Connector
		if c, found = s.Connectors.get(id); found {
			target = connectorTestTarget(c)
		}
	})
	if !found {
		p.error(w, http.StatusNotFound, fmt.Sprintf("connector %d not found", id))
		return
	}
	p.ok(w, tester.testJama(r.Context(), target))
}

// connectorTestTarget is what a test of connector c connects to.
func connectorTestTarget(c interchange.Connector) connJamaTarget {
	return connJamaTarget{
		instanceURL:  c.URL,
		verifyTLS:    c.VerifySSL,
		creds:        basicCredentials(c.Username, c.Password),
		oauth:        c.AuthType == interchange.AuthOAuth,
		clientID:     c.ClientID,
		clientSecret: c.ClientSecret,
	}
}
