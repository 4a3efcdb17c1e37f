package sandbox

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/api/aqua"
)

// aqua configures its Jira sync only in the desktop SyncConfigurator; these
// routes of the aqua product serve the provider's own contract for it (see
// package aqua):
//
//	GET    /api/JiraSync/Definition?name=        list, without secrets (name: exact, case-insensitive)
//	POST   /api/JiraSync/Definition              create: 201 with the definition; 409 on a duplicate Name
//	GET    /api/JiraSync/Definition/{id}         read, without Password and ApiToken
//	PUT    /api/JiraSync/Definition/{id}         replace: 200; an empty secret keeps the stored one
//	DELETE /api/JiraSync/Definition/{id}         delete: 204, with the definition's mappings
//	POST   /api/JiraSync/Definition/{id}/Test    connection test (conntest_aqua.go)
//
// Definitions are stored with their secrets. Request bodies are decoded
// strictly: an unknown JSON key is a 400.

// aquaSyncDefinitionsPath is the collection's route below the product
// prefix.
const aquaSyncDefinitionsPath = "/api/JiraSync/Definition"

// registerJiraSync adds the sync definition routes.
func (p *aquaProduct) registerJiraSync(env *productEnv, auth aquaAuthWrapper) {
	env.handle("GET "+aquaSyncDefinitionsPath, auth(p.listSyncDefinitions))
	env.handle("POST "+aquaSyncDefinitionsPath, auth(p.createSyncDefinition))
	env.handle("GET "+aquaSyncDefinitionsPath+"/{id}", auth(p.getSyncDefinition))
	env.handle("PUT "+aquaSyncDefinitionsPath+"/{id}", auth(p.replaceSyncDefinition))
	env.handle("DELETE "+aquaSyncDefinitionsPath+"/{id}", auth(p.deleteSyncDefinition))
	env.handle("POST "+aquaSyncDefinitionsPath+"/{id}/Test", auth(p.testSyncDefinition))
}

func aquaSyncDefinitionPath(id int64) string {
	return fmt.Sprintf("%s/%d", aquaSyncDefinitionsPath, id)
}

func aquaSyncDefinitionNotFound(id int64) error {
	return newAPIError(http.StatusNotFound, "Jira sync definition %d does not exist", id)
}

// aquaPublicSyncDefinition is d as the API returns it: without secrets.
func aquaPublicSyncDefinition(d aqua.SyncDefinition) aqua.SyncDefinition {
	d.ConfigurationUser.Password, d.ConfigurationUser.APIToken = "", ""
	if d.SyncUser != nil {
		su := *d.SyncUser
		su.Password, su.APIToken = "", ""
		d.SyncUser = &su
	}
	return d
}

func (p *aquaProduct) listSyncDefinitions(w http.ResponseWriter, r *http.Request, _ int64) {
	name := strings.TrimSpace(r.URL.Query().Get("name"))
	defs := []aqua.SyncDefinition{}
	p.state.read(func(s *aquaState) {
		for _, d := range s.SyncDefinitions.list() {
			if name == "" || strings.EqualFold(d.Name, name) {
				defs = append(defs, aquaPublicSyncDefinition(d))
			}
		}
	})
	writeJSON(w, http.StatusOK, defs)
}

func (p *aquaProduct) createSyncDefinition(w http.ResponseWriter, r *http.Request, _ int64) {
	var in aqua.SyncDefinition
	if err := decodeJSON(w, r, &in, true); err != nil {
		p.fail(w, err)
		return
	}
	var created aqua.SyncDefinition
	err := p.state.write(func(s *aquaState) error {
		d, err := aquaResolveSyncDefinition(s, in, nil)
		if err != nil {
			return err
		}
		if err := aquaSyncNameFree(s, d.Name, 0); err != nil {
			return err
		}
		created = s.SyncDefinitions.insert(func(id int64) aqua.SyncDefinition {
			d.ID = id
			return d
		})
		return nil
	})
	if err != nil {
		p.fail(w, err)
		return
	}
	p.created(w, r, aquaSyncDefinitionPath(created.ID), aquaPublicSyncDefinition(created))
}

func (p *aquaProduct) getSyncDefinition(w http.ResponseWriter, r *http.Request, _ int64) {
	id, err := parseID(r.PathValue("id"))
	if err != nil {
		p.fail(w, err)
		return
	}
	var (
		d     aqua.SyncDefinition
		found bool
	)
	p.state.read(func(s *aquaState) { d, found = s.SyncDefinitions.get(id) })
	if !found {
		p.fail(w, aquaSyncDefinitionNotFound(id))
		return
	}
	writeJSON(w, http.StatusOK, aquaPublicSyncDefinition(d))
}

func (p *aquaProduct) replaceSyncDefinition(w http.ResponseWriter, r *http.Request, _ int64) {
	id, err := parseID(r.PathValue("id"))
	if err != nil {
		p.fail(w, err)
		return
	}
	var in aqua.SyncDefinition
	if err := decodeJSON(w, r, &in, true); err != nil {
		p.fail(w, err)
		return
	}
	var updated aqua.SyncDefinition
	err = p.state.write(func(s *aquaState) error {
		prev, found := s.SyncDefinitions.get(id)
		if !found {
			return aquaSyncDefinitionNotFound(id)
		}
		if in.ID != 0 && in.ID != id {
			return newAPIError(http.StatusBadRequest, "Id %d does not match the definition %d in the path", in.ID, id)
		}
		d, err := aquaResolveSyncDefinition(s, in, &prev)
		if err != nil {
			return err
		}
		if err := aquaSyncNameFree(s, d.Name, id); err != nil {
			return err
		}
		d.ID = id
		s.SyncDefinitions.replace(id, d)
		updated = d
		return nil
	})
	if err != nil {
		p.fail(w, err)
		return
	}
	writeJSON(w, http.StatusOK, aquaPublicSyncDefinition(updated))
}

// deleteSyncDefinition removes a definition and its field and value
// mappings.
func (p *aquaProduct) deleteSyncDefinition(w http.ResponseWriter, r *http.Request, _ int64) {
	id, err := parseID(r.PathValue("id"))
	if err != nil {
		p.fail(w, err)
		return
	}
	err = p.state.write(func(s *aquaState) error {
		if !s.SyncDefinitions.remove(id) {
			return aquaSyncDefinitionNotFound(id)
		}
		for _, m := range s.FieldMappings.list() {
			if m.SyncID == id {
				s.FieldMappings.remove(m.ID)
			}
		}
		for _, m := range s.ValueMappings.list() {
			if m.SyncID == id {
				s.ValueMappings.remove(m.ID)
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

// aquaSyncNameFree fails with 409 when a definition other than self is
// called name (compared case-insensitively).
func aquaSyncNameFree(s *aquaState, name string, self int64) error {
	id, _, taken := s.SyncDefinitions.find(func(id int64, d aqua.SyncDefinition) bool {
		return id != self && strings.EqualFold(d.Name, name)
	})
	if taken {
		return newAPIError(http.StatusConflict, "Name: a Jira sync definition named %q already exists (Id %d)", name, id)
	}
	return nil
}
