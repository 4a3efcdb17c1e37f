package kernel

import (
	"encoding/json"
	"testing"
)

type record struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

func TestCollection(t *testing.T) {
	var c Collection[record]
	for _, name := range []string{"a", "b", "c"} {
		c.Insert(func(id int64) record { return record{ID: id, Name: name} })
	}
	if !c.Remove(2) || c.Remove(2) {
		t.Error("remove must succeed once")
	}
	if c.Replace(2, record{}) {
		t.Error("replace of a removed record succeeded")
	}
	if got := c.Insert(func(id int64) record { return record{ID: id, Name: "d"} }); got.ID != 4 {
		t.Errorf("id after removal = %d, want 4 (never reused)", got.ID)
	}
	if id, r, ok := c.Find(func(_ int64, r record) bool { return r.Name == "c" }); !ok || id != 3 || r.ID != 3 {
		t.Errorf("find = %d %+v %v", id, r, ok)
	}

	data, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	// Unmarshalling replaces, never merges.
	var back Collection[record]
	back.Insert(func(id int64) record { return record{ID: id, Name: "stale"} })
	back.Insert(func(id int64) record { return record{ID: id, Name: "stale"} })
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	names := ""
	for _, r := range back.List() {
		names += r.Name
	}
	if names != "acd" || back.lastID != 4 {
		t.Errorf("round trip: names %q, lastID %d (from %s)", names, back.lastID, data)
	}

	// A counter behind the highest id is repaired.
	if err := json.Unmarshal([]byte(`{"last_id": 1, "items": {"9": {"id": 9}}}`), &back); err != nil {
		t.Fatal(err)
	}
	if back.lastID != 9 {
		t.Errorf("lastID = %d, want 9", back.lastID)
	}
	if err := json.Unmarshal([]byte(`{"items": {"0": {}}}`), &back); err == nil {
		t.Error("id 0 accepted")
	}
	var empty Collection[record]
	if data, err := json.Marshal(empty); err != nil || string(data) != `{"last_id":0,"items":{}}` {
		t.Errorf("empty collection = %s, %v", data, err)
	}
}
