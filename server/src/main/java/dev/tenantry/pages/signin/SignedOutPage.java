package dev.tenantry.pages.signin;

import dev.tenantry.pages.Chrome;

/** Model of signin/signedout.jte: shown after logout when no post-logout redirect URI was given. */
public record SignedOutPage(Chrome chrome) {}
