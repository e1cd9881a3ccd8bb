package dev.tenantry.directory.apps;

/** A client secret just created: the only time its {@code secretText} is ever shown. */
public record CreatedSecret(ClientSecret credential, String secretText) {

    @Override
    public String toString() {
        return "CreatedSecret[credential=" + credential + ", secretText=***]";
    }
}
