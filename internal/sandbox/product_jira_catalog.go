package sandbox

import (
	"fmt"
	"net/http"
	"strings"
)

// resolutions serves GET /rest/api/2/resolution: the site's resolutions.
func (p *jiraProduct) resolutions(w http.ResponseWriter, _ *http.Request, jr jiraRequest) {
	list := []jiraResolutionJSON{}
	p.state.read(func(s *jiraState) {
		for _, res := range s.Resolutions {
			list = append(list, jiraResolutionJSON{
				Self:        jr.site + "/rest/api/2/resolution/" + res.ID,
				ID:          res.ID,
				Name:        res.Name,
				Description: res.Description,
			})
		}
	})
	writeJSON(w, http.StatusOK, list)
}

// project serves GET /rest/api/2/project/{key}: a project by key (in any
// case) or id.
func (p *jiraProduct) project(w http.ResponseWriter, r *http.Request, jr jiraRequest) {
	key := r.PathValue("key")
	proj, found := p.findProject(key)
	if !found {
		writeJiraError(w, http.StatusNotFound, jiraNoProject(key))
		return
	}
	writeJSON(w, http.StatusOK, jiraProjectJSON{
		Expand:         "description,lead,issueTypes,url,projectKeys,permissions,insight",
		Self:           jr.site + "/rest/api/2/project/" + proj.ID,
		ID:             proj.ID,
		Key:            proj.Key,
		Name:           proj.Name,
		Description:    proj.Description,
		ProjectTypeKey: proj.ProjectTypeKey,
	})
}

// findProject looks a project up by key, ignoring case as Jira does, or by
// id.
func (p *jiraProduct) findProject(keyOrID string) (jiraProject, bool) {
	var (
		found jiraProject
		ok    bool
	)
	p.state.read(func(s *jiraState) {
		for _, proj := range s.Projects {
			if strings.EqualFold(proj.Key, keyOrID) || proj.ID == keyOrID {
				found, ok = proj, true
				return
			}
		}
	})
	return found, ok
}

// jiraNoProject is Jira's message for an unknown project.
func jiraNoProject(key string) string {
	return fmt.Sprintf("No project could be found with key '%s'.", key)
}
