package aqua

import (
	"net/http"
	"slices"
	"strings"

	"github.com/almsync/terraform-provider-almsync/internal/sandbox/kernel"
)

// Product emulates aqua under /aqua: the REST API aqua documents in its
// OpenAPI document (24.8.0.0), in the shapes of wire_api.go, and, as a
// bridge would, the provider's own Jira Sync contract below
// /aqua/almsync/aqua-jira-sync/v1 (wire_jirasync.go). Errors are aqua's
// ApiError {Message, Code, Type, FurtherInfo, ErrorData}, with
// ForbiddenErrorType on a 403 and ArgumentErrorType on a 400.
//
//	POST   /api/token                                        password and refresh_token grants
//	GET    /api/Session                                      the logged-in user (ApiMyUserInfo)
//	GET    /api/System/User                                  list users [ApiUserMinimalInfo]
//	POST   /api/System/User?sendNotification=                create: 200 {UserId}
//	GET    /api/System/User/{userId}?includeLicenses=&includeProjects=   read (ApiUser)
//	PUT    /api/System/User/{userId}                         change the members sent: 204
//	DELETE /api/System/User/{userId}                         delete, with the user's licenses and assignments: 204
//	GET    /api/System/License                               {Licenses: [ApiLicense]}
//	POST   /api/System/User/{userId}/License                 assign {Code, Type}: 204
//	DELETE /api/System/User/{userId}/License/{licenseCode}   remove: 204
//	GET    /api/System/Role                                  roles [{Id, Name}]
//	GET    /api/Project                                      the logged-in user's projects
//	GET    /api/Project/{id}                                 read
//	GET    /api/Project/{projectId}/UserAssignment           {Assignements: [{Role, User, FolderId}]}
//	POST   /api/Project/{projectId}/UserAssignment           assign {UserId, FolderId, RoleId}: 204
//	PATCH  /api/Project/{projectId}/UserAssignment?userId=&folderId=   {OperationType: "Replace", NewRoleId}: 204
//	DELETE /api/Project/{projectId}/UserAssignment?userId=&folderId=   unassign: 204
//	GET    /api/Project/{projectId}/Meta/{itemType}/Fields   fields [ApiFieldMeta]
//	GET    /api/Project/{projectId}/Meta/{itemType}/Fields/{fieldId}/Entries   the dictionary
//	POST   /api/Project/{projectId}/Meta/{itemType}/Fields/{fieldId}/Entries   add {Name, IsDefault}: 200 with the entry
//
//	PATCH  /api/System/User/{userId}                         {OperationType: "SetUserPassword", NewPassword}: 204
//
// The seeded admin, a server administrator, logs in with the default
// password; other users once PATCH SetUserPassword gave them one. Every
// call needs a logged-in user who holds a license (else 403 NotLicensed);
// the /api/System routes and changes to assignments need a server
// administrator (else 403 NotPermitted); project routes need a member of
// the project. Tokens live
// in memory only. The Jira Sync routes are listed in
// product_aqua_jirasync.go and product_aqua_mappings.go.
type Product struct {
	auth  *aquaAuth
	state *kernel.State[aquaState]
}

// aquaState is the aqua product's data. Licenses, roles and fields are the
// instance's fixed configuration (see product_aqua_seed.go); dictionary
// entries, users, assignments and the Jira sync are data.
type aquaState struct {
	Users           kernel.Collection[aquaUser]       `json:"users"`
	Projects        kernel.Collection[aquaProject]    `json:"projects"`
	FieldEntries    kernel.Collection[aquaFieldEntry] `json:"fieldEntries"`
	SyncDefinitions kernel.Collection[syncDefinition] `json:"syncDefinitions"`
	FieldMappings   kernel.Collection[fieldMapping]   `json:"fieldMappings"`
	ValueMappings   kernel.Collection[valueMapping]   `json:"valueMappings"`
}

// aquaUser is a stored user with the licenses it holds.
type aquaUser struct {
	ID                  int64         `json:"id"`
	UserName            string        `json:"userName"`
	FirstName           string        `json:"firstName"`
	Surname             string        `json:"surname"`
	Email               string        `json:"email"`
	Phone               string        `json:"phone"`
	Position            string        `json:"position"`
	ServerAdministrator bool          `json:"serverAdministrator"`
	Licenses            []heldLicense `json:"licenses"`
	// Password is the user's login password: the default one for the
	// seeded admin, empty (no login) for a user created through the API
	// until PATCH SetUserPassword sets one.
	Password string `json:"password,omitempty"`
}

// heldLicense is a license a user holds and how it is assigned.
type heldLicense struct {
	Code string `json:"code"`
	Type string `json:"type"`
}

// license returns the user's license with code (case-insensitively).
func (u aquaUser) license(code string) (int, bool) {
	i := slices.IndexFunc(u.Licenses, func(l heldLicense) bool { return strings.EqualFold(l.Code, code) })
	return i, i >= 0
}

// aquaProject is a stored project with its members.
type aquaProject struct {
	ID               int64        `json:"id"`
	Name             string       `json:"name"`
	ShortDescription string       `json:"shortDescription"`
	Members          []aquaMember `json:"members"`
}

// aquaMember is a user's role in a project itself (folder 0).
type aquaMember struct {
	UserID int64 `json:"userId"`
	RoleID int64 `json:"roleId"`
}

// aquaFieldEntry is one entry of a dictionary field of an item type in a
// project.
type aquaFieldEntry struct {
	ID        int64  `json:"id"`
	ProjectID int64  `json:"projectId"`
	ItemType  string `json:"itemType"`
	FieldID   string `json:"fieldId"`
	Name      string `json:"name"`
	IsDefault bool   `json:"isDefault"`
}

// New returns the aqua product.
func New() *Product { return &Product{} }

// Name is the product's path prefix.
func (p *Product) Name() string { return "aqua" }

// Register adds aqua's routes to env.
func (p *Product) Register(env *kernel.Env) error {
	state, err := kernel.NewState(env, seedAqua)
	if err != nil {
		return err
	}
	p.state = state
	p.auth = newAquaAuth(env.Now, env.TokenLifetime(aquaAccessTokenLifetime), p.loginUser)

	auth := p.require
	env.Handle("POST /api/token", p.auth.handleToken)
	env.Handle("GET /api/Session", auth(p.session))
	p.registerUsers(env, auth)
	p.registerProjects(env, auth)
	p.registerJiraSync(env, auth)
	p.registerMappings(env, auth)
	p.registerJiraResolutions(env, auth)
	p.registerIntegration(env, auth)
	return nil
}

// aquaHandler is an authenticated handler; principal is the logged-in
// user.
type aquaHandler func(w http.ResponseWriter, r *http.Request, principal aquaUser)

// aquaAuthWrapper turns an aquaHandler into a route handler that demands a
// valid bearer token.
type aquaAuthWrapper func(aquaHandler) http.HandlerFunc

// require wraps a handler: a request without a valid bearer token is 401;
// a logged-in user who holds no license (or no longer exists) is refused,
// as aqua refuses users without a license.
func (p *Product) require(next aquaHandler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id, ok := p.auth.principal(r)
		if !ok {
			w.Header().Set("WWW-Authenticate", "Bearer")
			p.WriteError(w, r, http.StatusUnauthorized, aquaDeniedMessage)
			return
		}
		var (
			u     aquaUser
			found bool
		)
		p.state.Read(func(s *aquaState) { u, found = s.Users.Get(id) })
		switch {
		case !found:
			p.WriteError(w, r, http.StatusUnauthorized, aquaDeniedMessage+" The logged-in user no longer exists.")
		case len(u.Licenses) == 0:
			p.fail(w, forbidden(forbiddenNotLicensed, "aqua user %q holds no license, and aqua needs one for every request.", u.UserName))
		default:
			next(w, r, u)
		}
	}
}

// admin wraps a handler of the /api/System routes: only server
// administrators may call them.
func (p *Product) admin(next aquaHandler) aquaHandler {
	return func(w http.ResponseWriter, r *http.Request, principal aquaUser) {
		if !principal.ServerAdministrator {
			p.fail(w, forbidden(forbiddenNotPermitted, "aqua user %q is not a server administrator, which this operation needs.", principal.UserName))
			return
		}
		next(w, r, principal)
	}
}

// loginUser returns the id of the user who logs in with username and
// password.
func (p *Product) loginUser(username, password string) (int64, bool) {
	var (
		id    int64
		found bool
	)
	p.state.Read(func(s *aquaState) {
		id, _, found = s.Users.Find(func(_ int64, u aquaUser) bool {
			return u.Password != "" && strings.EqualFold(u.UserName, strings.TrimSpace(username)) && kernel.EqualSecret(password, u.Password)
		})
	})
	return id, found
}

// WriteError answers status with aqua's ApiError.
func (p *Product) WriteError(w http.ResponseWriter, _ *http.Request, status int, message string) {
	kernel.WriteJSON(w, status, errorBody(status, message))
}

// fail answers err as aqua's ApiError: a failure as it is, a kernel error
// with its status, anything else with 500.
func (p *Product) fail(w http.ResponseWriter, err error) {
	status, body := errorOf(err)
	kernel.WriteJSON(w, status, body)
}

// created answers 201 with v and the Location of the new object, whose
// path is below the product prefix (the Jira Sync contract's creates).
func (p *Product) created(w http.ResponseWriter, r *http.Request, path string, v any) {
	w.Header().Set("Location", kernel.AbsoluteURL(r, "/"+p.Name()+path))
	kernel.WriteJSON(w, http.StatusCreated, v)
}

// session serves GET /api/Session: the logged-in user.
func (p *Product) session(w http.ResponseWriter, _ *http.Request, principal aquaUser) {
	kernel.WriteJSON(w, http.StatusOK, userInfo(principal))
}
