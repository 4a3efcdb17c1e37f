package aqua

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

// aqua configures its Jira sync only in the desktop SyncConfigurator; the
// sandbox plays the bridge that serves the provider's own contract for it,
// aqua-jira-sync 1.0.0 (contracts/aqua-jira-sync.yaml), below
// /almsync/aqua-jira-sync/v1 of the aqua product, never under aqua's /api,
// in the shapes of wire_jirasync.go:
//
//	GET    /almsync/aqua-jira-sync/v1/contract                 discovery, no authentication: {Name, Version}
//	GET    /almsync/aqua-jira-sync/v1/definitions?name=        list, without secrets (name: exact, case-insensitive)
//	POST   /almsync/aqua-jira-sync/v1/definitions              create: 201 with the definition; 409 on a duplicate Name
//	GET    /almsync/aqua-jira-sync/v1/definitions/{id}         read, without Password and ApiToken
//	PUT    /almsync/aqua-jira-sync/v1/definitions/{id}         replace: 200 with the definition; an empty secret keeps the stored one
//	DELETE /almsync/aqua-jira-sync/v1/definitions/{id}         delete: 204, with the definition's mappings
//	POST   /almsync/aqua-jira-sync/v1/definitions/{id}/test    connection test (conntest_aqua.go)
//
// Every route but the discovery takes aqua's bearer token. Definitions are
// stored with their secrets. Request bodies are decoded strictly: an
// unknown JSON key is a 400.

// aquaContractPrefix is the prefix of the contract's routes below the
// product prefix.
const aquaContractPrefix = "/almsync/aqua-jira-sync/v1"

// aquaContractName and aquaContractVersion are what the discovery answers.
const (
	aquaContractName    = "aqua-jira-sync"
	aquaContractVersion = "1.0.0"
)

// aquaSyncDefinitionsPath is the collection's route below the product
// prefix.
const aquaSyncDefinitionsPath = aquaContractPrefix + "/definitions"

// contractInfo is the discovery's answer, in aqua's style (no envelope,
// PascalCase).
type contractInfo struct {
	Name    string `json:"Name"`
	Version string `json:"Version"`
}

// registerJiraSync adds the discovery and the sync definition routes.
func (p *Product) registerJiraSync(env *kernel.Env, auth aquaAuthWrapper) {
	env.Handle("GET "+aquaContractPrefix+"/contract", func(w http.ResponseWriter, _ *http.Request) {
		kernel.WriteJSON(w, http.StatusOK, contractInfo{Name: aquaContractName, Version: aquaContractVersion})
	})
	env.Handle("GET "+aquaSyncDefinitionsPath, auth(p.listSyncDefinitions))
	env.Handle("POST "+aquaSyncDefinitionsPath, auth(p.createSyncDefinition))
	env.Handle("GET "+aquaSyncDefinitionsPath+"/{id}", auth(p.getSyncDefinition))
	env.Handle("PUT "+aquaSyncDefinitionsPath+"/{id}", auth(p.replaceSyncDefinition))
	env.Handle("DELETE "+aquaSyncDefinitionsPath+"/{id}", auth(p.deleteSyncDefinition))
	env.Handle("POST "+aquaSyncDefinitionsPath+"/{id}/test", auth(p.testSyncDefinition))
}

func aquaSyncDefinitionPath(id int64) string {
	return fmt.Sprintf("%s/%d", aquaSyncDefinitionsPath, id)
}

func aquaSyncDefinitionNotFound(id int64) error {
	return kernel.NewAPIError(http.StatusNotFound, "Jira sync definition %d does not exist", id)
}

// aquaPublicSyncDefinition is d as the API returns it: without secrets.
func aquaPublicSyncDefinition(d syncDefinition) syncDefinition {
	d.ConfigurationUser.Password, d.ConfigurationUser.APIToken = "", ""
	if d.SyncUser != nil {
		su := *d.SyncUser
		su.Password, su.APIToken = "", ""
		d.SyncUser = &su
	}
	return d
}

func (p *Product) listSyncDefinitions(w http.ResponseWriter, r *http.Request, _ aquaUser) {
	name := strings.TrimSpace(r.URL.Query().Get("name"))
	defs := []syncDefinition{}
	p.state.Read(func(s *aquaState) {
		for _, d := range s.SyncDefinitions.List() {
			if name == "" || strings.EqualFold(d.Name, name) {
				defs = append(defs, aquaPublicSyncDefinition(d))
			}
		}
	})
	kernel.WriteJSON(w, http.StatusOK, defs)
}

func (p *Product) createSyncDefinition(w http.ResponseWriter, r *http.Request, _ aquaUser) {
	var in syncDefinition
	if err := kernel.DecodeJSON(w, r, &in, true); err != nil {
		p.fail(w, err)
		return
	}
	var created syncDefinition
	err := p.state.Write(func(s *aquaState) error {
		d, err := aquaResolveSyncDefinition(s, in, nil)
		if err != nil {
			return err
		}
		if err := aquaSyncNameFree(s, d.Name, 0); err != nil {
			return err
		}
		created = s.SyncDefinitions.Insert(func(id int64) syncDefinition {
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

func (p *Product) getSyncDefinition(w http.ResponseWriter, r *http.Request, _ aquaUser) {
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
	kernel.WriteJSON(w, http.StatusOK, aquaPublicSyncDefinition(d))
}

func (p *Product) replaceSyncDefinition(w http.ResponseWriter, r *http.Request, _ aquaUser) {
	id, err := kernel.ParseID(r.PathValue("id"))
	if err != nil {
		p.fail(w, err)
		return
	}
	var in syncDefinition
	if err := kernel.DecodeJSON(w, r, &in, true); err != nil {
		p.fail(w, err)
		return
	}
	var updated syncDefinition
	err = p.state.Write(func(s *aquaState) error {
		prev, found := s.SyncDefinitions.Get(id)
		if !found {
			return aquaSyncDefinitionNotFound(id)
		}
		if in.ID != 0 && in.ID != id {
			return kernel.NewAPIError(http.StatusBadRequest, "Id %d does not match the definition %d in the path", in.ID, id)
		}
		d, err := aquaResolveSyncDefinition(s, in, &prev)
		if err != nil {
			return err
		}
		if err := aquaSyncNameFree(s, d.Name, id); err != nil {
			return err
		}
		d.ID = id
		s.SyncDefinitions.Replace(id, d)
		updated = d
		return nil
	})
	if err != nil {
		p.fail(w, err)
		return
	}
	kernel.WriteJSON(w, http.StatusOK, aquaPublicSyncDefinition(updated))
}

// deleteSyncDefinition removes a definition and its field and value
// mappings.
func (p *Product) deleteSyncDefinition(w http.ResponseWriter, r *http.Request, _ aquaUser) {
	id, err := kernel.ParseID(r.PathValue("id"))
	if err != nil {
		p.fail(w, err)
		return
	}
	err = p.state.Write(func(s *aquaState) error {
		if !s.SyncDefinitions.Remove(id) {
			return aquaSyncDefinitionNotFound(id)
		}
		for _, m := range s.FieldMappings.List() {
			if m.SyncID == id {
				s.FieldMappings.Remove(m.ID)
			}
		}
		for _, m := range s.ValueMappings.List() {
			if m.SyncID == id {
				s.ValueMappings.Remove(m.ID)
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
	id, _, taken := s.SyncDefinitions.Find(func(id int64, d syncDefinition) bool {
		return id != self && strings.EqualFold(d.Name, name)
	})
	if taken {
		return kernel.NewAPIError(http.StatusConflict, "Name: a Jira sync definition named %q already exists (Id %d)", name, id)
	}
	return nil
}
