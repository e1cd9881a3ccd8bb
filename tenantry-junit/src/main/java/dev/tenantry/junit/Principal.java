package dev.tenantry.junit;

/**
 * Who a resolved client acts as: a seeded user (user name and password) or a seeded app (client id and secret), in a
 * directory, with the cloud subscription ARM clients are bound to (null when the directory has none).
 */
record Principal(
        String baseUrl,
        String tenantId,
        String userName,
        String password,
        String clientId,
        String secret,
        String subscriptionId) {

    /** The client id of the Azure CLI, a public client every Tenantry directory knows; users sign in through it. */
    static final String PUBLIC_CLIENT = "04b07795-8ddb-461a-bbee-02f9e1bf7b46";

    boolean isUser() {
        return userName != null;
    }

    String authority() {
        return baseUrl + "/" + tenantId + "/";
    }

    String host() {
        return java.net.URI.create(baseUrl).getHost();
    }
}
