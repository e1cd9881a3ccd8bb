package dev.tenantry.directory;

/** Whether a user object is a member of its directory or a guest that points to a home user elsewhere (R2). */
public enum UserType {
    MEMBER("Member"),
    GUEST("Guest");

    private final String graphName;

    UserType(String graphName) {
        this.graphName = graphName;
    }

    public String graphName() {
        return graphName;
    }
}
