package dev.tenantry.subscriptions;

/** What a caller sends to open a support request, unchecked: {@link SupportService} validates it. */
public record NewSupportTicket(
        String title,
        String description,
        String serviceId,
        String problemClassificationId,
        String severity,
        String firstName,
        String lastName,
        String email,
        String contactMethod,
        String phone,
        String timeZone,
        String country,
        String language) {}
