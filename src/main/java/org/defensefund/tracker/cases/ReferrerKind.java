package org.defensefund.tracker.cases;

/** Who sent a referral through the public form: the person themselves, someone close to them, or an organization. */
public enum ReferrerKind {
    SELF, FAMILY_OR_FRIEND, ORGANIZATION
}
