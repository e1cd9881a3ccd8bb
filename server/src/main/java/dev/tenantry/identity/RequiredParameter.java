package dev.tenantry.identity;

import dev.tenantry.shared.InvalidRequestException;

/** The first check of the token endpoint: a parameter the grant needs is present and not blank (AADSTS900144). */
public final class RequiredParameter {

    private RequiredParameter() {}

    /** {@code value} when it is present, else the {@code missing_parameter} refusal naming the form field. */
    public static String of(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestException(
                    IdentityError.MISSING_PARAMETER,
                    "The request body must contain the following parameter: '" + field + "'.");
        }
        return value;
    }
}
