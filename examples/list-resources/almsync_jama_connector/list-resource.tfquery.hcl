# Every Interchange connector whose name starts with "Production"
# (compared without regard to case), with the full resource, for
# `terraform query -generate-config-out=generated.tf`.
list "almsync_jama_connector" "production" {
  provider         = almsync
  include_resource = true
  config {
    name_prefix = "Production"
  }
}
