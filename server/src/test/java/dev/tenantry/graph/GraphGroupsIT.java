package dev.tenantry.graph;

import static dev.tenantry.graph.GraphFixture.encode;
import static dev.tenantry.graph.GraphFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenantry.directory.CreatedDirectory;
import dev.tenantry.directory.GraphPermission;
import dev.tenantry.directory.User;
import dev.tenantry.testing.RunningServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 9: Graph's groups, members, owners and memberships over HTTPS, with each Graph error. */
class GraphGroupsIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static GraphFixture graph;
    private static CreatedDirectory contoso;
    private static String adminToken;
    private static User adele;
    private static String adeleToken;
    private static User alex;
    private static String alexToken;

    @BeforeAll
    static void directory() {
        graph = new GraphFixture(server);
        contoso = graph.directory("groups");
        adminToken = graph.token(contoso.admin());
        adele = graph.user(contoso, "Adele Vance", "adele");
        adeleToken = graph.token(adele);
        alex = graph.user(contoso, "Alex Wilber", "alex");
        alexToken = graph.token(alex);
    }

    private static String securityGroup(String name, String token) {
        HttpResponse<String> created = graph.post(
                "/v1.0/groups",
                "{\"displayName\":\"" + name + "\",\"mailEnabled\":false,\"mailNickname\":\"" + name.replace(" ", "")
                        + "\",\"securityEnabled\":true}",
                token);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("id").asText();
    }

    private static HttpResponse<String> addMember(String groupId, String memberId, String token) {
        return graph.post(
                "/v1.0/groups/" + groupId + "/members/$ref",
                "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/directoryObjects/" + memberId + "\"}",
                token);
    }

    private static HttpResponse<String> advanced(String path, String token) {
        return server.send(server.request(path)
                .header("Authorization", "Bearer " + token)
                .header("ConsistencyLevel", "eventual")
                .GET()
                .build());
    }

    private static void assertGraphError(HttpResponse<String> response, int status, String code, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode error = json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).contains(message);
    }

    @Test
    @DisplayName("issue 9: a security group is created (201, Location), read, renamed and deleted")
    void createsReadsUpdatesAndDeletesASecurityGroup() {
        HttpResponse<String> created = graph.post(
                "/v1.0/groups",
                "{\"@odata.type\":\"#microsoft.graph.group\",\"displayName\":\"Finance\",\"description\":\"Money\","
                        + "\"mailEnabled\":false,\"mailNickname\":\"finance\",\"securityEnabled\":true}",
                adminToken);

        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode group = json(created);
        String id = group.get("id").asText();
        assertThat(created.headers().firstValue("Location")).hasValue(server.baseUrl() + "/v1.0/groups/" + id);
        assertThat(group.get("@odata.context").asText()).endsWith("/v1.0/$metadata#groups/$entity");
        assertThat(group.get("securityEnabled").asBoolean()).isTrue();
        assertThat(group.get("mailEnabled").asBoolean()).isFalse();
        assertThat(group.get("groupTypes")).isEmpty();
        assertThat(group.get("mail").isNull()).isTrue();

        JsonNode selected = json(graph.get("/v1.0/groups/" + id + "?$select=id,displayName", adminToken));
        assertThat(selected.get("displayName").asText()).isEqualTo("Finance");
        assertThat(selected.has("description")).isFalse();

        HttpResponse<String> patched =
                graph.patch("/v1.0/groups/" + id, "{\"displayName\":\"Finance team\"}", adminToken);
        assertThat(patched.statusCode()).isEqualTo(204);
        assertThat(json(graph.get("/v1.0/groups/" + id, adminToken))
                        .get("displayName")
                        .asText())
                .isEqualTo("Finance team");

        assertThat(graph.delete("/v1.0/groups/" + id, adminToken).statusCode()).isEqualTo(204);
        assertGraphError(
                graph.get("/v1.0/groups/" + id, adminToken), 404, "Request_ResourceNotFound", "does not exist");
    }

    @Test
    @DisplayName("issue 9: a Microsoft 365 group has a mailbox address; its nickname is unique; Graph's create errors")
    void microsoft365GroupsAndCreateErrors() {
        HttpResponse<String> created = graph.post(
                "/v1.0/groups",
                "{\"displayName\":\"Marketing\",\"groupTypes\":[\"Unified\"],\"mailEnabled\":true,"
                        + "\"mailNickname\":\"marketing\",\"securityEnabled\":false}",
                adminToken);

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json(created).get("mail").asText()).isEqualTo("marketing@groups.onmicrosoft.test");
        assertThat(json(created).get("groupTypes").get(0).asText()).isEqualTo("Unified");
        assertThat(json(created).get("visibility").asText()).isEqualTo("Public");

        assertGraphError(
                graph.post(
                        "/v1.0/groups",
                        "{\"displayName\":\"Marketing 2\",\"groupTypes\":[\"Unified\"],\"mailEnabled\":true,"
                                + "\"mailNickname\":\"MARKETING\",\"securityEnabled\":false}",
                        adminToken),
                400,
                "Request_BadRequest",
                "Another object with the same value for property proxyAddresses already exists");
        assertGraphError(
                graph.post(
                        "/v1.0/groups",
                        "{\"displayName\":\"Mail sec\",\"mailEnabled\":true,\"mailNickname\":\"mailsec\","
                                + "\"securityEnabled\":true}",
                        adminToken),
                400,
                "Request_BadRequest",
                "does not currently support writes of mail-enabled groups");
        assertGraphError(
                graph.post(
                        "/v1.0/groups",
                        "{\"displayName\":\"No nick\",\"mailEnabled\":false,\"securityEnabled\":true}",
                        adminToken),
                400,
                "Request_BadRequest",
                "Invalid value specified for property 'mailNickname' of resource 'Group'");
        assertGraphError(
                graph.post(
                        "/v1.0/groups",
                        "{\"displayName\":\"Dyn\",\"groupTypes\":[\"DynamicMembership\"],\"mailEnabled\":false,"
                                + "\"mailNickname\":\"dyn\",\"securityEnabled\":true}",
                        adminToken),
                400,
                "Request_BadRequest",
                "dynamic membership is not supported");
    }

    @Test
    @DisplayName("issue 9: members by $ref, nested groups, transitive members and memberships, check/get member groups")
    void membersNestingAndMemberships() {
        String parent = securityGroup("Engineering", adminToken);
        String child = securityGroup("Platform", adminToken);

        assertThat(addMember(parent, child, adminToken).statusCode()).isEqualTo(204);
        assertThat(addMember(child, adele.id().toString(), adminToken).statusCode())
                .isEqualTo(204);
        assertGraphError(
                addMember(child, adele.id().toString(), adminToken),
                400,
                "Request_BadRequest",
                "One or more added object references already exist for the following modified properties: 'members'.");
        assertGraphError(addMember(child, parent, adminToken), 400, "Request_BadRequest", "cannot form a cycle");
        assertGraphError(addMember(child, child, adminToken), 400, "Request_BadRequest", "cannot form a cycle");
        assertGraphError(
                addMember(child, "00000000-0000-4000-8000-000000000000", adminToken),
                404,
                "Request_ResourceNotFound",
                "does not exist");

        JsonNode members = json(graph.get("/v1.0/groups/" + parent + "/members", adminToken))
                .get("value");
        assertThat(members.findValuesAsText("@odata.type")).containsExactly("#microsoft.graph.group");
        JsonNode transitive = json(graph.get("/v1.0/groups/" + parent + "/transitiveMembers", adminToken))
                .get("value");
        assertThat(transitive.findValuesAsText("id")).containsExactly(adele.id().toString(), child);

        JsonNode direct = json(graph.get("/v1.0/users/" + adele.userPrincipalName() + "/memberOf", adminToken))
                .get("value");
        assertThat(direct.findValuesAsText("id")).containsExactly(child);
        JsonNode all =
                json(graph.get("/v1.0/me/transitiveMemberOf", adeleToken)).get("value");
        assertThat(all.findValuesAsText("id")).containsExactlyInAnyOrder(parent, child);
        JsonNode expanded = json(graph.get("/v1.0/users/" + adele.id() + "?$expand=memberOf", adminToken));
        assertThat(expanded.get("memberOf").findValuesAsText("id")).containsExactly(child);
        JsonNode groupExpanded = json(graph.get("/v1.0/groups/" + child + "?$expand=members", adminToken));
        assertThat(groupExpanded.get("members").findValuesAsText("id"))
                .containsExactly(adele.id().toString());

        JsonNode checked = json(graph.post(
                "/v1.0/users/" + adele.id() + "/checkMemberGroups",
                "{\"groupIds\":[\"" + parent + "\",\"" + securityGroup("Unrelated", adminToken) + "\"]}",
                adminToken));
        assertThat(checked.get("value").findValuesAsText("")).isEmpty();
        assertThat(checked.get("value").get(0).asText()).isEqualTo(parent);
        assertThat(checked.get("value")).hasSize(1);
        JsonNode memberGroups =
                json(graph.post("/v1.0/me/getMemberGroups", "{\"securityEnabledOnly\":true}", adeleToken));
        assertThat(memberGroups.get("value")).extracting(JsonNode::asText).containsExactlyInAnyOrder(parent, child);
        JsonNode objects = json(graph.post(
                "/v1.0/users/" + adele.id() + "/getMemberObjects", "{\"securityEnabledOnly\":false}", adminToken));
        assertThat(objects.get("value")).hasSize(2);

        assertThat(graph.delete("/v1.0/groups/" + child + "/members/" + adele.id() + "/$ref", adminToken)
                        .statusCode())
                .isEqualTo(204);
        assertGraphError(
                graph.delete("/v1.0/groups/" + child + "/members/" + adele.id() + "/$ref", adminToken),
                404,
                "Request_ResourceNotFound",
                "is not a direct member");
        assertThat(json(graph.get("/v1.0/me/transitiveMemberOf", adeleToken)).get("value"))
                .isEmpty();
    }

    @Test
    @DisplayName("issue 9: OData casts narrow members and memberships (graph.user as the SDKs send it,"
            + " microsoft.graph.group as the docs write it); ?@id= and ?$id= name the member a $ref DELETE removes")
    void castsAndReferenceDeletesByQuery() {
        String outer = securityGroup("Cast Outer", adminToken);
        String inner = securityGroup("Cast Inner", adminToken);
        String url = "https://graph.microsoft.com/v1.0/directoryObjects/";
        assertThat(addMember(outer, inner, adminToken).statusCode()).isEqualTo(204);
        assertThat(addMember(outer, adele.id().toString(), adminToken).statusCode())
                .isEqualTo(204);
        assertThat(addMember(inner, alex.id().toString(), adminToken).statusCode())
                .isEqualTo(204);

        JsonNode users = json(graph.get("/v1.0/groups/" + outer + "/members/graph.user", adminToken))
                .get("value");
        JsonNode groups = json(graph.get("/v1.0/groups/" + outer + "/members/microsoft.graph.group", adminToken))
                .get("value");
        JsonNode transitiveUsers = json(graph.get(
                        "/v1.0/groups/" + outer + "/transitiveMembers/graph.user", adminToken))
                .get("value");
        JsonNode alexGroups = json(graph.get(
                        "/v1.0/users/" + alex.id() + "/transitiveMemberOf/graph.group", adminToken))
                .get("value");
        JsonNode alexRoles = json(graph.get("/v1.0/users/" + alex.id() + "/memberOf/graph.directoryRole", adminToken))
                .get("value");
        HttpResponse<String> unknownCast = graph.get("/v1.0/users/" + alex.id() + "/memberOf/graph.device", adminToken);
        HttpResponse<String> byAtId =
                graph.delete("/v1.0/groups/" + outer + "/members/$ref?@id=" + encode(url + adele.id()), adminToken);
        HttpResponse<String> byDollarId =
                graph.delete("/v1.0/groups/" + inner + "/members/$ref?$id=" + encode(url + alex.id()), adminToken);
        HttpResponse<String> noId = graph.delete("/v1.0/groups/" + outer + "/members/$ref", adminToken);

        assertThat(users.findValuesAsText("id")).containsExactly(adele.id().toString());
        assertThat(users.findValuesAsText("@odata.type")).containsOnly("#microsoft.graph.user");
        assertThat(groups.findValuesAsText("id")).containsExactly(inner);
        assertThat(transitiveUsers.findValuesAsText("id"))
                .containsExactlyInAnyOrder(adele.id().toString(), alex.id().toString());
        assertThat(alexGroups.findValuesAsText("id")).contains(inner, outer); // and any group of the other tests
        assertThat(alexGroups.findValuesAsText("@odata.type")).containsOnly("#microsoft.graph.group");
        assertThat(alexRoles).isEmpty();
        assertGraphError(unknownCast, 400, "Request_UnsupportedQuery", "graph.device");
        assertThat(byAtId.statusCode()).as(byAtId.body()).isEqualTo(204);
        assertThat(byDollarId.statusCode()).as(byDollarId.body()).isEqualTo(204);
        assertGraphError(noId, 400, "Request_BadRequest", "@id=");
        assertThat(json(graph.get("/v1.0/groups/" + outer + "/members/graph.user", adminToken))
                        .get("value"))
                .isEmpty();
        assertThat(json(graph.get("/v1.0/groups/" + inner + "/members", adminToken))
                        .get("value"))
                .isEmpty();
    }

    @Test
    @DisplayName("issue 9: the member who creates a group owns it and manages its members; others may not")
    void ownersManageTheirGroups() {
        String team = securityGroup("Adele's team", adeleToken);

        JsonNode owners =
                json(graph.get("/v1.0/groups/" + team + "/owners", adminToken)).get("value");
        assertThat(owners.findValuesAsText("id")).containsExactly(adele.id().toString());
        assertThat(addMember(team, alex.id().toString(), adeleToken).statusCode())
                .isEqualTo(204);
        assertGraphError(
                addMember(team, contoso.admin().id().toString(), alexToken),
                403,
                "Authorization_RequestDenied",
                "Global Administrator or the User Administrator");
        assertGraphError(
                graph.patch("/v1.0/groups/" + team, "{\"displayName\":\"Mine now\"}", alexToken),
                403,
                "Authorization_RequestDenied",
                "change a group you do not own");

        HttpResponse<String> owned = graph.post(
                "/v1.0/groups/" + team + "/owners/$ref",
                "{\"@odata.id\":\"https://graph.microsoft.com/v1.0/users/" + alex.id() + "\"}",
                adeleToken);
        assertThat(owned.statusCode()).isEqualTo(204);
        assertThat(graph.patch("/v1.0/groups/" + team, "{\"displayName\":\"Shared team\"}", alexToken)
                        .statusCode())
                .isEqualTo(204);
        assertThat(graph.delete("/v1.0/groups/" + team + "/owners/" + adele.id() + "/$ref", alexToken)
                        .statusCode())
                .isEqualTo(204);
        assertGraphError(
                graph.delete("/v1.0/groups/" + team, adeleToken),
                403,
                "Authorization_RequestDenied",
                "change a group you do not own");
    }

    @Test
    @DisplayName("issue 9: Group.Read.All reads but cannot write; GroupMember.ReadWrite.All changes members only")
    void applicationPermissions() {
        String group = securityGroup("Apps read me", adminToken);
        GraphFixture.App reader = graph.registerApp(adminToken, "Group reader");
        graph.grant(reader, adminToken, GraphPermission.GROUP_READ_ALL);
        GraphFixture.App memberWriter = graph.registerApp(adminToken, "Member writer");
        graph.grant(memberWriter, adminToken, GraphPermission.GROUPMEMBER_READWRITE_ALL);
        GraphFixture.App nobody = graph.registerApp(adminToken, "No group rights");
        String readerToken = graph.appToken(contoso, reader.appId(), reader.secret());
        String writerToken = graph.appToken(contoso, memberWriter.appId(), memberWriter.secret());
        String nobodyToken = graph.appToken(contoso, nobody.appId(), nobody.secret());

        assertThat(graph.get("/v1.0/groups/" + group, readerToken).statusCode()).isEqualTo(200);
        assertGraphError(
                graph.post(
                        "/v1.0/groups",
                        "{\"displayName\":\"x\",\"mailEnabled\":false,\"mailNickname\":\"x\",\"securityEnabled\":true}",
                        readerToken),
                403,
                "Authorization_RequestDenied",
                "Group.ReadWrite.All");
        assertGraphError(
                addMember(group, alex.id().toString(), readerToken), 403, "Authorization_RequestDenied", "GroupMember");
        assertThat(addMember(group, alex.id().toString(), writerToken).statusCode())
                .isEqualTo(204);
        assertGraphError(
                graph.patch("/v1.0/groups/" + group, "{\"displayName\":\"y\"}", writerToken),
                403,
                "Authorization_RequestDenied",
                "Group.ReadWrite.All");
        assertGraphError(graph.get("/v1.0/groups", nobodyToken), 403, "Authorization_RequestDenied", "Group.Read.All");
    }

    @Test
    @DisplayName("issue 9: groups list by $filter, $search, $count, $orderby and $top with paging; /groups/$count")
    void listsWithQueryOptions() {
        CreatedDirectory fabrikam = graph.directory("listing");
        String token = graph.token(fabrikam.admin());
        String zulu = securityGroup("Zulu squad", token);
        String alpha = securityGroup("Alpha squad", token);
        HttpResponse<String> unified = graph.post(
                "/v1.0/groups",
                "{\"displayName\":\"Alpha news\",\"groupTypes\":[\"Unified\"],\"mailEnabled\":true,"
                        + "\"mailNickname\":\"alphanews\",\"securityEnabled\":false}",
                token);
        String news = json(unified).get("id").asText();

        JsonNode startsWith = json(graph.get(
                        "/v1.0/groups?$filter=" + encode("startswith(displayName,'alpha')") + "&$orderby=displayName",
                        token))
                .get("value");
        assertThat(startsWith.findValuesAsText("id")).containsExactly(news, alpha);
        JsonNode m365 = json(graph.get("/v1.0/groups?$filter=" + encode("groupTypes/any(c:c eq 'Unified')"), token))
                .get("value");
        assertThat(m365.findValuesAsText("id")).containsExactly(news);
        JsonNode security = json(graph.get(
                        "/v1.0/groups?$select=id&$filter=" + encode("securityEnabled eq true"), token))
                .get("value");
        assertThat(security.findValuesAsText("id")).containsExactlyInAnyOrder(zulu, alpha);

        JsonNode searched =
                json(advanced("/v1.0/groups?$search=" + encode("\"displayName:squad\"") + "&$count=true", token));
        assertThat(searched.get("@odata.count").asLong()).isEqualTo(2);
        assertThat(searched.get("value").findValuesAsText("id")).containsExactly(alpha, zulu);
        assertThat(advanced("/v1.0/groups/$count", token).body()).isEqualTo("3");

        JsonNode first = json(graph.get("/v1.0/groups?$top=2&$orderby=displayName&$select=id", token));
        assertThat(first.get("value").findValuesAsText("id")).containsExactly(news, alpha);
        JsonNode second = json(graph.get(first.get("@odata.nextLink").asText(), token));
        assertThat(second.get("value").findValuesAsText("id")).containsExactly(zulu);
        assertThat(second.has("@odata.nextLink")).isFalse();
        // R14: another directory's groups do not exist for this one
        assertGraphError(
                graph.get("/v1.0/groups/" + zulu, adminToken), 404, "Request_ResourceNotFound", "does not exist");
    }

    @Test
    @DisplayName("issue 9: unsupported query options are refused with 400 naming them, never ignored")
    void refusesWhatItDoesNotSupport() {
        assertGraphError(
                graph.get("/v1.0/groups?$orderby=createdDateTime", adminToken),
                400,
                "Request_UnsupportedQuery",
                "$orderby");
        assertGraphError(
                graph.get("/v1.0/groups?$search=" + encode("\"displayName:a\""), adminToken),
                400,
                "Request_BadRequest",
                "ConsistencyLevel: eventual");
        assertGraphError(
                graph.get("/v1.0/groups?$count=true", adminToken), 400, "Request_BadRequest", "ConsistencyLevel");
        assertGraphError(
                graph.get("/v1.0/groups?$expand=owners", adminToken),
                400,
                "Request_UnsupportedQuery",
                "only $expand=members");
        assertGraphError(
                graph.get("/v1.0/groups?$format=json", adminToken),
                400,
                "Request_UnsupportedQuery",
                "Query option '$format' is not allowed");
        assertGraphError(
                graph.get("/v1.0/groups?$filter=" + encode("visibility eq 'Public'"), adminToken),
                400,
                "Request_UnsupportedQuery",
                "cannot filter groups by 'visibility'");
        assertGraphError(
                graph.get("/v1.0/users?$orderby=displayName", adminToken), 400, "Request_UnsupportedQuery", "$orderby");
        assertGraphError(
                graph.get("/v1.0/users/" + adele.id() + "/memberOf?$top=1", adminToken),
                400,
                "Request_UnsupportedQuery",
                "$top");
        assertGraphError(
                graph.get("/v1.0/groups?$search=" + encode("description:x"), adminToken),
                400,
                "Request_BadRequest",
                "ConsistencyLevel");
    }
}
