package interchange

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/jama"
	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

// Product emulates Jama Connect Interchange connectors under
// /interchange. Interchange has no public API: besides the OAuth token
// endpoint, these routes are the provider's own contract, as
// contracts/interchange-connectors.yaml publishes it, below its own prefix
// /almsync/interchange-connectors/v1, in Jama's envelope and with Jama's
// authentication (Basic admin/sandbox or an OAuth bearer token):
//
//	POST   /rest/oauth/token                                    client-credentials token
//	GET    /almsync/interchange-connectors/v1/contract          discovery, without credentials
//	GET    /almsync/interchange-connectors/v1/connectors        list (name filter, paging)
//	POST   /almsync/interchange-connectors/v1/connectors        create: 201, meta.id and meta.location, no data
//	GET    /almsync/interchange-connectors/v1/connectors/{id}   read, without password and clientSecret
//	PUT    /almsync/interchange-connectors/v1/connectors/{id}   update: 200, no data
//	DELETE /almsync/interchange-connectors/v1/connectors/{id}   delete: 204
//	POST   /almsync/interchange-connectors/v1/connectors/{id}/test  "Test connection" (conntest_interchange.go)
//
// Request bodies are decoded strictly: unknown fields are a 400.
type Product struct {
	jama.Responder
	auth  *jama.Auth
	state *kernel.State[interchangeState]
}

// interchangeState is the interchange product's data. Connectors are stored
// with their secrets, which the API never returns.
type interchangeState struct {
	Connectors kernel.Collection[connector] `json:"connectors"`
}

// The connector contract's name, version and routes below the product
// prefix.
const (
	connectorContract        = "interchange-connectors"
	connectorContractVersion = "1.0.0"
	connectorPrefix          = "/almsync/" + connectorContract + "/v1"
	connectorDiscoveryPath   = connectorPrefix + "/contract"
	connectorsPath           = connectorPrefix + "/connectors"
)

// interchangeAdminID is the principal Basic and bearer logins act as.
const interchangeAdminID = 1

// New returns the Interchange product.
func New() *Product { return &Product{} }

// Name is the product's path prefix, without the slash.
func (p *Product) Name() string { return "interchange" }

// Register adds the product's routes to env.
func (p *Product) Register(env *kernel.Env) error {
	state, err := kernel.NewState(env, func() *interchangeState { return &interchangeState{} })
	if err != nil {
		return err
	}
	p.state = state
	p.Responder = jama.Responder{Now: env.Now, Prefix: env.Prefix()}
	p.auth = jama.NewAuth(env, verifyInterchangeAdmin, interchangeAdminID)

	auth := func(h func(http.ResponseWriter, *http.Request, int64)) http.HandlerFunc {
		return p.auth.Require(p.Responder, h)
	}
	env.Handle("POST /rest/oauth/token", p.auth.HandleToken)
	env.Handle("GET "+connectorDiscoveryPath, p.ContractHandler(connectorContract, connectorContractVersion))
	env.Handle("GET "+connectorsPath, auth(p.listConnectors))
	env.Handle("POST "+connectorsPath, auth(p.createConnector))
	env.Handle("GET "+connectorsPath+"/{id}", auth(p.getConnector))
	env.Handle("PUT "+connectorsPath+"/{id}", auth(p.updateConnector))
	env.Handle("DELETE "+connectorsPath+"/{id}", auth(p.deleteConnector))
	env.Handle("POST "+connectorsPath+"/{id}/test", auth(p.testConnector))
	return nil
}

// verifyInterchangeAdmin accepts the default credentials only.
func verifyInterchangeAdmin(username, password string) (int64, string) {
	if kernel.EqualSecret(username, kernel.DefaultUsername) && kernel.EqualSecret(password, kernel.DefaultPassword) {
		return interchangeAdminID, ""
	}
	return 0, "invalid username or password"
}

// publicConnector is c as the API returns it: without secrets.
func publicConnector(c connector) connector {
	c.Password, c.ClientSecret = "", ""
	return c
}

func (p *Product) listConnectors(w http.ResponseWriter, r *http.Request, _ int64) {
	q := r.URL.Query()
	pg, err := jama.ParsePage(q)
	if err != nil {
		p.Fail(w, err)
		return
	}
	name := strings.TrimSpace(q.Get("name"))
	matched := []connector{}
	p.state.Read(func(s *interchangeState) {
		for _, c := range s.Connectors.List() {
			if name == "" || sameConnectorName(c.Name, name) {
				matched = append(matched, publicConnector(c))
			}
		}
	})
	items, info := jama.Paginate(matched, pg)
	p.List(w, items, info)
}

func (p *Product) createConnector(w http.ResponseWriter, r *http.Request, _ int64) {
	var in connector
	if err := kernel.DecodeJSON(w, r, &in, true); err != nil {
		p.Fail(w, err)
		return
	}
	c, problems := resolveConnector(in, nil)
	if len(problems) > 0 {
		p.Error(w, http.StatusBadRequest, strings.Join(problems, "; "))
		return
	}
	var created connector
	err := p.state.Write(func(s *interchangeState) error {
		if err := connectorNameFree(s, c.Name, 0); err != nil {
			return err
		}
		created = s.Connectors.Insert(func(id int64) connector {
			c.ID = id
			return c
		})
		return nil
	})
	if err != nil {
		p.Fail(w, err)
		return
	}
	p.Created(w, r, created.ID, fmt.Sprintf("%s/%d", connectorsPath, created.ID))
}

func (p *Product) getConnector(w http.ResponseWriter, r *http.Request, _ int64) {
	id, err := kernel.ParseID(r.PathValue("id"))
	if err != nil {
		p.Fail(w, err)
		return
	}
	var (
		c     connector
		found bool
	)
	p.state.Read(func(s *interchangeState) { c, found = s.Connectors.Get(id) })
	if !found {
		p.Error(w, http.StatusNotFound, fmt.Sprintf("connector %d not found", id))
		return
	}
	p.OK(w, publicConnector(c))
}

func (p *Product) updateConnector(w http.ResponseWriter, r *http.Request, _ int64) {
	id, err := kernel.ParseID(r.PathValue("id"))
	if err != nil {
		p.Fail(w, err)
		return
	}
	var in connector
	if err := kernel.DecodeJSON(w, r, &in, true); err != nil {
		p.Fail(w, err)
		return
	}
	err = p.state.Write(func(s *interchangeState) error {
		prev, found := s.Connectors.Get(id)
		if !found {
			return kernel.NewAPIError(http.StatusNotFound, "connector %d not found", id)
		}
		c, problems := resolveConnector(in, &prev)
		if len(problems) > 0 {
			return kernel.NewAPIError(http.StatusBadRequest, "%s", strings.Join(problems, "; "))
		}
		if err := connectorNameFree(s, c.Name, id); err != nil {
			return err
		}
		c.ID = id
		s.Connectors.Replace(id, c)
		return nil
	})
	if err != nil {
		p.Fail(w, err)
		return
	}
	p.OK(w, nil)
}

func (p *Product) deleteConnector(w http.ResponseWriter, r *http.Request, _ int64) {
	id, err := kernel.ParseID(r.PathValue("id"))
	if err != nil {
		p.Fail(w, err)
		return
	}
	err = p.state.Write(func(s *interchangeState) error {
		if !s.Connectors.Remove(id) {
			return kernel.NewAPIError(http.StatusNotFound, "connector %d not found", id)
		}
		return nil
	})
	if err != nil {
		p.Fail(w, err)
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
	id, other, taken := s.Connectors.Find(func(id int64, c connector) bool {
		return id != self && sameConnectorName(c.Name, name)
	})
	if taken {
		return kernel.NewAPIError(http.StatusConflict, "name %q is already used by connector %d (%q)", name, id, other.Name)
	}
	return nil
}

// resolveConnector validates a create (prev nil) or update request and
// returns the connector to store, or the problems, each naming its JSON
// field. On update an empty password or clientSecret keeps the stored one,
// unless authType changes: then the new mode's secret is required. The
// other mode's fields are always cleared.
func resolveConnector(in connector, prev *connector) (connector, []string) {
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }

	c := in
	c.ID = 0
	if c.Application == "" {
		c.Application = applicationJamaConnect
	}
	if c.Application != applicationJamaConnect {
		add("application must be %s, got %q", applicationJamaConnect, in.Application)
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
	case authBasic:
		if c.ClientID != "" || c.ClientSecret != "" {
			add("clientId and clientSecret must be empty when authType is basic")
		}
		c.ClientID, c.ClientSecret = "", ""
		if c.Username == "" {
			add("username is required when authType is basic")
		}
		c.Password = keep(c.Password, storedPassword)
		if c.Password == "" {
			add("%s", secretRequired("password", authBasic, prev))
		}
	case authOAuth:
		if c.Username != "" || c.Password != "" {
			add("username and password must be empty when authType is oauth")
		}
		c.Username, c.Password = "", ""
		if c.ClientID == "" {
			add("clientId is required when authType is oauth")
		}
		c.ClientSecret = keep(c.ClientSecret, storedSecret)
		if c.ClientSecret == "" {
			add("%s", secretRequired("clientSecret", authOAuth, prev))
		}
	case "":
		add("authType is required: %s or %s", authBasic, authOAuth)
	default:
		add("authType must be %s or %s, got %q", authBasic, authOAuth, c.AuthType)
	}
	return c, problems
}

func secretRequired(field, mode string, prev *connector) string {
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
