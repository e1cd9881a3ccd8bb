package dev.tenantry.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.tenantry.testing.RunningServer;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An access token must come from its own directory's issuer: {@code iss} and {@code tid} agree, or it is refused. */
class AccessTokenIssuerIT {

    @RegisterExtension
    static final RunningServer server = new RunningServer();

    private static String token(String tenantId, String userId, String issuerTenant) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(server.baseUrl() + "/" + issuerTenant + "/v2.0")
                .audience("https://graph.microsoft.com")
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)))
                .claim("tid", tenantId)
                .claim("oid", userId)
                .claim("scp", "User.Read")
                .claim("ver", "2.0")
                .build();
        return server.app().services().signingKeys().sign(claims);
    }

    @Test
    @DisplayName("R14: a token signed by this server whose issuer names another directory than its tid is refused")
    void issuerAndTenantMustAgree() throws Exception {
        JsonNode signUp =
                new ObjectMapper().readTree(server.postJson("/api/signups", """
                        {"organization":"Issuer","domainPrefix":"issuercheck","countryCode":"NL",
                         "admin":{"displayName":"Ivy Issuer","userName":"ivy","password":"Tenantry!2026"},
                         "product":"MS-AZR-0044P"}""").body());
        String tenant = signUp.get("tenantId").asText();
        String ivy = signUp.at("/admin/id").asText();

        HttpResponse<String> own = server.get("/v1.0/me", token(tenant, ivy, tenant));
        HttpResponse<String> other =
                server.get("/v1.0/me", token(tenant, ivy, UUID.randomUUID().toString()));

        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(other.statusCode()).isEqualTo(401);
        assertThat(other.body()).contains("is not the issuer of its directory");
    }
}
