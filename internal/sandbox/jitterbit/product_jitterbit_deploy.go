package jitterbit

import (
	"net/http"
	"slices"
	"time"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

// deployProjectBody is the body of PUT /project, the reference's Deploy
// Project: {"projectGuid"} and nothing else.
type deployProjectBody struct {
	ProjectGUID string `json:"projectGuid"`
}

// deployProject serves PUT /project: it deploys the project with the GUID
// the body names, wherever it lives (the reference's deploy names no
// environment), and records the deployment on the project. A missing GUID
// is a 400, an unknown one a 404. The answer is the envelope without
// data, as the reference's example is.
func (p *Product) deployProject(w http.ResponseWriter, r *http.Request) {
	var in deployProjectBody
	if err := kernel.DecodeJSON(w, r, &in, true); err != nil {
		p.fail(w, r, err)
		return
	}
	if in.ProjectGUID == "" {
		p.fail(w, r, kernel.NewAPIError(http.StatusBadRequest, "projectGuid is required"))
		return
	}
	err := p.state.Write(func(s *jitterbitState) error {
		i := slices.IndexFunc(s.Projects, func(pr project) bool { return pr.GUID == in.ProjectGUID })
		if i < 0 {
			return kernel.NewAPIError(http.StatusNotFound, "project %s not found in organization %s", in.ProjectGUID, jitterbitOrgID)
		}
		s.Projects[i].Deployments++
		s.Projects[i].LastDeployedOn = p.now().UnixMilli()
		return nil
	})
	if err != nil {
		p.fail(w, r, err)
		return
	}
	p.ok(w, r, http.StatusOK, nil)
}

// ProjectDeployments returns how often the project with guid was deployed
// and when last (zero before the first deployment); ok is false when there
// is no such project.
func (p *Product) ProjectDeployments(guid string) (count int64, last time.Time, ok bool) {
	p.state.Read(func(s *jitterbitState) {
		i := slices.IndexFunc(s.Projects, func(pr project) bool { return pr.GUID == guid })
		if i < 0 {
			return
		}
		ok, count = true, s.Projects[i].Deployments
		if ms := s.Projects[i].LastDeployedOn; ms != 0 {
			last = time.UnixMilli(ms).UTC()
		}
	})
	return count, last, ok
}
