package dev.tenantry.subscriptions;

/**
 * The classic administrator roles of a cloud subscription, as ARM's classicAdministrators names them. The account
 * administrator (R4) is the subscription's billing owner; the service administrator is the account administrator
 * unless changed; co-administrators are added by either. As Azure now does, each also holds the Owner role.
 */
public enum ClassicRole {
    SERVICE_ADMINISTRATOR("ServiceAdministrator"),
    ACCOUNT_ADMINISTRATOR("AccountAdministrator"),
    CO_ADMINISTRATOR("CoAdministrator");

    private final String armName;

    ClassicRole(String armName) {
        this.armName = armName;
    }

    /** ARM's name of the role, as in {@code properties.role}. */
    public String armName() {
        return armName;
    }
}
