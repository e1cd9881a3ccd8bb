package dev.tenantry.pages.signin;

import dev.tenantry.pages.Chrome;
import java.util.List;

/**
 * Model of signin/frontchannel.jte (issue 11): the signed-out page that loads each application's front-channel logout
 * URL ({@code frames}) in a hidden iframe, then continues to {@code next} (the checked
 * {@code post_logout_redirect_uri}), or stays when it is null.
 */
public record FrontChannelLogoutPage(Chrome chrome, List<String> frames, String next) {

    public FrontChannelLogoutPage {
        frames = List.copyOf(frames);
    }
}
