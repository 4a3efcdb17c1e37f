package jira

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

// myPermissions serves GET /rest/api/2/mypermissions: whether the
// logged-in account holds the permissions listed in the permissions
// parameter (comma-separated keys), in the project named by projectKey or,
// without it, in any project. Jira Cloud requires the permissions
// parameter; Server and Data Center answer every permission without it.
func (p *Product) myPermissions(w http.ResponseWriter, r *http.Request, jr jiraRequest) {
	q := r.URL.Query()
	var keys []string
	for k := range strings.SplitSeq(q.Get("permissions"), ",") {
		if k = strings.TrimSpace(k); k != "" {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 && jr.deployment.cloud() {
		writeJiraError(w, http.StatusBadRequest, "The 'permissions' query parameter is required.")
		return
	}

	all := len(keys) == 0 // Server and Data Center: every permission
	known := make(map[string]jiraPermissionDefinition)
	for _, def := range jiraPermissionCatalog() {
		known[def.key] = def
		if all {
			keys = append(keys, def.key)
		}
	}
	var unknown []string
	for _, k := range keys {
		if _, ok := known[k]; !ok {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		writeJiraError(w, http.StatusBadRequest, fmt.Sprintf("Unrecognized permission keys: [%s]", strings.Join(unknown, ", ")))
		return
	}
	if key := q.Get("projectKey"); key != "" {
		if _, found := p.findProject(key); !found {
			writeJiraError(w, http.StatusNotFound, jiraNoProject(key))
			return
		}
	}

	answer := jiraMyPermissions{Permissions: make(map[string]jiraPermission, len(keys))}
	for _, k := range keys {
		def := known[k]
		answer.Permissions[k] = jiraPermission{
			ID:             def.id,
			Key:            def.key,
			Name:           def.name,
			Type:           def.kind,
			Description:    def.description,
			HavePermission: jr.account.has(k),
		}
	}
	kernel.WriteJSON(w, http.StatusOK, answer)
}
