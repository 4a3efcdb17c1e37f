package jira

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

// resolutions serves GET /rest/api/2/resolution: the site's resolutions.
func (p *Product) resolutions(w http.ResponseWriter, _ *http.Request, jr jiraRequest) {
	list := []jiraResolutionJSON{}
	p.state.Read(func(s *jiraState) {
		for _, res := range s.Resolutions {
			list = append(list, jiraResolutionJSON{
				Self:        jr.site + "/rest/api/2/resolution/" + res.ID,
				ID:          res.ID,
				Name:        res.Name,
				Description: res.Description,
			})
		}
	})
	kernel.WriteJSON(w, http.StatusOK, list)
}

// Paging of GET /rest/api/2/resolution/search.
const (
	jiraResolutionPageDefault = 50 // maxResults when the request has none
	jiraResolutionPageMax     = 50 // the most a page holds, whatever is asked
)

// searchResolutions serves GET /rest/api/2/resolution/search, Jira Cloud's
// paged list of resolutions (PageBeanResolutionJsonBean): from startAt
// (default 0), at most maxResults (default and most 50), only those whose
// id is listed in id (repeatable, or comma-separated) when given, only the
// default one when onlyDefault is true. nextPage is present when another
// page follows.
func (p *Product) searchResolutions(w http.ResponseWriter, r *http.Request, jr jiraRequest) {
	q := r.URL.Query()
	startAt, problem := jiraQueryInt(q.Get("startAt"), "startAt", 0, 0)
	if problem != "" {
		writeJiraError(w, http.StatusBadRequest, problem)
		return
	}
	maxResults, problem := jiraQueryInt(q.Get("maxResults"), "maxResults", 1, jiraResolutionPageDefault)
	if problem != "" {
		writeJiraError(w, http.StatusBadRequest, problem)
		return
	}
	maxResults = min(maxResults, jiraResolutionPageMax)
	var onlyDefault bool
	if v := q.Get("onlyDefault"); v != "" {
		var err error
		if onlyDefault, err = strconv.ParseBool(v); err != nil {
			writeJiraError(w, http.StatusBadRequest, fmt.Sprintf("The value '%s' of onlyDefault is not a boolean.", v))
			return
		}
	}
	var ids []string
	for _, v := range q["id"] {
		for id := range strings.SplitSeq(v, ",") {
			if id = strings.TrimSpace(id); id != "" {
				ids = append(ids, id)
			}
		}
	}

	var matching []jiraResolutionBean
	p.state.Read(func(s *jiraState) {
		for _, res := range s.Resolutions {
			if (len(ids) > 0 && !slices.Contains(ids, res.ID)) || (onlyDefault && !res.Default) {
				continue
			}
			matching = append(matching, jiraResolutionBean{
				Self:        jr.site + "/rest/api/2/resolution/" + res.ID,
				ID:          res.ID,
				Name:        res.Name,
				Description: res.Description,
				Default:     res.Default,
			})
		}
	})
	page := jiraResolutionPage{
		Self:       jr.site + "/rest/api/2/resolution/search?" + jiraPageQuery(q, startAt, maxResults),
		MaxResults: maxResults,
		StartAt:    startAt,
		Total:      len(matching),
		Values:     []jiraResolutionBean{},
	}
	if startAt < len(matching) {
		page.Values = matching[startAt:min(startAt+maxResults, len(matching))]
	}
	page.IsLast = startAt+len(page.Values) >= len(matching)
	if !page.IsLast {
		page.NextPage = jr.site + "/rest/api/2/resolution/search?" + jiraPageQuery(q, startAt+len(page.Values), maxResults)
	}
	kernel.WriteJSON(w, http.StatusOK, page)
}

// jiraQueryInt parses the integer query parameter name: def when empty;
// problem is the 400's message when it is not an integer of at least
// least.
func jiraQueryInt(v, name string, least, def int) (n int, problem string) {
	if v == "" {
		return def, ""
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < least {
		return 0, fmt.Sprintf("The value '%s' of %s is not an integer of at least %d.", v, name, least)
	}
	return n, ""
}

// jiraPageQuery is the query of a page link: the request's parameters with
// startAt and maxResults set.
func jiraPageQuery(q map[string][]string, startAt, maxResults int) string {
	out := make(url.Values, len(q)+2)
	for k, v := range q {
		out[k] = v
	}
	out.Set("startAt", strconv.Itoa(startAt))
	out.Set("maxResults", strconv.Itoa(maxResults))
	return out.Encode()
}

// project serves GET /rest/api/2/project/{key}: a project by key (in any
// case) or id.
func (p *Product) project(w http.ResponseWriter, r *http.Request, jr jiraRequest) {
	key := r.PathValue("key")
	proj, found := p.findProject(key)
	if !found {
		writeJiraError(w, http.StatusNotFound, jiraNoProject(key))
		return
	}
	kernel.WriteJSON(w, http.StatusOK, jiraProjectJSON{
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
func (p *Product) findProject(keyOrID string) (jiraProject, bool) {
	var (
		found jiraProject
		ok    bool
	)
	p.state.Read(func(s *jiraState) {
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
