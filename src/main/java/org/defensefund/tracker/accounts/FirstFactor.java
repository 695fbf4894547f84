package org.defensefund.tracker.accounts;

/**
 * The outcome of a right password at sign-in: the account, and the proof ({@link SignInTickets}) the
 * next steps need.
 */
public record FirstFactor(UserAccount account, String proof) {
}
