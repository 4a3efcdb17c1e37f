# By id:
terraform import almsync_jitterbit_jsm_connection.basic 7

# By project and name (compared without regard to case):
terraform import almsync_jitterbit_jsm_connection.basic "1001/name=JSM Cloud"
