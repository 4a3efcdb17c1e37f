package acctest

// The sandbox's seeded Harmony objects (see the README's sandbox table).
const (
	// JitterbitDevEnvironment is environment 201 "Development", the
	// default environment of ProviderConfig's jitterbit block.
	JitterbitDevEnvironment = "201"
	// JitterbitProdEnvironment is environment 202 "Production".
	JitterbitProdEnvironment = "202"
	// JitterbitJSMProject is project "JSM Integration" (project ID 1001),
	// in environments 201 and 202.
	JitterbitJSMProject = "9a87b6c5-a1b2-34c5-6d7e-123456a7b001"
	// JitterbitServiceDeskProject is project "Service Desk Sync" (project
	// ID 1002), in environment 201 only.
	JitterbitServiceDeskProject = "9a87b6c5-a1b2-34c5-6d7e-123456a7b002"
)
