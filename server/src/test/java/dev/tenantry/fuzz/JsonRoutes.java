package dev.tenantry.fuzz;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every route that reads a JSON body, with the shape of its body: field names and the kind of value each takes. */
final class JsonRoutes {

    /** A JSON route: method, path, the token it takes ("graph", "arm" or none) and its body's shape. */
    record Route(String method, String path, String token, Map<String, Object> shape) {}

    private JsonRoutes() {}

    static List<Route> all(FuzzTargets t) {
        String sub = "/subscriptions/" + t.subscriptionId();
        String auth = sub + "/providers/Microsoft.Authorization/roleAssignments/";
        String cloud = "/api/subscriptions/cloud/" + t.subscriptionId();
        Map<String, Object> billing = shape(
                "name",
                "text",
                "email",
                "email",
                "phone",
                "phone",
                "countryCode",
                "country",
                "addressLine1",
                "text",
                "city",
                "text",
                "postalCode",
                "text",
                "paymentCard",
                shape("number", "card", "expiryMonth", "int", "expiryYear", "int", "cvc", "text"));
        Map<String, Object> password = shape("password", "password", "forceChangePasswordNextSignIn", "bool");
        return List.of(
                new Route(
                        "POST",
                        "/api/signups",
                        "",
                        shape(
                                "organization",
                                "text",
                                "domainPrefix",
                                "prefix",
                                "countryCode",
                                "country",
                                "admin",
                                shape(
                                        "displayName",
                                        "text",
                                        "userName",
                                        "alias",
                                        "password",
                                        "password",
                                        "givenName",
                                        "text",
                                        "surname",
                                        "text"),
                                "product",
                                "product",
                                "seats",
                                "int",
                                "billingProfile",
                                billing)),
                new Route(
                        "POST",
                        "/api/subscriptions/cloud",
                        "arm",
                        shape("offerId", "product", "displayName", "text", "billingProfile", billing)),
                new Route(
                        "POST",
                        "/api/subscriptions/suite",
                        "arm",
                        shape("skuPartNumber", "product", "seats", "int", "trial", "bool")),
                new Route("POST", cloud + "/serviceAdministrator", "arm", shape("userId", "guid")),
                new Route("POST", cloud + "/coAdministrators", "arm", shape("userId", "guid")),
                new Route("POST", cloud + "/billingOwnershipTransfers", "arm", shape("recipientUserId", "guid")),
                new Route(
                        "POST",
                        "/v1.0/users",
                        "graph",
                        shape(
                                "accountEnabled",
                                "bool",
                                "displayName",
                                "text",
                                "mailNickname",
                                "alias",
                                "passwordProfile",
                                password,
                                "userPrincipalName",
                                "upn",
                                "givenName",
                                "text",
                                "surname",
                                "text",
                                "usageLocation",
                                "country",
                                "jobTitle",
                                "text")),
                new Route(
                        "PATCH",
                        "/v1.0/users/{user}",
                        "graph",
                        shape(
                                "displayName",
                                "text",
                                "givenName",
                                "text",
                                "surname",
                                "text",
                                "mail",
                                "email",
                                "accountEnabled",
                                "bool",
                                "usageLocation",
                                "country",
                                "jobTitle",
                                "text",
                                "passwordProfile",
                                password)),
                new Route("POST", "/v1.0/applications", "graph", shape("displayName", "text")),
                new Route(
                        "POST",
                        "/v1.0/applications/{application}/addPassword",
                        "graph",
                        shape("passwordCredential", shape("displayName", "text", "endDateTime", "date"))),
                new Route("POST", "/v1.0/servicePrincipals", "graph", shape("appId", "guid")),
                new Route(
                        "POST",
                        "/v1.0/servicePrincipals/{servicePrincipal}/appRoleAssignments",
                        "graph",
                        shape("principalId", "guid", "resourceId", "guid", "appRoleId", "guid")),
                new Route("POST", "/v1.0/directoryRoles", "graph", shape("roleTemplateId", "guid")),
                new Route("POST", "/v1.0/directoryRoles/{role}/members/$ref", "graph", shape("@odata.id", "odataId")),
                new Route(
                        "PUT",
                        sub + "/resourcegroups/{group}?api-version=2022-12-01",
                        "arm",
                        shape("location", "location", "tags", "tags")),
                new Route(
                        "POST",
                        sub + "/providers/Microsoft.Subscription/rename?api-version=2021-10-01",
                        "arm",
                        shape("subscriptionName", "text")),
                new Route(
                        "POST",
                        "/api/subscriptions/cloud/" + t.subscriptionId() + "/changeDirectory",
                        "arm",
                        shape("targetTenantId", "guid")),
                new Route(
                        "PUT",
                        sub + "/providers/Microsoft.Support/supportTickets/{group}?api-version=2020-04-01",
                        "arm",
                        shape(
                                "properties",
                                shape(
                                        "title",
                                        "text",
                                        "description",
                                        "text",
                                        "serviceId",
                                        "text",
                                        "problemClassificationId",
                                        "text",
                                        "severity",
                                        "text",
                                        "contactDetails",
                                        shape(
                                                "firstName",
                                                "text",
                                                "lastName",
                                                "text",
                                                "preferredContactMethod",
                                                "text",
                                                "primaryEmailAddress",
                                                "email",
                                                "phoneNumber",
                                                "phone",
                                                "country",
                                                "country")))),
                new Route(
                        "PUT",
                        auth + "{assignment}?api-version=2022-04-01",
                        "arm",
                        shape(
                                "properties",
                                shape(
                                        "roleDefinitionId",
                                        "roleDefinition",
                                        "principalId",
                                        "guid",
                                        "principalType",
                                        "principalType"))));
    }

    private static Map<String, Object> shape(Object... pairs) {
        Map<String, Object> shape = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            shape.put((String) pairs[i], pairs[i + 1]);
        }
        return shape;
    }
}
