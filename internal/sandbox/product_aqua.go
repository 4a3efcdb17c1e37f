package sandbox

import (
	"net/http"

	"github.com/almsync/terraform-provider-almsync/internal/api/aqua"
)

// aquaProduct emulates aqua under /aqua: the REST API aqua documents
// (token, session, users, licenses, projects, assignments, fields) and the
// provider's own Jira Sync contract (see package aqua), in aqua's style:
// PascalCase JSON, bearer tokens from POST /api/token, errors as
// {"Message": "..."}.
//
//	POST   /api/token                                        password and refresh_token grants
//	GET    /api/Session                                      the logged-in user
//	GET    /api/System/User                                  list users
//	POST   /api/System/User                                  create: 201 with the user
//	GET    /api/System/User/{id}                             read
//	PUT    /api/System/User/{id}                             replace: 200 with the user
//	PATCH  /api/System/User/{id}                             change the fields sent: 200 with the user
//	DELETE /api/System/User/{id}                             delete: 204, with the user's licenses and assignments
//	GET    /api/System/License                               license pools with their use
//	GET    /api/System/User/{id}/License                     a user's licenses
//	POST   /api/System/User/{id}/License                     give a license: 201
//	DELETE /api/System/User/{id}/License/{code}              take it away: 204
//	GET    /api/Project                                      list projects
//	GET    /api/Project/{pid}                                read
//	GET    /api/Project/{pid}/UserAssignment                 members
//	POST   /api/Project/{pid}/UserAssignment                 add a member: 201
//	PATCH  /api/Project/{pid}/UserAssignment                 change a member's role: 200
//	DELETE /api/Project/{pid}/UserAssignment?userId=         remove a member: 204
//	GET    /api/Project/{pid}/Meta/{itemType}/Fields         fields of an item type
//	GET    /api/Project/{pid}/Meta/{itemType}/Fields/{fieldId}/Entries   dictionary entries
//	POST   /api/Project/{pid}/Meta/{itemType}/Fields/{fieldId}/Entries   add an entry: 201
//
// The Jira Sync routes are listed in product_aqua_jirasync.go and
// product_aqua_mappings.go. Only the default credentials log in; tokens act
// as the seeded admin (user 1) and live in memory only.
type aquaProduct struct {
	auth  *aquaAuth
	state *productState[aquaState]
}

// aquaState is the aqua product's data. Licenses, roles and fields are the
// instance's fixed configuration (see product_aqua_seed.go); dictionary
// entries, users, memberships and the Jira sync are data.
type aquaState struct {
	Users           collection[aquaUser]            `json:"users"`
	Projects        collection[aquaProject]         `json:"projects"`
	FieldEntries    collection[aquaFieldEntry]      `json:"fieldEntries"`
	SyncDefinitions collection[aqua.SyncDefinition] `json:"syncDefinitions"`
	FieldMappings   collection[aqua.FieldMapping]   `json:"fieldMappings"`
	ValueMappings   collection[aqua.ValueMapping]   `json:"valueMappings"`
}

// aquaUser is a stored user with the codes of the licenses it holds.
type aquaUser struct {
	aqua.User
	Licenses []string `json:"licenses"`
}

// aquaProject is a stored project with its members.
type aquaProject struct {
	aqua.Project
	Members []aquaMember `json:"members"`
}

// aquaMember is a user's role in a project.
type aquaMember struct {
	UserID   int64  `json:"userId"`
	RoleName string `json:"roleName"`
}

// aquaFieldEntry is one entry of a dictionary field of an item type in a
// project.
type aquaFieldEntry struct {
	ID        int64  `json:"id"`
	ProjectID int64  `json:"projectId"`
	ItemType  string `json:"itemType"`
	FieldID   string `json:"fieldId"`
	Value     string `json:"value"`
}

func newAquaProduct() *aquaProduct { return &aquaProduct{} }

func (p *aquaProduct) name() string { return "aqua" }

func (p *aquaProduct) register(env *productEnv) error {
	state, err := newProductState(env, seedAqua)
	if err != nil {
		return err
	}
	p.state = state
	p.auth = newAquaAuth(env.now)

	auth := p.auth.require
	env.handle("POST /api/token", p.auth.handleToken)
	env.handle("GET /api/Session", auth(p.session))
	p.registerUsers(env, auth)
	p.registerProjects(env, auth)
	p.registerJiraSync(env, auth)
	p.registerMappings(env, auth)
	p.registerJiraResolutions(env, auth)
	return nil
}

// aquaHandler is an authenticated handler; principal is the id of the
// logged-in user.
type aquaHandler func(w http.ResponseWriter, r *http.Request, principal int64)

// aquaAuthWrapper turns an aquaHandler into a route handler that demands a
// valid bearer token.
type aquaAuthWrapper func(aquaHandler) http.HandlerFunc

// writeError implements product.writeError with aqua's ASP.NET error body.
func (p *aquaProduct) writeError(w http.ResponseWriter, _ *http.Request, status int, message string) {
	writeJSON(w, status, aqua.ErrorBody{Message: message})
}

// fail answers err: an apiError with its status, anything else with 500.
func (p *aquaProduct) fail(w http.ResponseWriter, err error) {
	status, message := statusOf(err)
	p.writeError(w, nil, status, message)
}

// created answers 201 with v and the Location of the new object, whose
// path is below the product prefix.
func (p *aquaProduct) created(w http.ResponseWriter, r *http.Request, path string, v any) {
	w.Header().Set("Location", absoluteURL(r, "/"+p.name()+path))
	writeJSON(w, http.StatusCreated, v)
}

// session serves GET /api/Session: the logged-in user.
func (p *aquaProduct) session(w http.ResponseWriter, _ *http.Request, principal int64) {
	var (
		u     aquaUser
		found bool
	)
	p.state.read(func(s *aquaState) { u, found = s.Users.get(principal) })
	if !found {
		p.writeError(w, nil, http.StatusUnauthorized, "Authorization has been denied for this request: the logged-in user no longer exists.")
		return
	}
	writeJSON(w, http.StatusOK, aquaPublicUser(u))
}
