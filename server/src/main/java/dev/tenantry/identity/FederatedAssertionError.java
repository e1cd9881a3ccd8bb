package dev.tenantry.identity;

import dev.tenantry.shared.ErrorCode;

/**
 * The stable error codes of assertions exchanged through a federated identity credential (workload identity
 * federation, issue 11), each Entra's AADSTS number: which part of the assertion matched no registered credential, or
 * that the issuer's keys could not be fetched. Expiry and signature share {@link ClientAssertionError}.
 */
public enum FederatedAssertionError implements ErrorCode {
    /** The application has no federated identity credential at all (AADSTS70021). */
    NO_MATCHING_FEDERATED_CREDENTIAL(Kind.AUTHENTICATION),
    /** No credential of the application names the assertion's issuer (AADSTS700211). */
    FEDERATED_ISSUER_MISMATCH(Kind.AUTHENTICATION),
    /** A credential names the issuer and subject, but not the assertion's audience (AADSTS700212). */
    FEDERATED_AUDIENCE_MISMATCH(Kind.AUTHENTICATION),
    /** Credentials name the issuer, but none the assertion's subject (AADSTS700213). */
    FEDERATED_SUBJECT_MISMATCH(Kind.AUTHENTICATION),
    /** The issuer's OpenID configuration or keys could not be fetched (AADSTS50166). */
    FEDERATED_ISSUER_UNREACHABLE(Kind.INVALID_REQUEST);

    private final Kind kind;

    FederatedAssertionError(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Kind kind() {
        return kind;
    }
}
