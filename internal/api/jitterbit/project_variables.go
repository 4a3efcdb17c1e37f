package jitterbit

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
)

// HiddenValueMask is the value Harmony answers for a hidden variable.
// Jitterbit's reference says of projectVariableHideValue only that "The
// value will be kept secure and hidden from user interfaces"; it shows no
// answer for a hidden variable, so the client expects none: a null or
// missing projectVariableValue, read as "". A read value equal to
// HiddenValueMask means "unknown, not changed by us".
const HiddenValueMask = ""

// ProjectVariable is one entry of data.projectVariableDetail.
type ProjectVariable struct {
	ID          string // projectVariableId
	Name        string // projectVariableName
	Value       string // projectVariableValue (what Harmony answers; for a hidden variable see HiddenValueMask)
	HideValue   bool   // projectVariableHideValue
	Description string // projectVariableDescription
}

// ListProjectVariables returns the project variables of a project in an
// environment: GET /project-variables?environmentId=&projectGuid=, as
// Harmony documents it.
func (c *Client) ListProjectVariables(ctx context.Context, environmentID, projectGUID string) ([]ProjectVariable, error) {
	const op = "list project variables"
	if err := requireProjectKey(op, environmentID, projectGUID); err != nil {
		return nil, err
	}
	q := url.Values{"environmentId": {environmentID}, "projectGuid": {projectGUID}}
	var res projectVariablesResult
	if err := c.call(ctx, op, http.MethodGet, pathProjectVariables, q, nil, &res); err != nil {
		return nil, err
	}
	vars := make([]ProjectVariable, 0, len(res.ProjectVariableDetail))
	for _, w := range res.ProjectVariableDetail {
		vars = append(vars, w.variable())
	}
	return vars, nil
}

// FindProjectVariable finds a variable by exact name (Jitterbit variable
// names are case-sensitive); ok is false when the project has none of that
// name.
func (c *Client) FindProjectVariable(ctx context.Context, environmentID, projectGUID, name string) (ProjectVariable, bool, error) {
	vars, err := c.ListProjectVariables(ctx, environmentID, projectGUID)
	if err != nil {
		return ProjectVariable{}, false, err
	}
	for _, v := range vars {
		if v.Name == name {
			return v, true, nil
		}
	}
	return ProjectVariable{}, false, nil
}

// SetProjectVariable sets a variable's value, description and hide flag:
// PUT /project-variables with {projectVariableId, projectVariableValue,
// projectVariableDescription, projectVariableHideValue}, as Harmony
// documents it; Harmony answers no data. v.ID must be set (Harmony cannot
// create a variable); v.Name is not sent.
func (c *Client) SetProjectVariable(ctx context.Context, v ProjectVariable) error {
	const op = "set project variable"
	if v.ID == "" {
		return fmt.Errorf("%s %s: the project variable id is empty", productName, op)
	}
	body := setProjectVariableRequest{
		ProjectVariableID:          textOrNumber(v.ID),
		ProjectVariableValue:       v.Value,
		ProjectVariableDescription: v.Description,
		ProjectVariableHideValue:   v.HideValue,
	}
	return c.call(ctx, op, http.MethodPut, pathProjectVariables, nil, body, nil)
}
