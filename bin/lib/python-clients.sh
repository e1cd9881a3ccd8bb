# Sourced by bin/test: makes sure Debian's Azure CLI, MSAL Python and Python Azure SDK are there for the Python
# compatibility tests (client-tests AzureCliCompatIT, PythonSdkCompatIT). Only Debian's packages, and only when we are
# root and apt-get exists. Without them those tests skip (JUnit assumptions) and this says so.

tenantry_python_clients() {
    local packages="azure-cli python3-msal python3-azure"
    if ! tenantry_python_clients_present && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "python clients: installing Debian's $packages for the compatibility tests" >&2
        if ! { apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
            $packages >/dev/null; }; then
            echo "python clients: apt-get could not install $packages" >&2
        fi
    fi
    if tenantry_python_clients_present; then
        local version
        version=$(dpkg-query -W -f '${Version}' azure-cli 2>/dev/null || true)
        echo "python clients: azure-cli ${version:-(unknown version)}, python3-msal, python3-azure" >&2
    else
        echo "python clients: not installed ($packages), skipping the Azure CLI and Python SDK tests" >&2
    fi
}

tenantry_python_clients_present() {
    [ -x /usr/bin/az ] && [ -x /usr/bin/python3 ] &&
        /usr/bin/python3 -c 'import msal, azure.identity, azure.mgmt.resource, azure.mgmt.authorization' 2>/dev/null
}
