package org.defensefund.tracker.partners;

/**
 * What kind of immigration defence a partner takes on. Matching a case to a partner reads these:
 * a detained client needs a partner with a detained practice.
 */
public enum PracticeArea {
    DETAINED_REMOVAL,
    NON_DETAINED_REMOVAL,
    BOND_HEARINGS,
    ASYLUM,
    APPEALS,
    CHILDREN_SIJS,
    SURVIVORS_VAWA_U_T
}
