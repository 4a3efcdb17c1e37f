package jira

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

// The shapes below are Jira's JSON where it differs from the types callers
// get. Each type decoded from an answer has a check method that rejects JSON
// that parses but is not what Jira sends (a proxy's {"status": "ok"}, say).

// listWrapper is Jira's {size, items} list, as in the expanded groups and
// application roles of a user.
type listWrapper[T any] struct {
	Size  int `json:"size"`
	Items []T `json:"items"`
}

// userWire is the JSON of GET /rest/api/2/myself.
type userWire struct {
	AccountID        string                   `json:"accountId"`
	AccountType      string                   `json:"accountType"`
	Key              string                   `json:"key"`
	Name             string                   `json:"name"`
	EmailAddress     string                   `json:"emailAddress"`
	DisplayName      string                   `json:"displayName"`
	TimeZone         string                   `json:"timeZone"`
	Active           bool                     `json:"active"`
	Groups           listWrapper[groupWire]   `json:"groups"`
	ApplicationRoles listWrapper[appRoleWire] `json:"applicationRoles"`
}

type groupWire struct {
	Name string `json:"name"`
}

type appRoleWire struct {
	Key  string `json:"key"`
	Name string `json:"name"`
}

func (u *userWire) check() error {
	if u.AccountID == "" && u.Key == "" && u.Name == "" {
		return errors.New("the user has neither accountId nor key nor name")
	}
	return nil
}

// user converts the JSON to a User, flattening groups and roles to names
// and keys.
func (u *userWire) user() User {
	out := User{
		AccountID:    u.AccountID,
		AccountType:  u.AccountType,
		Key:          u.Key,
		Name:         u.Name,
		EmailAddress: u.EmailAddress,
		DisplayName:  u.DisplayName,
		TimeZone:     u.TimeZone,
		Active:       u.Active,
	}
	for _, g := range u.Groups.Items {
		out.Groups = append(out.Groups, g.Name)
	}
	for _, r := range u.ApplicationRoles.Items {
		out.ApplicationRoles = append(out.ApplicationRoles, r.Key)
	}
	return out
}

// permissionsWire is the JSON of GET /rest/api/2/mypermissions.
type permissionsWire struct {
	Permissions map[string]Permission `json:"permissions"`
}

func (p *permissionsWire) check() error {
	if p.Permissions == nil {
		return errors.New(`the "permissions" member is missing`)
	}
	return nil
}

func (s *ServerInfo) check() error {
	if s.Version == "" {
		return errors.New(`the "version" member is missing: this is not Jira's serverInfo`)
	}
	return nil
}

func (p *Project) check() error {
	if p.ID == "" || p.Key == "" {
		return errors.New(`the project has no "id" or "key"`)
	}
	return nil
}

// resolutionsWire is the JSON of GET /rest/api/2/resolution.
type resolutionsWire []Resolution

func (r *resolutionsWire) check() error {
	for i, res := range *r {
		if res.ID == "" || res.Name == "" {
			return fmt.Errorf("resolution %d has no id or name", i)
		}
	}
	return nil
}

// resolutionPageWire is the JSON of GET /rest/api/2/resolution/search,
// Jira's PageBeanResolutionJsonBean: a page of resolutions with its place
// in the whole list.
type resolutionPageWire struct {
	Self       string               `json:"self"`
	NextPage   string               `json:"nextPage"`
	MaxResults int                  `json:"maxResults"`
	StartAt    int                  `json:"startAt"`
	Total      int                  `json:"total"`
	IsLast     bool                 `json:"isLast"`
	Values     []resolutionBeanWire `json:"values"`
}

// resolutionBeanWire is one resolution of a page, Jira's
// ResolutionJsonBean.
type resolutionBeanWire struct {
	Self        string `json:"self"`
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
	IconURL     string `json:"iconUrl"`
	Default     bool   `json:"default"`
}

func (r resolutionBeanWire) resolution() Resolution {
	return Resolution{ID: r.ID, Name: r.Name, Description: r.Description}
}

func (p *resolutionPageWire) check() error {
	if p.Values == nil {
		return errors.New(`the "values" member is missing: this is not a page of Jira resolutions`)
	}
	for i, res := range p.Values {
		if res.ID == "" || res.Name == "" {
			return fmt.Errorf("resolution %d of the page at %d has no id or name", i, p.StartAt)
		}
	}
	return nil
}

// serviceDeskInfoWire is the JSON of GET /rest/servicedeskapi/info.
type serviceDeskInfoWire struct {
	Version          string   `json:"version"`
	PlatformVersion  string   `json:"platformVersion"`
	BuildDate        dateWire `json:"buildDate"`
	BuildChangeSet   string   `json:"buildChangeSet"`
	IsLicensedForUse bool     `json:"isLicensedForUse"`
}

func (s *serviceDeskInfoWire) check() error {
	if s.Version == "" {
		return errors.New(`the "version" member is missing: this is not Jira Service Management's info`)
	}
	return nil
}

func (s *serviceDeskInfoWire) info() ServiceDeskInfo {
	return ServiceDeskInfo{
		Version:          s.Version,
		PlatformVersion:  s.PlatformVersion,
		BuildDate:        s.BuildDate.ISO8601,
		BuildChangeSet:   s.BuildChangeSet,
		IsLicensedForUse: s.IsLicensedForUse,
	}
}

// dateWire is Jira Service Management's DateDTO, {"iso8601", "jira",
// "friendly", "epochMillis"}; a plain string is taken as the ISO 8601 form.
type dateWire struct {
	ISO8601 string `json:"iso8601"`
}

// UnmarshalJSON accepts the DateDTO object, a string or null.
func (d *dateWire) UnmarshalJSON(data []byte) error {
	data = bytes.TrimSpace(data)
	if len(data) > 0 && data[0] == '"' {
		return json.Unmarshal(data, &d.ISO8601)
	}
	type plain dateWire
	return json.Unmarshal(data, (*plain)(d))
}
