package dev.tenantry.directory.apps;

/** The two objects of an application that have owners: its registration and its service principal. */
public enum AppObjectKind {
    APPLICATION,
    SERVICE_PRINCIPAL
}
