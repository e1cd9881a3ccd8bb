package dev.tenantry.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.microsoft.graph.core.tasks.PageIterator;
import com.microsoft.graph.models.AssignedLicense;
import com.microsoft.graph.models.DirectoryObject;
import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.GroupCollectionResponse;
import com.microsoft.graph.models.LicenseDetails;
import com.microsoft.graph.models.ReferenceCreate;
import com.microsoft.graph.models.SubscribedSku;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.assignlicense.AssignLicensePostRequestBody;
import com.microsoft.graph.users.item.checkmembergroups.CheckMemberGroupsPostRequestBody;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: the Microsoft Graph SDK (Kiota) drives groups, members, licences and subscribed SKUs against the packaged
 * server, as the SDK's own documentation writes the calls. Each test makes its own groups (their names start with the
 * test's word) in one directory with three users and a five-seat Office 365 E3 trial.
 */
class GraphGroupsCompatIT {

    private static final String OBJECTS = "https://graph.microsoft.com/v1.0/directoryObjects/";
    private static final String E3 = "ENTERPRISEPACK";

    private static TestDirectory directory;
    private static GraphServiceClient graph;
    private static String alice;
    private static String bob;
    private static String carol;

    @BeforeAll
    static void signUpWithUsersAndASuite() {
        TenantryProcess server = TenantryProcess.get();
        ServerApi api = new ServerApi(server);
        directory = TestDirectory.signUp(api, "graphgroups");
        String admin =
                api.passwordToken(directory.tenantId(), directory.adminUpn(), TestDirectory.PASSWORD, Clients.GRAPH);
        alice = createUser(api, admin, "alice");
        bob = createUser(api, admin, "bob");
        carol = createUser(api, admin, "carol");
        String management = api.passwordToken(
                directory.tenantId(), directory.adminUpn(), TestDirectory.PASSWORD, Clients.MANAGEMENT);
        api.postJson(
                        "/api/subscriptions/suite",
                        "{\"skuPartNumber\":\"" + E3 + "\",\"seats\":5,\"trial\":true}",
                        management)
                .requireStatus(201);
        Clients clients = new Clients(server);
        graph = clients.graph(clients.userPassword(directory.tenantId(), directory.adminUpn(), TestDirectory.PASSWORD));
    }

    @BeforeEach
    void needsPort443() {
        CompatReport.assumePort443("the Graph SDK (azure-identity underneath)");
    }

    @Test
    @DisplayName("issue 9: the SDK creates security and Microsoft 365 groups with members@odata.bind, filters,"
            + " pages, searches and counts them with ConsistencyLevel: eventual")
    void groupsAreCreatedFilteredSearchedAndCounted() throws ReflectiveOperationException {
        Group security = graph.groups().post(group("Search Engineers", "searchengineers", false, alice));
        Group unified = graph.groups().post(unifiedGroup("Search Marketing", "searchmarketing", bob));

        GroupCollectionResponse byName =
                graph.groups().get(rc -> rc.queryParameters.filter = "startswith(displayName,'Search')");
        GroupCollectionResponse microsoft365 = graph.groups().get(rc -> {
            rc.queryParameters.filter = "groupTypes/any(c:c eq 'Unified') and startswith(displayName,'Search')";
            rc.queryParameters.select = new String[] {"id", "displayName", "groupTypes"};
        });
        GroupCollectionResponse searched = graph.groups().get(rc -> {
            rc.queryParameters.search = "\"displayName:Engineers\"";
            rc.queryParameters.count = true;
            rc.queryParameters.orderby = new String[] {"displayName"};
            rc.headers.add("ConsistencyLevel", "eventual");
        });
        Integer counted = graph.groups().count().get(rc -> {
            rc.queryParameters.filter = "startswith(displayName,'Search')";
            rc.headers.add("ConsistencyLevel", "eventual");
        });
        List<Group> paged = new ArrayList<>();
        new PageIterator.Builder<Group, GroupCollectionResponse>()
                .client(graph)
                .collectionPage(graph.groups().get(rc -> {
                    rc.queryParameters.filter = "startswith(displayName,'Search')";
                    rc.queryParameters.top = 1;
                }))
                .collectionPageFactory(GroupCollectionResponse::createFromDiscriminatorValue)
                .processPageItemCallback(paged::add)
                .build()
                .iterate();

        assertThat(security.getId()).isNotBlank().isNotEqualTo(unified.getId());
        assertThat(security.getSecurityEnabled()).isTrue();
        assertThat(security.getMailEnabled()).isFalse();
        assertThat(security.getGroupTypes()).isEmpty();
        assertThat(unified.getGroupTypes()).containsExactly("Unified");
        assertThat(unified.getMailEnabled()).isTrue();
        assertThat(unified.getMailNickname()).isEqualTo("searchmarketing");
        assertThat(byName.getValue())
                .extracting(Group::getDisplayName)
                .containsExactlyInAnyOrder("Search Engineers", "Search Marketing");
        assertThat(microsoft365.getValue()).singleElement().satisfies(group -> {
            assertThat(group.getId()).isEqualTo(unified.getId());
            assertThat(group.getGroupTypes()).containsExactly("Unified");
        });
        assertThat(searched.getOdataCount()).isEqualTo(1L);
        assertThat(searched.getValue()).singleElement().extracting(Group::getId).isEqualTo(security.getId());
        assertThat(counted).isEqualTo(2);
        assertThat(paged).extracting(Group::getId).containsExactlyInAnyOrder(security.getId(), unified.getId());
        assertThat(graph.groups().byGroupId(security.getId()).members().get().getValue())
                .singleElement()
                .satisfies(member -> {
                    assertThat(member).isInstanceOf(User.class);
                    assertThat(member.getId()).isEqualTo(alice);
                });
    }

    @Test
    @DisplayName("issue 9: the SDK adds members with $ref, nests a group, reads members, $expand=members,"
            + " transitiveMembers and memberOf (also cast: graphUser(), graphGroup()), calls checkMemberGroups and removes"
            + " members by path and by ?@id=")
    void membersAreAddedNestedCheckedAndRemoved() {
        Group outer = graph.groups().post(group("Nest Outer", "nestouter", false, alice));
        Group inner = graph.groups().post(group("Nest Inner", "nestinner", false, null));

        graph.groups().byGroupId(inner.getId()).members().ref().post(reference(carol));
        graph.groups().byGroupId(outer.getId()).members().ref().post(reference(inner.getId()));
        List<DirectoryObject> members =
                graph.groups().byGroupId(outer.getId()).members().get().getValue();
        List<DirectoryObject> transitive = graph.groups()
                .byGroupId(outer.getId())
                .transitiveMembers()
                .get()
                .getValue();
        List<DirectoryObject> carolsGroups =
                graph.users().byUserId(carol).memberOf().get().getValue();
        List<DirectoryObject> carolsTransitiveGroups =
                graph.users().byUserId(carol).transitiveMemberOf().get().getValue();
        List<User> outerUsers = graph.groups()
                .byGroupId(outer.getId())
                .members()
                .graphUser()
                .get()
                .getValue();
        List<Group> carolsCastGroups = graph.users()
                .byUserId(carol)
                .transitiveMemberOf()
                .graphGroup()
                .get()
                .getValue();
        Group expanded =
                graph.groups().byGroupId(outer.getId()).get(rc -> rc.queryParameters.expand = new String[] {"members"});
        ODataError again = catchThrowableOfType(
                ODataError.class,
                () -> graph.groups().byGroupId(inner.getId()).members().ref().post(reference(carol)));
        List<String> held = checkMemberGroups(
                carol, outer.getId(), inner.getId(), UUID.randomUUID().toString());
        graph.groups()
                .byGroupId(inner.getId())
                .members()
                .byDirectoryObjectId(carol)
                .ref()
                .delete();

        assertThat(members).hasSize(2);
        assertThat(members)
                .filteredOn(member -> member instanceof User)
                .extracting(DirectoryObject::getId)
                .containsExactly(alice);
        assertThat(members)
                .filteredOn(member -> member instanceof Group)
                .singleElement()
                .satisfies(nested -> {
                    assertThat(nested.getId()).isEqualTo(inner.getId());
                    assertThat(((Group) nested).getDisplayName()).isEqualTo("Nest Inner");
                });
        assertThat(expanded.getMembers())
                .extracting(member -> member.getClass().getSimpleName() + " " + member.getId())
                .containsExactlyInAnyOrder("User " + alice, "Group " + inner.getId());
        assertThat(again.getResponseStatusCode()).isEqualTo(400);
        assertThat(again.getError().getMessage())
                .isEqualTo("One or more added object references already exist for the following modified properties:"
                        + " 'members'.");
        assertThat(transitive)
                .extracting(DirectoryObject::getId)
                .containsExactlyInAnyOrder(alice, inner.getId(), carol);
        assertThat(carolsGroups).singleElement().satisfies(group -> {
            assertThat(group).isInstanceOf(Group.class);
            assertThat(group.getId()).isEqualTo(inner.getId());
        });
        assertThat(carolsTransitiveGroups)
                .allSatisfy(group -> assertThat(group).isInstanceOf(Group.class))
                .extracting(DirectoryObject::getId)
                .containsExactlyInAnyOrder(inner.getId(), outer.getId());
        assertThat(held).containsExactlyInAnyOrder(outer.getId(), inner.getId());
        graph.groups().byGroupId(outer.getId()).members().ref().delete(rc -> rc.queryParameters.id = OBJECTS + alice);
        assertThat(outerUsers).extracting(User::getId).containsExactly(alice);
        assertThat(carolsCastGroups).extracting(Group::getId).containsExactlyInAnyOrder(inner.getId(), outer.getId());
        assertThat(graph.groups().byGroupId(inner.getId()).members().get().getValue())
                .isEmpty();
        assertThat(graph.groups()
                        .byGroupId(outer.getId())
                        .members()
                        .graphUser()
                        .get()
                        .getValue())
                .isEmpty();
        assertThat(checkMemberGroups(carol, outer.getId(), inner.getId())).isEmpty();
    }

    @Test
    @DisplayName("issue 9 (R13): the SDK sets a usage location, assigns a licence with assignLicense, reads"
            + " licenseDetails and consumedUnits, assigns one to a group and reads licenseAssignmentStates")
    void licencesAreAssignedToUsersAndGroups() {
        SubscribedSku before = suite();
        UUID skuId = before.getSkuId();
        for (String user : List.of(alice, carol)) {
            User located = new User();
            located.setUsageLocation("NL");
            graph.users().byUserId(user).patch(located);
        }

        User licensed = graph.users().byUserId(alice).assignLicense().post(licences(skuId));
        User alicesLicences = graph.users()
                .byUserId(alice)
                .get(rc -> rc.queryParameters.select = new String[] {"id", "assignedLicenses"});
        List<LicenseDetails> details =
                graph.users().byUserId(alice).licenseDetails().get().getValue();
        ODataError noLocation = catchThrowableOfType(
                ODataError.class,
                () -> graph.users().byUserId(bob).assignLicense().post(licences(skuId)));
        SubscribedSku afterUser = suite();

        Group sales = graph.groups().post(group("Licensed Sales", "licensedsales", false, carol));
        graph.groups().byGroupId(sales.getId()).members().ref().post(reference(bob));
        com.microsoft.graph.groups.item.assignlicense.AssignLicensePostRequestBody forGroup =
                new com.microsoft.graph.groups.item.assignlicense.AssignLicensePostRequestBody();
        forGroup.setAddLicenses(List.of(licence(skuId)));
        forGroup.setRemoveLicenses(List.of());
        Group licensedGroup =
                graph.groups().byGroupId(sales.getId()).assignLicense().post(forGroup);
        Group salesLicences = graph.groups()
                .byGroupId(sales.getId())
                .get(rc -> rc.queryParameters.select = new String[] {"id", "assignedLicenses"});
        User carolsLicences = graph.users()
                .byUserId(carol)
                .get(rc -> rc.queryParameters.select =
                        new String[] {"id", "assignedLicenses", "licenseAssignmentStates", "usageLocation"});
        List<DirectoryObject> withErrors = graph.groups()
                .byGroupId(sales.getId())
                .membersWithLicenseErrors()
                .get()
                .getValue();
        SubscribedSku afterGroup = suite();

        assertThat(before.getId()).isEqualTo(directory.tenantId() + "_" + skuId);
        assertThat(before.getPrepaidUnits().getEnabled()).isEqualTo(5);
        assertThat(before.getConsumedUnits()).isZero();
        assertThat(licensed.getId()).isEqualTo(alice);
        assertThat(alicesLicences.getAssignedLicenses())
                .singleElement()
                .extracting(AssignedLicense::getSkuId)
                .isEqualTo(skuId);
        assertThat(details).singleElement().satisfies(detail -> {
            assertThat(detail.getSkuId()).isEqualTo(skuId);
            assertThat(detail.getSkuPartNumber()).isEqualTo(E3);
            assertThat(detail.getServicePlans()).isNotEmpty().allSatisfy(plan -> {
                assertThat(plan.getServicePlanId()).isNotNull();
                assertThat(plan.getServicePlanName()).isNotBlank();
            });
        });
        assertThat(noLocation.getResponseStatusCode()).isEqualTo(400);
        assertThat(noLocation.getError().getCode()).isEqualTo("Request_BadRequest");
        assertThat(noLocation.getError().getMessage())
                .isEqualTo("License assignment cannot be done for user with invalid usage location.");
        assertThat(afterUser.getConsumedUnits()).isEqualTo(1);
        assertThat(licensedGroup.getId()).isEqualTo(sales.getId());
        assertThat(salesLicences.getAssignedLicenses())
                .singleElement()
                .extracting(AssignedLicense::getSkuId)
                .isEqualTo(skuId);
        assertThat(carolsLicences.getUsageLocation()).isEqualTo("NL");
        assertThat(carolsLicences.getAssignedLicenses())
                .singleElement()
                .extracting(AssignedLicense::getSkuId)
                .isEqualTo(skuId);
        assertThat(carolsLicences.getLicenseAssignmentStates()).singleElement().satisfies(state -> {
            assertThat(state.getSkuId()).isEqualTo(skuId);
            assertThat(state.getAssignedByGroup()).isEqualTo(sales.getId());
            assertThat(state.getState()).isEqualTo("Active");
        });
        assertThat(withErrors).singleElement().satisfies(member -> {
            assertThat(member).isInstanceOf(User.class);
            assertThat(member.getId()).isEqualTo(bob);
        });
        assertThat(afterGroup.getConsumedUnits()).isEqualTo(2);
    }

    private static SubscribedSku suite() {
        return graph
                .subscribedSkus()
                .get(rc -> rc.queryParameters.select =
                        new String[] {"skuId", "skuPartNumber", "consumedUnits", "prepaidUnits"})
                .getValue()
                .stream()
                .filter(sku -> E3.equals(sku.getSkuPartNumber()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + E3 + " in subscribedSkus"));
    }

    private static List<String> checkMemberGroups(String user, String... groupIds) {
        CheckMemberGroupsPostRequestBody body = new CheckMemberGroupsPostRequestBody();
        body.setGroupIds(List.of(groupIds));
        return graph.users().byUserId(user).checkMemberGroups().post(body).getValue();
    }

    /** A group as the SDK docs create one: members in {@code additionalData} as {@code members@odata.bind}. */
    private static Group group(String name, String nickname, boolean unified, String member) {
        Group group = new Group();
        group.setDisplayName(name);
        group.setMailNickname(nickname);
        group.setMailEnabled(unified);
        group.setSecurityEnabled(!unified);
        group.setGroupTypes(unified ? List.of("Unified") : List.of());
        if (member != null) {
            Map<String, Object> additionalData = new HashMap<>();
            additionalData.put("members@odata.bind", List.of(OBJECTS + member));
            group.setAdditionalData(additionalData);
        }
        return group;
    }

    private static Group unifiedGroup(String name, String nickname, String member) {
        return group(name, nickname, true, member);
    }

    private static ReferenceCreate reference(String objectId) {
        ReferenceCreate reference = new ReferenceCreate();
        reference.setOdataId(OBJECTS + objectId);
        return reference;
    }

    private static AssignedLicense licence(UUID skuId) {
        AssignedLicense licence = new AssignedLicense();
        licence.setSkuId(skuId);
        licence.setDisabledPlans(List.of());
        return licence;
    }

    private static AssignLicensePostRequestBody licences(UUID skuId) {
        AssignLicensePostRequestBody body = new AssignLicensePostRequestBody();
        body.setAddLicenses(List.of(licence(skuId)));
        body.setRemoveLicenses(List.of());
        return body;
    }

    private static String createUser(ServerApi api, String token, String name) {
        return api.postJson(
                        "/v1.0/users",
                        """
                        {"accountEnabled":true,"displayName":"Compat %s","mailNickname":"%s",
                         "userPrincipalName":"%s@%s",
                         "passwordProfile":{"forceChangePasswordNextSignIn":false,"password":"%s"}}""".formatted(name, name, name, directory.domain(), TestDirectory.PASSWORD),
                        token)
                .requireStatus(201)
                .body()
                .get("id")
                .asText();
    }
}
