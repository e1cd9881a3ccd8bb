package dev.tenantry.pages.signin;

import dev.tenantry.pages.Chrome;

/** Model of signin/signin.jte: the username step, or the password step for {@code userName}. */
public record SignInPage(Chrome chrome, boolean passwordStep, String userName, String returnUrl, String error) {}
