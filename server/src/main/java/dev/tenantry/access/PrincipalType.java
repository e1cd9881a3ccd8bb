package dev.tenantry.access;

/** What kind of directory object a role assignment is for, named as ARM names it. */
public enum PrincipalType {
    USER("User"),
    SERVICE_PRINCIPAL("ServicePrincipal"),
    GROUP("Group");

    private final String armName;

    PrincipalType(String armName) {
        this.armName = armName;
    }

    public String armName() {
        return armName;
    }
}
