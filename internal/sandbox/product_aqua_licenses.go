package sandbox

import (
	"net/http"
	"slices"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/api/aqua"
)

// registerLicenses adds the license routes.
func (p *aquaProduct) registerLicenses(env *productEnv, auth aquaAuthWrapper) {
	env.handle("GET /api/System/License", auth(p.listLicenses))
	env.handle("GET /api/System/User/{id}/License", auth(p.listUserLicenses))
	env.handle("POST /api/System/User/{id}/License", auth(p.addUserLicense))
	env.handle("DELETE /api/System/User/{id}/License/{code}", auth(p.removeUserLicense))
}

// aquaLicensesInUse counts the users holding the license with code.
func aquaLicensesInUse(s *aquaState, code string) int {
	n := 0
	for _, u := range s.Users.list() {
		if slices.Contains(u.Licenses, code) {
			n++
		}
	}
	return n
}

func (p *aquaProduct) listLicenses(w http.ResponseWriter, _ *http.Request, _ int64) {
	pools := aquaLicensePools()
	p.state.read(func(s *aquaState) {
		for i := range pools {
			pools[i].Used = aquaLicensesInUse(s, pools[i].Code)
		}
	})
	writeJSON(w, http.StatusOK, pools)
}

// aquaUserLicense is a held license as the API lists it.
func aquaUserLicense(code string) aqua.UserLicense {
	l, _ := aquaLicensePool(code)
	return aqua.UserLicense{Code: code, Name: l.Name}
}

func (p *aquaProduct) listUserLicenses(w http.ResponseWriter, r *http.Request, _ int64) {
	id, err := parseID(r.PathValue("id"))
	if err != nil {
		p.fail(w, err)
		return
	}
	var (
		u     aquaUser
		found bool
	)
	p.state.read(func(s *aquaState) { u, found = s.Users.get(id) })
	if !found {
		p.fail(w, aquaUserNotFound(id))
		return
	}
	held := make([]aqua.UserLicense, 0, len(u.Licenses))
	for _, code := range u.Licenses {
		held = append(held, aquaUserLicense(code))
	}
	writeJSON(w, http.StatusOK, held)
}

// addUserLicense gives a user a license while the pool has one free.
func (p *aquaProduct) addUserLicense(w http.ResponseWriter, r *http.Request, _ int64) {
	id, err := parseID(r.PathValue("id"))
	if err != nil {
		p.fail(w, err)
		return
	}
	var req aqua.LicenseRequest
	if err := decodeJSON(w, r, &req, false); err != nil {
		p.fail(w, err)
		return
	}
	var pool aqua.License
	err = p.state.write(func(s *aquaState) error {
		u, found := s.Users.get(id)
		if !found {
			return aquaUserNotFound(id)
		}
		var err error
		if pool, err = aquaCheckLicenseCode(req.Code); err != nil {
			return err
		}
		if slices.Contains(u.Licenses, pool.Code) {
			return newAPIError(http.StatusConflict, "aqua user %d already holds license %s", id, pool.Code)
		}
		if used := aquaLicensesInUse(s, pool.Code); used >= pool.Total {
			return newAPIError(http.StatusBadRequest, "no free %s license: all %d are in use", pool.Code, pool.Total)
		}
		u.Licenses = append(slices.Clone(u.Licenses), pool.Code)
		s.Users.replace(id, u)
		return nil
	})
	if err != nil {
		p.fail(w, err)
		return
	}
	p.created(w, r, aquaUserPath(id)+"/License/"+pool.Code, aquaUserLicense(pool.Code))
}

// aquaCheckLicenseCode returns the pool of a license code sent by a client.
func aquaCheckLicenseCode(code string) (aqua.License, error) {
	if strings.TrimSpace(code) == "" {
		return aqua.License{}, newAPIError(http.StatusBadRequest, "Code is required")
	}
	pool, ok := aquaLicensePool(strings.TrimSpace(code))
	if !ok {
		codes := make([]string, 0, 3)
		for _, l := range aquaLicensePools() {
			codes = append(codes, l.Code)
		}
		return aqua.License{}, newAPIError(http.StatusBadRequest, "Code: license %q does not exist; licenses: %s", code, strings.Join(codes, ", "))
	}
	return pool, nil
}

func (p *aquaProduct) removeUserLicense(w http.ResponseWriter, r *http.Request, _ int64) {
	id, err := parseID(r.PathValue("id"))
	if err != nil {
		p.fail(w, err)
		return
	}
	code := r.PathValue("code")
	err = p.state.write(func(s *aquaState) error {
		u, found := s.Users.get(id)
		if !found {
			return aquaUserNotFound(id)
		}
		i := slices.IndexFunc(u.Licenses, func(c string) bool { return strings.EqualFold(c, code) })
		if i < 0 {
			return newAPIError(http.StatusNotFound, "aqua user %d does not hold license %s", id, code)
		}
		u.Licenses = slices.Delete(slices.Clone(u.Licenses), i, i+1)
		s.Users.replace(id, u)
		return nil
	})
	if err != nil {
		p.fail(w, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
