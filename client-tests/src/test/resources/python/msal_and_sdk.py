"""MSAL Python and the Python Azure SDK against Tenantry under Microsoft's own host names (issue 12).

Run by PythonClientsCompatIT with Debian's /usr/bin/python3, where login.microsoftonline.com, graph.microsoft.com and
management.azure.com resolve to the server and REQUESTS_CA_BUNDLE trusts its local CA: no authority, endpoint or
instance-discovery setting is passed to any client. Reads TENANT, USER, PASSWORD, APP_ID, SECRET, SUBSCRIPTION and
PRINCIPAL from the environment; prints one JSON object of results; a failing step raises, so the exit code is not 0.
"""
import json
import os
import sys
import uuid

import msal
from azure.identity import ClientSecretCredential
from azure.mgmt.authorization import AuthorizationManagementClient
from azure.mgmt.resource import ResourceManagementClient, SubscriptionClient

env = os.environ
tenant, subscription = env["TENANT"], env["SUBSCRIPTION"]
authority = "https://login.microsoftonline.com/" + tenant
graph = ["https://graph.microsoft.com/.default"]
arm = ["https://management.core.windows.net//.default"]
result = {}

# MSAL Python: password, then silent from the cache, then silent for another resource (refresh token)
public = msal.PublicClientApplication("04b07795-8ddb-461a-bbee-02f9e1bf7b46", authority=authority)
password = public.acquire_token_by_username_password(env["USER"], env["PASSWORD"], scopes=graph)
assert "access_token" in password, password
accounts = public.get_accounts(username=env["USER"])
assert accounts, "no account cached after the password grant"
silent = public.acquire_token_silent(graph, account=accounts[0])
assert silent and silent["access_token"] == password["access_token"], "silent did not come from the cache"
other = public.acquire_token_silent(arm, account=accounts[0])
assert other and "access_token" in other, other
result["msal_password"] = True
result["msal_silent_cached"] = True
result["msal_silent_other_resource"] = other["access_token"] != password["access_token"]

# MSAL Python: client credentials; 1.21 looks in the cache only through acquire_token_silent(account=None)
confidential = msal.ConfidentialClientApplication(env["APP_ID"], client_credential=env["SECRET"], authority=authority)
assert confidential.acquire_token_silent(graph, account=None) is None, "a token before any was asked for"
first = confidential.acquire_token_for_client(scopes=graph)
assert "access_token" in first, first
cached = confidential.acquire_token_silent(graph, account=None)
assert cached and cached["access_token"] == first["access_token"], cached
result["msal_client_credentials"] = True
result["msal_client_credentials_cached"] = True

# azure-identity's ClientSecretCredential with the management SDKs
credential = ClientSecretCredential(tenant, env["APP_ID"], env["SECRET"])
subscriptions = [s.subscription_id for s in SubscriptionClient(credential).subscriptions.list()]
assert subscription in subscriptions, subscriptions
result["sdk_subscriptions"] = subscriptions

resources = ResourceManagementClient(credential, subscription)
name = "py-" + uuid.uuid4().hex[:8]
created = resources.resource_groups.create_or_update(name, {"location": "westeurope", "tags": {"by": "python"}})
assert created.name == name, created
listed = [g.name for g in resources.resource_groups.list()]
assert name in listed, listed
assert resources.resource_groups.check_existence(name)
resources.resource_groups.begin_delete(name).result()
assert name not in [g.name for g in resources.resource_groups.list()]
result["sdk_resource_groups"] = True

authorization = AuthorizationManagementClient(credential, subscription)
scope = "/subscriptions/" + subscription
reader = "acdd72a7-3385-48ef-bd42-f606fba81ae7"
assignment = str(uuid.uuid4())
made = authorization.role_assignments.create(scope, assignment, {
    "role_definition_id": scope + "/providers/Microsoft.Authorization/roleDefinitions/" + reader,
    "principal_id": env["PRINCIPAL"],
    "principal_type": "User",
})
assert made.name == assignment, made
names = [a.name for a in authorization.role_assignments.list_for_scope(scope)]
assert assignment in names, names
authorization.role_assignments.delete(scope, assignment)
assert assignment not in [a.name for a in authorization.role_assignments.list_for_scope(scope)]
result["sdk_role_assignments"] = True

json.dump(result, sys.stdout)
print()
