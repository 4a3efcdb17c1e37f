package jama

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

// jamaAdminID is the id of the seeded admin user, whom OAuth tokens act as.
const jamaAdminID = 1

// Product emulates the Jama Connect REST API under /jama:
//
//	POST /rest/oauth/token            client-credentials token
//	GET  /rest/v1/users/current       the authenticated user
//	GET  /rest/v1/users               list (username, email, includeInactive, paging)
//	POST /rest/v1/users               create: 201, meta.id and meta.location, no data;
//	                                  a username in use is 400 "... already exists"
//	GET  /rest/v1/users/{id}          read
//	PUT  /rest/v1/users/{id}          update: 200, no data; every member optional (an
//	                                  omitted one is kept), password not valid (400)
//	PUT  /rest/v1/users/{id}/active   activate or deactivate: 200, no data
//
// It also serves the provider's own contract for the classic JIRA
// Connector under /almsync/jama-jira-connector/v1, outside Jama's own
// routes, as a bridge would (see product_jama_jiraconnector.go).
//
// Users cannot be deleted (405). Basic credentials are checked against the
// users themselves: a user created through the API can log in while it is
// active and holds the named creator license (NAMED), the only license with
// REST API access; any other license type is refused with 401.
type Product struct {
	Responder
	auth  *Auth
	state *kernel.State[jamaState]
}

// jamaState is the jama product's data. JIRA connections are stored with
// their passwords, which the API never returns.
type jamaState struct {
	Users           kernel.Collection[jamaUser]       `json:"users"`
	JiraConnections kernel.Collection[jiraConnection] `json:"jiraConnections"`
}

// jamaUser is a stored user: the wire user plus the password, which the API
// never returns.
type jamaUser struct {
	user
	Password string `json:"password"`
}

// New returns the Jama Connect product.
func New() *Product { return &Product{} }

// Name is the product's path prefix, without the slash.
func (p *Product) Name() string { return "jama" }

// seedJama returns the seeded data: the admin user.
func seedJama() *jamaState {
	s := &jamaState{}
	s.Users.Insert(func(id int64) jamaUser {
		return jamaUser{
			user: user{
				ID: id, Username: kernel.DefaultUsername, FirstName: "Sandbox", LastName: "Admin",
				Email: "admin@example.com", LicenseType: restLicense, Active: true,
			},
			Password: kernel.DefaultPassword,
		}
	})
	return s
}

// Register adds the product's routes to env.
func (p *Product) Register(env *kernel.Env) error {
	state, err := kernel.NewState(env, seedJama)
	if err != nil {
		return err
	}
	p.state = state
	p.Responder = Responder{Now: env.Now, Prefix: env.Prefix()}
	p.auth = NewAuth(env, p.verifyUser, jamaAdminID)

	auth := func(h func(http.ResponseWriter, *http.Request, int64)) http.HandlerFunc {
		return p.auth.Require(p.Responder, h)
	}
	env.Handle("POST /rest/oauth/token", p.auth.HandleToken)
	env.Handle("GET /rest/v1/users/current", auth(p.currentUser))
	env.Handle("GET /rest/v1/users", auth(p.listUsers))
	env.Handle("POST /rest/v1/users", auth(p.createUser))
	env.Handle("GET /rest/v1/users/{id}", auth(p.getUser))
	env.Handle("PUT /rest/v1/users/{id}", auth(p.updateUser))
	env.Handle("PUT /rest/v1/users/{id}/active", auth(p.setUserActive))
	p.registerJiraConnector(env, auth)
	return nil
}

// verifyUser checks Basic credentials against the users: an active user
// with the right password and a license with REST API access.
func (p *Product) verifyUser(username, password string) (int64, string) {
	var (
		u     jamaUser
		found bool
	)
	p.state.Read(func(s *jamaState) {
		_, u, found = s.Users.Find(func(_ int64, u jamaUser) bool {
			return strings.EqualFold(u.Username, username)
		})
	})
	switch {
	case !found || !u.Active || !kernel.EqualSecret(password, u.Password):
		return 0, "invalid username or password"
	case u.LicenseType != restLicense:
		return 0, fmt.Sprintf("user %q has license type %s, which has no REST API access: the REST API needs a named creator license (%s)",
			u.Username, u.LicenseType, restLicense)
	}
	return u.ID, ""
}

func (p *Product) currentUser(w http.ResponseWriter, _ *http.Request, principal int64) {
	var (
		u     jamaUser
		found bool
	)
	p.state.Read(func(s *jamaState) { u, found = s.Users.Get(principal) })
	if !found {
		p.Error(w, http.StatusUnauthorized, "the authenticated user no longer exists")
		return
	}
	p.OK(w, u.user)
}

func (p *Product) listUsers(w http.ResponseWriter, r *http.Request, _ int64) {
	q := r.URL.Query()
	pg, err := ParsePage(q)
	if err != nil {
		p.Fail(w, err)
		return
	}
	includeInactive := false
	if v := q.Get("includeInactive"); v != "" {
		if includeInactive, err = strconv.ParseBool(v); err != nil {
			p.Error(w, http.StatusBadRequest, fmt.Sprintf("includeInactive must be true or false, got %q", v))
			return
		}
	}
	username, email := q.Get("username"), q.Get("email")
	matched := []user{}
	p.state.Read(func(s *jamaState) {
		for _, u := range s.Users.List() {
			if (!u.Active && !includeInactive) ||
				(username != "" && !strings.EqualFold(u.Username, username)) ||
				(email != "" && !strings.EqualFold(u.Email, email)) {
				continue
			}
			matched = append(matched, u.user)
		}
	})
	items, info := Paginate(matched, pg)
	p.List(w, items, info)
}

func (p *Product) createUser(w http.ResponseWriter, r *http.Request, _ int64) {
	var req requestUser
	if err := kernel.DecodeJSON(w, r, &req, false); err != nil {
		p.Fail(w, err)
		return
	}
	if problems := validateRequestUser(req, true); len(problems) > 0 {
		p.Error(w, http.StatusBadRequest, strings.Join(problems, "; "))
		return
	}
	var created jamaUser
	err := p.state.Write(func(s *jamaState) error {
		if err := usernameFree(s, *req.Username, 0); err != nil {
			return err
		}
		created = s.Users.Insert(func(id int64) jamaUser {
			u := jamaUser{user: user{ID: id, Active: true}, Password: *req.Password}
			applyRequestUser(&u, req)
			return u
		})
		return nil
	})
	if err != nil {
		p.Fail(w, err)
		return
	}
	p.Created(w, r, created.ID, fmt.Sprintf("/rest/v1/users/%d", created.ID))
}

func (p *Product) getUser(w http.ResponseWriter, r *http.Request, _ int64) {
	id, err := kernel.ParseID(r.PathValue("id"))
	if err != nil {
		p.Fail(w, err)
		return
	}
	var (
		u     jamaUser
		found bool
	)
	p.state.Read(func(s *jamaState) { u, found = s.Users.Get(id) })
	if !found {
		p.Error(w, http.StatusNotFound, fmt.Sprintf("user %d not found", id))
		return
	}
	p.OK(w, u.user)
}

func (p *Product) updateUser(w http.ResponseWriter, r *http.Request, _ int64) {
	id, err := kernel.ParseID(r.PathValue("id"))
	if err != nil {
		p.Fail(w, err)
		return
	}
	var req requestUser
	if err := kernel.DecodeJSON(w, r, &req, false); err != nil {
		p.Fail(w, err)
		return
	}
	if problems := validateRequestUser(req, false); len(problems) > 0 {
		p.Error(w, http.StatusBadRequest, strings.Join(problems, "; "))
		return
	}
	err = p.state.Write(func(s *jamaState) error {
		u, found := s.Users.Get(id)
		if !found {
			return kernel.NewAPIError(http.StatusNotFound, "user %d not found", id)
		}
		if req.Username != nil {
			if err := usernameFree(s, *req.Username, id); err != nil {
				return err
			}
		}
		applyRequestUser(&u, req)
		s.Users.Replace(id, u)
		return nil
	})
	if err != nil {
		p.Fail(w, err)
		return
	}
	p.OK(w, nil)
}

func (p *Product) setUserActive(w http.ResponseWriter, r *http.Request, _ int64) {
	id, err := kernel.ParseID(r.PathValue("id"))
	if err != nil {
		p.Fail(w, err)
		return
	}
	var req requestActiveStatus
	if err := kernel.DecodeJSON(w, r, &req, false); err != nil {
		p.Fail(w, err)
		return
	}
	if req.Active == nil {
		p.Error(w, http.StatusBadRequest, "active is required (true or false)")
		return
	}
	err = p.state.Write(func(s *jamaState) error {
		u, found := s.Users.Get(id)
		if !found {
			return kernel.NewAPIError(http.StatusNotFound, "user %d not found", id)
		}
		u.Active = *req.Active
		s.Users.Replace(id, u)
		return nil
	})
	if err != nil {
		p.Fail(w, err)
		return
	}
	p.OK(w, nil)
}

// usernameFree fails, as Jama does, with 400 and "already exists" when
// another user than self has username (compared case-insensitively).
func usernameFree(s *jamaState, username string, self int64) error {
	_, _, taken := s.Users.Find(func(id int64, u jamaUser) bool {
		return id != self && strings.EqualFold(u.Username, username)
	})
	if taken {
		return kernel.NewAPIError(http.StatusBadRequest, "Entity with username %q already exists.", username)
	}
	return nil
}

// applyRequestUser copies the members req carries onto u; the password is
// set on create only.
func applyRequestUser(u *jamaUser, req requestUser) {
	for dst, src := range map[*string]*string{
		&u.Username: req.Username, &u.FirstName: req.FirstName, &u.LastName: req.LastName, &u.Email: req.Email,
		&u.Phone: req.Phone, &u.Title: req.Title, &u.Location: req.Location, &u.LicenseType: req.LicenseType,
	} {
		if src != nil {
			*dst = *src
		}
	}
}

// validateRequestUser lists what is wrong with req, each problem naming the
// JSON member. On create the RequestUser members Jama requires must be
// there; on update every member is optional but password is not valid.
func validateRequestUser(req requestUser, create bool) []string {
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	required := func(name string, v *string) bool {
		switch {
		case v == nil && create:
			add("%s is required", name)
		case v != nil && strings.TrimSpace(*v) == "":
			add("%s must not be empty", name)
		default:
			return v != nil
		}
		return false
	}
	if required("username", req.Username) && strings.ContainsFunc(*req.Username, unicode.IsSpace) {
		add("username must not contain whitespace, got %q", *req.Username)
	}
	switch {
	case !create && req.Password != nil:
		add("password is not valid on update: a user's password cannot be changed through the REST API")
	case create:
		required("password", req.Password)
	}
	required("firstName", req.FirstName)
	required("lastName", req.LastName)
	if required("email", req.Email) && !kernel.IsEmail(*req.Email) {
		add("email must be an email address like name@example.com, got %q", *req.Email)
	}
	if required("licenseType", req.LicenseType) && !slices.Contains(licenseTypes, *req.LicenseType) {
		add("licenseType must be one of %s, got %q", strings.Join(licenseTypes, ", "), *req.LicenseType)
	}
	return problems
}
