package dev.tenantry.web;

import java.util.List;

/**
 * A failure ready to render: HTTP status, stable code, a message that says what to fix, and for a missing role the
 * roles that would do.
 */
public record Failure(int status, String code, String message, List<String> requiredRoles) {

    public Failure {
        requiredRoles = List.copyOf(requiredRoles);
    }

    public Failure(int status, String code, String message) {
        this(status, code, message, List.of());
    }
}
