package dev.tenantry.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tenantry.shared.AuthenticationException;
import dev.tenantry.shared.RequestError;
import java.io.IOException;
import java.util.Base64;

/**
 * Reads the shape of a bearer token before anything verifies it: three base64url parts whose first is a JSON object
 * (RFC 7515 §5.2). Anything else is a 401 {@code invalid_token}, so a verifier never sees a header it cannot parse.
 */
final class BearerTokens {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BearerTokens() {}

    static String requireWellFormed(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty() || !isJsonObject(parts[0])) {
            throw new AuthenticationException(RequestError.INVALID_TOKEN, "The access token is not a well-formed JWT.");
        }
        return token;
    }

    private static boolean isJsonObject(String part) {
        try {
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(part));
            return header != null && header.isObject();
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
