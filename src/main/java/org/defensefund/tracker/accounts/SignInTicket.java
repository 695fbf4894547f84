package org.defensefund.tracker.accounts;

import jakarta.security.enterprise.credential.Credential;

/** The credential the sign-in page hands to Jakarta Security once every factor was checked ({@link SignInTickets}). */
public record SignInTicket(String value) implements Credential {
}
