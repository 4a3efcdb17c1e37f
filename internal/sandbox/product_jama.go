package sandbox

import (
	"fmt"
	"net/http"
	"net/mail"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/almsync/terraform-provider-almsync/internal/api/jama"
)

// jamaAdminID is the id of the seeded admin user, whom OAuth tokens act as.
const jamaAdminID = 1

// jamaProduct emulates the Jama Connect REST API under /jama:
//
//	POST /rest/oauth/token            client-credentials token
//	GET  /rest/v1/users/current       the authenticated user
//	GET  /rest/v1/users               list (username, email, includeInactive, paging)
//	POST /rest/v1/users               create: 201, meta.id and meta.location, no data
//	GET  /rest/v1/users/{id}          read
//	PUT  /rest/v1/users/{id}          update: 200, no data; empty password keeps it
//	PUT  /rest/v1/users/{id}/active   activate or deactivate: 200, no data
//
// It also serves the provider's own contract for the classic JIRA
// Connector under /rest/v1/jiraconnector/connections (see
// product_jama_jiraconnector.go).
//
// Users cannot be deleted (405). Basic credentials are checked against the
// users themselves, so users created through the API can log in while active.
type jamaProduct struct {
	jamaResponder
	auth  *jamaAuth
	state *productState[jamaState]
}

// jamaState is the jama product's data. JIRA connections are stored with
// their passwords, which the API never returns.
type jamaState struct {
	Users           collection[jamaUser]            `json:"users"`
	JiraConnections collection[jama.JiraConnection] `json:"jiraConnections"`
}

// jamaUser is a stored user: the wire user plus the password, which the API
// never returns.
type jamaUser struct {
	jama.User
	Password string `json:"password"`
}

func newJamaProduct() *jamaProduct { return &jamaProduct{} }

func (p *jamaProduct) name() string { return "jama" }

// seedJama returns the seeded data: the admin user.
func seedJama() *jamaState {
	s := &jamaState{}
	s.Users.insert(func(id int64) jamaUser {
		return jamaUser{
			User: jama.User{
				ID: id, Username: DefaultUsername, FirstName: "Sandbox", LastName: "Admin",
				Email: "admin@example.com", LicenseType: "NAMED", Active: true,
			},
			Password: DefaultPassword,
		}
	})
	return s
}

func (p *jamaProduct) register(env *productEnv) error {
	state, err := newProductState(env, seedJama)
	if err != nil {
		return err
	}
	p.state = state
	p.jamaResponder = jamaResponder{now: env.now, prefix: env.prefix()}
	p.auth = newJamaAuth(env.now, p.verifyUser, jamaAdminID)

	auth := func(h func(http.ResponseWriter, *http.Request, int64)) http.HandlerFunc {
		return p.auth.require(p.jamaResponder, h)
	}
	env.handle("POST /rest/oauth/token", p.auth.handleToken)
	env.handle("GET /rest/v1/users/current", auth(p.currentUser))
	env.handle("GET /rest/v1/users", auth(p.listUsers))
	env.handle("POST /rest/v1/users", auth(p.createUser))
	env.handle("GET /rest/v1/users/{id}", auth(p.getUser))
	env.handle("PUT /rest/v1/users/{id}", auth(p.updateUser))
	env.handle("PUT /rest/v1/users/{id}/active", auth(p.setUserActive))
	p.registerJiraConnector(env, auth)
	return nil
}

// verifyUser checks Basic credentials against the active users.
func (p *jamaProduct) verifyUser(username, password string) (int64, bool) {
	var id int64
	p.state.read(func(s *jamaState) {
		_, u, found := s.Users.find(func(_ int64, u jamaUser) bool {
			return strings.EqualFold(u.Username, username)
		})
		if found && u.Active && equalSecret(password, u.Password) {
			id = u.ID
		}
	})
	return id, id != 0
}

func (p *jamaProduct) currentUser(w http.ResponseWriter, _ *http.Request, principal int64) {
	var (
		u     jamaUser
		found bool
	)
	p.state.read(func(s *jamaState) { u, found = s.Users.get(principal) })
	if !found {
		p.error(w, http.StatusUnauthorized, "the authenticated user no longer exists")
		return
	}
	p.ok(w, u.User)
}

func (p *jamaProduct) listUsers(w http.ResponseWriter, r *http.Request, _ int64) {
	q := r.URL.Query()
	pg, err := parsePage(q)
	if err != nil {
		p.fail(w, err)
		return
	}
	includeInactive := false
	if v := q.Get("includeInactive"); v != "" {
		if includeInactive, err = strconv.ParseBool(v); err != nil {
			p.error(w, http.StatusBadRequest, fmt.Sprintf("includeInactive must be true or false, got %q", v))
			return
		}
	}
	username, email := q.Get("username"), q.Get("email")
	matched := []jama.User{}
	p.state.read(func(s *jamaState) {
		for _, u := range s.Users.list() {
			if (!u.Active && !includeInactive) ||
				(username != "" && !strings.EqualFold(u.Username, username)) ||
				(email != "" && !strings.EqualFold(u.Email, email)) {
				continue
			}
			matched = append(matched, u.User)
		}
	})
	items, info := paginate(matched, pg)
	p.list(w, items, info)
}

func (p *jamaProduct) createUser(w http.ResponseWriter, r *http.Request, _ int64) {
	var req jama.UserRequest
	if err := decodeJSON(w, r, &req, false); err != nil {
		p.fail(w, err)
		return
	}
	if problems := validateUserRequest(req, true); len(problems) > 0 {
		p.error(w, http.StatusBadRequest, strings.Join(problems, "; "))
		return
	}
	var created jamaUser
	err := p.state.write(func(s *jamaState) error {
		if err := usernameFree(s, req.Username, 0); err != nil {
			return err
		}
		created = s.Users.insert(func(id int64) jamaUser {
			u := jamaUser{User: jama.User{ID: id, Active: true}}
			applyUserRequest(&u, req)
			return u
		})
		return nil
	})
	if err != nil {
		p.fail(w, err)
		return
	}
	p.created(w, r, created.ID, fmt.Sprintf("/rest/v1/users/%d", created.ID))
}

func (p *jamaProduct) getUser(w http.ResponseWriter, r *http.Request, _ int64) {
	id, err := parseID(r.PathValue("id"))
	if err != nil {
		p.fail(w, err)
		return
	}
	var (
		u     jamaUser
		found bool
	)
	p.state.read(func(s *jamaState) { u, found = s.Users.get(id) })
	if !found {
		p.error(w, http.StatusNotFound, fmt.Sprintf("user %d not found", id))
		return
	}
	p.ok(w, u.User)
}

func (p *jamaProduct) updateUser(w http.ResponseWriter, r *http.Request, _ int64) {
	id, err := parseID(r.PathValue("id"))
	if err != nil {
		p.fail(w, err)
		return
	}
	var req jama.UserRequest
	if err := decodeJSON(w, r, &req, false); err != nil {
		p.fail(w, err)
		return
	}
	if problems := validateUserRequest(req, false); len(problems) > 0 {
		p.error(w, http.StatusBadRequest, strings.Join(problems, "; "))
		return
	}
	err = p.state.write(func(s *jamaState) error {
		u, found := s.Users.get(id)
		if !found {
			return newAPIError(http.StatusNotFound, "user %d not found", id)
		}
		if err := usernameFree(s, req.Username, id); err != nil {
			return err
		}
		applyUserRequest(&u, req)
		s.Users.replace(id, u)
		return nil
	})
	if err != nil {
		p.fail(w, err)
		return
	}
	p.ok(w, nil)
}

// activeRequest is jama.ActiveRequest with presence detection.
type activeRequest struct {
	Active *bool `json:"active"`
}

func (p *jamaProduct) setUserActive(w http.ResponseWriter, r *http.Request, _ int64) {
	id, err := parseID(r.PathValue("id"))
	if err != nil {
		p.fail(w, err)
		return
	}
	var req activeRequest
	if err := decodeJSON(w, r, &req, false); err != nil {
		p.fail(w, err)
		return
	}
	if req.Active == nil {
		p.error(w, http.StatusBadRequest, "active is required (true or false)")
		return
	}
	err = p.state.write(func(s *jamaState) error {
		u, found := s.Users.get(id)
		if !found {
			return newAPIError(http.StatusNotFound, "user %d not found", id)
		}
		u.Active = *req.Active
		s.Users.replace(id, u)
		return nil
	})
	if err != nil {
		p.fail(w, err)
		return
	}
	p.ok(w, nil)
}

// usernameFree fails with 409 when another user than self has username
// (compared case-insensitively).
func usernameFree(s *jamaState, username string, self int64) error {
	id, other, taken := s.Users.find(func(id int64, u jamaUser) bool {
		return id != self && strings.EqualFold(u.Username, username)
	})
	if taken {
		return newAPIError(http.StatusConflict, "username %q is already used by user %d (%q)", username, id, other.Username)
	}
	return nil
}

// applyUserRequest copies a validated request onto u; an empty password
// keeps the current one.
func applyUserRequest(u *jamaUser, req jama.UserRequest) {
	u.Username = req.Username
	u.FirstName = req.FirstName
	u.LastName = req.LastName
	u.Email = req.Email
	u.Phone = req.Phone
	u.Title = req.Title
	u.Location = req.Location
	u.LicenseType = req.LicenseType
	if req.Password != "" {
		u.Password = req.Password
	}
}

// validateUserRequest lists what is wrong with req, each problem naming the
// JSON field. create makes the password required.
func validateUserRequest(req jama.UserRequest, create bool) []string {
	var problems []string
	switch {
	case strings.TrimSpace(req.Username) == "":
		problems = append(problems, "username is required")
	case strings.ContainsFunc(req.Username, unicode.IsSpace):
		problems = append(problems, fmt.Sprintf("username must not contain whitespace, got %q", req.Username))
	}
	if create && req.Password == "" {
		problems = append(problems, "password is required")
	}
	if strings.TrimSpace(req.FirstName) == "" {
		problems = append(problems, "firstName is required")
	}
	if strings.TrimSpace(req.LastName) == "" {
		problems = append(problems, "lastName is required")
	}
	switch {
	case strings.TrimSpace(req.Email) == "":
		problems = append(problems, "email is required")
	case !isEmail(req.Email):
		problems = append(problems, fmt.Sprintf("email must be an email address like name@example.com, got %q", req.Email))
	}
	switch {
	case req.LicenseType == "":
		problems = append(problems, "licenseType is required")
	case !slices.Contains(jama.LicenseTypes, req.LicenseType):
		problems = append(problems, fmt.Sprintf("licenseType must be one of %s, got %q", strings.Join(jama.LicenseTypes, ", "), req.LicenseType))
	}
	return problems
}

// isEmail reports whether s is a bare address of the form local@domain.
func isEmail(s string) bool {
	addr, err := mail.ParseAddress(s)
	if err != nil || addr.Name != "" || addr.Address != s {
		return false
	}
	_, domain, _ := strings.Cut(s, "@")
	return domain != "" && !strings.HasPrefix(domain, ".") && !strings.HasSuffix(domain, ".")
}
