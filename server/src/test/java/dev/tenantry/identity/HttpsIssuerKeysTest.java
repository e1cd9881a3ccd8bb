package dev.tenantry.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HttpsIssuerKeysTest {

    @Test
    @DisplayName("issue 11: an external issuer on a loopback, private or link-local address is refused before any"
            + " connection, so an app owner cannot make the server probe its own network")
    void privateIssuersAreRefusedOutsideTestMode() {
        HttpsIssuerKeys keys = new HttpsIssuerKeys(
                HttpClient.newHttpClient(), Clock.systemUTC(), HttpsIssuerKeys.Destinations.publicOr(uri -> false));

        for (String issuer : List.of(
                "https://127.0.0.1:9/tenant",
                "https://10.1.2.3/x",
                "https://169.254.169.254/metadata",
                "https://[::1]/")) {
            assertThatThrownBy(() -> keys.keys(issuer, false))
                    .isInstanceOf(IssuerKeys.Unavailable.class)
                    .hasMessageContaining("not a public address");
        }
    }

    @Test
    @DisplayName("issue 11: this server itself may be the external issuer (its own name and port)")
    void theServerItselfIsAllowed() {
        HttpsIssuerKeys keys = new HttpsIssuerKeys(
                HttpClient.newHttpClient(),
                Clock.systemUTC(),
                HttpsIssuerKeys.Destinations.publicOr(uri -> uri.getPort() == 9));

        // allowed through, so the refusal is the (closed) port's, not the address check's
        assertThatThrownBy(() -> keys.keys("https://127.0.0.1:9/tenant", false))
                .isInstanceOf(IssuerKeys.Unavailable.class)
                .hasMessageContaining("could not be fetched");
    }

    @Test
    void publicAddressesArePublic() throws UnknownHostException {
        assertThat(HttpsIssuerKeys.isPublic(InetAddress.getByName("20.190.128.1")))
                .isTrue();
        assertThat(HttpsIssuerKeys.isPublic(InetAddress.getByName("2603:1006::1")))
                .isTrue();
        for (String address : List.of(
                "127.0.0.1",
                "10.0.0.1",
                "172.16.0.1",
                "192.168.1.1",
                "169.254.169.254",
                "100.64.0.1",
                "0.0.0.0",
                "::1",
                "fd00::1",
                "fe80::1")) {
            assertThat(HttpsIssuerKeys.isPublic(InetAddress.getByName(address)))
                    .as(address)
                    .isFalse();
        }
    }
}
