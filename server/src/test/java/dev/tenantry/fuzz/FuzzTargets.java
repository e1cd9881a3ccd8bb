package dev.tenantry.fuzz;

import java.util.List;

/**
 * What the fuzzer aims at: a real directory with a subscription, tokens, users and an application, and signed-in and
 * anonymous page sessions with their CSRF tokens, so generated requests get past the first check.
 */
record FuzzTargets(
        String tenantId,
        String domain,
        String subscriptionId,
        String graphToken,
        String armToken,
        String adminId,
        List<String> userIds,
        String applicationId,
        String appId,
        String servicePrincipalId,
        String adminCookie,
        String adminCsrf,
        String anonymousCookie,
        String anonymousCsrf) {

    /** Known good values the generators mix into fields, paths and forms. */
    List<String> known() {
        return List.of(
                tenantId,
                domain,
                subscriptionId,
                adminId,
                userIds.get(0),
                applicationId,
                appId,
                servicePrincipalId,
                "admin@" + domain,
                "victim@" + domain,
                "westus",
                "West Europe",
                "US",
                "NL",
                "MS-AZR-0044P",
                "MS-AZR-0003P",
                "O365_BUSINESS_ESSENTIALS",
                "ENTERPRISEPACK",
                "62e90394-69f5-4237-9190-012177145e10",
                "fe930be7-5e62-47db-91af-98c3a49a38b1",
                "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
                "acdd72a7-3385-48ef-bd42-f606fba81ae7",
                "User",
                "ServicePrincipal",
                "Tenantry!2026",
                "https://graph.microsoft.com/.default",
                "https://management.core.windows.net//.default",
                "offline_access",
                "04b07795-8ddb-461a-bbee-02f9e1bf7b46",
                "1950a258-227b-4e31-a9cf-717495945fc2");
    }
}
