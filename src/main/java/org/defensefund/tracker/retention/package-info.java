/** Retention of clients' personal data: the fund's rule, legal holds, the anonymisation of a client and the purge ledger that keeps restores from bringing erased data back. */
package org.defensefund.tracker.retention;
