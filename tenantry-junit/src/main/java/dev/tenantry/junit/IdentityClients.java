package dev.tenantry.junit;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.UsernamePasswordCredentialBuilder;

/** azure-identity credentials configured as compat §1 says: the authority host, instance discovery off. */
final class IdentityClients {

    private IdentityClients() {}

    @SuppressWarnings("deprecation") // the username/password flow (ROPC) is what a test suite signs users in with
    static TokenCredential credential(Principal principal) {
        if (principal.isUser()) {
            return new UsernamePasswordCredentialBuilder()
                    .clientId(Principal.PUBLIC_CLIENT)
                    .tenantId(principal.tenantId())
                    .username(principal.userName())
                    .password(principal.password())
                    .authorityHost(principal.baseUrl())
                    .disableInstanceDiscovery()
                    .build();
        }
        return new ClientSecretCredentialBuilder()
                .clientId(principal.clientId())
                .clientSecret(principal.secret())
                .tenantId(principal.tenantId())
                .authorityHost(principal.baseUrl())
                .disableInstanceDiscovery()
                .build();
    }
}
