package dev.tenantry.pages.store;

/**
 * What a new-organisation form signs up for: the catalog id (a self-service cloud offer or a suite SKU), its name and
 * offer text, where the form posts, and where an existing customer continues instead (after signing in).
 */
record StoreProduct(String id, String name, String offerText, String action, String existingAccountUrl) {

    String signInUrl() {
        return "/signin?returnUrl=" + existingAccountUrl;
    }
}
