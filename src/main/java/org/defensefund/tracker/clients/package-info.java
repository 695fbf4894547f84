/** The people the fund serves: identity, contact, language, A-number; duplicate checks and search. */
package org.defensefund.tracker.clients;
