package dev.tenantry.junit;

import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.PublicClientApplication;
import java.net.MalformedURLException;

/** MSAL4J applications with the directory's authority and instance discovery off (compat §1). */
final class MsalClients {

    private MsalClients() {}

    static PublicClientApplication publicClient(Principal principal) {
        try {
            return PublicClientApplication.builder(Principal.PUBLIC_CLIENT)
                    .authority(principal.authority())
                    .instanceDiscovery(false)
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    static ConfidentialClientApplication confidentialClient(Principal principal) {
        if (principal.isUser()) {
            throw new org.junit.jupiter.api.extension.ParameterResolutionException(
                    "a ConfidentialClientApplication acts as an app: annotate the parameter with @AsApp(\"name\")");
        }
        try {
            return ConfidentialClientApplication.builder(
                            principal.clientId(), ClientCredentialFactory.createFromSecret(principal.secret()))
                    .authority(principal.authority())
                    .instanceDiscovery(false)
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
