package dev.tenantry.subscriptions;

import dev.tenantry.directory.Tenant;
import dev.tenantry.directory.User;

/** What a sign-up made: the directory, its first admin, and the first subscription. */
public record SignUpResult(Tenant tenant, User admin, Subscription subscription) {}
