/**
 * Who may sign in and what they may reach: user accounts, roles, password hashing, the identity store
 * behind the sign-in form, and the current caller as every service sees it.
 */
package org.defensefund.tracker.access;
