package dev.tenantry.app.testmode;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A seed file (issue 14): the directories, users, groups, applications and subscriptions a test starts from, in YAML or
 * JSON with one schema. Every list may be left out. Names ({@code name}, {@code userName}) are how the file's entries
 * refer to each other and how a test asks for them. An {@code id} (a GUID) fixes the id of what an entry makes, so it is
 * the same on every run; without one the server makes it. See docs/seed-file.md.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Seed(List<TenantSeed> tenants) {

    public Seed {
        tenants = listOf(tenants);
    }

    /** An absent list as an empty one. */
    static <T> List<T> listOf(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    /**
     * A directory: {@code name} is the test's handle for it, {@code domainPrefix} makes the initial domain
     * ({@code <prefix>.onmicrosoft.test}), {@code admin} is its first user (Global Administrator).
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record TenantSeed(
            String name,
            String id,
            String organization,
            String domainPrefix,
            String countryCode,
            UserSeed admin,
            List<UserSeed> users,
            List<GroupSeed> groups,
            List<ApplicationSeed> applications,
            List<CloudSubscriptionSeed> cloudSubscriptions,
            List<SuiteSubscriptionSeed> suiteSubscriptions,
            List<GuestSeed> guests,
            List<TokenLifetimePolicySeed> tokenLifetimePolicies) {

        public TenantSeed {
            guests = listOf(guests);
            tokenLifetimePolicies = listOf(tokenLifetimePolicies);
            users = listOf(users);
            groups = listOf(groups);
            applications = listOf(applications);
            cloudSubscriptions = listOf(cloudSubscriptions);
            suiteSubscriptions = listOf(suiteSubscriptions);
        }
    }

    /**
     * A member user: {@code userName} is the alias before {@code @domain}; {@code roles} are directory role names
     * ({@code User Administrator}); {@code usageLocation} is needed for licences. {@code passwordHash} instead of
     * {@code password} gives the stored hash itself: Argon2id in the server's PHC format, or in test mode the test hash.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record UserSeed(
            String userName,
            String id,
            String displayName,
            String password,
            String passwordHash,
            String givenName,
            String surname,
            Boolean accountEnabled,
            String usageLocation,
            String jobTitle,
            List<String> roles) {

        public UserSeed {
            roles = listOf(roles);
        }
    }

    /**
     * A security group; {@code members} and {@code owners} name users of the same directory by userName,
     * {@code memberGroups} other groups of the directory (nested groups) by displayName.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record GroupSeed(
            String displayName,
            String id,
            String mailNickname,
            String description,
            List<String> members,
            List<String> owners,
            List<String> memberGroups) {

        public GroupSeed {
            members = listOf(members);
            owners = listOf(owners);
            memberGroups = listOf(memberGroups);
        }
    }

    /**
     * An app registration with a service principal: {@code secret} true (the default) adds a client secret, which the
     * extension and {@code seed load} report; {@code id} fixes the application's object id, {@code appId} its client
     * id and {@code servicePrincipalId} its service principal's object id; {@code graphPermissions} are Microsoft Graph application permissions
     * ({@code User.Read.All}) granted by the directory's administrator.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ApplicationSeed(
            String name,
            String id,
            String appId,
            String servicePrincipalId,
            String displayName,
            Boolean secret,
            String groupMembershipClaims,
            List<String> graphPermissions,
            RedirectUrisSeed redirectUris,
            List<CertificateSeed> certificates,
            List<String> delegatedPermissions,
            List<UserConsentSeed> userConsents,
            List<AppRoleSeed> appRoles,
            Boolean appRoleAssignmentRequired,
            List<AppRoleAssignmentSeed> appRoleAssignments,
            List<String> identifierUris,
            ApiSeed api,
            List<RequiredResourceAccessSeed> requiredResourceAccess,
            List<ApiPermissionSeed> apiPermissions,
            List<FederatedCredentialSeed> federatedIdentityCredentials) {

        public ApplicationSeed {
            graphPermissions = listOf(graphPermissions);
            certificates = listOf(certificates);
            delegatedPermissions = listOf(delegatedPermissions);
            userConsents = listOf(userConsents);
            appRoles = listOf(appRoles);
            appRoleAssignments = listOf(appRoleAssignments);
            identifierUris = listOf(identifierUris);
            requiredResourceAccess = listOf(requiredResourceAccess);
            apiPermissions = listOf(apiPermissions);
            federatedIdentityCredentials = listOf(federatedIdentityCredentials);
        }
    }

    /**
     * An app role the application defines (Graph's {@code appRole}): {@code allowedMemberTypes} {@code User} and/or
     * {@code Application}; {@code isEnabled} defaults to true; {@code id} is made when left out.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record AppRoleSeed(
            String id,
            String value,
            String displayName,
            String description,
            List<String> allowedMemberTypes,
            Boolean isEnabled) {

        public AppRoleSeed {
            allowedMemberTypes = listOf(allowedMemberTypes);
        }
    }

    /**
     * One of the application's app roles ({@code role}: its value or id; left out, the default access role) held by a
     * user ({@code user}: userName), a group ({@code group}: displayName) or another application's service principal
     * ({@code app}: name), or a managed identity: a user-assigned one ({@code identity}) or a host's system-assigned
     * one ({@code host}), each as {@code subscription/resourceGroup/name} (the subscription by its name in the file) —
     * Graph's {@code appRoleAssignedTo} of the application's service principal.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record AppRoleAssignmentSeed(
            String role, String user, String group, String app, String identity, String host) {}

    /**
     * What the application exposes besides its {@code identifierUris} (Graph's {@code api}): its delegated permissions
     * and the version of the access tokens issued for it (1 or 2).
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ApiSeed(Integer requestedAccessTokenVersion, List<PermissionScopeSeed> oauth2PermissionScopes) {

        public ApiSeed {
            oauth2PermissionScopes = listOf(oauth2PermissionScopes);
        }
    }

    /** A delegated permission an API offers (Graph's {@code permissionScope}); {@code type} {@code User} or {@code Admin}. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record PermissionScopeSeed(
            String id,
            String value,
            String type,
            String adminConsentDisplayName,
            String adminConsentDescription,
            String userConsentDisplayName,
            String userConsentDescription,
            Boolean isEnabled) {}

    /**
     * The permissions the application asks for on one resource (Graph's {@code requiredResourceAccess}): the resource
     * is an application of the seed ({@code app}: name) or any client id ({@code resourceAppId}).
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record RequiredResourceAccessSeed(
            String app, String resourceAppId, List<ResourceAccessSeed> resourceAccess) {

        public RequiredResourceAccessSeed {
            resourceAccess = listOf(resourceAccess);
        }
    }

    /** One permission asked for: its id and {@code type} {@code Scope} (delegated) or {@code Role} (application). */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ResourceAccessSeed(String id, String type) {}

    /**
     * Delegated permissions ({@code scopes}) of an API of the seed ({@code api}: the application's name) granted to this
     * application: for every user, or for one user ({@code user}: userName).
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ApiPermissionSeed(String api, String user, List<String> scopes) {

        public ApiPermissionSeed {
            scopes = listOf(scopes);
        }
    }

    /**
     * A federated identity credential (Graph's {@code federatedIdentityCredential}): tokens of {@code issuer} for
     * {@code subject} with one of {@code audiences} (default {@code api://AzureADTokenExchange}) prove the application.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record FederatedCredentialSeed(
            String id, String name, String issuer, String subject, List<String> audiences, String description) {}

    /**
     * A token lifetime policy of the directory (Graph's {@code tokenLifetimePolicy}): {@code definition} is Graph's one
     * JSON string; {@code appliesTo} names the applications it is assigned to.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record TokenLifetimePolicySeed(
            String id, String displayName, Boolean isOrganizationDefault, String definition, List<String> appliesTo) {

        public TokenLifetimePolicySeed {
            appliesTo = listOf(appliesTo);
        }
    }

    /** An application's redirect URIs per platform, as Graph's {@code web}, {@code spa} and {@code publicClient}. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record RedirectUrisSeed(List<String> web, List<String> spa, List<String> publicClient) {

        public RedirectUrisSeed {
            web = listOf(web);
            spa = listOf(spa);
            publicClient = listOf(publicClient);
        }
    }

    /**
     * A certificate of an application (a Graph {@code keyCredential}): {@code pem} is the public X.509 certificate in
     * PEM; {@code keyId} fixes its key id.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record CertificateSeed(String pem, String keyId, String displayName) {}

    /** Delegated permissions ({@code scopes}) one user ({@code user}: userName) consented to for the application. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record UserConsentSeed(String user, List<String> scopes) {

        public UserConsentSeed {
            scopes = listOf(scopes);
        }
    }

    /**
     * A guest: the user {@code user} (userName) of the seed's directory {@code from} (its name), invited into this
     * directory and already redeemed. {@code id} fixes the guest object's id.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record GuestSeed(String user, String from, String id, String displayName) {}

    /**
     * A cloud (Azure) subscription signed up for by {@code owner} (a userName; default the admin), who becomes account
     * administrator and Owner; {@code offer} defaults to Pay-As-You-Go ({@code MS-AZR-0003P}).
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record CloudSubscriptionSeed(
            String name,
            String id,
            String displayName,
            String offer,
            String owner,
            List<ResourceGroupSeed> resourceGroups,
            List<RoleAssignmentSeed> roleAssignments) {

        public CloudSubscriptionSeed {
            resourceGroups = listOf(resourceGroups);
            roleAssignments = listOf(roleAssignments);
        }
    }

    /** A resource group, with the user-assigned managed identities and compute hosts in it. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ResourceGroupSeed(
            String name,
            String location,
            Map<String, String> tags,
            List<IdentitySeed> userAssignedIdentities,
            List<HostSeed> hosts) {

        public ResourceGroupSeed {
            userAssignedIdentities = listOf(userAssignedIdentities);
            hosts = listOf(hosts);
        }
    }

    /**
     * A user-assigned managed identity ({@code Microsoft.ManagedIdentity/userAssignedIdentities}); {@code principalId}
     * fixes its service principal's object id, {@code clientId} its client id; {@code location} defaults to its group's.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record IdentitySeed(
            String name, String principalId, String clientId, String location, Map<String, String> tags) {}

    /**
     * A compute host ({@code Tenantry.Compute/hosts}): {@code systemAssigned} gives it a system-assigned identity
     * ({@code principalId}, {@code clientId} fix its ids); {@code userAssignedIdentities} names user-assigned ones: a
     * name in the same resource group, {@code group/name} in another group of the subscription, or an ARM resource id.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record HostSeed(
            String name,
            String location,
            Map<String, String> tags,
            Boolean systemAssigned,
            String principalId,
            String clientId,
            List<String> userAssignedIdentities) {

        public HostSeed {
            userAssignedIdentities = listOf(userAssignedIdentities);
        }
    }

    /**
     * An Azure role ({@code Reader}, {@code Contributor}, {@code Owner}, {@code User Access Administrator}) for a user
     * ({@code user}: userName), a group ({@code group}: displayName) or an application's service principal
     * ({@code app}: name), or a managed identity (user-assigned: {@code identity}; a host's system-assigned one:
     * {@code host}) as {@code resourceGroup/name} in this subscription or {@code subscription/resourceGroup/name}, at the
     * subscription or at one of its resource groups ({@code resourceGroup}).
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record RoleAssignmentSeed(
            String role, String user, String group, String app, String resourceGroup, String identity, String host) {}

    /** A suite (Microsoft 365) subscription bought by the admin; {@code licensedUsers} get a licence of its SKU. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record SuiteSubscriptionSeed(
            String sku, String id, Integer seats, Boolean trial, List<String> licensedUsers) {

        public SuiteSubscriptionSeed {
            licensedUsers = listOf(licensedUsers);
        }
    }
}
