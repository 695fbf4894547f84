package org.defensefund.tracker.accounts.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Form sign-in on our own Faces page ({@code /login.xhtml}); the page hands the credentials to
 * Jakarta Security, which checks them against {@link org.defensefund.tracker.accounts.AccountIdentityStore}
 * and keeps the caller in the HTTP session. An unauthenticated request is redirected to the page and,
 * after sign-in, back to where it was going.
 */
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = false))
@ApplicationScoped
public class SecurityConfiguration {
}
