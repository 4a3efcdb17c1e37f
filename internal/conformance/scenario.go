package conformance

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// style is how a contract wraps its answers, as its document says.
type style struct {
	// discoveryName and discoveryVersion locate the discovery answer's
	// name and version.
	discoveryName, discoveryVersion string
	// dataPath locates the object of a read ("" for the whole body).
	dataPath string
	// createdID locates the id of a create's answer.
	createdID string
	// createAnswers and replaceAnswers say whether a create's and a
	// replace's answer hold the object (at dataPath).
	createAnswers, replaceAnswers bool
	// idKey is the object's id member.
	idKey string
	// items and total locate a list page's objects and the count of all
	// pages; total is "" without paging.
	items, total string
	// paging is nil for a list without paging.
	paging *paging
	// message locates an error's message.
	message string
}

// paging is how a list is paged.
type paging struct {
	start, size string // query parameters
	first       int    // the first page's start: 0 for an offset, 1 for a page number
	byPage      bool   // start counts pages (true) or objects (false)
	max         int    // the most a page holds
}

// kind is one kind of object of a contract and how the scenario makes it.
type kind struct {
	noun                                     string
	create, get, list, replace, remove, test string // operationIds; test may be ""
	// idParam is the path parameter of the object's id; parent holds the
	// path parameters of its parent (children only).
	idParam string
	parent  map[string]string
	// parentKey is the member that must answer the parent's id.
	parentKey, parentID string
	// query is what every list needs (e.g. Harmony's environmentId).
	query url.Values
	// body is a valid create body; suffix makes its unique values
	// unique ("" for the scenario's object, "-b" for a second one).
	body func(suffix string) map[string]any
	// second is true when a second object is created to check paging.
	second bool
	// replace body of the object created with first.
	replaceBody func(first map[string]any) map[string]any
	// secrets are the dotted paths of the write-only members.
	secrets []string
	// filter is the list's filter parameter and filterKey the member it
	// matches (compared without regard to case); "" for none.
	filter, filterKey string
	// duplicate is a body the document says is a 409 once first exists;
	// nil when the document promises none.
	duplicate func(first map[string]any) map[string]any
	// broken is a body that breaks a rule of the document and the member
	// the 400's message must name.
	broken func(suffix string) (map[string]any, string)
	// unknownKey is a member no document knows; unknownID an id no
	// object has.
	unknownKey, unknownID string
	// children are exercised under the object; extra runs more
	// operations of the object.
	children []func(parentID string) *kind
	extra    func(ctx context.Context, r *runner, id string)
}

// scenario is one contract's style and its top-level kind.
type scenario struct {
	style style
	top   *kind
}

func (r *runner) run(ctx context.Context) {
	defer func() {
		if p := recover(); p != nil {
			r.add(Check{Operation: "suite", What: "internal error", Detail: fmt.Sprintf("the suite stopped: %v", p)})
		}
		r.cleanup(ctx)
		r.coverage()
	}()
	sc := r.scenario()
	if !r.discovery(ctx, sc.style) {
		return
	}
	// Logging in first gives Harmony's organizationId, which the request
	// without credentials carries too.
	if r.authenticate(ctx) != nil {
		return
	}
	r.unauthenticated(ctx, sc.top)
	r.exercise(ctx, sc.style, sc.top)
}

// discovery checks the discovery call, sent without credentials. It
// reports whether the rest of the scenario can run (the call was answered
// with 200).
func (r *runner) discovery(ctx context.Context, st style) bool {
	// Harmony's organizationId comes from the login unless it was given;
	// without it the request lacks a header the document may ask for,
	// which is no fault of the server.
	withoutOrg := r.cfg.Contract == ContractJitterbit && r.org == ""
	res := r.call(ctx, request{op: "getContract", noAuth: true, invalid: withoutOrg})
	if !r.expectStatus(res, http.StatusOK) {
		r.add(Check{Operation: "getContract", Method: res.method, Path: res.path, Status: res.status, What: "discovery",
			Detail: "no contract served here without credentials: the provider would report the contract as absent; the remaining operations were not exercised"})
		return false
	}
	name, _ := text(res.value, st.discoveryName)
	version, _ := text(res.value, st.discoveryVersion)
	var problem string
	switch {
	case name != r.cfg.Contract:
		problem = fmt.Sprintf("%s is %q, want %q", st.discoveryName, name, r.cfg.Contract)
	case !supportedVersion.MatchString(version):
		problem = fmt.Sprintf("%s is %q, want a version 1.x.y", st.discoveryVersion, version)
	}
	r.verdict(res, "name and version", fmt.Sprintf("%s %s", name, version), problem)
	return true
}

// supportedVersion is the versions of the documents this suite checks.
var supportedVersion = regexp.MustCompile(`^1\.[0-9]+\.[0-9]+$`)

// unauthenticated checks that a list without credentials is a 401.
func (r *runner) unauthenticated(ctx context.Context, k *kind) {
	res := r.call(ctx, request{op: k.list, params: k.parent, query: k.query, noAuth: true})
	if res.err == nil {
		r.verdict(res, "missing credentials", "401 without credentials",
			problemUnless(res.status == http.StatusUnauthorized, "status %d without credentials, want 401%s", res.status, statusHint(res)))
	}
}

func problemUnless(ok bool, format string, args ...any) string {
	if ok {
		return ""
	}
	return fmt.Sprintf(format, args...)
}

// exercise runs the scenario of one kind.
func (r *runner) exercise(ctx context.Context, st style, k *kind) {
	sent := k.body("")
	id, ok := r.create(ctx, st, k, sent, "create")
	if !ok {
		return
	}
	r.readBack(ctx, st, k, id, sent, "read back")
	secondID := ""
	if k.second {
		if bid, ok := r.create(ctx, st, k, k.body("-b"), "create a second"); ok {
			secondID = bid
		}
	}
	r.listChecks(ctx, st, k, id, secondID, sent)
	for _, child := range k.children {
		r.exercise(ctx, st, child(id))
	}
	r.errorChecks(ctx, st, k, sent)

	replaced := k.replaceBody(sent)
	res := r.call(ctx, request{op: k.replace, params: r.params(k, id), body: replaced})
	if r.expectStatus(res, http.StatusOK) {
		if st.replaceAnswers {
			r.checkObject(res, st, k, id, replaced, "replace answer")
		}
		r.readBack(ctx, st, k, id, replaced, "read back after replace")
	}
	if k.test != "" {
		res := r.call(ctx, request{op: k.test, params: r.params(k, id)})
		r.expectStatus(res, http.StatusOK)
	}
	if k.extra != nil {
		k.extra(ctx, r, id)
	}
	if secondID != "" {
		r.remove(ctx, k, secondID)
	}
	if r.remove(ctx, k, id) {
		res := r.call(ctx, request{op: k.get, params: r.params(k, id)})
		if res.err == nil {
			r.verdict(res, "after delete", "the deleted object is gone",
				problemUnless(res.status == http.StatusNotFound, "status %d for the deleted %s, want 404%s", res.status, k.noun, statusHint(res)))
		}
	}
}

// params are the path parameters of object id of k.
func (r *runner) params(k *kind, id string) map[string]string {
	p := maps.Clone(k.parent)
	if p == nil {
		p = map[string]string{}
	}
	p[k.idParam] = id
	return p
}

// create sends a create that must succeed and returns the new id.
func (r *runner) create(ctx context.Context, st style, k *kind, body map[string]any, what string) (string, bool) {
	res := r.call(ctx, request{op: k.create, params: k.parent, body: body})
	id, found := r.track(res, st, k)
	created := r.expectStatus(res, http.StatusCreated)
	if !found {
		if created {
			r.fail(res, what, "the answer gives no id of the new %s at %s", k.noun, st.createdID)
		}
		return "", false
	}
	// A create answered with another success status still made the
	// object: the scenario goes on with it, the status is reported.
	if created {
		r.pass(res, what, "%s %s created", k.noun, id)
	}
	if st.createAnswers {
		r.checkObject(res, st, k, id, body, "create answer")
	}
	return id, true
}

// track registers for deletion the object a create's answer names, if
// any, whatever the status said.
func (r *runner) track(res *response, st style, k *kind) (string, bool) {
	if res.err != nil || res.status < 200 || res.status > 299 {
		return "", false
	}
	id, ok := idText(res.value, st.createdID)
	if !ok {
		return "", false
	}
	r.created = append(r.created, &createdObject{noun: k.noun, delete: k.remove, params: r.params(k, id)})
	return id, true
}

// readBack reads object id and checks it answers what was sent.
func (r *runner) readBack(ctx context.Context, st style, k *kind, id string, sent map[string]any, what string) {
	res := r.call(ctx, request{op: k.get, params: r.params(k, id)})
	if r.expectStatus(res, http.StatusOK) {
		r.checkObject(res, st, k, id, sent, what)
	}
}

// checkObject checks the object of an answer: its id, its parent, every
// member sent, and no secret.
func (r *runner) checkObject(res *response, st style, k *kind, id string, sent map[string]any, what string) {
	obj, ok := object(res.value, st.dataPath)
	if !ok {
		r.fail(res, what, "the answer holds no object%s", at(st.dataPath))
		return
	}
	r.checkMembers(res, k, id, obj, sent, what)
}

func at(path string) string {
	if path == "" {
		return ""
	}
	return " at " + path
}

// checkMembers checks one object as an answer gives it.
func (r *runner) checkMembers(res *response, k *kind, id string, obj, sent map[string]any, what string) {
	var problems []string
	if got, _ := idText(obj, idKeyOf(obj)); got != id {
		problems = append(problems, fmt.Sprintf("the id is %q, want %q", got, id))
	}
	if k.parentKey != "" {
		if got, _ := idText(obj, k.parentKey); got != k.parentID {
			problems = append(problems, fmt.Sprintf("%s is %q, want the parent's id %q", k.parentKey, got, k.parentID))
		}
	}
	problems = append(problems, compareSent(normalizeMap(sent), obj, k.secrets, "")...)
	r.verdict(res, what, "every member sent is answered as sent", strings.Join(problems, "; "))
	secrets := answeredSecrets(obj, k.secrets)
	r.verdict(res, "secrets", "no write-only member answered",
		problemUnless(len(secrets) == 0, "write-only members answered: %s", strings.Join(secrets, ", ")))
}

// idKeyOf is "Id" for aqua's PascalCase objects, else "id".
func idKeyOf(obj map[string]any) string {
	if _, ok := obj["Id"]; ok {
		return "Id"
	}
	return "id"
}

func normalizeMap(m map[string]any) map[string]any {
	out, _ := normalize(m).(map[string]any)
	return out
}

// items returns the objects of a list answer.
func items(st style, res *response) ([]map[string]any, bool) {
	x, ok := member(res.value, st.items)
	if !ok {
		return nil, false
	}
	list, ok := x.([]any)
	if !ok {
		return nil, false
	}
	out := make([]map[string]any, 0, len(list))
	for _, v := range list {
		m, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		out = append(out, m)
	}
	return out, true
}

// listChecks checks the list: paging, that the objects are found with
// what was sent, and the filter.
func (r *runner) listChecks(ctx context.Context, st style, k *kind, id, secondID string, sent map[string]any) {
	if st.paging != nil && secondID != "" {
		r.pagingChecks(ctx, st, k, id, secondID)
	}
	found := r.find(ctx, st, k, id, secondID)
	if obj, ok := found[id]; ok {
		path := r.ops[k.list].path
		for name, value := range k.parent {
			path = strings.ReplaceAll(path, "{"+name+"}", url.PathEscape(value))
		}
		res := &response{op: k.list, method: http.MethodGet, path: path, status: http.StatusOK}
		r.checkMembers(res, k, id, obj, sent, "listed as sent")
	}
	if k.filter == "" {
		return
	}
	value, _ := sent[k.filterKey].(string)
	q := cloneQuery(k.query)
	q.Set(k.filter, value)
	res := r.call(ctx, request{op: k.list, params: k.parent, query: q})
	if !r.expectStatus(res, http.StatusOK) {
		return
	}
	list, ok := items(st, res)
	if !ok {
		r.fail(res, "filter", "the answer holds no list%s", at(st.items))
		return
	}
	var problems []string
	hit := false
	for _, obj := range list {
		got, _ := text(obj, k.filterKey)
		if !strings.EqualFold(strings.TrimRight(got, "/"), strings.TrimRight(value, "/")) {
			problems = append(problems, fmt.Sprintf("%s %q does not match the filter", k.filterKey, got))
		}
		if oid, _ := idText(obj, idKeyOf(obj)); oid == id {
			hit = true
		}
	}
	if !hit {
		problems = append(problems, fmt.Sprintf("the %s %s is not in the filtered list", k.noun, id))
	}
	r.verdict(res, "filter", fmt.Sprintf("%s=%s finds exactly the matching %ss", k.filter, value, k.noun), strings.Join(problems, "; "))
}

// pagingChecks reads the first two pages of one object each.
func (r *runner) pagingChecks(ctx context.Context, st style, k *kind, id, secondID string) {
	p := st.paging
	var firstIDs []string
	for page := 0; page < 2; page++ {
		start := p.first + page
		q := cloneQuery(k.query)
		q.Set(p.start, strconv.Itoa(start))
		q.Set(p.size, "1")
		res := r.call(ctx, request{op: k.list, params: k.parent, query: q})
		if !r.expectStatus(res, http.StatusOK) {
			return
		}
		list, ok := items(st, res)
		if !ok {
			r.fail(res, "paging", "the answer holds no list%s", at(st.items))
			return
		}
		total, hasTotal := integer(res.value, st.total)
		var problems []string
		if len(list) != 1 {
			problems = append(problems, fmt.Sprintf("%s=%d %s=1 answers %d objects, want 1", p.start, start, p.size, len(list)))
		}
		if !hasTotal || total < 2 {
			problems = append(problems, fmt.Sprintf("%s is %s, want at least 2 (two %ss exist)", st.total, compactMember(res.value, st.total), k.noun))
		}
		for _, obj := range list {
			oid, _ := idText(obj, idKeyOf(obj))
			if page == 1 && len(firstIDs) > 0 && oid == firstIDs[0] {
				problems = append(problems, fmt.Sprintf("the second page repeats the first page's %s %s", k.noun, oid))
			}
			if page == 0 {
				firstIDs = append(firstIDs, oid)
			}
		}
		r.verdict(res, "paging", fmt.Sprintf("page %d of one object, total %d", page+1, total), strings.Join(problems, "; "))
	}
}

func compactMember(v any, path string) string {
	x, ok := member(v, path)
	if !ok {
		return "missing"
	}
	return compact(x)
}

// find reads the whole list and returns the objects with the ids wanted.
func (r *runner) find(ctx context.Context, st style, k *kind, ids ...string) map[string]map[string]any {
	found := map[string]map[string]any{}
	var last *response
	for page := 0; page < 200; page++ {
		q := cloneQuery(k.query)
		if st.paging != nil {
			start := st.paging.first + page
			if !st.paging.byPage {
				start = page * st.paging.max
			}
			q.Set(st.paging.start, strconv.Itoa(start))
			q.Set(st.paging.size, strconv.Itoa(st.paging.max))
		}
		res := r.call(ctx, request{op: k.list, params: k.parent, query: q})
		last = res
		if !r.expectStatus(res, http.StatusOK) {
			return found
		}
		list, ok := items(st, res)
		if !ok {
			r.fail(res, "list", "the answer holds no list%s", at(st.items))
			return found
		}
		for _, obj := range list {
			oid, _ := idText(obj, idKeyOf(obj))
			found[oid] = obj
		}
		if st.paging == nil || len(list) == 0 {
			break
		}
		if total, ok := integer(res.value, st.total); ok && int64((page+1)*st.paging.max) >= total {
			break
		}
	}
	var missing []string
	for _, id := range ids {
		if _, ok := found[id]; id != "" && !ok {
			missing = append(missing, id)
		}
	}
	if last != nil && last.err == nil {
		r.verdict(last, "list", fmt.Sprintf("the %ss created are listed", k.noun),
			problemUnless(len(missing) == 0, "the %s %s is not in the list", k.noun, strings.Join(missing, ", ")))
	}
	return found
}

func cloneQuery(q url.Values) url.Values {
	out := url.Values{}
	for k, v := range q {
		out[k] = append([]string(nil), v...)
	}
	return out
}

// errorChecks sends the requests the document says are refused.
func (r *runner) errorChecks(ctx context.Context, st style, k *kind, sent map[string]any) {
	unknown := k.body("-k")
	unknown[k.unknownKey] = "almsync-contract-check"
	r.refused(ctx, st, k, request{op: k.create, params: k.parent, body: unknown, invalid: true},
		http.StatusBadRequest, k.unknownKey, "unknown member")

	broken, field := k.broken("-r")
	r.refused(ctx, st, k, request{op: k.create, params: k.parent, body: broken, invalid: true},
		http.StatusBadRequest, field, "rule broken")

	if k.duplicate != nil {
		r.refused(ctx, st, k, request{op: k.create, params: k.parent, body: k.duplicate(sent)},
			http.StatusConflict, "", "duplicate")
	}

	missing := r.params(k, k.unknownID)
	for _, req := range []request{
		{op: k.get, params: missing},
		{op: k.replace, params: missing, body: k.replaceBody(k.body("-u"))},
		{op: k.remove, params: missing},
	} {
		r.refused(ctx, st, k, req, http.StatusNotFound, "", "unknown id")
	}
	if k.test != "" {
		r.refused(ctx, st, k, request{op: k.test, params: missing}, http.StatusNotFound, "", "unknown id")
	}
}

// refused sends req, which the document says is answered with status and
// a message naming field.
func (r *runner) refused(ctx context.Context, st style, k *kind, req request, status int, field, what string) {
	res := r.call(ctx, req)
	if req.op == k.create {
		r.track(res, st, k)
	}
	if res.err != nil {
		return
	}
	if res.status != status {
		r.fail(res, what, "status %d, want %d%s", res.status, status, statusHint(res))
		return
	}
	if field == "" {
		r.pass(res, what, "refused with %d", status)
		return
	}
	msg, _ := text(res.value, st.message)
	r.verdict(res, what, fmt.Sprintf("refused with %d naming %s", status, field),
		problemUnless(strings.Contains(msg, field), "%s does not name %s: %q", st.message, field, msg))
}

// remove deletes object id and reports whether it was deleted.
func (r *runner) remove(ctx context.Context, k *kind, id string) bool {
	res := r.call(ctx, request{op: k.remove, params: r.params(k, id)})
	if !r.expectStatus(res, http.StatusNoContent) {
		return false
	}
	if len(res.body) > 0 {
		r.fail(res, "no body", "a 204 with a body of %d bytes", len(res.body))
	}
	for _, o := range r.created {
		if o.delete == k.remove && maps.Equal(o.params, r.params(k, id)) {
			o.deleted = true
		}
	}
	return true
}

// cleanup deletes what the run created and did not delete, newest
// first, also when the run was cancelled.
func (r *runner) cleanup(ctx context.Context) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
	defer cancel()
	for i := len(r.created) - 1; i >= 0; i-- {
		o := r.created[i]
		if o.deleted {
			continue
		}
		res := r.send(ctx, o.delete, o.params)
		c := Check{Operation: "cleanup", Method: res.method, Path: res.path, Status: res.status, What: "cleanup"}
		switch {
		case res.err != nil:
			c.Detail = fmt.Sprintf("the %s left by a failed step could not be deleted: %v", o.noun, res.err)
		case res.status == http.StatusNoContent || res.status == http.StatusOK || res.status == http.StatusNotFound:
			c.OK, c.Detail = true, fmt.Sprintf("the %s left by a failed step is deleted", o.noun)
		default:
			c.Detail = fmt.Sprintf("the %s left by a failed step could not be deleted: status %d%s", o.noun, res.status, statusHint(res))
		}
		o.deleted = c.OK
		r.add(c)
	}
}

// send sends an authenticated request without checking it.
func (r *runner) send(ctx context.Context, op string, params map[string]string) *response {
	o := r.ops[op]
	path := o.path
	for name, value := range params {
		path = strings.ReplaceAll(path, "{"+name+"}", url.PathEscape(value))
	}
	res := &response{op: op, method: o.method, path: path}
	req, err := http.NewRequestWithContext(ctx, o.method, r.cfg.URL+path, http.NoBody)
	if err != nil {
		res.err = err
		return res
	}
	if err := r.authenticate(ctx); err != nil {
		res.err = err
		return res
	}
	r.setAuth(req)
	resp, err := r.client.Do(req)
	if err != nil {
		res.err = err
		return res
	}
	defer resp.Body.Close()
	res.status = resp.StatusCode
	return res
}

// coverage fails every operation of the document the run did not reach.
func (r *runner) coverage() {
	for _, op := range r.report.Operations {
		if !r.called[op] {
			r.add(Check{Operation: op, What: "coverage", Detail: "not exercised: an earlier step failed"})
		}
	}
}
