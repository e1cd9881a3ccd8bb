#!/bin/sh
# Run by AzureCliCompatIT inside `unshare --mount`: the README's 'sudo tenantry trust --apply' for real (the system CA
# store, update-ca-certificates, /etc/hosts, /etc/profile.d, /usr/local/share), each on a private copy, so the machine
# itself is untouched; then 'az login' with nothing else configured, then 'trust --remove'.
# Arguments: JAVA JAR DATA UPN PASSWORD
set -eu
java=$1 jar=$2 data=$3 upn=$4 password=$5
copies=""
cleanup() {
    for copy in $copies; do rm -rf "$copy"; done
}
trap cleanup EXIT
for dir in /etc/ssl/certs /usr/local/share /etc/profile.d; do
    mkdir -p "$dir"
    copy=$(mktemp -d)
    copies="$copies $copy"
    cp -a "$dir/." "$copy/"
    mount --bind "$copy" "$dir"
done
copy=$(mktemp)
copies="$copies $copy"
cp /etc/hosts "$copy"
mount --bind "$copy" /etc/hosts

"$java" -jar "$jar" trust --apply --data "$data"
"$java" -jar "$jar" trust --apply --data "$data"
unset REQUESTS_CA_BUNDLE SSL_CERT_FILE NODE_EXTRA_CA_CERTS CURL_CA_BUNDLE
AZURE_CONFIG_DIR=$(mktemp -d)
copies="$copies $AZURE_CONFIG_DIR"
export AZURE_CONFIG_DIR
az login -u "$upn" -p "$password" -o json
"$java" -jar "$jar" trust --remove
if grep -q 'login.microsoftonline.com' /etc/hosts; then
    echo "trust --remove left the hosts line" >&2
    exit 1
fi
