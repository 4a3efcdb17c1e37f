package aqua

import (
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

// registerProjects adds the role, project, assignment and field routes.
func (p *Product) registerProjects(env *kernel.Env, auth aquaAuthWrapper) {
	env.Handle("GET /api/System/Role", auth(p.admin(p.listRoles)))
	env.Handle("GET /api/Project", auth(p.listProjects))
	env.Handle("GET /api/Project/{id}", auth(p.getProject))
	env.Handle("GET /api/Project/{projectId}/UserAssignment", auth(p.listAssignments))
	env.Handle("POST /api/Project/{projectId}/UserAssignment", auth(p.admin(p.addAssignment)))
	env.Handle("PATCH /api/Project/{projectId}/UserAssignment", auth(p.admin(p.replaceAssignment)))
	env.Handle("DELETE /api/Project/{projectId}/UserAssignment", auth(p.admin(p.removeAssignment)))
	p.registerFields(env, auth)
}

func projectNotFound(id int64) error { return notFound("The project with id %d does not exist.", id) }

// projectInfo is project as ApiProjectInfo.
func projectInfo(project aquaProject) apiProjectInfo {
	return apiProjectInfo{ID: project.ID, Name: project.Name, ShortDescription: project.ShortDescription}
}

// readProject returns the project named by the path value name, which
// principal must be assigned to (a server administrator sees every
// project).
func (p *Product) readProject(r *http.Request, name string, principal aquaUser) (aquaProject, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 32)
	if err != nil || id <= 0 {
		return aquaProject{}, argumentError(argInvalidParameterValue, "%s must be a project id, got %q.", name, r.PathValue(name))
	}
	var (
		project aquaProject
		found   bool
	)
	p.state.Read(func(s *aquaState) { project, found = s.Projects.Get(id) })
	switch {
	case !found:
		return aquaProject{}, projectNotFound(id)
	case !principal.ServerAdministrator && memberIndex(project.Members, principal.ID) < 0:
		return aquaProject{}, forbidden(forbiddenNotPermitted, "aqua user %q is not assigned to project %d.", principal.UserName, id)
	}
	return project, nil
}

func (p *Product) listRoles(w http.ResponseWriter, _ *http.Request, _ aquaUser) {
	kernel.WriteJSON(w, http.StatusOK, seedRoles())
}

// listProjects serves GET /api/Project: the projects the logged-in user is
// assigned to.
func (p *Product) listProjects(w http.ResponseWriter, _ *http.Request, principal aquaUser) {
	projects := []apiProjectInfo{}
	p.state.Read(func(s *aquaState) {
		for _, project := range s.Projects.List() {
			if memberIndex(project.Members, principal.ID) >= 0 {
				projects = append(projects, projectInfo(project))
			}
		}
	})
	kernel.WriteJSON(w, http.StatusOK, projects)
}

func (p *Product) getProject(w http.ResponseWriter, r *http.Request, principal aquaUser) {
	project, err := p.readProject(r, "id", principal)
	if err != nil {
		p.fail(w, err)
		return
	}
	kernel.WriteJSON(w, http.StatusOK, projectInfo(project))
}

// readFolder checks the optional folderId query parameter: the sandbox's
// projects have no folders, so only 0 (the project itself) exists.
func readFolder(r *http.Request) error {
	raw := r.URL.Query().Get("folderId")
	if raw == "" || raw == "0" {
		return nil
	}
	return argumentError(argFolderNotFound, "The folder %s does not exist; use folderId 0 for the project itself.", raw)
}

// listAssignments serves GET /api/Project/{projectId}/UserAssignment.
func (p *Product) listAssignments(w http.ResponseWriter, r *http.Request, principal aquaUser) {
	project, err := p.readProject(r, "projectId", principal)
	if err == nil {
		err = readFolder(r)
	}
	if err == nil {
		_, err = queryFlag(r, "recursive")
	}
	if err != nil {
		p.fail(w, err)
		return
	}
	out := apiGetUserAssignmentResponse{Assignements: []apiUserRole{}}
	p.state.Read(func(s *aquaState) {
		for _, m := range project.Members {
			u, _ := s.Users.Get(m.UserID)
			role, _ := roleByID(m.RoleID)
			out.Assignements = append(out.Assignements, apiUserRole{Role: role, User: userInfo(u)})
		}
	})
	kernel.WriteJSON(w, http.StatusOK, out)
}

// addAssignment serves POST .../UserAssignment {UserId, FolderId, RoleId}: 204.
func (p *Product) addAssignment(w http.ResponseWriter, r *http.Request, principal aquaUser) {
	project, err := p.readProject(r, "projectId", principal)
	if err != nil {
		p.fail(w, err)
		return
	}
	var req apiUserProjectFolderAssignment
	if err := kernel.DecodeJSON(w, r, &req, true); err != nil {
		p.fail(w, err)
		return
	}
	err = p.state.Write(func(s *aquaState) error {
		if req.FolderID != 0 {
			return argumentError(argFolderNotFound, "The folder %d does not exist in project %d; use FolderId 0 for the project itself.", req.FolderID, project.ID)
		}
		if _, found := s.Users.Get(req.UserID); !found {
			return argumentError(argUserNotFound, "UserId: aqua user %d does not exist.", req.UserID)
		}
		if _, found := roleByID(req.RoleID); !found {
			return argumentError(argRoleNotFound, "RoleId: the role %d does not exist; roles: %s.", req.RoleID, roleList())
		}
		current, _ := s.Projects.Get(project.ID)
		if memberIndex(current.Members, req.UserID) >= 0 {
			return argumentError(argAlreadyInProject, "aqua user %d is already assigned to project %d; use PATCH to change the role.", req.UserID, project.ID)
		}
		current.Members = append(slices.Clone(current.Members), aquaMember{UserID: req.UserID, RoleID: req.RoleID})
		s.Projects.Replace(project.ID, current)
		return nil
	})
	if err != nil {
		p.fail(w, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// readAssignee checks the userId and folderId query parameters of PATCH
// and DELETE.
func readAssignee(r *http.Request) (int64, error) {
	raw := r.URL.Query().Get("userId")
	id, err := strconv.ParseInt(raw, 10, 32)
	if err != nil || id <= 0 {
		return 0, argumentError(argInvalidParameterValue, "The query parameter userId must be an aqua user id, got %q.", raw)
	}
	return id, readFolder(r)
}

// replaceAssignment serves PATCH .../UserAssignment?userId=&folderId=
// {OperationType: "Replace", NewRoleId}: 204.
func (p *Product) replaceAssignment(w http.ResponseWriter, r *http.Request, principal aquaUser) {
	project, err := p.readProject(r, "projectId", principal)
	if err != nil {
		p.fail(w, err)
		return
	}
	userID, err := readAssignee(r)
	if err != nil {
		p.fail(w, err)
		return
	}
	var req apiUserProjectFolderAssignmentPatch
	if err := kernel.DecodeJSON(w, r, &req, true); err != nil {
		p.fail(w, err)
		return
	}
	err = p.state.Write(func(s *aquaState) error {
		if req.OperationType != "Replace" {
			return argumentError(argWrongPatchType, "OperationType must be \"Replace\", got %q.", req.OperationType)
		}
		if _, found := roleByID(req.NewRoleID); !found {
			return argumentError(argRoleNotFound, "NewRoleId: the role %d does not exist; roles: %s.", req.NewRoleID, roleList())
		}
		current, _ := s.Projects.Get(project.ID)
		i := memberIndex(current.Members, userID)
		if i < 0 {
			return notFound("aqua user %d is not assigned to project %d.", userID, project.ID)
		}
		current.Members = slices.Clone(current.Members)
		current.Members[i].RoleID = req.NewRoleID
		s.Projects.Replace(project.ID, current)
		return nil
	})
	if err != nil {
		p.fail(w, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// removeAssignment serves DELETE .../UserAssignment?userId=&folderId=: 204.
func (p *Product) removeAssignment(w http.ResponseWriter, r *http.Request, principal aquaUser) {
	project, err := p.readProject(r, "projectId", principal)
	if err != nil {
		p.fail(w, err)
		return
	}
	userID, err := readAssignee(r)
	if err == nil {
		_, err = queryFlag(r, "cascadeDelete")
	}
	if err != nil {
		p.fail(w, err)
		return
	}
	err = p.state.Write(func(s *aquaState) error {
		current, _ := s.Projects.Get(project.ID)
		members := withoutMember(current.Members, userID)
		if len(members) == len(current.Members) {
			return notFound("aqua user %d is not assigned to project %d.", userID, project.ID)
		}
		current.Members = members
		s.Projects.Replace(project.ID, current)
		return nil
	})
	if err != nil {
		p.fail(w, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// memberIndex returns the index of userID's assignment, or -1.
func memberIndex(members []aquaMember, userID int64) int {
	return slices.IndexFunc(members, func(m aquaMember) bool { return m.UserID == userID })
}

// withoutMember returns a copy of members without userID's assignment.
func withoutMember(members []aquaMember, userID int64) []aquaMember {
	return slices.DeleteFunc(slices.Clone(members), func(m aquaMember) bool { return m.UserID == userID })
}

// roleIn returns the name of userID's role in the project, or "".
func roleIn(project aquaProject, userID int64) string {
	if i := memberIndex(project.Members, userID); i >= 0 {
		role, _ := roleByID(project.Members[i].RoleID)
		return role.Name
	}
	return ""
}

// roleList renders the roles for an error message.
func roleList() string {
	roles := seedRoles()
	parts := make([]string, len(roles))
	for i, r := range roles {
		parts[i] = strconv.FormatInt(r.ID, 10) + " " + strconv.Quote(r.Name)
	}
	return strings.Join(parts, ", ")
}
