package transport

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// maskJSON re-encodes the JSON values in body compactly, in their original
// member order, with the value of every secret key (see [IsSecretKey])
// replaced by "***". It stops once the output exceeds limit bytes and then
// returns the first limit bytes and truncated = true. It fails on invalid
// JSON met before that point.
func maskJSON(body []byte, limit int) (out string, truncated bool, err error) {
	m := jsonMasker{dec: json.NewDecoder(bytes.NewReader(body))}
	m.dec.UseNumber()
	for m.out.Len() <= limit {
		tok, err := m.dec.Token()
		if errors.Is(err, io.EOF) {
			if len(m.stack) > 0 {
				return "", false, io.ErrUnexpectedEOF
			}
			return m.out.String(), false, nil
		}
		if err != nil {
			return "", false, err
		}
		if err := m.write(tok); err != nil {
			return "", false, err
		}
	}
	s, _ := truncateString(m.out.String(), limit)
	return s, true, nil
}

// jsonFrame is one open object or array.
type jsonFrame struct {
	object  bool
	members int  // members or elements written so far
	inValue bool // object only: a key was written, its value comes next
}

// jsonMasker holds the state of maskJSON.
type jsonMasker struct {
	dec      *json.Decoder
	out      bytes.Buffer
	stack    []jsonFrame
	topLevel int // top-level values written
}

// write appends one token of the input to the output.
func (m *jsonMasker) write(tok json.Token) error {
	if key, ok := tok.(string); ok && m.expectingKey() {
		return m.writeKey(key)
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{', '[':
			m.beforeValue()
			m.out.WriteByte(byte(t))
			m.stack = append(m.stack, jsonFrame{object: t == '{'})
		default:
			if len(m.stack) == 0 {
				return fmt.Errorf("unexpected %q", rune(t))
			}
			m.stack = m.stack[:len(m.stack)-1]
			m.out.WriteByte(byte(t))
		}
	case string:
		m.beforeValue()
		writeJSONString(&m.out, t)
	case json.Number:
		m.beforeValue()
		m.out.WriteString(t.String())
	case bool:
		m.beforeValue()
		if t {
			m.out.WriteString("true")
		} else {
			m.out.WriteString("false")
		}
	case nil:
		m.beforeValue()
		m.out.WriteString("null")
	default:
		return fmt.Errorf("unexpected JSON token %T", tok)
	}
	return nil
}

// expectingKey reports whether the next token is an object member name.
func (m *jsonMasker) expectingKey() bool {
	if len(m.stack) == 0 {
		return false
	}
	top := m.stack[len(m.stack)-1]
	return top.object && !top.inValue
}

// writeKey writes a member name and, for a secret key, the mask in place of
// its value, which is skipped.
func (m *jsonMasker) writeKey(key string) error {
	top := &m.stack[len(m.stack)-1]
	if top.members > 0 {
		m.out.WriteByte(',')
	}
	top.members++
	writeJSONString(&m.out, key)
	m.out.WriteByte(':')
	if !IsSecretKey(key) {
		top.inValue = true
		return nil
	}
	writeJSONString(&m.out, masked)
	return m.skipValue()
}

// beforeValue writes the separator a value needs and updates the state of
// the enclosing container.
func (m *jsonMasker) beforeValue() {
	if len(m.stack) == 0 {
		if m.topLevel > 0 {
			m.out.WriteByte('\n')
		}
		m.topLevel++
		return
	}
	top := &m.stack[len(m.stack)-1]
	if top.object {
		top.inValue = false
		return
	}
	if top.members > 0 {
		m.out.WriteByte(',')
	}
	top.members++
}

// skipValue consumes one complete value from the decoder.
func (m *jsonMasker) skipValue() error {
	depth := 0
	for {
		tok, err := m.dec.Token()
		if errors.Is(err, io.EOF) {
			return io.ErrUnexpectedEOF
		}
		if err != nil {
			return err
		}
		if d, ok := tok.(json.Delim); ok {
			if d == '{' || d == '[' {
				depth++
			} else {
				depth--
			}
		}
		if depth == 0 {
			return nil
		}
	}
}

// writeJSONString writes s as a JSON string literal without escaping HTML
// characters, so that logs stay readable.
func writeJSONString(b *bytes.Buffer, s string) {
	const hex = "0123456789abcdef"
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20:
			b.WriteString(`\u00`)
			b.WriteByte(hex[r>>4])
			b.WriteByte(hex[r&0xf])
		case r == utf8.RuneError:
			b.WriteString(`\ufffd`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
}
