package sandbox

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/api/interchange"
)

// interchangeProduct emulates Jama Connect Interchange connectors under
// /interchange. Interchange has no public API: these routes are the
// provider's own contract, in Jama's envelope and with Jama's
// authentication (Basic admin/sandbox or an OAuth bearer token):
//
//	POST   /rest/oauth/token            client-credentials token
//	GET    /rest/v1/connectors          list (name filter, paging)
//	POST   /rest/v1/connectors          create: 201, meta.id and meta.location, no data
//	GET    /rest/v1/connectors/{id}     read, without password and clientSecret
//	PUT    /rest/v1/connectors/{id}     update: 200, no data
//	DELETE /rest/v1/connectors/{id}     delete: 204
//	POST   /rest/v1/connectors/{id}/test  "Test connection" (conntest_interchange.go)
//
// Request bodies are decoded strictly: unknown fields are a 400.
type interchangeProduct struct {
	jamaResponder
	auth  *jamaAuth
	state *productState[interchangeState]
}

// interchangeState is the interchange product's data. Connectors are stored
// with their secrets, which the API never returns.
type interchangeState struct {
	Connectors collection[interchange.Connector] `json:"connectors"`
}

// interchangeAdminID is the principal Basic and bearer logins act as.
const interchangeAdminID = 1

func newInterchangeProduct() *interchangeProduct { return &interchangeProduct{} }

func (p *interchangeProduct) name() string { return "interchange" }

func (p *interchangeProduct) register(env *productEnv) error {
	state, err := newProductState(env, func() *interchangeState { return &interchangeState{} })
	if err != nil {
		return err
	}
	p.state = state
	p.jamaResponder = jamaResponder{now: env.now, prefix: env.prefix()}
	p.auth = newJamaAuth(env.now, verifyInterchangeAdmin, interchangeAdminID)

	auth := func(h func(http.ResponseWriter, *http.Request, int64)) http.HandlerFunc {
		return p.auth.require(p.jamaResponder, h)
	}
	env.handle("POST /rest/oauth/token", p.auth.handleToken)
	env.handle("GET /rest/v1/connectors", auth(p.listConnectors))
	env.handle("POST /rest/v1/connectors", auth(p.createConnector))
	env.handle("GET /rest/v1/connectors/{id}", auth(p.getConnector))
	env.handle("PUT /rest/v1/connectors/{id}", auth(p.updateConnector))
	env.handle("DELETE /rest/v1/connectors/{id}", auth(p.deleteConnector))
	env.handle("POST /rest/v1/connectors/{id}/test", auth(p.testConnector))
	return nil
}

// verifyInterchangeAdmin accepts the default credentials only.
func verifyInterchangeAdmin(username, password string) (int64, bool) {
	ok := equalSecret(username, DefaultUsername) && equalSecret(password, DefaultPassword)
	return interchangeAdminID, ok
}

// publicConnector is c as the API returns it: without secrets.
func publicConnector(c interchange.Connector) interchange.Connector {
	c.Password, c.ClientSecret = "", ""
	return c
}

func (p *interchangeProduct) listConnectors(w http.ResponseWriter, r *http.Request, _ int64) {
	q := r.URL.Query()
	pg, err := parsePage(q)
	if err != nil {
		p.fail(w, err)
		return
	}
	name := strings.TrimSpace(q.Get("name"))
	matched := []interchange.Connector{}
	p.state.read(func(s *interchangeState) {
		for _, c := range s.Connectors.list() {
			if name == "" || sameConnectorName(c.Name, name) {
				matched = append(matched, publicConnector(c))
			}
		}
	})
	items, info := paginate(matched, pg)
	p.list(w, items, info)
}

func (p *interchangeProduct) createConnector(w http.ResponseWriter, r *http.Request, _ int64) {
	var in interchange.Connector
	if err := decodeJSON(w, r, &in, true); err != nil {
		p.fail(w, err)
		return
	}
	c, problems := resolveConnector(in, nil)
	if len(problems) > 0 {
		p.error(w, http.StatusBadRequest, strings.Join(problems, "; "))
		return
	}
	var created interchange.Connector
	err := p.state.write(func(s *interchangeState) error {
		if err := connectorNameFree(s, c.Name, 0); err != nil {
			return err
		}
		created = s.Connectors.insert(func(id int64) interchange.Connector {
			c.ID = id
			return c
		})
		return nil
	})
	if err != nil {
		p.fail(w, err)
		return
	}
	p.created(w, r, created.ID, fmt.Sprintf("/rest/v1/connectors/%d", created.ID))
}

func (p *interchangeProduct) getConnector(w http.ResponseWriter, r *http.Request, _ int64) {
	id, err := parseID(r.PathValue("id"))
	if err != nil {
		p.fail(w, err)
		return
	}
	var (
		c     interchange.Connector
		found bool
	)
	p.state.read(func(s *interchangeState) { c, found = s.Connectors.get(id) })
	if !found {
		p.error(w, http.StatusNotFound, fmt.Sprintf("connector %d not found", id))
		return
	}
	p.ok(w, publicConnector(c))
}

func (p *interchangeProduct) updateConnector(w http.ResponseWriter, r *http.Request, _ int64) {
	id, err := parseID(r.PathValue("id"))
	if err != nil {
		p.fail(w, err)
		return
	}
	var in interchange.Connector
	if err := decodeJSON(w, r, &in, true); err != nil {
		p.fail(w, err)
		return
	}
	err = p.state.write(func(s *interchangeState) error {
		prev, found := s.Connectors.get(id)
		if !found {
			return newAPIError(http.StatusNotFound, "connector %d not found", id)
		}
		c, problems := resolveConnector(in, &prev)
		if len(problems) > 0 {
			return newAPIError(http.StatusBadRequest, "%s", strings.Join(problems, "; "))
		}
		if err := connectorNameFree(s, c.Name, id); err != nil {
			return err
		}
		c.ID = id
		s.Connectors.replace(id, c)
		return nil
	})
	if err != nil {
		p.fail(w, err)
		return
	}
	p.ok(w, nil)
}

func (p *interchangeProduct) deleteConnector(w http.ResponseWriter, r *http.Request, _ int64) {
	id, err := parseID(r.PathValue("id"))
	if err != nil {
		p.fail(w, err)
		return
	}
	err = p.state.write(func(s *interchangeState) error {
		if !s.Connectors.remove(id) {
			return newAPIError(http.StatusNotFound, "connector %d not found", id)
		}
		return nil
	})
	if err != nil {
		p.fail(w, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func sameConnectorName(a, b string) bool {
	return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b))
}

// connectorNameFree fails with 409 when a connector other than self is
// called name (compared case-insensitively, ignoring surrounding blanks).
func connectorNameFree(s *interchangeState, name string, self int64) error {
	id, other, taken := s.Connectors.find(func(id int64, c interchange.Connector) bool {
		return id != self && sameConnectorName(c.Name, name)
	})
	if taken {
		return newAPIError(http.StatusConflict, "name %q is already used by connector %d (%q)", name, id, other.Name)
	}
	return nil
}

// resolveConnector validates a create (prev nil) or update request and
// returns the connector to store, or the problems, each naming its JSON
// field. On update an empty password or clientSecret keeps the stored one,
// unless authType changes: then the new mode's secret is required. The
// other mode's fields are always cleared.
func resolveConnector(in interchange.Connector, prev *interchange.Connector) (interchange.Connector, []string) {
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }

	c := in
	c.ID = 0
	if c.Application == "" {
		c.Application = interchange.ApplicationJamaConnect
	}
	if c.Application != interchange.ApplicationJamaConnect {
		add("application must be %s, got %q", interchange.ApplicationJamaConnect, in.Application)
	}
	if strings.TrimSpace(c.Name) == "" {
		add("name is required and must not be blank")
	}
	if problem := checkConnectorURL(c.URL); problem != "" {
		add("%s", problem)
	}

	// keep returns the stored secret when the request omits it and the
	// authentication mode is unchanged.
	var storedPassword, storedSecret string
	if prev != nil {
		storedPassword, storedSecret = prev.Password, prev.ClientSecret
	}
	sameMode := prev != nil && prev.AuthType == c.AuthType
	keep := func(given, stored string) string {
		if given == "" && sameMode {
			return stored
		}
		return given
	}
	switch c.AuthType {
	case interchange.AuthBasic:
		if c.ClientID != "" || c.ClientSecret != "" {
			add("clientId and clientSecret must be empty when authType is basic")
		}
		c.ClientID, c.ClientSecret = "", ""
		if c.Username == "" {
			add("username is required when authType is basic")
		}
		c.Password = keep(c.Password, storedPassword)
		if c.Password == "" {
			add("%s", secretRequired("password", interchange.AuthBasic, prev))
		}
	case interchange.AuthOAuth:
		if c.Username != "" || c.Password != "" {
			add("username and password must be empty when authType is oauth")
		}
		c.Username, c.Password = "", ""
		if c.ClientID == "" {
			add("clientId is required when authType is oauth")
		}
		c.ClientSecret = keep(c.ClientSecret, storedSecret)
		if c.ClientSecret == "" {
			add("%s", secretRequired("clientSecret", interchange.AuthOAuth, prev))
		}
	case "":
		add("authType is required: %s or %s", interchange.AuthBasic, interchange.AuthOAuth)
	default:
		add("authType must be %s or %s, got %q", interchange.AuthBasic, interchange.AuthOAuth, c.AuthType)
	}
	return c, problems
}

func secretRequired(field, mode string, prev *interchange.Connector) string {
	if prev != nil && prev.AuthType != mode {
		return fmt.Sprintf("%s is required when authType changes to %s", field, mode)
	}
	return fmt.Sprintf("%s is required when authType is %s", field, mode)
}

// checkConnectorURL returns what is wrong with a connector url, or "".
func checkConnectorURL(raw string) string {
	if strings.TrimSpace(raw) == "" {
		return "url is required"
	}
	u, err := url.Parse(raw)
	if err != nil {
		return fmt.Sprintf("url must be an absolute http or https URL: %v", err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Hostname() == "" {
		return fmt.Sprintf("url must be an absolute http or https URL with a host, got %q", raw)
	}
	return ""
}
