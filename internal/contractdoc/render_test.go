package contractdoc

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"text/template"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/almsync/terraform-provider-almsync/contracts"
)

// guidesDir is templates/guides of the repository, seen from this package.
const guidesDir = "../../templates/guides"

func render(t *testing.T, name string) (Page, *openapi3.T) {
	t.Helper()
	data, err := contracts.Document(name)
	if err != nil {
		t.Fatal(err)
	}
	page, err := Render(name, data)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := openapi3.NewLoader().LoadFromData(data)
	if err != nil {
		t.Fatal(err)
	}
	return page, doc
}

// TestRenderDeterministic renders each document several times: the
// document is read into maps, so any order taken from them would show.
func TestRenderDeterministic(t *testing.T) {
	for _, name := range contracts.Names() {
		t.Run(name, func(t *testing.T) {
			first, _ := render(t, name)
			for range 5 {
				again, _ := render(t, name)
				if !bytes.Equal(first.Text, again.Text) {
					t.Fatal("two renderings of the same document differ")
				}
			}
		})
	}
}

// TestRenderCoversDocument walks each document and looks for every
// operation, parameter, response, schema and property on its page.
func TestRenderCoversDocument(t *testing.T) {
	for _, name := range contracts.Names() {
		t.Run(name, func(t *testing.T) {
			page, doc := render(t, name)
			text := string(page.Text)
			for _, want := range []string{
				"subcategory: \"Contracts\"",
				"generated from `contracts/" + name + ".yaml` by `make docs`",
				"/almsync/" + name + "/v1",
				strings.TrimSpace(doc.Info.Description)[:80],
			} {
				if !strings.Contains(text, want) {
					t.Errorf("the page lacks %q", want)
				}
			}
			checkOperations(t, text, doc)
			checkComponents(t, text, doc)
			checkSecuritySchemes(t, text, doc)
			if !strings.Contains(text, "**The `test` action:**") {
				t.Error("the page does not point at the test action")
			}
		})
	}
}

func checkOperations(t *testing.T, text string, doc *openapi3.T) {
	t.Helper()
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			route := method + " " + path
			heading := fmt.Sprintf("### %s `%s`\n", method, path)
			sec := section(text, heading)
			if sec == "" {
				t.Errorf("no section %q", strings.TrimSpace(heading))
				continue
			}
			for _, want := range []string{code(op.OperationID), firstRaw(op.Summary), firstRaw(op.Description)} {
				if !strings.Contains(sec, want) {
					t.Errorf("%s: the section lacks %q", route, want)
				}
			}
			params := append(openapi3.Parameters{}, item.Parameters...)
			params = append(params, op.Parameters...)
			for _, p := range params {
				row := fmt.Sprintf("| `%s` | %s |", p.Value.Name, p.Value.In)
				if !strings.Contains(sec, row) {
					t.Errorf("%s: no row for parameter %s", route, p.Value.Name)
				}
			}
			for status, resp := range op.Responses.Map() {
				if !strings.Contains(sec, "| `"+status+"` | "+firstWords(*resp.Value.Description)) {
					t.Errorf("%s: no row for response %s", route, status)
				}
				for _, media := range resp.Value.Content {
					checkInline(t, sec, route+" "+status, media.Schema)
				}
			}
			if op.RequestBody != nil {
				for mime, media := range op.RequestBody.Value.Content {
					if !strings.Contains(sec, "- `"+mime+"`: ") {
						t.Errorf("%s: the request body %s is missing", route, mime)
					}
					checkInline(t, sec, route+" body", media.Schema)
				}
			}
		}
	}
}

func checkComponents(t *testing.T, text string, doc *openapi3.T) {
	t.Helper()
	for name, ref := range doc.Components.Schemas {
		sec := section(text, "### "+name+"\n")
		if sec == "" {
			t.Errorf("no section for schema %s", name)
			continue
		}
		if !strings.Contains(text, `<a id="`+schemaID(name)+`"></a>`) {
			t.Errorf("schema %s has no anchor", name)
		}
		if !strings.Contains(sec, firstRaw(ref.Value.Description)) {
			t.Errorf("schema %s: its description is missing", name)
		}
		checkSchema(t, sec, name, ref.Value)
	}
}

func checkSecuritySchemes(t *testing.T, text string, doc *openapi3.T) {
	t.Helper()
	for name, ref := range doc.Components.SecuritySchemes {
		if !strings.Contains(text, "| `"+name+"` | ") || !strings.Contains(text, cell(ref.Value.Description)) {
			t.Errorf("security scheme %s is missing", name)
		}
	}
}

// checkInline checks the properties of a schema written in place; a
// component is checked in its own section.
func checkInline(t *testing.T, sec, where string, ref *openapi3.SchemaRef) {
	t.Helper()
	if ref == nil || ref.Ref != "" || ref.Value == nil {
		return
	}
	checkSchema(t, sec, where, ref.Value)
}

// checkSchema checks that sec has a row for every property of s and of
// the inline schemas s holds, with its type, required flag and meaning.
func checkSchema(t *testing.T, sec, where string, s *openapi3.Schema) {
	t.Helper()
	for key, p := range s.Properties {
		row := "| " + code(key) + " | "
		if !strings.Contains(sec, row) {
			t.Errorf("%s: no row for property %s", where, key)
			continue
		}
		if d := firstWords(p.Value.Description); !strings.Contains(sec, d) {
			t.Errorf("%s.%s: its meaning %q is missing", where, key, d)
		}
		for _, v := range p.Value.Enum {
			if p.Ref == "" && !strings.Contains(sec, value(v)) {
				t.Errorf("%s.%s: the enum member %v is missing", where, key, v)
			}
		}
		if p.Ref == "" && p.Value.Pattern != "" && !strings.Contains(sec, cell(code(p.Value.Pattern))) {
			t.Errorf("%s.%s: its pattern is missing", where, key)
		}
		checkInline(t, sec, where+"."+key, p)
		checkInline(t, sec, where+"."+key+"[]", p.Value.Items)
	}
	for _, group := range []openapi3.SchemaRefs{s.AllOf, s.OneOf, s.AnyOf} {
		for _, m := range group {
			if m.Ref != "" && !strings.Contains(sec, "(#"+schemaID(strings.TrimPrefix(m.Ref, "#/components/schemas/"))+")") {
				t.Errorf("%s: no link to %s", where, m.Ref)
			}
			checkInline(t, sec, where, m)
		}
	}
}

// section is the part of text from heading to the next heading of its
// level or above, or "".
func section(text, heading string) string {
	start := strings.Index(text, "\n"+heading)
	if start < 0 {
		return ""
	}
	rest := text[start+1+len(heading):]
	end := len(rest)
	for _, next := range []string{"\n### ", "\n## "} {
		if i := strings.Index(rest, next); i >= 0 && i < end {
			end = i
		}
	}
	return rest[:end]
}

// firstWords is the start of a description as a table cell writes it.
func firstWords(s string) string {
	c := cell(s)
	if len(c) > 40 {
		c = c[:40]
	}
	return c
}

// firstRaw is the start of a description as a paragraph writes it.
func firstRaw(s string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	if len(line) > 40 {
		line = line[:40]
	}
	return line
}

var (
	linkRE   = regexp.MustCompile(`\]\(#([^)]+)\)`)
	anchorRE = regexp.MustCompile(`<a id="([^"]+)"></a>`)
)

// TestAnchors checks that every link within a page has its target, and
// that no id is given twice.
func TestAnchors(t *testing.T) {
	for _, name := range contracts.Names() {
		t.Run(name, func(t *testing.T) {
			page, _ := render(t, name)
			ids := map[string]bool{}
			for _, m := range anchorRE.FindAllStringSubmatch(string(page.Text), -1) {
				if ids[m[1]] {
					t.Errorf("the id %s is given twice", m[1])
				}
				ids[m[1]] = true
			}
			for _, m := range linkRE.FindAllStringSubmatch(string(page.Text), -1) {
				if !ids[m[1]] {
					t.Errorf("the link #%s has no target", m[1])
				}
			}
		})
	}
}

// TestCheckedInTemplates fails when a document changed without `make docs`:
// every templates/guides/contract-<name>.md.tmpl must equal a fresh
// rendering, and there must be no template of a contract that does not exist.
func TestCheckedInTemplates(t *testing.T) {
	pages, err := RenderAll()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, page := range pages {
		file := FileName(page.Name)
		want[file] = true
		got, err := os.ReadFile(filepath.Join(guidesDir, file))
		if err != nil {
			t.Errorf("%v: run `make docs`", err)
			continue
		}
		if !bytes.Equal(got, page.Text) {
			t.Errorf("templates/guides/%s differs from a rendering of contracts/%s.yaml: run `make docs`", file, page.Name)
		}
	}
	found, err := filepath.Glob(filepath.Join(guidesDir, FileName("*")))
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range found {
		if !want[filepath.Base(path)] {
			t.Errorf("templates/guides/%s renders no contract: run `make docs`", filepath.Base(path))
		}
	}
}

// TestTemplatesExecute runs each page through text/template, as
// tfplugindocs does: it must parse, and come out as the Markdown meant.
func TestTemplatesExecute(t *testing.T) {
	for _, name := range contracts.Names() {
		page, _ := render(t, name)
		tmpl, err := template.New(name).Parse(string(page.Text))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var out bytes.Buffer
		if err := tmpl.Execute(&out, nil); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if want := strings.ReplaceAll(string(page.Text), `{{"{{"}}`, "{{"); out.String() != want {
			t.Errorf("%s: the template does not execute to its page", name)
		}
	}
}

// sample is a small document with what the contracts do not (yet) use: an
// operation without credentials, exclusive bounds, an inline nested
// object, a map of objects, and gaps in the descriptions.
const sample = `openapi: 3.0.3
info:
  title: almsync contract sample (a sample screen)
  version: 1.0.0
  description: "**What the screen is.** A sample. Braces {{ stay }} text."
security:
  - key: []
paths:
  /almsync/sample/v1/contract:
    get:
      operationId: getContract
      security: []
      responses:
        "200":
          description: Served.
  /almsync/sample/v1/things/{id}/test:
    post:
      operationId: testThing
      parameters:
        - name: id
          in: path
          required: true
          schema:
            type: integer
            minimum: 0
            exclusiveMinimum: true
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              additionalProperties: false
              required: [zeta]
              properties:
                zeta:
                  type: object
                  description: Nested, written first.
                  properties:
                    deep:
                      type: string
                      maxLength: 3
                      description: A deep key | with a pipe.
                alpha:
                  type: object
                  additionalProperties:
                    type: object
                    properties:
                      inner:
                        type: boolean
                        description: Inside a map.
      responses:
        "204":
          description: Tested.
        default:
          description: Anything else.
components:
  securitySchemes:
    key:
      type: apiKey
      in: header
      name: X-Key
`

func TestRenderSample(t *testing.T) {
	page, err := Render("sample", []byte(sample))
	if err != nil {
		t.Fatal(err)
	}
	text := string(page.Text)
	for _, want := range []string{
		"**Authentication:** none: the request carries no credentials",
		"| `id` | path | integer | yes | greater than 0 |",
		"the header `X-Key`",
		"| `deep` | string | no | max length 3 | A deep key \\| with a pipe. |",
		"| `alpha` | map of [object](#op-testthing-request-alpha-value) | no |",
		"| `inner` | boolean | no |",
		"| `default` | Anything else. | none |",
		"**The `test` action:** [`POST /almsync/sample/v1/things/{id}/test`](#op-testthing)",
		`Braces {{"{{"}} stay }} text.`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	// The document's order, not the alphabet's: zeta is written before alpha.
	if strings.Index(text, "| `zeta` |") > strings.Index(text, "| `alpha` |") {
		t.Error("the properties are not in the document's order")
	}
	wantGaps := []string{
		"operation GET /almsync/sample/v1/contract has neither summary nor description",
		"operation POST /almsync/sample/v1/things/{id}/test has neither summary nor description",
		"parameter id (path) of POST /almsync/sample/v1/things/{id}/test has no description",
		"testThing request body.alpha has no description",
		"security scheme key has no description",
	}
	for _, want := range wantGaps {
		found := false
		for _, g := range page.Gaps {
			found = found || g == want
		}
		if !found {
			t.Errorf("the gaps %q lack %q", page.Gaps, want)
		}
	}
}

func TestRenderRefusesAnInvalidDocument(t *testing.T) {
	if _, err := Render("broken", []byte("openapi: 3.0.3\npaths: {}\n")); err == nil {
		t.Fatal("Render accepted a document without info")
	}
}
