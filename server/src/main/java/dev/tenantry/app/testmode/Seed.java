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
            List<GuestSeed> guests) {

        public TenantSeed {
            guests = listOf(guests);
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

    /** A security group; {@code members} and {@code owners} name users of the same directory by userName. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record GroupSeed(
            String displayName,
            String id,
            String mailNickname,
            String description,
            List<String> members,
            List<String> owners) {

        public GroupSeed {
            members = listOf(members);
            owners = listOf(owners);
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
            List<UserConsentSeed> userConsents) {

        public ApplicationSeed {
            graphPermissions = listOf(graphPermissions);
            certificates = listOf(certificates);
            delegatedPermissions = listOf(delegatedPermissions);
            userConsents = listOf(userConsents);
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

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ResourceGroupSeed(String name, String location, Map<String, String> tags) {}

    /**
     * An Azure role ({@code Reader}, {@code Contributor}, {@code Owner}, {@code User Access Administrator}) for a user
     * ({@code user}: userName), a group ({@code group}: displayName) or an application's service principal
     * ({@code app}: name), at the subscription or at one of its resource groups ({@code resourceGroup}).
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record RoleAssignmentSeed(String role, String user, String group, String app, String resourceGroup) {}

    /** A suite (Microsoft 365) subscription bought by the admin; {@code licensedUsers} get a licence of its SKU. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record SuiteSubscriptionSeed(
            String sku, String id, Integer seats, Boolean trial, List<String> licensedUsers) {

        public SuiteSubscriptionSeed {
            licensedUsers = listOf(licensedUsers);
        }
    }
}
