/**
 * The access kernel every feature uses: the caller of the current request ({@code CurrentUser}: signed in,
 * role, organization), the roles, and running work as a named caller. Who an account is comes from the
 * accounts feature through {@code CallerDirectory}; the rules of who reaches what live in each feature's
 * rule object ({@code CaseAccess}, {@code FundingAccess}).
 */
package org.defensefund.tracker.access;
