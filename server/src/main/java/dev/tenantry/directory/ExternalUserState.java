package dev.tenantry.directory;

/** Where a guest's invitation stands (Graph's {@code externalUserState}): sent and not yet redeemed, or redeemed. */
public enum ExternalUserState {
    PENDING_ACCEPTANCE("PendingAcceptance"),
    ACCEPTED("Accepted");

    private final String graphName;

    ExternalUserState(String graphName) {
        this.graphName = graphName;
    }

    public String graphName() {
        return graphName;
    }
}
