package dev.tenantry.spring;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Spring Boot 3 API (issue 11) that accepts Tenantry's access tokens as it would Entra's: the resource server
 * configured only by {@code api.yml} (issuer-uri and audience), every request needing a valid bearer token.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ApiApp.Api.class)
public class ApiApp {

    /** Starts the API on a free port with {@code api.yml} and the two values it names. */
    public static ConfigurableApplicationContext start(String issuerUri, String audience) {
        return new SpringApplicationBuilder(ApiApp.class)
                .properties(Map.of(
                        "spring.config.name",
                        "api",
                        "server.port",
                        "0",
                        "tenantry.issuer-uri",
                        issuerUri,
                        "tenantry.audience",
                        audience))
                .run();
    }

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults()));
        return http.build();
    }

    @RestController
    static class Api {

        /** Who called: the token's tenant, object id and client. */
        @GetMapping("/api/caller")
        Map<String, Object> caller(@AuthenticationPrincipal Jwt token) {
            Map<String, Object> caller = new LinkedHashMap<>();
            caller.put("tid", token.getClaimAsString("tid"));
            caller.put("oid", token.getClaimAsString("oid"));
            caller.put("azp", token.getClaimAsString("azp"));
            return caller;
        }
    }
}
