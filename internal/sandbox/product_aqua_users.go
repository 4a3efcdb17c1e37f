package sandbox

import (
	"fmt"
	"net/http"
	"strings"
	"unicode"

	"github.com/almsync/terraform-provider-almsync/internal/api/aqua"
)

// registerUsers adds the user routes.
func (p *aquaProduct) registerUsers(env *productEnv, auth aquaAuthWrapper) {
	env.handle("GET /api/System/User", auth(p.listUsers))
	env.handle("POST /api/System/User", auth(p.createUser))
	env.handle("GET /api/System/User/{id}", auth(p.getUser))
	env.handle("PUT /api/System/User/{id}", auth(p.replaceUser))
	env.handle("PATCH /api/System/User/{id}", auth(p.patchUser))
	env.handle("DELETE /api/System/User/{id}", auth(p.deleteUser))
	p.registerLicenses(env, auth)
}

// aquaPublicUser is u as the API returns it, with Fullname computed.
func aquaPublicUser(u aquaUser) aqua.User {
	out := u.User
	out.Fullname = strings.TrimSpace(u.FirstName + " " + u.Surname)
	return out
}

func aquaUserPath(id int64) string { return fmt.Sprintf("/api/System/User/%d", id) }

func aquaUserNotFound(id int64) error {
	return newAPIError(http.StatusNotFound, "aqua user %d does not exist", id)
}

func (p *aquaProduct) listUsers(w http.ResponseWriter, _ *http.Request, _ int64) {
	users := []aqua.User{}
	p.state.read(func(s *aquaState) {
		for _, u := range s.Users.list() {
			users = append(users, aquaPublicUser(u))
		}
	})
	writeJSON(w, http.StatusOK, users)
}

func (p *aquaProduct) createUser(w http.ResponseWriter, r *http.Request, _ int64) {
	var req aqua.UserRequest
	if err := decodeJSON(w, r, &req, false); err != nil {
		p.fail(w, err)
		return
	}
	var created aquaUser
	err := p.state.write(func(s *aquaState) error {
		if err := aquaCheckUser(s, req, 0); err != nil {
			return err
		}
		created = s.Users.insert(func(id int64) aquaUser {
			return aquaUser{User: aquaUserFrom(id, req)}
		})
		return nil
	})
	if err != nil {
		p.fail(w, err)
		return
	}
	p.created(w, r, aquaUserPath(created.ID), aquaPublicUser(created))
}

func (p *aquaProduct) getUser(w http.ResponseWriter, r *http.Request, _ int64) {
	id, err := parseID(r.PathValue("id"))
	if err != nil {
		p.fail(w, err)
		return
	}
	var (
		u     aquaUser
		found bool
	)
	p.state.read(func(s *aquaState) { u, found = s.Users.get(id) })
	if !found {
		p.fail(w, aquaUserNotFound(id))
		return
	}
	writeJSON(w, http.StatusOK, aquaPublicUser(u))
}

// replaceUser serves PUT: every field is replaced.
func (p *aquaProduct) replaceUser(w http.ResponseWriter, r *http.Request, _ int64) {
	var req aqua.UserRequest
	p.changeUser(w, r, &req, func(aqua.User) aqua.UserRequest { return req })
}

// aquaUserPatch is a PATCH body: absent members keep their value.
type aquaUserPatch struct {
	UserName  *string `json:"UserName"`
	FirstName *string `json:"FirstName"`
	Surname   *string `json:"Surname"`
	Email     *string `json:"Email"`
	Phone     *string `json:"Phone"`
	Position  *string `json:"Position"`
}

// patchUser serves PATCH: only the members sent are changed.
func (p *aquaProduct) patchUser(w http.ResponseWriter, r *http.Request, _ int64) {
	var patch aquaUserPatch
	p.changeUser(w, r, &patch, func(cur aqua.User) aqua.UserRequest {
		req := aqua.UserRequest{UserName: cur.UserName, FirstName: cur.FirstName, Surname: cur.Surname,
			Email: cur.Email, Phone: cur.Phone, Position: cur.Position}
		for _, f := range []struct {
			from *string
			to   *string
		}{
			{patch.UserName, &req.UserName}, {patch.FirstName, &req.FirstName}, {patch.Surname, &req.Surname},
			{patch.Email, &req.Email}, {patch.Phone, &req.Phone}, {patch.Position, &req.Position},
		} {
			if f.from != nil {
				*f.to = *f.from
			}
		}
		return req
	})
}

// changeUser decodes the body into body, builds the new fields from the
// current user with merge, validates and stores them, and answers the user.
func (p *aquaProduct) changeUser(w http.ResponseWriter, r *http.Request, body any, merge func(aqua.User) aqua.UserRequest) {
	id, err := parseID(r.PathValue("id"))
	if err != nil {
		p.fail(w, err)
		return
	}
	if err := decodeJSON(w, r, body, false); err != nil {
		p.fail(w, err)
		return
	}
	var updated aquaUser
	err = p.state.write(func(s *aquaState) error {
		u, found := s.Users.get(id)
		if !found {
			return aquaUserNotFound(id)
		}
		req := merge(u.User)
		if err := aquaCheckUser(s, req, id); err != nil {
			return err
		}
		u.User = aquaUserFrom(id, req)
		s.Users.replace(id, u)
		updated = u
		return nil
	})
	if err != nil {
		p.fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, aquaPublicUser(updated))
}

// deleteUser removes a user with its licenses and project memberships. The
// logged-in user cannot delete itself.
func (p *aquaProduct) deleteUser(w http.ResponseWriter, r *http.Request, principal int64) {
	id, err := parseID(r.PathValue("id"))
	if err != nil {
		p.fail(w, err)
		return
	}
	err = p.state.write(func(s *aquaState) error {
		if _, found := s.Users.get(id); !found {
			return aquaUserNotFound(id)
		}
		if id == principal {
			return newAPIError(http.StatusBadRequest, "aqua user %d is the logged-in user and cannot delete itself", id)
		}
		s.Users.remove(id)
		for _, project := range s.Projects.list() {
			if members := aquaWithoutMember(project.Members, id); len(members) != len(project.Members) {
				project.Members = members
				s.Projects.replace(project.ID, project)
			}
		}
		return nil
	})
	if err != nil {
		p.fail(w, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// aquaUserFrom builds the stored fields of user id from a validated request.
func aquaUserFrom(id int64, req aqua.UserRequest) aqua.User {
	return aqua.User{ID: id, UserName: strings.TrimSpace(req.UserName), FirstName: req.FirstName,
		Surname: req.Surname, Email: strings.TrimSpace(req.Email), Phone: req.Phone, Position: req.Position}
}

// aquaCheckUser validates a user's fields (400, each problem naming its
// field) and the uniqueness of UserName among users other than self (409).
func aquaCheckUser(s *aquaState, req aqua.UserRequest, self int64) error {
	var problems []string
	name := strings.TrimSpace(req.UserName)
	switch {
	case name == "":
		problems = append(problems, "UserName is required")
	case strings.ContainsFunc(name, unicode.IsSpace):
		problems = append(problems, fmt.Sprintf("UserName must not contain whitespace, got %q", req.UserName))
	}
	if strings.TrimSpace(req.FirstName) == "" {
		problems = append(problems, "FirstName is required")
	}
	if strings.TrimSpace(req.Surname) == "" {
		problems = append(problems, "Surname is required")
	}
	switch email := strings.TrimSpace(req.Email); {
	case email == "":
		problems = append(problems, "Email is required: users with empty email addresses can lead to errors during synchronization (Jira user mapping)")
	case !isEmail(email):
		problems = append(problems, fmt.Sprintf("Email must be an email address like name@example.com, got %q", req.Email))
	}
	if len(problems) > 0 {
		return newAPIError(http.StatusBadRequest, "%s", strings.Join(problems, "; "))
	}
	id, other, taken := s.Users.find(func(id int64, u aquaUser) bool {
		return id != self && strings.EqualFold(u.UserName, name)
	})
	if taken {
		return newAPIError(http.StatusConflict, "UserName %q is already used by aqua user %d (%q)", name, id, other.UserName)
	}
	return nil
}
