package dev.tenantry.clients;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;

/**
 * Run in a JVM of its own by {@link ManagedIdentityCompatIT}, whose environment holds only what code on a compute
 * host with a managed identity has: gets a token with azure-identity, configured by that environment alone, and prints
 * it. Arguments: {@code managed} or {@code default}, then the scope.
 */
public final class ManagedIdentityChild {

    private ManagedIdentityChild() {}

    public static void main(String[] args) {
        TokenCredential credential = args[0].equals("default")
                ? new DefaultAzureCredentialBuilder().build()
                : new ManagedIdentityCredentialBuilder().build();
        String token = credential
                .getTokenSync(new TokenRequestContext().addScopes(args[1]))
                .getToken();
        System.out.println("TOKEN " + token);
        System.exit(0);
    }
}
