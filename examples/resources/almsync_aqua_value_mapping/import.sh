# By the sync's id and the mapped field:
terraform import almsync_aqua_value_mapping.resolution 3/field=resolution

# By <sync_id>/<mapping_id>:
terraform import almsync_aqua_value_mapping.resolution 3/4
