package dev.tenantry.pages;

import java.util.List;

/** Model of error.jte. */
public record ErrorPage(Chrome chrome, int status, String title, String message, List<String> requiredRoles) {}
