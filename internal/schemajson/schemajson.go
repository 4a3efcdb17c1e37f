// Package schemajson writes the provider's schema in the JSON form of
// `terraform providers schema -json` (terraform-json's ProviderSchemas),
// read straight from the provider's protocol 6 server, so that the docs
// generator sees every part of the provider (actions and list resources
// included) whatever Terraform CLI is installed: a CLI before 1.14 leaves
// action_schemas and list_resource_schemas out of its own output.
package schemajson

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/zclconf/go-cty/cty"
)

// formatVersion is the format_version of the providers schema JSON that
// terraform-json reads.
const formatVersion = "1.0"

// Read asks server for its schemas (GetProviderSchema and
// GetResourceIdentitySchemas) and returns them as the schemas of one
// provider, keyed by name (e.g. "almsync", the key the docs generator looks
// the provider up by).
func Read(ctx context.Context, server tfprotov6.ProviderServer, name string) (*tfjson.ProviderSchemas, error) {
	resp, err := server.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		return nil, fmt.Errorf("provider schema: %w", err)
	}
	if err := diagnosticsError("provider schema", resp.Diagnostics); err != nil {
		return nil, err
	}
	ids, err := server.GetResourceIdentitySchemas(ctx, &tfprotov6.GetResourceIdentitySchemasRequest{})
	if err != nil {
		return nil, fmt.Errorf("resource identity schemas: %w", err)
	}
	if err := diagnosticsError("resource identity schemas", ids.Diagnostics); err != nil {
		return nil, err
	}
	ps, err := Convert(resp, ids)
	if err != nil {
		return nil, err
	}
	return &tfjson.ProviderSchemas{FormatVersion: formatVersion, Schemas: map[string]*tfjson.ProviderSchema{name: ps}}, nil
}

// diagnosticsError is an error listing the error diagnostics of what, or
// nil.
func diagnosticsError(what string, diags []*tfprotov6.Diagnostic) error {
	var errs []string
	for _, d := range diags {
		if d != nil && d.Severity == tfprotov6.DiagnosticSeverityError {
			errs = append(errs, strings.TrimSpace(d.Summary+": "+d.Detail))
		}
	}
	if len(errs) == 0 {
		return nil
	}
	return fmt.Errorf("%s: %s", what, strings.Join(errs, "; "))
}

// Convert turns the protocol's schemas into terraform-json's, as
// Terraform's own `providers schema -json` writes them; ids may be nil.
func Convert(resp *tfprotov6.GetProviderSchemaResponse, ids *tfprotov6.GetResourceIdentitySchemasResponse) (*tfjson.ProviderSchema, error) {
	out := &tfjson.ProviderSchema{}
	var err error
	if resp.Provider != nil {
		if out.ConfigSchema, err = schema(resp.Provider); err != nil {
			return nil, fmt.Errorf("provider: %w", err)
		}
	}
	if out.ResourceSchemas, err = schemas("resource", resp.ResourceSchemas); err != nil {
		return nil, err
	}
	if out.DataSourceSchemas, err = schemas("data source", resp.DataSourceSchemas); err != nil {
		return nil, err
	}
	if out.EphemeralResourceSchemas, err = schemas("ephemeral resource", resp.EphemeralResourceSchemas); err != nil {
		return nil, err
	}
	if out.ListResourceSchemas, err = schemas("list resource", resp.ListResourceSchemas); err != nil {
		return nil, err
	}
	for name, a := range resp.ActionSchemas {
		if a == nil || a.Schema == nil {
			continue
		}
		s, err := schema(a.Schema)
		if err != nil {
			return nil, fmt.Errorf("action %s: %w", name, err)
		}
		if out.ActionSchemas == nil {
			out.ActionSchemas = map[string]*tfjson.ActionSchema{}
		}
		out.ActionSchemas[name] = &tfjson.ActionSchema{Block: s.Block}
	}
	for name, f := range resp.Functions {
		sig, err := function(f)
		if err != nil {
			return nil, fmt.Errorf("function %s: %w", name, err)
		}
		if out.Functions == nil {
			out.Functions = map[string]*tfjson.FunctionSignature{}
		}
		out.Functions[name] = sig
	}
	if ids != nil {
		for name, id := range ids.IdentitySchemas {
			s, err := identity(id)
			if err != nil {
				return nil, fmt.Errorf("identity of %s: %w", name, err)
			}
			if out.ResourceIdentitySchemas == nil {
				out.ResourceIdentitySchemas = map[string]*tfjson.IdentitySchema{}
			}
			out.ResourceIdentitySchemas[name] = s
		}
	}
	return out, nil
}

// schemas converts one kind's schemas; nil when there are none, as
// Terraform leaves an empty kind out.
func schemas(kind string, in map[string]*tfprotov6.Schema) (map[string]*tfjson.Schema, error) {
	if len(in) == 0 {
		return nil, nil
	}
	out := make(map[string]*tfjson.Schema, len(in))
	for name, s := range in {
		js, err := schema(s)
		if err != nil {
			return nil, fmt.Errorf("%s %s: %w", kind, name, err)
		}
		out[name] = js
	}
	return out, nil
}

func schema(s *tfprotov6.Schema) (*tfjson.Schema, error) {
	out := &tfjson.Schema{Version: uint64(max(s.Version, 0))}
	if s.Block != nil {
		b, err := block(s.Block)
		if err != nil {
			return nil, err
		}
		out.Block = b
	}
	return out, nil
}

func block(b *tfprotov6.SchemaBlock) (*tfjson.SchemaBlock, error) {
	out := &tfjson.SchemaBlock{Description: b.Description, DescriptionKind: kind(b.DescriptionKind), Deprecated: b.Deprecated}
	for _, a := range b.Attributes {
		ja, err := attribute(a)
		if err != nil {
			return nil, fmt.Errorf("attribute %s: %w", a.Name, err)
		}
		if out.Attributes == nil {
			out.Attributes = map[string]*tfjson.SchemaAttribute{}
		}
		out.Attributes[a.Name] = ja
	}
	for _, nb := range b.BlockTypes {
		inner := &tfprotov6.SchemaBlock{}
		if nb.Block != nil {
			inner = nb.Block
		}
		jb, err := block(inner)
		if err != nil {
			return nil, fmt.Errorf("block %s: %w", nb.TypeName, err)
		}
		mode, err := blockNesting(nb.Nesting)
		if err != nil {
			return nil, fmt.Errorf("block %s: %w", nb.TypeName, err)
		}
		if out.NestedBlocks == nil {
			out.NestedBlocks = map[string]*tfjson.SchemaBlockType{}
		}
		out.NestedBlocks[nb.TypeName] = &tfjson.SchemaBlockType{NestingMode: mode, Block: jb,
			MinItems: uint64(max(nb.MinItems, 0)), MaxItems: uint64(max(nb.MaxItems, 0))}
	}
	return out, nil
}

func attribute(a *tfprotov6.SchemaAttribute) (*tfjson.SchemaAttribute, error) {
	out := &tfjson.SchemaAttribute{
		Description: a.Description, DescriptionKind: kind(a.DescriptionKind), Deprecated: a.Deprecated,
		Required: a.Required, Optional: a.Optional, Computed: a.Computed, Sensitive: a.Sensitive, WriteOnly: a.WriteOnly,
	}
	if a.NestedType != nil {
		nt, err := nestedType(a.NestedType)
		if err != nil {
			return nil, err
		}
		out.AttributeNestedType = nt
		return out, nil
	}
	t, err := ctyType(a.Type)
	if err != nil {
		return nil, err
	}
	out.AttributeType = t
	return out, nil
}

func nestedType(o *tfprotov6.SchemaObject) (*tfjson.SchemaNestedAttributeType, error) {
	out := &tfjson.SchemaNestedAttributeType{}
	switch o.Nesting {
	case tfprotov6.SchemaObjectNestingModeSingle:
		out.NestingMode = tfjson.SchemaNestingModeSingle
	case tfprotov6.SchemaObjectNestingModeList:
		out.NestingMode = tfjson.SchemaNestingModeList
	case tfprotov6.SchemaObjectNestingModeSet:
		out.NestingMode = tfjson.SchemaNestingModeSet
	case tfprotov6.SchemaObjectNestingModeMap:
		out.NestingMode = tfjson.SchemaNestingModeMap
	default:
		return nil, fmt.Errorf("unknown nesting mode %v of a nested attribute", o.Nesting)
	}
	for _, a := range o.Attributes {
		ja, err := attribute(a)
		if err != nil {
			return nil, fmt.Errorf("attribute %s: %w", a.Name, err)
		}
		if out.Attributes == nil {
			out.Attributes = map[string]*tfjson.SchemaAttribute{}
		}
		out.Attributes[a.Name] = ja
	}
	return out, nil
}

func blockNesting(m tfprotov6.SchemaNestedBlockNestingMode) (tfjson.SchemaNestingMode, error) {
	switch m {
	case tfprotov6.SchemaNestedBlockNestingModeSingle:
		return tfjson.SchemaNestingModeSingle, nil
	case tfprotov6.SchemaNestedBlockNestingModeGroup:
		return tfjson.SchemaNestingModeGroup, nil
	case tfprotov6.SchemaNestedBlockNestingModeList:
		return tfjson.SchemaNestingModeList, nil
	case tfprotov6.SchemaNestedBlockNestingModeSet:
		return tfjson.SchemaNestingModeSet, nil
	case tfprotov6.SchemaNestedBlockNestingModeMap:
		return tfjson.SchemaNestingModeMap, nil
	}
	return "", fmt.Errorf("unknown nesting mode %v of a block", m)
}

// kind is a description's kind as Terraform writes it: "markdown" or
// "plain".
func kind(k tfprotov6.StringKind) tfjson.SchemaDescriptionKind {
	if k == tfprotov6.StringKindMarkdown {
		return tfjson.SchemaDescriptionKindMarkdown
	}
	return tfjson.SchemaDescriptionKindPlain
}

// ctyType converts a protocol type through the JSON type notation both
// packages share.
func ctyType(t tftypes.Type) (cty.Type, error) {
	if t == nil {
		return cty.NilType, fmt.Errorf("no type")
	}
	b, err := json.Marshal(t)
	if err != nil {
		return cty.NilType, fmt.Errorf("encoding type %s: %w", t, err)
	}
	var out cty.Type
	if err := json.Unmarshal(b, &out); err != nil {
		return cty.NilType, fmt.Errorf("decoding type %s: %w", b, err)
	}
	return out, nil
}

func function(f *tfprotov6.Function) (*tfjson.FunctionSignature, error) {
	out := &tfjson.FunctionSignature{Description: f.Description, Summary: f.Summary, DeprecationMessage: f.DeprecationMessage}
	if f.Return == nil {
		return nil, fmt.Errorf("no return type")
	}
	var err error
	if out.ReturnType, err = ctyType(f.Return.Type); err != nil {
		return nil, fmt.Errorf("return: %w", err)
	}
	param := func(p *tfprotov6.FunctionParameter) (*tfjson.FunctionParameter, error) {
		t, err := ctyType(p.Type)
		if err != nil {
			return nil, fmt.Errorf("parameter %s: %w", p.Name, err)
		}
		return &tfjson.FunctionParameter{Name: p.Name, Description: p.Description, IsNullable: p.AllowNullValue, Type: t}, nil
	}
	for _, p := range f.Parameters {
		jp, err := param(p)
		if err != nil {
			return nil, err
		}
		out.Parameters = append(out.Parameters, jp)
	}
	if f.VariadicParameter != nil {
		if out.VariadicParameter, err = param(f.VariadicParameter); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func identity(s *tfprotov6.ResourceIdentitySchema) (*tfjson.IdentitySchema, error) {
	out := &tfjson.IdentitySchema{Version: uint64(max(s.Version, 0))}
	for _, a := range s.IdentityAttributes {
		t, err := ctyType(a.Type)
		if err != nil {
			return nil, fmt.Errorf("attribute %s: %w", a.Name, err)
		}
		if out.Attributes == nil {
			out.Attributes = map[string]*tfjson.IdentityAttribute{}
		}
		out.Attributes[a.Name] = &tfjson.IdentityAttribute{IdentityType: t, Description: a.Description,
			RequiredForImport: a.RequiredForImport, OptionalForImport: a.OptionalForImport}
	}
	return out, nil
}

// Names lists the names of every kind of object in s, sorted, as
// "<kind> <name>": what a reader checks the docs against.
func Names(s *tfjson.ProviderSchema) []string {
	var out []string
	add := func(kind string, names []string) {
		for _, n := range names {
			out = append(out, kind+" "+n)
		}
	}
	add("resource", keys(s.ResourceSchemas))
	add("data source", keys(s.DataSourceSchemas))
	add("ephemeral resource", keys(s.EphemeralResourceSchemas))
	add("list resource", keys(s.ListResourceSchemas))
	add("action", keys(s.ActionSchemas))
	add("function", keys(s.Functions))
	sort.Strings(out)
	return out
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
