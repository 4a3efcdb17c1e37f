# The Defect field mappings of sync 3.
list "almsync_aqua_field_mapping" "defects" {
  provider         = almsync
  include_resource = true
  config {
    sync_id   = "3"
    item_type = "Defect"
  }
}
