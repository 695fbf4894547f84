/** Deadlines: the rules that compute a case's due dates from its recorded facts, the deadlines kept for every case, and meeting or waiving them. */
package org.defensefund.tracker.deadlines;
