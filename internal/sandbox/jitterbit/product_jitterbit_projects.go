package jitterbit

import (
	"bytes"
	"encoding/json"
	"net/http"
	"slices"
	"strconv"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

// The seeded data's author, the createdBy of what the sandbox answers.
const seedAuthor = "admin@sandbox.example"

// Facts about the seeded Harmony the reference's examples carry and the
// sandbox does not model.
const (
	seedAgentGroupID  = "300"
	seedAgentVersion  = "11.34.0"
	seedRequiredAgent = "11.34.0.0"
	seedEnvType       = 2
)

// projectQuery reads the required query parameters environmentId and
// projectGuid: a missing one is a 400 naming it.
func projectQuery(r *http.Request) (environmentID, projectGUID string, err error) {
	q := r.URL.Query()
	environmentID, projectGUID = q.Get("environmentId"), q.Get("projectGuid")
	switch {
	case environmentID == "":
		return "", "", kernel.NewAPIError(http.StatusBadRequest, "the query parameter environmentId is required")
	case projectGUID == "":
		return "", "", kernel.NewAPIError(http.StatusBadRequest, "the query parameter projectGuid is required")
	}
	return environmentID, projectGUID, nil
}

// findProject returns the project projectGUID in environment environmentID,
// or a 404 saying which of the two is unknown.
func findProject(s *jitterbitState, environmentID, projectGUID string) (environment, project, error) {
	i := slices.IndexFunc(s.Environments, func(e environment) bool { return e.ID == environmentID })
	if i < 0 {
		return environment{}, project{}, kernel.NewAPIError(http.StatusNotFound,
			"environment %s not found in organization %s", environmentID, jitterbitOrgID)
	}
	env := s.Environments[i]
	j := slices.IndexFunc(s.Projects, func(p project) bool {
		return p.GUID == projectGUID && slices.Contains(p.Environments, environmentID)
	})
	if j < 0 {
		return env, project{}, kernel.NewAPIError(http.StatusNotFound,
			"project %s not found in environment %s (%s)", projectGUID, env.ID, env.Name)
	}
	return env, s.Projects[j], nil
}

// getProject serves GET /project.
func (p *Product) getProject(w http.ResponseWriter, r *http.Request) {
	envID, guid, err := projectQuery(r)
	if err != nil {
		p.fail(w, r, err)
		return
	}
	var data projectData
	p.state.Read(func(s *jitterbitState) {
		var proj project
		if _, proj, err = findProject(s, envID, guid); err != nil {
			return
		}
		data.Projects = projectAnswer(s, proj)
	})
	if err != nil {
		p.fail(w, r, err)
		return
	}
	p.ok(w, r, http.StatusOK, data)
}

// projectAnswer is proj as GET /project answers it, with every environment
// it is deployed to.
func projectAnswer(s *jitterbitState, proj project) projectWire {
	created := strconv.FormatInt(seedTime, 10)
	out := projectWire{
		CreatedBy: seedAuthor, CreatedOn: created, DeployedVersion: seedAgentVersion,
		Environments: []environmentWire{}, GUID: proj.GUID, LastModifiedBy: seedAuthor, LastModifiedOn: created,
		Name: proj.Name, ProjectID: proj.ProjectID, RequiredVersion: seedRequiredAgent,
	}
	if proj.Description != "" {
		desc := proj.Description
		out.Description = &desc
	}
	for _, e := range s.Environments {
		if !slices.Contains(proj.Environments, e.ID) {
			continue
		}
		out.Environments = append(out.Environments, environmentWire{
			AgentGroupID: seedAgentGroupID, CreatedBy: seedAuthor, CreatedOn: created, EnvDesc: e.Description,
			EnvID: e.ID, EnvName: e.Name, EnvType: seedEnvType, LastUpdatedBy: seedAuthor, OrgID: jitterbitOrgID,
		})
	}
	return out
}

// listProjectVariables serves GET /project-variables.
func (p *Product) listProjectVariables(w http.ResponseWriter, r *http.Request) {
	envID, guid, err := projectQuery(r)
	if err != nil {
		p.fail(w, r, err)
		return
	}
	data := projectVariablesData{ProjectVariableDetail: []projectVariableWire{}}
	p.state.Read(func(s *jitterbitState) {
		var proj project
		if _, proj, err = findProject(s, envID, guid); err != nil {
			return
		}
		for _, v := range s.ProjectVariables {
			if v.EnvironmentID == envID && v.ProjectGUID == guid {
				data.ProjectVariableDetail = append(data.ProjectVariableDetail, variableAnswer(v, proj))
			}
		}
	})
	if err != nil {
		p.fail(w, r, err)
		return
	}
	p.ok(w, r, http.StatusOK, data)
}

// variableAnswer is v as GET /project-variables answers it: a hidden or
// empty value is null, an empty description too.
func variableAnswer(v projectVariable, proj project) projectVariableWire {
	out := projectVariableWire{
		ProjectVariableID: v.ID, ProjectVariableName: v.Name, ProjectVariableLabel: v.Label,
		ProjectVariableHideValue: v.HideValue, ProjectVariableEnvironmentID: v.EnvironmentID,
		ProjectVariableProjectID: strconv.FormatInt(proj.ProjectID, 10), ProjectVariableOrganizationID: jitterbitOrgID,
		CreatedBy: seedAuthor, CreatedOn: v.CreatedOn, LastUpdatedBy: seedAuthor, LastUpdatedOn: v.UpdatedOn, GUID: v.GUID,
	}
	if out.ProjectVariableLabel == "" {
		out.ProjectVariableLabel = v.Name
	}
	if !v.HideValue && v.Value != "" {
		value := v.Value
		out.ProjectVariableValue = &value
	}
	if v.Description != "" {
		desc := v.Description
		out.ProjectVariableDescription = &desc
	}
	return out
}

// setProjectVariable serves PUT /project-variables: it changes an existing
// variable and answers no data.
func (p *Product) setProjectVariable(w http.ResponseWriter, r *http.Request) {
	var in setProjectVariableRequest
	if err := kernel.DecodeJSON(w, r, &in, true); err != nil {
		p.fail(w, r, err)
		return
	}
	id, err := variableID(in.ProjectVariableID)
	if err != nil {
		p.fail(w, r, err)
		return
	}
	err = p.state.Write(func(s *jitterbitState) error {
		i := slices.IndexFunc(s.ProjectVariables, func(v projectVariable) bool { return v.ID == id })
		if i < 0 {
			return kernel.NewAPIError(http.StatusNotFound, "project variable %s not found", id)
		}
		v := &s.ProjectVariables[i]
		if in.ProjectVariableValue != nil {
			v.Value = *in.ProjectVariableValue
		}
		if in.ProjectVariableDescription != nil {
			v.Description = *in.ProjectVariableDescription
		}
		if in.ProjectVariableHideValue != nil {
			v.HideValue = *in.ProjectVariableHideValue
		}
		v.UpdatedOn = p.now().UnixMilli()
		return nil
	})
	if err != nil {
		p.fail(w, r, err)
		return
	}
	p.ok(w, r, http.StatusOK, nil)
}

// variableID reads projectVariableId, a string or an integer: missing,
// empty or of another type is a 400.
func variableID(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || bytes.Equal(raw, []byte("null")) {
		return "", kernel.NewAPIError(http.StatusBadRequest, "projectVariableId is required")
	}
	var s string
	if raw[0] == '"' {
		if err := json.Unmarshal(raw, &s); err != nil || s == "" {
			return "", kernel.NewAPIError(http.StatusBadRequest, "projectVariableId must not be empty")
		}
		return s, nil
	}
	var n int64
	if err := json.Unmarshal(raw, &n); err != nil {
		return "", kernel.NewAPIError(http.StatusBadRequest, "projectVariableId must be an integer or a string, got %s", raw)
	}
	return strconv.FormatInt(n, 10), nil
}
