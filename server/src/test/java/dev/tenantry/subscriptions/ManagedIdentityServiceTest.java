package dev.tenantry.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.tenantry.access.RoleDefinition;
import dev.tenantry.directory.GraphPermission;
import dev.tenantry.directory.apps.ServicePrincipal;
import dev.tenantry.identity.grants.ManagedIdentityTokens;
import dev.tenantry.shared.Caller;
import dev.tenantry.shared.DomainException;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.shared.RuleViolationException;
import dev.tenantry.testing.TestDirectories;
import dev.tenantry.testing.TestDirectory;
import dev.tenantry.testing.TestWorld;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Managed identities as service principals, the hosts they are attached to, and their tokens (issue 11). */
class ManagedIdentityServiceTest {

    private static final String BASE = "https://tenantry.test";

    private final TestWorld world = TestWorld.create();
    private final TestDirectory contoso = TestDirectories.contoso().create(world);
    private final Caller.User owner = contoso.adminCaller();
    private final UUID subscriptionId = world.subscriptions()
            .createCloudSubscription(owner, "MS-AZR-0044P", "Trial", null)
            .id();
    private final ManagedIdentityService identities = world.services().managedIdentities();
    private final ComputeHostService hosts = world.services().computeHosts();

    ManagedIdentityServiceTest() {
        world.resourceGroups().createOrUpdate(owner, subscriptionId, "rg-app", "westeurope", Map.of());
    }

    private ManagedIdentity userAssigned(String name) {
        return identities
                .createOrUpdate(owner, subscriptionId, "rg-app", name, "West Europe", Map.of())
                .identity();
    }

    private ComputeHostService.HostView host(boolean system, String... userAssignedIds) {
        return hosts.createOrUpdate(
                        owner,
                        subscriptionId,
                        "rg-app",
                        "web-1",
                        "westeurope",
                        Map.of(),
                        new ComputeHostService.IdentityRequest(system, List.of(userAssignedIds)))
                .host();
    }

    private JWTClaimsSet claims(ManagedIdentityTokens.Issued issued) throws Exception {
        return SignedJWT.parse(issued.accessToken()).getJWTClaimsSet();
    }

    @Test
    void aUserAssignedIdentityIsAManagedIdentityServicePrincipalWithoutApplication() {
        ManagedIdentity identity = userAssigned("id-app");

        ServicePrincipal sp =
                world.services().applications().getServicePrincipal(owner, contoso.id(), identity.principalId());
        assertThat(sp.isManagedIdentity()).isTrue();
        assertThat(sp.isUserAssignedIdentity()).isTrue();
        assertThat(sp.appId()).isEqualTo(identity.clientId());
        assertThat(sp.managedIdentityResourceId())
                .isEqualTo("/subscriptions/" + subscriptionId
                        + "/resourcegroups/rg-app/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-app");
        assertThat(world.services().stores().applications().findByAppId(identity.clientId()))
                .isEmpty();
        assertThat(identity.location()).isEqualTo("westeurope");
    }

    @Test
    void aSecondPutChangesTagsOnly() {
        ManagedIdentity first = userAssigned("id-app");

        var again =
                identities.createOrUpdate(owner, subscriptionId, "RG-APP", "ID-APP", "westeurope", Map.of("a", "b"));

        assertThat(again.created()).isFalse();
        assertThat(again.identity().principalId()).isEqualTo(first.principalId());
        assertThat(identities.list(owner, subscriptionId, null))
                .singleElement()
                .satisfies(found -> assertThat(found.tags()).containsEntry("a", "b"));
    }

    @Test
    void anInvalidNameIsRefused() {
        assertThatThrownBy(() -> userAssigned("x"))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class, e -> assertThat(e.code()).isEqualTo("invalid_identity_name"));
    }

    @Test
    @DisplayName("R14: a Reader of the resource group reads identities but creates none")
    void r14ReaderReadsButDoesNotWrite() {
        userAssigned("id-app");
        Caller.User reader = contoso.member("reader");
        world.access()
                .assign(
                        owner,
                        world.resourceGroups().scope(owner, subscriptionId, "rg-app"),
                        UUID.randomUUID(),
                        RoleDefinition.READER,
                        reader.userId().value());

        assertThat(identities.list(reader, subscriptionId, "rg-app")).hasSize(1);
        assertThatThrownBy(() ->
                        identities.createOrUpdate(reader, subscriptionId, "rg-app", "id-other", "westeurope", Map.of()))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("authorization_failed"));
        assertThatThrownBy(() -> identities.delete(reader, subscriptionId, "rg-app", "id-app"))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("authorization_failed"));
    }

    @Test
    @DisplayName("R14: another directory's user sees no identity of this subscription")
    void r14OtherDirectorySeesNothing() {
        userAssigned("id-app");
        TestDirectory fabrikam = TestDirectories.fabrikam().create(world);

        assertThatThrownBy(() -> identities.list(fabrikam.adminCaller(), subscriptionId, null))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo("subscription_not_found"));
    }

    @Test
    void deletingTheIdentityDeletesItsServicePrincipal() {
        ManagedIdentity identity = userAssigned("id-app");

        assertThat(identities.delete(owner, subscriptionId, "rg-app", "id-app")).isTrue();
        assertThat(identities.delete(owner, subscriptionId, "rg-app", "id-app")).isFalse();
        assertThat(world.services().stores().applications().findServicePrincipal(contoso.id(), identity.principalId()))
                .isEmpty();
    }

    @Test
    void theServicePrincipalOfAManagedIdentityIsNotDeletedThroughGraph() {
        ManagedIdentity identity = userAssigned("id-app");

        assertThatThrownBy(() -> world.services()
                        .applications()
                        .deleteServicePrincipal(owner, contoso.id(), identity.principalId()))
                .isInstanceOf(RuleViolationException.class)
                .hasMessageContaining("Azure Resource Manager");
    }

    @Test
    void aManagedIdentityHoldsArmRoleAssignmentsAsAServicePrincipal() {
        ManagedIdentity identity = userAssigned("id-app");

        var assigned = world.access()
                .assign(
                        owner,
                        world.subscriptions().scope(owner, subscriptionId),
                        UUID.randomUUID(),
                        RoleDefinition.CONTRIBUTOR,
                        identity.principalId());

        assertThat(assigned.assignment().principalType().armName()).isEqualTo("ServicePrincipal");
    }

    @Test
    void aHostsSystemAssignedIdentityComesAndGoesWithIt() {
        var view = host(true);
        ManagedIdentity system = view.systemAssigned().orElseThrow();
        assertThat(system.resourceId())
                .isEqualTo("/subscriptions/" + subscriptionId
                        + "/resourceGroups/rg-app/providers/Tenantry.Compute/hosts/web-1");
        assertThat(world.services()
                        .applications()
                        .getServicePrincipal(owner, contoso.id(), system.principalId())
                        .isUserAssignedIdentity())
                .isFalse();

        var off = host(false);

        assertThat(off.systemAssigned()).isEmpty();
        assertThat(world.services().stores().applications().findServicePrincipal(contoso.id(), system.principalId()))
                .isEmpty();
    }

    @Test
    void aHostNamesUserAssignedIdentitiesByResourceId() {
        ManagedIdentity identity = userAssigned("id-app");

        var view = host(false, identity.resourceId().replace("resourcegroups", "resourceGroups"));

        assertThat(view.userAssigned())
                .extracting(ManagedIdentity::principalId)
                .containsExactly(identity.principalId());
        assertThat(hosts.get(owner, subscriptionId, "rg-app", "WEB-1").userAssigned())
                .hasSize(1);
    }

    @Test
    void anUnknownUserAssignedIdentityIsRefused() {
        assertThatThrownBy(() -> host(false, ManagedIdentity.userAssignedId(subscriptionId, "rg-app", "nope")))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.code())
                        .isEqualTo("user_assigned_identity_not_found"));
    }

    @Test
    void theEndpointIssuesAnAppOnlyTokenForTheSystemAssignedIdentityByDefault() throws Exception {
        ManagedIdentity system = host(true).systemAssigned().orElseThrow();
        String hostId = ComputeHost.id(subscriptionId, "rg-app", "web-1");

        var issued = world.services()
                .managedIdentityTokens()
                .issue(hostId, "https://management.azure.com/", ManagedIdentityTokens.Selector.DEFAULT, BASE);

        JWTClaimsSet claims = claims(issued);
        assertThat(claims.getAudience()).containsExactly("https://management.azure.com/");
        assertThat(claims.getStringClaim("idtyp")).isEqualTo("app");
        assertThat(claims.getStringClaim("oid")).isEqualTo(system.principalId().toString());
        assertThat(claims.getStringClaim("appid")).isEqualTo(system.clientId().toString());
        assertThat(claims.getStringClaim("tid")).isEqualTo(contoso.id().toString());
        assertThat(claims.getStringClaim("xms_mirid")).isEqualTo(hostId);
        assertThat(claims.getIssuer()).isEqualTo(BASE + "/" + contoso.id() + "/v2.0");
    }

    @Test
    void aGraphTokenCarriesTheAppRolesGrantedToTheIdentity() throws Exception {
        ManagedIdentity identity = userAssigned("id-app");
        host(false, identity.resourceId());
        UUID graph = world.services()
                .stores()
                .applications()
                .findServicePrincipalByAppId(
                        contoso.id(), dev.tenantry.directory.apps.ApplicationService.MICROSOFT_GRAPH_APP_ID)
                .orElseThrow()
                .id();
        world.services()
                .applications()
                .grantAppRole(owner, contoso.id(), identity.principalId(), graph, GraphPermission.USER_READ_ALL.id());

        var issued = world.services()
                .managedIdentityTokens()
                .issue(
                        ComputeHost.id(subscriptionId, "rg-app", "web-1"),
                        "https://graph.microsoft.com",
                        new ManagedIdentityTokens.Selector(identity.clientId().toString(), null, null),
                        BASE);

        assertThat(claims(issued).getStringListClaim("roles")).containsExactly("User.Read.All");
        assertThat(claims(issued).getStringClaim("xms_mirid")).isEqualTo(identity.resourceId());
    }

    @Test
    void withoutASystemAssignedIdentityAndSeveralUserAssignedOnesTheRequestMustNameOne() {
        ManagedIdentity one = userAssigned("id-one");
        ManagedIdentity two = userAssigned("id-two");
        host(false, one.resourceId(), two.resourceId());
        String hostId = ComputeHost.id(subscriptionId, "rg-app", "web-1");
        ManagedIdentityTokens tokens = world.services().managedIdentityTokens();

        assertThatThrownBy(() -> tokens.issue(
                        hostId, "https://graph.microsoft.com", ManagedIdentityTokens.Selector.DEFAULT, BASE))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class, e -> assertThat(e.code()).isEqualTo("identity_not_specified"));
        assertThat(tokens.issue(
                                hostId,
                                "https://graph.microsoft.com",
                                new ManagedIdentityTokens.Selector(
                                        null, two.principalId().toString(), null),
                                BASE)
                        .identity())
                .isEqualTo(two);
        assertThat(tokens.issue(
                                hostId,
                                "https://graph.microsoft.com",
                                new ManagedIdentityTokens.Selector(
                                        null, null, one.resourceId().toUpperCase(java.util.Locale.ROOT)),
                                BASE)
                        .identity())
                .isEqualTo(one);
        assertThatThrownBy(() -> tokens.issue(
                        hostId,
                        "https://graph.microsoft.com",
                        new ManagedIdentityTokens.Selector(UUID.randomUUID().toString(), null, null),
                        BASE))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class, e -> assertThat(e.code()).isEqualTo("host_identity_not_found"));
    }

    @Test
    void aTokenForAResourceThisServerDoesNotServeIsRefused() {
        host(true);

        assertThatThrownBy(() -> world.services()
                        .managedIdentityTokens()
                        .issue(
                                ComputeHost.id(subscriptionId, "rg-app", "web-1"),
                                "https://vault.azure.net",
                                ManagedIdentityTokens.Selector.DEFAULT,
                                BASE))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("AADSTS500011");
    }

    @Test
    void deletingTheHostDeletesItsSystemAssignedIdentityButNotTheUserAssignedOnes() {
        ManagedIdentity identity = userAssigned("id-app");
        ManagedIdentity system =
                host(true, identity.resourceId()).systemAssigned().orElseThrow();

        assertThat(hosts.delete(owner, subscriptionId, "rg-app", "web-1")).isTrue();

        var stored = world.services().stores().applications();
        assertThat(stored.findServicePrincipal(contoso.id(), system.principalId()))
                .isEmpty();
        assertThat(stored.findServicePrincipal(contoso.id(), identity.principalId()))
                .isPresent();
        assertThat(hosts.served(ComputeHost.id(subscriptionId, "rg-app", "web-1")))
                .isEmpty();
    }

    @Test
    void deletingTheResourceGroupDeletesItsIdentitiesAndHosts() {
        ManagedIdentity identity = userAssigned("id-app");
        ManagedIdentity system =
                host(true, identity.resourceId()).systemAssigned().orElseThrow();

        world.resourceGroups().delete(owner, subscriptionId, "rg-app");
        world.resourceGroups().createOrUpdate(owner, subscriptionId, "rg-app", "westeurope", Map.of());

        var stored = world.services().stores().applications();
        assertThat(stored.findServicePrincipal(contoso.id(), identity.principalId()))
                .isEmpty();
        assertThat(stored.findServicePrincipal(contoso.id(), system.principalId()))
                .isEmpty();
        assertThat(identities.list(owner, subscriptionId, "rg-app")).isEmpty();
        assertThat(hosts.list(owner, subscriptionId, "rg-app")).isEmpty();
    }
}
