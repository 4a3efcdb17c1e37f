package tfbench

// kind is one of the three resource types compared.
type kind int

const (
	kindAlmsync kind = iota // almsync_jama_connector against the sandbox
	kindNoop                // noop_jama_connector: same schema, no I/O
	kindData                // terraform_data, built into Terraform
	numKinds
)

// allKinds lists the kinds in report order.
var allKinds = [numKinds]kind{kindAlmsync, kindNoop, kindData}

// String is the kind's label in the report.
func (k kind) String() string {
	switch k {
	case kindAlmsync:
		return "almsync"
	case kindNoop:
		return "noop"
	case kindData:
		return "terraform_data"
	}
	return "unknown"
}

// resourceType is the Terraform resource type of the kind.
func (k kind) resourceType() string {
	switch k {
	case kindAlmsync:
		return "almsync_jama_connector"
	case kindNoop:
		return "noop_jama_connector"
	}
	return "terraform_data"
}

// roundOrder is the order of the kinds in round r: the starting kind
// rotates, so no kind always runs first or right after another.
func roundOrder(r int) [numKinds]kind {
	var order [numKinds]kind
	for i := range order {
		order[i] = allKinds[(r+i)%int(numKinds)]
	}
	return order
}
