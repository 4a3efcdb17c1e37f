package aqua

import (
	"net/http"
	"slices"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

// registerLicenses adds the license routes; only server administrators
// call them.
func (p *Product) registerLicenses(env *kernel.Env, auth aquaAuthWrapper) {
	env.Handle("GET /api/System/License", auth(p.admin(p.listLicenses)))
	env.Handle("POST /api/System/User/{userId}/License", auth(p.admin(p.assignLicense)))
	env.Handle("DELETE /api/System/User/{userId}/License/{licenseCode}", auth(p.admin(p.removeLicense)))
}

// namedInUse counts the users holding the license with code as a named
// license.
func namedInUse(s *aquaState, code string) int {
	n := 0
	for _, u := range s.Users.List() {
		if i, ok := u.license(code); ok && u.Licenses[i].Type == licenseNamed {
			n++
		}
	}
	return n
}

func (p *Product) listLicenses(w http.ResponseWriter, _ *http.Request, _ aquaUser) {
	kernel.WriteJSON(w, http.StatusOK, apiGetLicenseResponse{Licenses: seedLicenses()})
}

// assignLicense serves POST /api/System/User/{userId}/License {Code,
// Type}: 204. A named license takes one of the license's named seats; a
// floating one is assigned whatever the seats, which are taken at login.
func (p *Product) assignLicense(w http.ResponseWriter, r *http.Request, _ aquaUser) {
	id, err := readUserID(r)
	if err != nil {
		p.fail(w, err)
		return
	}
	var req apiUserLicenseAssignment
	if err := kernel.DecodeJSON(w, r, &req, true); err != nil {
		p.fail(w, err)
		return
	}
	err = p.state.Write(func(s *aquaState) error {
		u, found := s.Users.Get(id)
		if !found {
			return userNotFound(id)
		}
		pool, err := checkLicense(req)
		if err != nil {
			return err
		}
		if _, held := u.license(pool.Code); held {
			return argumentError(argAlreadyAssigned, "aqua user %d already holds the license %s.", id, pool.Code)
		}
		if req.Type == licenseNamed && namedInUse(s, pool.Code) >= pool.MaxNamedLicensesAvailable {
			return argumentError(argNoFreeLicenses, "There is no free named %s license: all %d are assigned.", pool.Code, pool.MaxNamedLicensesAvailable)
		}
		u.Licenses = append(slices.Clone(u.Licenses), heldLicense{Code: pool.Code, Type: req.Type})
		s.Users.Replace(id, u)
		return nil
	})
	if err != nil {
		p.fail(w, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// checkLicense returns the license an assignment names, or why it cannot
// be assigned.
func checkLicense(req apiUserLicenseAssignment) (apiLicense, error) {
	if req.Type != licenseNamed && req.Type != licenseFloated {
		return apiLicense{}, argumentError(argInvalidBodyValue, "Type must be %q or %q, got %q.", licenseNamed, licenseFloated, req.Type)
	}
	code := strings.TrimSpace(req.Code)
	for _, l := range seedLicenses() {
		if strings.EqualFold(l.Code, code) {
			return l, nil
		}
	}
	codes := make([]string, 0, 3)
	for _, l := range seedLicenses() {
		codes = append(codes, l.Code)
	}
	return apiLicense{}, argumentError(argInvalidLicenseCode, "The license %q does not exist; licenses: %s.", req.Code, strings.Join(codes, ", "))
}

// removeLicense serves DELETE /api/System/User/{userId}/License/{licenseCode}: 204.
func (p *Product) removeLicense(w http.ResponseWriter, r *http.Request, _ aquaUser) {
	id, err := readUserID(r)
	if err != nil {
		p.fail(w, err)
		return
	}
	code := r.PathValue("licenseCode")
	err = p.state.Write(func(s *aquaState) error {
		u, found := s.Users.Get(id)
		if !found {
			return userNotFound(id)
		}
		i, held := u.license(code)
		if !held {
			return notFound("aqua user %d does not hold the license %s.", id, code)
		}
		u.Licenses = slices.Delete(slices.Clone(u.Licenses), i, i+1)
		s.Users.Replace(id, u)
		return nil
	})
	if err != nil {
		p.fail(w, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
