package aqua

import (
	"net/http"
	"strconv"
	"strings"
	"unicode"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

// registerUsers adds the user routes; only server administrators call
// them.
func (p *Product) registerUsers(env *kernel.Env, auth aquaAuthWrapper) {
	env.Handle("GET /api/System/User", auth(p.admin(p.listUsers)))
	env.Handle("POST /api/System/User", auth(p.admin(p.createUser)))
	env.Handle("GET /api/System/User/{userId}", auth(p.admin(p.getUser)))
	env.Handle("PUT /api/System/User/{userId}", auth(p.admin(p.updateUser)))
	env.Handle("PATCH /api/System/User/{userId}", auth(p.admin(p.patchUser)))
	env.Handle("DELETE /api/System/User/{userId}", auth(p.admin(p.deleteUser)))
	p.registerLicenses(env, auth)
}

// userInfo is u as ApiUserInfo, with Fullname computed.
func userInfo(u aquaUser) apiUserInfo {
	return apiUserInfo{ID: u.ID, UserName: u.UserName, FirstName: u.FirstName, Surname: u.Surname,
		Fullname: strings.TrimSpace(u.FirstName + " " + u.Surname), Email: u.Email, Phone: u.Phone, Position: u.Position}
}

// userStatus is u's ApiUserStatus.
func userStatus(u aquaUser) string {
	if len(u.Licenses) == 0 {
		return "LicenseDeactivated"
	}
	return "Activated"
}

func userNotFound(id int64) error { return notFound("The user with id %d does not exist.", id) }

// readUserID parses the {userId} path value.
func readUserID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("userId"), 10, 32)
	if err != nil || id <= 0 {
		return 0, argumentError(argInvalidParameterValue, "userId must be a user id, got %q.", r.PathValue("userId"))
	}
	return id, nil
}

// queryFlag reads an optional boolean query parameter (default false).
func queryFlag(r *http.Request, name string) (bool, error) {
	raw := r.URL.Query().Get(name)
	if raw == "" {
		return false, nil
	}
	v, err := strconv.ParseBool(raw)
	if err != nil {
		return false, argumentError(argInvalidParameterValue, "%s must be true or false, got %q.", name, raw)
	}
	return v, nil
}

func (p *Product) listUsers(w http.ResponseWriter, _ *http.Request, _ aquaUser) {
	users := []apiUserMinimalInfo{}
	p.state.Read(func(s *aquaState) {
		for _, u := range s.Users.List() {
			users = append(users, apiUserMinimalInfo{ID: u.ID, UserName: u.UserName, FirstName: u.FirstName, Surname: u.Surname,
				Status: userStatus(u), AnyActiveLicense: len(u.Licenses) > 0})
		}
	})
	kernel.WriteJSON(w, http.StatusOK, users)
}

// createUser serves POST /api/System/User: 200 with the new user's id.
// sendNotification is accepted; the sandbox sends no email.
func (p *Product) createUser(w http.ResponseWriter, r *http.Request, _ aquaUser) {
	if _, err := queryFlag(r, "sendNotification"); err != nil {
		p.fail(w, err)
		return
	}
	var req apiUserNew
	if err := kernel.DecodeJSON(w, r, &req, true); err != nil {
		p.fail(w, err)
		return
	}
	var created aquaUser
	err := p.state.Write(func(s *aquaState) error {
		u := aquaUser{UserName: strings.TrimSpace(req.UserName), FirstName: req.FirstName, Surname: req.Surname,
			Email: strings.TrimSpace(req.Email), Phone: req.Phone, Position: req.Position}
		if err := checkUser(s, u, 0); err != nil {
			return err
		}
		created = s.Users.Insert(func(id int64) aquaUser { u.ID = id; return u })
		return nil
	})
	if err != nil {
		p.fail(w, err)
		return
	}
	kernel.WriteJSON(w, http.StatusOK, apiUserNewResponse{UserID: created.ID})
}

// getUser serves GET /api/System/User/{userId}, with the user's licenses
// and project roles when asked for.
func (p *Product) getUser(w http.ResponseWriter, r *http.Request, _ aquaUser) {
	id, err := readUserID(r)
	if err != nil {
		p.fail(w, err)
		return
	}
	withLicenses, err := queryFlag(r, "includeLicenses")
	if err != nil {
		p.fail(w, err)
		return
	}
	withProjects, err := queryFlag(r, "includeProjects")
	if err != nil {
		p.fail(w, err)
		return
	}
	var (
		out   apiUser
		found bool
	)
	p.state.Read(func(s *aquaState) {
		var u aquaUser
		if u, found = s.Users.Get(id); !found {
			return
		}
		out = apiUser{apiUserInfo: userInfo(u), ServerAdministrator: u.ServerAdministrator, Status: userStatus(u)}
		if withLicenses {
			out.Licenses = []apiUserLicenseAssignment{}
			for _, l := range u.Licenses {
				out.Licenses = append(out.Licenses, apiUserLicenseAssignment(l))
			}
		}
		if withProjects {
			out.Projects = userProjects(s, id)
		}
	})
	if !found {
		p.fail(w, userNotFound(id))
		return
	}
	kernel.WriteJSON(w, http.StatusOK, out)
}

// userProjects lists the projects user id is assigned to, with the role.
func userProjects(s *aquaState, id int64) []apiUserProjectAssignment {
	out := []apiUserProjectAssignment{}
	for _, project := range s.Projects.List() {
		if i := memberIndex(project.Members, id); i >= 0 {
			role, _ := roleByID(project.Members[i].RoleID)
			out = append(out, apiUserProjectAssignment{Project: apiProjectIDName{ID: project.ID, Name: project.Name}, Role: role})
		}
	}
	return out
}

// updateUser serves PUT /api/System/User/{userId}: the members sent (not
// null) are changed; 204.
func (p *Product) updateUser(w http.ResponseWriter, r *http.Request, _ aquaUser) {
	id, err := readUserID(r)
	if err != nil {
		p.fail(w, err)
		return
	}
	var req apiUpdateUser
	if err := kernel.DecodeJSON(w, r, &req, true); err != nil {
		p.fail(w, err)
		return
	}
	err = p.state.Write(func(s *aquaState) error {
		u, found := s.Users.Get(id)
		if !found {
			return userNotFound(id)
		}
		for _, f := range []struct {
			from *string
			to   *string
		}{
			{req.UserName, &u.UserName}, {req.FirstName, &u.FirstName}, {req.Surname, &u.Surname},
			{req.Email, &u.Email}, {req.Phone, &u.Phone}, {req.Position, &u.Position},
		} {
			if f.from != nil {
				*f.to = *f.from
			}
		}
		u.UserName, u.Email = strings.TrimSpace(u.UserName), strings.TrimSpace(u.Email)
		if err := checkUser(s, u, id); err != nil {
			return err
		}
		s.Users.Replace(id, u)
		return nil
	})
	if err != nil {
		p.fail(w, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// patchUser serves PATCH /api/System/User/{userId} with OperationType
// "SetUserPassword": the user logs in with NewPassword from then on; 204.
// The document's other operations are not served.
func (p *Product) patchUser(w http.ResponseWriter, r *http.Request, _ aquaUser) {
	id, err := readUserID(r)
	if err != nil {
		p.fail(w, err)
		return
	}
	var req apiUserPatchRequest
	if err := kernel.DecodeJSON(w, r, &req, true); err != nil {
		p.fail(w, err)
		return
	}
	err = p.state.Write(func(s *aquaState) error {
		u, found := s.Users.Get(id)
		switch {
		case !found:
			return userNotFound(id)
		case req.OperationType != "SetUserPassword":
			return argumentError(argInvalidPatchType, "OperationType %q is not supported; the sandbox serves \"SetUserPassword\".", req.OperationType)
		case req.NewPassword == nil || len(*req.NewPassword) < 8:
			return argumentError(argLowPasswordComplexity, "NewPassword must have at least 8 characters.")
		}
		u.Password = *req.NewPassword
		s.Users.Replace(id, u)
		return nil
	})
	if err != nil {
		p.fail(w, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// deleteUser removes a user with its licenses and project assignments.
// The logged-in user cannot delete itself.
func (p *Product) deleteUser(w http.ResponseWriter, r *http.Request, principal aquaUser) {
	id, err := readUserID(r)
	if err != nil {
		p.fail(w, err)
		return
	}
	err = p.state.Write(func(s *aquaState) error {
		if _, found := s.Users.Get(id); !found {
			return userNotFound(id)
		}
		if id == principal.ID {
			return argumentError(argInvalidArgument, "aqua user %d is the logged-in user and cannot delete itself.", id)
		}
		s.Users.Remove(id)
		for _, project := range s.Projects.List() {
			if members := withoutMember(project.Members, id); len(members) != len(project.Members) {
				project.Members = members
				s.Projects.Replace(project.ID, project)
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

// checkUser validates a user's members (400 ArgumentError naming the
// member) and the uniqueness of UserName among users other than self
// (400 DuplicateUserName).
func checkUser(s *aquaState, u aquaUser, self int64) error {
	switch {
	case u.UserName == "":
		return argumentError(argInvalidUsername, "UserName is required.")
	case strings.ContainsFunc(u.UserName, unicode.IsSpace):
		return argumentError(argInvalidUsername, "UserName must not contain whitespace, got %q.", u.UserName)
	case strings.TrimSpace(u.FirstName) == "":
		return argumentError(argInvalidBodyValue, "FirstName is required.")
	case strings.TrimSpace(u.Surname) == "":
		return argumentError(argInvalidBodyValue, "Surname is required.")
	case u.Email == "":
		return argumentError(argInvalidEmail, "Email is required: users with empty email addresses can lead to errors during synchronization (Jira user mapping).")
	case !kernel.IsEmail(u.Email):
		return argumentError(argInvalidEmail, "Email must be an email address like name@example.com, got %q.", u.Email)
	}
	id, other, taken := s.Users.Find(func(id int64, x aquaUser) bool {
		return id != self && strings.EqualFold(x.UserName, u.UserName)
	})
	if taken {
		return argumentError(argDuplicateUserName, "UserName %q is already used by aqua user %d (%q).", u.UserName, id, other.UserName)
	}
	return nil
}
