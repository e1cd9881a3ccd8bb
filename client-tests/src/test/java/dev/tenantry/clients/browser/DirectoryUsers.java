package dev.tenantry.clients.browser;

import dev.tenantry.clients.Clients;
import dev.tenantry.clients.ServerApi;
import dev.tenantry.clients.TestDirectory;

/** Arranges users of a {@link TestDirectory} through Graph (as its administrator), so the browser tests can sign in. */
final class DirectoryUsers {

    private DirectoryUsers() {}

    /** Creates an enabled user {@code nickname@domain} with no role and {@link TestDirectory#PASSWORD}; its UPN. */
    static String add(ServerApi api, TestDirectory directory, String nickname, String displayName) {
        String token =
                api.passwordToken(directory.tenantId(), directory.adminUpn(), TestDirectory.PASSWORD, Clients.GRAPH);
        String upn = nickname + "@" + directory.domain();
        api.postJson("/v1.0/users", """
                        {"accountEnabled":true,"displayName":"%s","mailNickname":"%s","userPrincipalName":"%s",
                         "passwordProfile":{"forceChangePasswordNextSignIn":false,"password":"%s"}}""".formatted(displayName, nickname, upn, TestDirectory.PASSWORD), token)
                .requireStatus(201);
        return upn;
    }
}
