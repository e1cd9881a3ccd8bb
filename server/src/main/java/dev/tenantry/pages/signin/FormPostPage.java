package dev.tenantry.pages.signin;

import java.util.List;

/** Model of signin/form_post.jte: the authorization response posted to the client's redirect URI (response_mode=form_post). */
public record FormPostPage(String action, List<Field> fields) {

    /** One form field. */
    public record Field(String name, String value) {}
}
