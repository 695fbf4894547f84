package org.defensefund.tracker.access;

/**
 * The three kinds of people who sign in. The names are the security roles of web.xml and the groups the
 * identity store grants.
 */
public enum Role {
    /** Fund staff: intake, screening, assignment, partners, users and grants; they see everything. */
    ADMIN,
    /** Staff of one partner legal organization: only that organization's cases. */
    PARTNER,
    /** Staff of one funder: aggregate, de-identified results of what that funder pays for. */
    FUNDER;

    public static final String ADMIN_NAME = "ADMIN";
    public static final String PARTNER_NAME = "PARTNER";
    public static final String FUNDER_NAME = "FUNDER";
}
