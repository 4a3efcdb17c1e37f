package contracttest

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/almsync/terraform-provider-almsync/contracts"
	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
)

// DefaultContractPrefixes returns, per product, the path prefixes of the
// provider's own admin contracts. Exchanges below them are not checked
// against the vendor's description: the vendor publishes nothing there.
// None is left: every contract lies below /almsync/<name>/ and is checked
// against its document; Interchange's other routes (its OAuth token) stay
// unchecked, as Interchange publishes no API (see New).
func DefaultContractPrefixes() map[string][]string {
	return map[string][]string{}
}

// Options configure a Checker.
type Options struct {
	// VendorSpecs is the folder holding the vendors' published documents
	// (aqua's OpenAPI, AquaSpecFile). Empty leaves aqua unchecked, unless
	// RequireVendorSpecs is set.
	VendorSpecs string
	// RequireVendorSpecs makes New fail when VendorSpecs is empty or its
	// documents cannot be read, instead of leaving those products
	// unchecked.
	RequireVendorSpecs bool
	// ContractPrefixes are the path prefixes, per product, of the
	// provider's own contracts; nil means DefaultContractPrefixes().
	ContractPrefixes map[string][]string
}

// Checker validates exchanges against the products' descriptions. It is
// safe for concurrent use.
type Checker struct {
	descriptions map[string]*description
	// contracts holds the provider's own contract documents (package
	// contracts) by contract name.
	contracts map[string]*description
	prefixes  map[string][]string
	// unchecked holds, per known product without a description, why.
	unchecked map[string]string
}

// New loads the descriptions: the hand-written ones always, the vendor
// documents from opts.VendorSpecs. A document that is there but does not
// load is an error.
func New(opts Options) (*Checker, error) {
	prefixes := opts.ContractPrefixes
	if prefixes == nil {
		prefixes = DefaultContractPrefixes()
	}
	c := &Checker{
		descriptions: make(map[string]*description),
		contracts:    make(map[string]*description),
		prefixes:     make(map[string][]string, len(prefixes)),
		unchecked: map[string]string{
			Interchange: "Jama Connect Interchange publishes no API: only its routes of the provider's own contract are checked, against that contract",
		},
	}
	for product, list := range prefixes {
		c.prefixes[product] = slices.Clone(list)
	}
	for _, product := range []string{Jama, Jira, Jitterbit} {
		d, err := loadEmbedded(product)
		if err != nil {
			return nil, err
		}
		c.descriptions[product] = d
	}

	for _, name := range contracts.Names() {
		d, err := loadContract(name)
		if err != nil {
			return nil, err
		}
		c.contracts[name] = d
	}

	dir, err := resolveSpecsDir(opts.VendorSpecs)
	switch {
	case err != nil && opts.RequireVendorSpecs:
		return nil, fmt.Errorf("contracttest: %w", err)
	case err != nil:
		c.unchecked[Aqua] = err.Error()
	default:
		d, err := loadAqua(dir)
		if err != nil {
			return nil, err
		}
		c.descriptions[Aqua] = d
	}
	return c, nil
}

// Describes reports whether exchanges of product are checked.
func (c *Checker) Describes(product string) bool {
	_, ok := c.descriptions[product]
	return ok
}

// Unchecked returns, per known product whose exchanges are not checked,
// the reason.
func (c *Checker) Unchecked() map[string]string {
	out := make(map[string]string, len(c.unchecked))
	for k, v := range c.unchecked {
		out[k] = v
	}
	return out
}

// Check validates one exchange. It reports whether the exchange was
// checked (false for a product without a description and for a path below
// one of the product's legacy contract prefixes) and what differs from the
// description. A path below /almsync/<name>/ (after any base path of the
// product, such as Harmony's API stage) is checked against the provider's
// own contract document of that name, whoever the product.
func (c *Checker) Check(ctx context.Context, ex Exchange) (bool, []Violation) {
	path := ex.Path
	switch ex.Product {
	case Jira:
		path = stripJiraSite(path)
	case Jitterbit:
		path = stripHarmonyStage(path)
	}
	if name, rest, ok := contractRoute(path); ok {
		d, known := c.contracts[name]
		if !known {
			return true, []Violation{{Product: ex.Product, Method: ex.Method, Path: path, Operation: ex.Method + " " + path,
				Message: fmt.Sprintf("no contract document named %q (contracts: %s)", name, strings.Join(contracts.Names(), ", "))}}
		}
		return true, d.check(ctx, ex, rest)
	}
	if c.isContract(ex.Product, path) {
		return false, nil
	}
	d, ok := c.descriptions[ex.Product]
	if !ok {
		if _, known := c.unchecked[ex.Product]; known {
			return false, nil
		}
		return true, []Violation{{Product: ex.Product, Method: ex.Method, Path: path, Operation: ex.Method + " " + path,
			Message: fmt.Sprintf("no description of a product named %q", ex.Product)}}
	}
	return true, d.check(ctx, ex, path)
}

// contractRoute splits a path of the provider's own contracts,
// ".../almsync/<name>/...", into the contract's name and the path from
// "/almsync/" on, as the contract document writes it.
func contractRoute(path string) (name, rest string, ok bool) {
	i := strings.Index(path, contractRoot)
	if i < 0 {
		return "", "", false
	}
	rest = path[i:]
	name, _, _ = strings.Cut(strings.TrimPrefix(rest, contractRoot), "/")
	return name, rest, name != ""
}

// contractRoot begins the routes of every contract of the provider.
const contractRoot = "/almsync/"

func (c *Checker) isContract(product, path string) bool {
	for _, prefix := range c.prefixes[product] {
		if strings.HasPrefix(path, prefix) {
			return true
		}
	}
	return false
}

// stripJiraSite removes the sandbox's Server and Data Center site prefixes
// (the sandbox serves Jira Cloud at /jira, Server at /jira/server and Data
// Center at /jira/datacenter) and the path of Atlassian's API gateway
// (/ex/jira/{cloudId}), leaving the path Jira documents.
func stripJiraSite(path string) string {
	for _, site := range []string{"/server", "/datacenter"} {
		if rest, ok := strings.CutPrefix(path, site); ok && (rest == "" || rest[0] == '/') {
			return rest
		}
	}
	if rest, ok := strings.CutPrefix(path, "/ex/jira/"); ok {
		if i := strings.IndexByte(rest, '/'); i > 0 {
			return rest[i:]
		}
	}
	return path
}

// stripHarmonyStage removes Harmony's API stage (/dev, /qa or /api, the
// last segment of a Harmony base URL), which the sandbox serves as well as
// stage-less routes, leaving the path Jitterbit documents.
func stripHarmonyStage(path string) string {
	for _, stage := range []string{"/dev", "/qa", "/api"} {
		if rest, ok := strings.CutPrefix(path, stage); ok && rest != "" && rest[0] == '/' {
			return rest
		}
	}
	return path
}

// checkHost is the host requests are given for routing; descriptions are
// loaded without servers, so any host matches.
const checkHost = "contract.test"

// check validates ex, whose path is path, against d.
func (d *description) check(ctx context.Context, ex Exchange, path string) []Violation {
	v := Violation{Product: ex.Product, Method: ex.Method, Path: path, Operation: ex.Method + " " + path}
	u := &url.URL{Scheme: "http", Host: checkHost, Path: path, RawQuery: ex.RawQuery}
	req, err := http.NewRequestWithContext(ctx, ex.Method, u.String(), bytes.NewReader(ex.RequestBody))
	if err != nil {
		v.Message = fmt.Sprintf("the request cannot be rebuilt: %v", err)
		return []Violation{v}
	}
	req.Header = ex.RequestHeader.Clone()
	if req.Header == nil {
		req.Header = http.Header{}
	}
	if len(ex.RequestBody) == 0 {
		req.Body, req.ContentLength = http.NoBody, 0
	}

	route, params, err := d.router.FindRoute(req)
	if err != nil {
		v.Message = fmt.Sprintf("%s describes no such operation (%v)", d.source, err)
		return []Violation{v}
	}
	if route.Operation.OperationID != "" {
		v.Operation = route.Operation.OperationID
	} else {
		v.Operation = route.Method + " " + route.Path
	}

	opts := validationOptions()
	in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route, Options: opts}
	var out []Violation
	if err := openapi3filter.ValidateRequest(ctx, in); err != nil {
		rv := v
		rv.Message = "request: " + describeError(err)
		out = append(out, rv)
	}
	if ex.Status == 0 || outsideContract(route.Operation.Responses.Status(ex.Status) != nil || route.Operation.Responses.Default() != nil, ex.Status) {
		return out
	}
	header := ex.ResponseHeader.Clone()
	if header == nil {
		header = http.Header{}
	}
	rin := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: ex.Status, Header: header, Options: opts}
	rin.SetBodyBytes(ex.ResponseBody)
	if err := openapi3filter.ValidateResponse(ctx, rin); err != nil {
		rv := v
		rv.Status = ex.Status
		rv.Message = "response: " + describeError(err)
		out = append(out, rv)
	}
	return out
}

// outsideContract reports whether an answer with status is left unchecked:
// rate limiting (429) and server failures (5xx) that the operation does
// not document. Vendors describe those for their whole API rather than per
// operation, and the sandbox injects them as faults on any route.
func outsideContract(documented bool, status int) bool {
	return !documented && (status == http.StatusTooManyRequests || status >= 500)
}

// validationOptions are the kin-openapi options of every check.
func validationOptions() *openapi3filter.Options {
	opts := &openapi3filter.Options{
		// The check is about shapes; whoever sent the request is accepted.
		AuthenticationFunc: openapi3filter.NoopAuthenticationFunc,
		// A status the operation does not document is a violation.
		IncludeResponseStatus: true,
		// A body where the operation takes none is a violation.
		RejectWhenRequestBodyNotSpecified: true,
		// Report every problem of a body, not only the first.
		MultiError: true,
		// Validating must not change the request.
		SkipSettingDefaults: true,
	}
	opts.WithCustomSchemaErrorFunc(schemaErrorMessage)
	return opts
}

// describeError puts a validation error on one line.
func describeError(err error) string {
	return strings.Join(strings.Fields(err.Error()), " ")
}

// schemaErrorMessage says where in the body a schema error is and why,
// without the schema and value dumps kin-openapi adds by default.
// The errors of the alternatives of an allOf, anyOf or oneOf follow in
// brackets.
func schemaErrorMessage(err *openapi3.SchemaError) string {
	msg := err.Reason
	switch {
	case err.Origin != nil:
		msg += " [" + err.Origin.Error() + "]"
	case err.SchemaField == "anyOf" && err.Schema != nil:
		// kin-openapi keeps no reason per alternative of an anyOf; say
		// what each alternative asks for instead.
		alternatives := make([]string, 0, len(err.Schema.AnyOf))
		for _, alt := range err.Schema.AnyOf {
			alternatives = append(alternatives, describeAlternative(alt))
		}
		msg += " [alternatives: " + strings.Join(alternatives, "; ") + "]"
	}
	pointer := err.JSONPointer()
	if len(pointer) == 0 {
		return msg
	}
	return fmt.Sprintf("at /%s: %s", strings.Join(pointer, "/"), msg)
}

// describeAlternative names one alternative of an anyOf: its reference, or
// the members it requires.
func describeAlternative(ref *openapi3.SchemaRef) string {
	switch {
	case ref == nil || ref.Value == nil:
		return "unresolved"
	case ref.Ref != "":
		return ref.Ref
	case len(ref.Value.Required) > 0:
		return "requires " + strings.Join(ref.Value.Required, ", ")
	case ref.Value.Type != nil:
		return strings.Join(ref.Value.Type.Slice(), " or ")
	default:
		return "a schema"
	}
}
