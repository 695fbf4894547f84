/**
 * Accounts that must exist before anyone can sign in: the first administrator of a production
 * installation, or the demo organization, funder and one account per role in demo mode.
 */
package org.defensefund.tracker.bootstrap;
