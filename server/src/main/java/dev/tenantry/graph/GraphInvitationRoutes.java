package dev.tenantry.graph;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.tenantry.directory.GuestError;
import dev.tenantry.directory.guests.GuestService;
import dev.tenantry.directory.guests.Invitation;
import dev.tenantry.directory.guests.NewInvitation;
import dev.tenantry.shared.InvalidRequestException;
import dev.tenantry.web.Authentication;
import dev.tenantry.web.BaseUrl;
import dev.tenantry.web.Gate;
import dev.tenantry.web.JsonBody;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Graph v1.0 {@code POST /invitations}: invites an address as a guest of the caller's directory and answers the
 * invitation with its redeem URL on this server. {@code sendInvitationMessage} is accepted and ignored (Tenantry sends
 * no mail); the redeem URL is for the inviter to pass on.
 *
 * @see <a href="https://learn.microsoft.com/graph/api/invitation-post">Graph: create invitation</a>
 */
public final class GraphInvitationRoutes {

    private final GuestService guests;

    public GraphInvitationRoutes(GuestService guests) {
        this.guests = guests;
    }

    public void register(RoutesConfig routes) {
        routes.post("/v1.0/invitations", this::create, Gate.GRAPH);
    }

    private void create(Context ctx) {
        CreateInvitationRequest body = JsonBody.read(ctx, CreateInvitationRequest.class);
        if (Boolean.TRUE.equals(body.resetRedemption())) {
            throw new InvalidRequestException(
                    GuestError.RESET_REDEMPTION_UNSUPPORTED,
                    "resetRedemption is not supported: delete the guest user and invite the address again.");
        }
        Invitation invitation = guests.invite(
                Authentication.caller(ctx),
                GraphResponses.tenant(ctx),
                new NewInvitation(
                        body.invitedUserEmailAddress(),
                        body.invitedUserDisplayName(),
                        body.inviteRedirectUrl(),
                        body.invitedUserType()));
        GraphResponses.write(
                ctx,
                201,
                GraphResponses.entity(
                        ctx,
                        "invitations/$entity",
                        json(invitation, BaseUrl.of(ctx), Boolean.TRUE.equals(body.sendInvitationMessage()))));
    }

    /** Graph's invitation resource. */
    static Map<String, Object> json(Invitation invitation, String baseUrl, boolean sendInvitationMessage) {
        Map<String, Object> messageInfo = new LinkedHashMap<>();
        messageInfo.put("messageLanguage", null);
        messageInfo.put("ccRecipients", List.of());
        messageInfo.put("customizedMessageBody", null);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", invitation.id().toString());
        json.put("inviteRedeemUrl", baseUrl + invitation.redeemPath());
        json.put("invitedUserDisplayName", invitation.user().displayName());
        json.put("invitedUserType", "Guest");
        json.put("invitedUserEmailAddress", invitation.guest().invitedEmail());
        json.put("sendInvitationMessage", sendInvitationMessage);
        json.put("resetRedemption", false);
        json.put("inviteRedirectUrl", invitation.guest().redirectUrl());
        json.put("status", invitation.status());
        json.put("invitedUserMessageInfo", messageInfo);
        json.put("invitedUser", Map.of("id", invitation.user().id().toString()));
        return json;
    }

    /** Graph's create-invitation body; {@code invitedUserMessageInfo} and unknown properties are ignored. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CreateInvitationRequest(
            String invitedUserEmailAddress,
            String inviteRedirectUrl,
            String invitedUserDisplayName,
            String invitedUserType,
            Boolean sendInvitationMessage,
            Boolean resetRedemption) {}
}
