package dev.tenantry.clients;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.identity.WorkloadIdentityCredentialBuilder;

/**
 * Run in a JVM of its own by {@link WorkloadIdentityCompatIT}, whose environment holds only what a Kubernetes pod with
 * workload identity has ({@code AZURE_CLIENT_ID}, {@code AZURE_TENANT_ID}, {@code AZURE_FEDERATED_TOKEN_FILE},
 * {@code AZURE_AUTHORITY_HOST}): gets a token with azure-identity, configured by that environment alone, and prints
 * it. Arguments: {@code workload} or {@code default}, then the scope.
 */
public final class WorkloadIdentityChild {

    private WorkloadIdentityChild() {}

    public static void main(String[] args) {
        TokenCredential credential = args[0].equals("default")
                ? new DefaultAzureCredentialBuilder().build()
                : new WorkloadIdentityCredentialBuilder().build();
        String token = credential
                .getTokenSync(new TokenRequestContext().addScopes(args[1]))
                .getToken();
        System.out.println("TOKEN " + token);
        System.exit(0);
    }
}
