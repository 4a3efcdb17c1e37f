package sandbox

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/api/aqua"
)

// registerProjects adds the project, assignment and field routes.
func (p *aquaProduct) registerProjects(env *productEnv, auth aquaAuthWrapper) {
	env.handle("GET /api/Project", auth(p.listProjects))
	env.handle("GET /api/Project/{pid}", auth(p.getProject))
	env.handle("GET /api/Project/{pid}/UserAssignment", auth(p.listAssignments))
	env.handle("POST /api/Project/{pid}/UserAssignment", auth(p.addAssignment))
	env.handle("PATCH /api/Project/{pid}/UserAssignment", auth(p.updateAssignment))
	env.handle("DELETE /api/Project/{pid}/UserAssignment", auth(p.removeAssignment))
	p.registerFields(env, auth)
}

func aquaProjectNotFound(id int64) error {
	return newAPIError(http.StatusNotFound, "aqua project %d does not exist", id)
}

// readProject returns the project named by the {pid} path value.
func (p *aquaProduct) readProject(r *http.Request) (aquaProject, error) {
	id, err := parseID(r.PathValue("pid"))
	if err != nil {
		return aquaProject{}, err
	}
	var (
		project aquaProject
		found   bool
	)
	p.state.read(func(s *aquaState) { project, found = s.Projects.get(id) })
	if !found {
		return aquaProject{}, aquaProjectNotFound(id)
	}
	return project, nil
}

func (p *aquaProduct) listProjects(w http.ResponseWriter, _ *http.Request, _ int64) {
	projects := []aqua.Project{}
	p.state.read(func(s *aquaState) {
		for _, project := range s.Projects.list() {
			projects = append(projects, project.Project)
		}
	})
	writeJSON(w, http.StatusOK, projects)
}

func (p *aquaProduct) getProject(w http.ResponseWriter, r *http.Request, _ int64) {
	project, err := p.readProject(r)
	if err != nil {
		p.fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, project.Project)
}

func (p *aquaProduct) listAssignments(w http.ResponseWriter, r *http.Request, _ int64) {
	project, err := p.readProject(r)
	if err != nil {
		p.fail(w, err)
		return
	}
	members := make([]aqua.UserAssignment, 0, len(project.Members))
	p.state.read(func(s *aquaState) {
		for _, m := range project.Members {
			members = append(members, aquaPublicAssignment(s, m))
		}
	})
	writeJSON(w, http.StatusOK, members)
}

// aquaPublicAssignment is m as the API lists it, with the user's name.
func aquaPublicAssignment(s *aquaState, m aquaMember) aqua.UserAssignment {
	u, _ := s.Users.get(m.UserID)
	return aqua.UserAssignment{UserID: m.UserID, UserName: u.UserName, RoleName: m.RoleName}
}

// addAssignment makes a user a member of a project.
func (p *aquaProduct) addAssignment(w http.ResponseWriter, r *http.Request, _ int64) {
	p.changeAssignment(w, r, func(project *aquaProject, req aqua.AssignmentRequest) error {
		if i := aquaMemberIndex(project.Members, req.UserID); i >= 0 {
			return newAPIError(http.StatusConflict, "aqua user %d is already assigned to project %d (role %s); use PATCH to change the role",
				req.UserID, project.ID, project.Members[i].RoleName)
		}
		project.Members = append(slices.Clone(project.Members), aquaMember{UserID: req.UserID, RoleName: req.RoleName})
		return nil
	}, http.StatusCreated)
}

// updateAssignment changes a member's role.
func (p *aquaProduct) updateAssignment(w http.ResponseWriter, r *http.Request, _ int64) {
	p.changeAssignment(w, r, func(project *aquaProject, req aqua.AssignmentRequest) error {
		i := aquaMemberIndex(project.Members, req.UserID)
		if i < 0 {
			return newAPIError(http.StatusNotFound, "aqua user %d is not assigned to project %d", req.UserID, project.ID)
		}
		project.Members = slices.Clone(project.Members)
		project.Members[i].RoleName = req.RoleName
		return nil
	}, http.StatusOK)
}

// changeAssignment validates an assignment body, applies change to the
// project and answers the assignment with status.
func (p *aquaProduct) changeAssignment(w http.ResponseWriter, r *http.Request, change func(*aquaProject, aqua.AssignmentRequest) error, status int) {
	pid, err := parseID(r.PathValue("pid"))
	if err != nil {
		p.fail(w, err)
		return
	}
	var req aqua.AssignmentRequest
	if err := decodeJSON(w, r, &req, false); err != nil {
		p.fail(w, err)
		return
	}
	var answer aqua.UserAssignment
	err = p.state.write(func(s *aquaState) error {
		project, found := s.Projects.get(pid)
		if !found {
			return aquaProjectNotFound(pid)
		}
		role, err := aquaCheckAssignment(s, req)
		if err != nil {
			return err
		}
		req.RoleName = role
		if err := change(&project, req); err != nil {
			return err
		}
		s.Projects.replace(pid, project)
		answer = aquaPublicAssignment(s, aquaMember{UserID: req.UserID, RoleName: role})
		return nil
	})
	if err != nil {
		p.fail(w, err)
		return
	}
	if status == http.StatusCreated {
		p.created(w, r, fmt.Sprintf("/api/Project/%d/UserAssignment?userId=%d", pid, req.UserID), answer)
		return
	}
	writeJSON(w, status, answer)
}

// aquaCheckAssignment validates UserId and RoleName and returns the role in its
// canonical spelling.
func aquaCheckAssignment(s *aquaState, req aqua.AssignmentRequest) (string, error) {
	var problems []string
	switch _, found := s.Users.get(req.UserID); {
	case req.UserID <= 0:
		problems = append(problems, "UserId is required")
	case !found:
		problems = append(problems, fmt.Sprintf("UserId: aqua user %d does not exist", req.UserID))
	}
	roles := aquaRoles()
	i := slices.IndexFunc(roles, func(role string) bool { return strings.EqualFold(role, strings.TrimSpace(req.RoleName)) })
	if i < 0 {
		problems = append(problems, fmt.Sprintf("RoleName must be one of %s, got %q", aquaQuoteAll(roles), req.RoleName))
	}
	if len(problems) > 0 {
		return "", newAPIError(http.StatusBadRequest, "%s", strings.Join(problems, "; "))
	}
	return roles[i], nil
}

// removeAssignment serves DELETE ?userId=: removes a member.
func (p *aquaProduct) removeAssignment(w http.ResponseWriter, r *http.Request, _ int64) {
	pid, err := parseID(r.PathValue("pid"))
	if err != nil {
		p.fail(w, err)
		return
	}
	raw := r.URL.Query().Get("userId")
	userID, convErr := strconv.ParseInt(raw, 10, 64)
	if convErr != nil || userID <= 0 {
		p.fail(w, newAPIError(http.StatusBadRequest, "query parameter userId must be an aqua user id, got %q", raw))
		return
	}
	err = p.state.write(func(s *aquaState) error {
		project, found := s.Projects.get(pid)
		if !found {
			return aquaProjectNotFound(pid)
		}
		members := aquaWithoutMember(project.Members, userID)
		if len(members) == len(project.Members) {
			return newAPIError(http.StatusNotFound, "aqua user %d is not assigned to project %d", userID, pid)
		}
		project.Members = members
		s.Projects.replace(pid, project)
		return nil
	})
	if err != nil {
		p.fail(w, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// aquaMemberIndex returns the index of userID's membership, or -1.
func aquaMemberIndex(members []aquaMember, userID int64) int {
	return slices.IndexFunc(members, func(m aquaMember) bool { return m.UserID == userID })
}

// aquaWithoutMember returns a copy of members without userID's membership.
func aquaWithoutMember(members []aquaMember, userID int64) []aquaMember {
	return slices.DeleteFunc(slices.Clone(members), func(m aquaMember) bool { return m.UserID == userID })
}

// aquaRoleIn returns userID's role in the project, or "".
func aquaRoleIn(project aquaProject, userID int64) string {
	if i := aquaMemberIndex(project.Members, userID); i >= 0 {
		return project.Members[i].RoleName
	}
	return ""
}

// aquaQuoteAll renders values as a comma-separated list of quoted strings.
func aquaQuoteAll(values []string) string {
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = strconv.Quote(v)
	}
	return strings.Join(quoted, ", ")
}
