package acctest

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/almsync/terraform-provider-almsync/internal/provider"
)

// SecretTree is one level of a resource schema, reduced to what the secret
// checks need: which attributes are sensitive or write-only, and the nested
// levels below.
type SecretTree struct {
	sensitive map[string]bool
	writeOnly map[string]bool
	nested    map[string]*SecretTree
}

var (
	secretSchemasOnce sync.Once
	secretSchemas     map[string]*SecretTree
	secretSchemasErr  error
)

// SecretSchemas returns, per resource type, where its secrets are, derived
// from the provider's schemas (Sensitive and WriteOnly flags at every
// depth), so that a new secret attribute is covered without a list to
// update.
func SecretSchemas() (map[string]*SecretTree, error) {
	secretSchemasOnce.Do(func() {
		server, err := provider.Server("test")()
		if err != nil {
			secretSchemasErr = err
			return
		}
		resp, err := server.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
		if err != nil {
			secretSchemasErr = err
			return
		}
		for _, d := range resp.Diagnostics {
			if d.Severity == tfprotov6.DiagnosticSeverityError {
				secretSchemasErr = fmt.Errorf("provider schema: %s: %s", d.Summary, d.Detail)
				return
			}
		}
		secretSchemas = map[string]*SecretTree{}
		for typeName, s := range resp.ResourceSchemas {
			secretSchemas[typeName] = nodeFromBlock(s.Block)
		}
	})
	return secretSchemas, secretSchemasErr
}

func nodeFromBlock(b *tfprotov6.SchemaBlock) *SecretTree {
	n := &SecretTree{sensitive: map[string]bool{}, writeOnly: map[string]bool{}, nested: map[string]*SecretTree{}}
	if b == nil {
		return n
	}
	for _, a := range b.Attributes {
		n.addAttribute(a)
	}
	for _, nb := range b.BlockTypes {
		n.nested[nb.TypeName] = nodeFromBlock(nb.Block)
	}
	return n
}

func (n *SecretTree) addAttribute(a *tfprotov6.SchemaAttribute) {
	if a.Sensitive {
		n.sensitive[a.Name] = true
	}
	if a.WriteOnly {
		n.writeOnly[a.Name] = true
	}
	if a.NestedType != nil {
		child := &SecretTree{sensitive: map[string]bool{}, writeOnly: map[string]bool{}, nested: map[string]*SecretTree{}}
		for _, na := range a.NestedType.Attributes {
			child.addAttribute(na)
		}
		n.nested[a.Name] = child
	}
}

// Paths lists the secret attributes of the level, e.g. `sso.app_password`,
// sorted: what a check covers.
func (n *SecretTree) Paths() []string {
	var out []string
	for name := range n.sensitive {
		out = append(out, name)
	}
	for name := range n.writeOnly {
		if !n.sensitive[name] {
			out = append(out, name)
		}
	}
	for name, c := range n.nested {
		for _, p := range c.Paths() {
			out = append(out, name+"."+p)
		}
	}
	sort.Strings(out)
	return out
}

// elements returns the objects a nested value holds: itself when it is an
// object, its elements when it is a list or set of objects.
func elements(v any) []map[string]any {
	switch t := v.(type) {
	case map[string]any:
		return []map[string]any{t}
	case []any:
		var out []map[string]any
		for _, e := range t {
			if m, ok := e.(map[string]any); ok {
				out = append(out, m)
			}
		}
		return out
	}
	return nil
}

// markAt returns the sensitivity marks of the i-th element of a nested
// value's marks, or true when the whole value is marked.
func markAt(marks any, i int) any {
	switch t := marks.(type) {
	case bool:
		return t
	case []any:
		if i < len(t) {
			return t[i]
		}
	case map[string]any:
		return t
	}
	return nil
}

// problems walks values with their sensitivity marks (nil when the check
// has none, as in state): a write-only attribute holding a value, or a
// sensitive one not marked sensitive, is a problem.
func (n *SecretTree) problems(prefix string, values map[string]any, marks any, checkMarks bool) []string {
	var out []string
	if all, ok := marks.(bool); ok && all {
		checkMarks = false
	}
	markMap, _ := marks.(map[string]any)
	for name := range n.writeOnly {
		if v, ok := values[name]; ok && v != nil {
			out = append(out, fmt.Sprintf("%s%s is write-only but holds a value", prefix, name))
		}
	}
	if checkMarks {
		for name := range n.sensitive {
			if v, ok := values[name]; ok && v != nil && markMap[name] != true {
				out = append(out, fmt.Sprintf("%s%s holds a value but is not marked sensitive", prefix, name))
			}
		}
	}
	for name, child := range n.nested {
		for i, e := range elements(values[name]) {
			out = append(out, child.problems(fmt.Sprintf("%s%s[%d].", prefix, name, i), e, markAt(markMap[name], i), checkMarks)...)
		}
	}
	return out
}

// ExpectSecretsHidden is a plan check over every secret attribute of every
// resource, found from the provider's schemas: no write-only attribute
// holds a planned value, every sensitive attribute with a value is marked
// sensitive (so the human plan shows "(sensitive value)"), and no planned
// value anywhere holds any of writeOnly, the write-only values configured.
func ExpectSecretsHidden(writeOnly ...string) plancheck.PlanCheck {
	return secretsHidden{writeOnly: writeOnly}
}

type secretsHidden struct{ writeOnly []string }

func (c secretsHidden) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	schemas, err := SecretSchemas()
	if err != nil {
		resp.Error = err
		return
	}
	for _, rc := range req.Plan.ResourceChanges {
		if rc.Change == nil {
			continue
		}
		after, err := json.Marshal(rc.Change.After)
		if err != nil {
			resp.Error = err
			return
		}
		for _, s := range c.writeOnly {
			if strings.Contains(string(after), s) {
				resp.Error = fmt.Errorf("%s: the plan holds a write-only value", rc.Address)
				return
			}
		}
		node, ok := schemas[rc.Type]
		values, _ := rc.Change.After.(map[string]any)
		if !ok || values == nil {
			continue
		}
		if p := node.problems("", values, rc.Change.AfterSensitive, true); len(p) > 0 {
			resp.Error = fmt.Errorf("%s: %s", rc.Address, strings.Join(p, "; "))
			return
		}
	}
}

// ExpectNoSecretInState is a state check: no attribute of any resource in
// state holds any of secrets, and no write-only attribute (found from the
// provider's schemas) holds a value.
func ExpectNoSecretInState(secrets ...string) statecheck.StateCheck {
	return noSecretInState{secrets: secrets}
}

type noSecretInState struct{ secrets []string }

func (c noSecretInState) CheckState(_ context.Context, req statecheck.CheckStateRequest, resp *statecheck.CheckStateResponse) {
	schemas, err := SecretSchemas()
	if err != nil {
		resp.Error = err
		return
	}
	if req.State == nil || req.State.Values == nil {
		return
	}
	var walk func(m *tfjson.StateModule) error
	walk = func(m *tfjson.StateModule) error {
		for _, r := range m.Resources {
			raw, err := json.Marshal(r.AttributeValues)
			if err != nil {
				return err
			}
			for _, s := range c.secrets {
				if strings.Contains(string(raw), s) {
					return fmt.Errorf("%s holds a secret that must not be in state", r.Address)
				}
			}
			if node, ok := schemas[r.Type]; ok && r.Mode == tfjson.ManagedResourceMode {
				if p := node.problems("", r.AttributeValues, nil, false); len(p) > 0 {
					return fmt.Errorf("%s: %s", r.Address, strings.Join(p, "; "))
				}
			}
		}
		for _, child := range m.ChildModules {
			if err := walk(child); err != nil {
				return err
			}
		}
		return nil
	}
	if req.State.Values.RootModule != nil {
		resp.Error = walk(req.State.Values.RootModule)
	}
}
