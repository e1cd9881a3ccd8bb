package dev.tenantry.identity;

import java.util.Set;

/**
 * One grant the token endpoint answers (RFC 6749 §4): {@link TokenService} hands it every request whose
 * {@code grant_type} it names. A new grant is a new class plus one line in the list the server registers.
 */
public interface Grant {

    /** The {@code grant_type} values this grant answers; never empty, and no other registered grant names them. */
    Set<String> grantTypes();

    /**
     * Issues the tokens {@code request} asks for, or throws the {@code DomainException} that refuses it;
     * {@code baseUrl} is the issuer's scheme and host.
     */
    TokenResponse issue(TokenRequest request, String baseUrl);
}
