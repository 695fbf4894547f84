/**
 * Cases: a client's matter from referral through screening, offer and assignment to a partner,
 * representation (hearings, custody, relief) to its outcome, with a timeline of every change.
 */
package org.defensefund.tracker.cases;
