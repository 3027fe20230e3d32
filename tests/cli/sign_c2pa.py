"""Signs a file with the c2pa-python package, as a camera or another tool
would, so the tests meet media that already carries Content Credentials.

    sign_c2pa.py IN OUT CHAIN.pem KEY.pem MIME
"""
import sys

import c2pa

source, target, chain, key, mime = sys.argv[1:6]
signer = c2pa.Signer.from_info(
    c2pa.C2paSignerInfo(b"es256", open(chain, "rb").read(), open(key, "rb").read(), None))
builder = c2pa.Builder({
    "claim_generator_info": [{"name": "Test Camera", "version": "1.0"}],
    "title": "camera original",
    "assertions": [{"label": "c2pa.actions", "data": {"actions": [{
        "action": "c2pa.created",
        "digitalSourceType": "http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture"}]}}],
})
with open(source, "rb") as src, open(target, "w+b") as dst:
    builder.sign(signer, mime, src, dst)
