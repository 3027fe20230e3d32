"""Reads a file's Content Credentials with the c2pa-python package's Reader,
a code path apart from Retake's, and prints what the tests check as JSON:
{"state", "codes", "active"}; {"error": ...} when the store cannot be read.

    read_c2pa.py FILE
"""
import json
import sys

import c2pa

try:
    store = json.loads(c2pa.Reader(sys.argv[1]).json())
except Exception as e:  # the reader's own error: a damaged or missing store
    print(json.dumps({"error": str(e)}))
    sys.exit(0)
active = store["manifests"][store["active_manifest"]]
print(json.dumps({
    "state": store.get("validation_state"),
    "codes": [s["code"] for s in store.get("validation_status", [])],
    "active": active,
}))
