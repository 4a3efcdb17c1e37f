package aqua

import (
	"fmt"
	"net/http"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

// aquaMappingHandlers serve the routes of one kind of mapping below a sync
// definition.
type aquaMappingHandlers[M aquaMapping] struct {
	p    *Product
	kind aquaMappingKind[M]
}

// registerAquaMappingRoutes adds list, create, read, replace and delete
// routes for a kind of mapping under path (which holds the {id} of the
// definition).
func registerAquaMappingRoutes[M aquaMapping](p *Product, env *kernel.Env, auth aquaAuthWrapper, path string, kind aquaMappingKind[M]) {
	h := aquaMappingHandlers[M]{p: p, kind: kind}
	env.Handle("GET "+path, auth(h.List))
	env.Handle("POST "+path, auth(h.create))
	env.Handle("GET "+path+"/{mappingId}", auth(h.Get))
	env.Handle("PUT "+path+"/{mappingId}", auth(h.Replace))
	env.Handle("DELETE "+path+"/{mappingId}", auth(h.Remove))
}

// pathIDs parses the definition id and, with mapping set, the mapping id.
func (h aquaMappingHandlers[M]) pathIDs(r *http.Request, mapping bool) (syncID, id int64, err error) {
	if syncID, err = kernel.ParseID(r.PathValue("id")); err != nil || !mapping {
		return syncID, 0, err
	}
	id, err = kernel.ParseID(r.PathValue("mappingId"))
	return syncID, id, err
}

// mappingOf returns the mapping id of definition syncID, or a 404 naming
// what is missing.
func (h aquaMappingHandlers[M]) mappingOf(s *aquaState, syncID, id int64) (M, error) {
	var zero M
	if _, found := s.SyncDefinitions.Get(syncID); !found {
		return zero, aquaSyncDefinitionNotFound(syncID)
	}
	m, found := h.kind.collection(s).Get(id)
	if _, owner := h.kind.ids(m); !found || owner != syncID {
		return zero, kernel.NewAPIError(http.StatusNotFound, "%s %d does not exist in Jira sync definition %d", h.kind.noun, id, syncID)
	}
	return m, nil
}

// checkBodyIDs rejects a body whose Id or SyncId contradicts the path
// (zero values are ignored).
func (h aquaMappingHandlers[M]) checkBodyIDs(m M, syncID, id int64) error {
	bodyID, bodySync := h.kind.ids(m)
	if bodySync != 0 && bodySync != syncID {
		return kernel.NewAPIError(http.StatusBadRequest, "SyncId %d does not match the definition %d in the path", bodySync, syncID)
	}
	if bodyID != 0 && id != 0 && bodyID != id {
		return kernel.NewAPIError(http.StatusBadRequest, "Id %d does not match the %s %d in the path", bodyID, h.kind.noun, id)
	}
	return nil
}

func (h aquaMappingHandlers[M]) List(w http.ResponseWriter, r *http.Request, _ aquaUser) {
	syncID, _, err := h.pathIDs(r, false)
	if err != nil {
		h.p.fail(w, err)
		return
	}
	found := false
	mappings := []M{}
	h.p.state.Read(func(s *aquaState) {
		if _, found = s.SyncDefinitions.Get(syncID); !found {
			return
		}
		for _, m := range h.kind.collection(s).List() {
			if _, owner := h.kind.ids(m); owner == syncID {
				mappings = append(mappings, m)
			}
		}
	})
	if !found {
		h.p.fail(w, aquaSyncDefinitionNotFound(syncID))
		return
	}
	kernel.WriteJSON(w, http.StatusOK, mappings)
}

func (h aquaMappingHandlers[M]) create(w http.ResponseWriter, r *http.Request, _ aquaUser) {
	syncID, _, err := h.pathIDs(r, false)
	if err != nil {
		h.p.fail(w, err)
		return
	}
	var in M
	if err := kernel.DecodeJSON(w, r, &in, true); err != nil {
		h.p.fail(w, err)
		return
	}
	var created M
	err = h.p.state.Write(func(s *aquaState) error {
		if _, found := s.SyncDefinitions.Get(syncID); !found {
			return aquaSyncDefinitionNotFound(syncID)
		}
		if err := h.checkBodyIDs(in, syncID, 0); err != nil {
			return err
		}
		m, err := h.kind.resolve(s, h.kind.withIDs(in, 0, syncID), syncID, 0)
		if err != nil {
			return err
		}
		created = h.kind.collection(s).Insert(func(id int64) M { return h.kind.withIDs(m, id, syncID) })
		return nil
	})
	if err != nil {
		h.p.fail(w, err)
		return
	}
	id, _ := h.kind.ids(created)
	h.p.created(w, r, fmt.Sprintf("%s/%d", r.URL.Path, id), created)
}

func (h aquaMappingHandlers[M]) Get(w http.ResponseWriter, r *http.Request, _ aquaUser) {
	syncID, id, err := h.pathIDs(r, true)
	if err != nil {
		h.p.fail(w, err)
		return
	}
	var m M
	h.p.state.Read(func(s *aquaState) { m, err = h.mappingOf(s, syncID, id) })
	if err != nil {
		h.p.fail(w, err)
		return
	}
	kernel.WriteJSON(w, http.StatusOK, m)
}

func (h aquaMappingHandlers[M]) Replace(w http.ResponseWriter, r *http.Request, _ aquaUser) {
	syncID, id, err := h.pathIDs(r, true)
	if err != nil {
		h.p.fail(w, err)
		return
	}
	var in M
	if err := kernel.DecodeJSON(w, r, &in, true); err != nil {
		h.p.fail(w, err)
		return
	}
	var updated M
	err = h.p.state.Write(func(s *aquaState) error {
		if _, err := h.mappingOf(s, syncID, id); err != nil {
			return err
		}
		if err := h.checkBodyIDs(in, syncID, id); err != nil {
			return err
		}
		m, err := h.kind.resolve(s, h.kind.withIDs(in, id, syncID), syncID, id)
		if err != nil {
			return err
		}
		updated = h.kind.withIDs(m, id, syncID)
		h.kind.collection(s).Replace(id, updated)
		return nil
	})
	if err != nil {
		h.p.fail(w, err)
		return
	}
	kernel.WriteJSON(w, http.StatusOK, updated)
}

func (h aquaMappingHandlers[M]) Remove(w http.ResponseWriter, r *http.Request, _ aquaUser) {
	syncID, id, err := h.pathIDs(r, true)
	if err != nil {
		h.p.fail(w, err)
		return
	}
	err = h.p.state.Write(func(s *aquaState) error {
		if _, err := h.mappingOf(s, syncID, id); err != nil {
			return err
		}
		h.kind.collection(s).Remove(id)
		return nil
	})
	if err != nil {
		h.p.fail(w, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
