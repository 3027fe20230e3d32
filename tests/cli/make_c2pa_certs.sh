#!/bin/sh
# A test certificate chain for Content Credentials, made with openssl as the
# C2PA certificate profile asks: a root CA, an intermediate CA and an ES256
# (P-256) signer with digitalSignature and emailProtection, subject and
# authority key identifiers. Also a signer certificate that expired in 2021
# and a second key that matches no certificate.
#
#   tests/cli/make_c2pa_certs.sh DIR
# writes DIR/root.pem, chain.pem (signer + intermediate), signer.key,
# expired_chain.pem, other.key.
set -eu
cd "$1"
cat > ext.cnf <<'X'
[root]
basicConstraints=critical,CA:TRUE
keyUsage=critical,keyCertSign,cRLSign
subjectKeyIdentifier=hash
[inter]
basicConstraints=critical,CA:TRUE,pathlen:0
keyUsage=critical,keyCertSign,cRLSign
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid:always
[signer]
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=emailProtection
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid:always
X
key() { openssl ecparam -name prime256v1 -genkey -noout | openssl pkcs8 -topk8 -nocrypt -out "$1"; }
key root.key
openssl req -x509 -new -key root.key -sha256 -days 3650 -subj "/CN=Retake Test Root/O=Retake Tests" \
  -config ext.cnf -extensions root -out root.pem 2>/dev/null
key inter.key
openssl req -new -key inter.key -subj "/CN=Retake Test Intermediate/O=Retake Tests" -out inter.csr
openssl x509 -req -in inter.csr -CA root.pem -CAkey root.key -CAcreateserial -days 3650 -sha256 \
  -extfile ext.cnf -extensions inter -out inter.pem 2>/dev/null
key signer.key
openssl req -new -key signer.key -subj "/CN=Retake Test Signer/O=Retake Tests" -out signer.csr
openssl x509 -req -in signer.csr -CA inter.pem -CAkey inter.key -CAcreateserial -days 365 -sha256 \
  -extfile ext.cnf -extensions signer -out signer.pem 2>/dev/null
cat signer.pem inter.pem > chain.pem
# Expired: `openssl ca` takes explicit dates (x509 -req only counts days from now).
mkdir -p ca
: > ca/index.txt
echo 1000 > ca/serial
cat > ca.cnf <<'X'
[ca]
default_ca = test
[test]
dir = ./ca
database = $dir/index.txt
serial = $dir/serial
new_certs_dir = $dir
default_md = sha256
policy = any
unique_subject = no
[any]
commonName = supplied
organizationName = optional
X
openssl ca -batch -notext -config ca.cnf -cert inter.pem -keyfile inter.key \
  -startdate 20200101000000Z -enddate 20210101000000Z -in signer.csr -out expired.pem \
  -extfile ext.cnf -extensions signer 2>/dev/null
cat expired.pem inter.pem > expired_chain.pem
key other.key
