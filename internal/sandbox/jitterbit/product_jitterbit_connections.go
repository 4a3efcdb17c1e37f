package jitterbit

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

// Paging of the jitterbit lists: pages start at 1.
const (
	jitterbitDefaultPageSize = 20
	jitterbitMaxPageSize     = 100
)

func jsmConnectionNotFound(id string) error {
	return kernel.NewAPIError(http.StatusNotFound, "JSM connection %q not found", id)
}

// jsmConnectionID parses a connection id taken from the path. Ids are
// opaque strings to clients, so one that is not a stored id's canonical
// spelling is a 404, not a 400.
func jsmConnectionID(s string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id <= 0 || strconv.FormatInt(id, 10) != s {
		return 0, jsmConnectionNotFound(s)
	}
	return id, nil
}

// discoverContract serves the contract's discovery, without credentials:
// the contract's name and the version the sandbox implements.
func (p *Product) discoverContract(w http.ResponseWriter, r *http.Request) {
	p.ok(w, r, http.StatusOK, contractInfo{Name: jitterbitContractName, Version: jitterbitContractVersion})
}

func (p *Product) listJSMConnections(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	page, size, err := parseJitterbitPage(q)
	if err != nil {
		p.fail(w, r, err)
		return
	}
	envID, guid, name := q.Get("environmentId"), q.Get("projectGuid"), q.Get("name")
	var missing []string
	for _, param := range []struct{ name, value string }{{"environmentId", envID}, {"projectGuid", guid}} {
		if param.value == "" {
			missing = append(missing, param.name+" is required")
		}
	}
	if len(missing) > 0 {
		p.fail(w, r, kernel.NewAPIError(http.StatusBadRequest, "%s", strings.Join(missing, "; ")))
		return
	}
	matched := []JSMConnection{}
	p.state.Read(func(s *jitterbitState) {
		for _, c := range s.JSMConnections.List() {
			if c.EnvironmentID == envID && c.ProjectGUID == guid &&
				(name == "" || sameJSMConnectionName(c.Name, name)) {
				matched = append(matched, publicJSMConnection(c))
			}
		}
	})
	start, end := pageWindow(len(matched), page, size)
	p.ok(w, r, http.StatusOK, connectionPage{
		Items: matched[start:end], Page: page, PageSize: size, Total: len(matched),
	})
}

func (p *Product) createJSMConnection(w http.ResponseWriter, r *http.Request) {
	var in JSMConnection
	if err := kernel.DecodeJSON(w, r, &in, true); err != nil {
		p.fail(w, r, err)
		return
	}
	var created JSMConnection
	err := p.state.Write(func(s *jitterbitState) error {
		c, err := resolveJSMConnection(s, in, nil)
		if err != nil {
			return err
		}
		if err := jsmConnectionNameFree(s, c, 0); err != nil {
			return err
		}
		created = s.JSMConnections.Insert(func(id int64) JSMConnection {
			c.ID = strconv.FormatInt(id, 10)
			return c
		})
		return nil
	})
	if err != nil {
		p.fail(w, r, err)
		return
	}
	// r.URL.Path is the route as called, below the product prefix and
	// with the stage if one was called.
	w.Header().Set("Location", kernel.AbsoluteURL(r, "/"+p.Name()+strings.TrimSuffix(r.URL.Path, "/")+"/"+created.ID))
	p.ok(w, r, http.StatusCreated, publicJSMConnection(created))
}

func (p *Product) getJSMConnection(w http.ResponseWriter, r *http.Request) {
	id, err := jsmConnectionID(r.PathValue("id"))
	if err != nil {
		p.fail(w, r, err)
		return
	}
	var (
		c     JSMConnection
		found bool
	)
	p.state.Read(func(s *jitterbitState) { c, found = s.JSMConnections.Get(id) })
	if !found {
		p.fail(w, r, jsmConnectionNotFound(r.PathValue("id")))
		return
	}
	p.ok(w, r, http.StatusOK, publicJSMConnection(c))
}

func (p *Product) updateJSMConnection(w http.ResponseWriter, r *http.Request) {
	id, err := jsmConnectionID(r.PathValue("id"))
	if err != nil {
		p.fail(w, r, err)
		return
	}
	var in JSMConnection
	if err := kernel.DecodeJSON(w, r, &in, true); err != nil {
		p.fail(w, r, err)
		return
	}
	var updated JSMConnection
	err = p.state.Write(func(s *jitterbitState) error {
		prev, found := s.JSMConnections.Get(id)
		if !found {
			return jsmConnectionNotFound(r.PathValue("id"))
		}
		c, err := resolveJSMConnection(s, in, &prev)
		if err != nil {
			return err
		}
		if err := jsmConnectionNameFree(s, c, id); err != nil {
			return err
		}
		c.ID = prev.ID
		s.JSMConnections.Replace(id, c)
		updated = c
		return nil
	})
	if err != nil {
		p.fail(w, r, err)
		return
	}
	p.ok(w, r, http.StatusOK, publicJSMConnection(updated))
}

func (p *Product) deleteJSMConnection(w http.ResponseWriter, r *http.Request) {
	id, err := jsmConnectionID(r.PathValue("id"))
	if err != nil {
		p.fail(w, r, err)
		return
	}
	err = p.state.Write(func(s *jitterbitState) error {
		if !s.JSMConnections.Remove(id) {
			return jsmConnectionNotFound(r.PathValue("id"))
		}
		return nil
	})
	if err != nil {
		p.fail(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// parseJitterbitPage reads page (default 1) and pageSize (default 20, at
// most 100). Values out of range are a 400 rather than clamped.
func parseJitterbitPage(q url.Values) (page, size int, err error) {
	page, size = 1, jitterbitDefaultPageSize
	if v := q.Get("page"); v != "" {
		n, convErr := strconv.Atoi(v)
		if convErr != nil || n < 1 {
			return 0, 0, kernel.NewAPIError(http.StatusBadRequest, "page must be an integer >= 1, got %q", v)
		}
		page = n
	}
	if v := q.Get("pageSize"); v != "" {
		n, convErr := strconv.Atoi(v)
		if convErr != nil || n < 1 || n > jitterbitMaxPageSize {
			return 0, 0, kernel.NewAPIError(http.StatusBadRequest, "pageSize must be an integer between 1 and %d, got %q", jitterbitMaxPageSize, v)
		}
		size = n
	}
	return page, size, nil
}

// pageWindow returns the bounds of page (from 1) of size items among n,
// without overflowing for huge page numbers.
func pageWindow(n, page, size int) (start, end int) {
	start = n
	if page-1 <= n/size {
		start = min((page-1)*size, n)
	}
	return start, min(start+size, n)
}

// sameJSMConnectionName compares connection names as the product does:
// without regard to case or surrounding blanks.
func sameJSMConnectionName(a, b string) bool {
	return strings.EqualFold(strings.TrimSpace(a), strings.TrimSpace(b))
}

// jsmConnectionNameFree fails with 409 when a connection other than self,
// of the same project in the same environment as c, is called c.Name.
func jsmConnectionNameFree(s *jitterbitState, c JSMConnection, self int64) error {
	_, other, taken := s.JSMConnections.Find(func(id int64, o JSMConnection) bool {
		return id != self && o.EnvironmentID == c.EnvironmentID && o.ProjectGUID == c.ProjectGUID &&
			sameJSMConnectionName(o.Name, c.Name)
	})
	if taken {
		return kernel.NewAPIError(http.StatusConflict, "name %q is already used in project %s of environment %s by JSM connection %s (%q)",
			c.Name, c.ProjectGUID, c.EnvironmentID, other.ID, other.Name)
	}
	return nil
}
