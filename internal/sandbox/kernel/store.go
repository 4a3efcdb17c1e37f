package kernel

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"sync"
)

// stateFormat is the version of the state file layout.
const stateFormat = 1

// stateFile is the layout of the persisted state: each product's state is
// kept under its own name.
type stateFile struct {
	Format   int                        `json:"format"`
	Products map[string]json.RawMessage `json:"products"`
}

// stateSlot is one product's state as the store sees it: something it can
// seed, marshal and unmarshal without knowing its type.
type stateSlot interface {
	seed()
	marshal() ([]byte, error)
	unmarshal(data []byte) error
}

// store keeps the data of every product in memory behind one lock and, when
// path is set, writes all of it to path after every change.
type store struct {
	mu    sync.Mutex
	path  string
	slots map[string]stateSlot
}

func newStore(path string) *store {
	return &store{path: path, slots: make(map[string]stateSlot)}
}

// add registers the state of the named product; it must be called before load.
func (st *store) add(name string, slot stateSlot) error {
	st.mu.Lock()
	defer st.mu.Unlock()
	if _, dup := st.slots[name]; dup {
		return fmt.Errorf("product %q registers its state twice", name)
	}
	slot.seed()
	st.slots[name] = slot
	return nil
}

// load reads the state file if there is one. A missing file leaves the
// seeded state; an unreadable or corrupt one is an error naming the file.
// Products absent from the file keep their seeded state.
func (st *store) load() error {
	if st.path == "" {
		return nil
	}
	raw, err := os.ReadFile(st.path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read state file %s: %w", st.path, err)
	}
	var file stateFile
	if err := json.Unmarshal(raw, &file); err != nil {
		return fmt.Errorf("state file %s is corrupt: %w", st.path, err)
	}
	if file.Format != stateFormat {
		return fmt.Errorf("state file %s has format %d, want %d", st.path, file.Format, stateFormat)
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	for name, slot := range st.slots {
		data, ok := file.Products[name]
		if !ok {
			continue
		}
		if err := slot.unmarshal(data); err != nil {
			return fmt.Errorf("state file %s is corrupt: product %q: %w", st.path, name, err)
		}
	}
	return nil
}

// reset puts every product back to its seeded state and persists it.
func (st *store) reset() error {
	st.mu.Lock()
	defer st.mu.Unlock()
	for _, slot := range st.slots {
		slot.seed()
	}
	return st.persistLocked()
}

// flush writes the current state to the state file, if any.
func (st *store) flush() error {
	st.mu.Lock()
	defer st.mu.Unlock()
	return st.persistLocked()
}

// persistLocked writes the whole state atomically; st.mu must be held.
func (st *store) persistLocked() error {
	if st.path == "" {
		return nil
	}
	file := stateFile{Format: stateFormat, Products: make(map[string]json.RawMessage, len(st.slots))}
	for name, slot := range st.slots {
		data, err := slot.marshal()
		if err != nil {
			return fmt.Errorf("encode state of %q: %w", name, err)
		}
		file.Products[name] = data
	}
	data, err := json.MarshalIndent(file, "", "  ")
	if err != nil {
		return fmt.Errorf("encode state: %w", err)
	}
	if err := writeFileAtomic(st.path, append(data, '\n')); err != nil {
		return fmt.Errorf("save state: %w", err)
	}
	return nil
}
