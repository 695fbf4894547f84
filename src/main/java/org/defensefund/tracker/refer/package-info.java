/**
 * The public referral form at {@code /refer/}: anyone, without signing in, in English or one of Boston's ten
 * languages, tells the fund about a person who needs a lawyer; the referral joins the intake queue through the
 * cases' intake service. Here: the form's limits on how often it may be used.
 */
package org.defensefund.tracker.refer;
