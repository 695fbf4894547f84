/**
 * User accounts: who may sign in and how (passwords, one-time links, two-factor codes, recovery codes, the
 * throttle, the identity store behind the sign-in form) and their administration. The caller as services see
 * it is the small {@code access} kernel's {@code CurrentUser}; this feature tells it who an account is.
 */
package org.defensefund.tracker.accounts;
