package dev.tenantry.shared;

import java.util.List;

/** The caller is known but lacks a permission; {@link #requiredRoles()} names the roles that would do. */
public final class AccessDeniedException extends DomainException {

    private static final long serialVersionUID = 1L;

    @SuppressWarnings("serial") // an immutable List.copyOf
    private final List<String> requiredRoles;

    public AccessDeniedException(ErrorCode code, String message) {
        this(code, message, List.of());
    }

    public AccessDeniedException(ErrorCode code, String message, List<String> requiredRoles) {
        super(code, ErrorCode.Kind.ACCESS_DENIED, message);
        this.requiredRoles = List.copyOf(requiredRoles);
    }

    public List<String> requiredRoles() {
        return requiredRoles;
    }
}
