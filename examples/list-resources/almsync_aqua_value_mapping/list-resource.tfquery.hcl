# The value mappings of sync 3.
list "almsync_aqua_value_mapping" "sync_3" {
  provider         = almsync
  include_resource = true
  config {
    sync_id = "3"
  }
}
