package aqua

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

// GET /almsync/aqua-jira-sync/v1/definitions/{id}/jira/resolutions: aqua reads Jira's
// resolutions (GET /rest/api/2/resolution) from the sync's Jira with the
// stored configuration user, as the SyncConfigurator does when it offers
// values to map. The answer is Jira's list, unchanged; a Jira that cannot
// be reached or refuses the user is a 502 naming the cause.
func (p *Product) registerJiraResolutions(env *kernel.Env, auth aquaAuthWrapper) {
	env.Handle("GET "+aquaSyncDefinitionsPath+"/{id}/jira/resolutions", auth(p.jiraResolutions))
}

func (p *Product) jiraResolutions(w http.ResponseWriter, r *http.Request, _ aquaUser) {
	id, err := kernel.ParseID(r.PathValue("id"))
	if err != nil {
		p.fail(w, err)
		return
	}
	var (
		d     syncDefinition
		found bool
	)
	p.state.Read(func(s *aquaState) { d, found = s.SyncDefinitions.Get(id) })
	if !found {
		p.fail(w, aquaSyncDefinitionNotFound(id))
		return
	}
	req, err := http.NewRequestWithContext(r.Context(), http.MethodGet, strings.TrimRight(d.JiraURL, "/")+"/rest/api/2/resolution", nil)
	if err != nil {
		p.fail(w, kernel.NewAPIError(http.StatusBadGateway, "Jira URL %q is not usable: %v", d.JiraURL, err))
		return
	}
	user := d.ConfigurationUser
	login, secret := user.Email, user.APIToken
	if login == "" {
		login = user.Username
	}
	if secret == "" {
		secret = user.Password
	}
	req.SetBasicAuth(login, secret)
	req.Header.Set("Accept", "application/json")
	resp, err := (&http.Client{Timeout: 10 * time.Second}).Do(req)
	if err != nil {
		p.fail(w, kernel.NewAPIError(http.StatusBadGateway, "Jira at %s could not be reached: %v", d.JiraURL, err))
		return
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil || resp.StatusCode != http.StatusOK || !json.Valid(body) {
		p.fail(w, kernel.NewAPIError(http.StatusBadGateway, "Jira at %s answered %s to GET /rest/api/2/resolution", d.JiraURL, describeAnswer(resp.Status, err)))
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(body)
}

func describeAnswer(status string, err error) string {
	if err != nil {
		return fmt.Sprintf("%s (%v)", status, err)
	}
	return status
}
