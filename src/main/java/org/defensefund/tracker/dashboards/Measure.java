package org.defensefund.tracker.dashboards;

/**
 * What the dashboards count about a case: each measure counts a case once, at one of its days (a column
 * of {@code case_fact}), grouped by one of its values or not at all. The read model's tally and the
 * dashboard's queries both take the day and the value from here, so they cannot disagree.
 *
 * <p>"Served" figures (cases represented at some time in a period: assigned before its end and not closed
 * before its start) are a difference of two running counts: assigned up to the period's end, minus
 * "served until" (closed, having been assigned) before its start.
 */
enum Measure {
    REFERRED("referral_day", null, false),
    ELIGIBLE("eligible_day", null, false),
    ASSIGNED("assigned_day", null, false),
    CLOSED("closed_day", null, false),
    SERVED_UNTIL("served_until_day", null, false),
    OUTCOME("closed_day", "outcome_id", true),
    CUSTODY_RESULT("closed_day", "custody_result_id", true),
    TO_ASSIGNMENT("assigned_day", "days_to_assignment", true),
    TO_FIRST_ACTION("assigned_day", "days_to_first_action", true),
    ASSIGNED_BY_PARTNER("assigned_day", "partner_id", true),
    SERVED_UNTIL_BY_PARTNER("served_until_day", "partner_id", true),
    ASSIGNED_BY_COUNTRY("assigned_day", "country", false),
    SERVED_UNTIL_BY_COUNTRY("served_until_day", "country", false),
    ASSIGNED_BY_LANGUAGE("assigned_day", "language_code", false),
    SERVED_UNTIL_BY_LANGUAGE("served_until_day", "language_code", false),
    ASSIGNED_BY_COURT("assigned_day", "court_id", false),
    SERVED_UNTIL_BY_COURT("served_until_day", "court_id", false),
    ASSIGNED_BY_CUSTODY("assigned_day", "custody", false),
    SERVED_UNTIL_BY_CUSTODY("served_until_day", "custody", false);

    /** The {@code case_fact} column of the day the case counts at; a case without that day doesn't count. */
    final String dayColumn;
    /** The {@code case_fact} column the count is grouped by, or null for a plain count. */
    final String dimColumn;
    /** Whether a case whose value is unknown is left out (true) or counted under "" (false). */
    final boolean skipUnknown;

    Measure(String dayColumn, String dimColumn, boolean skipUnknown) {
        this.dayColumn = dayColumn;
        this.dimColumn = dimColumn;
        this.skipUnknown = skipUnknown;
    }

    /**
     * The group a case with these facts counts under, "" for a plain count, or null if it doesn't count
     * (no day, or an unknown value that is left out).
     */
    String dimOf(java.util.Map<String, Object> fact) {
        if (fact.get(dayColumn) == null) {
            return null;
        }
        if (dimColumn == null) {
            return "";
        }
        Object value = fact.get(dimColumn);
        if (value == null) {
            return skipUnknown ? null : "";
        }
        return value.toString();
    }

    /** The same as SQL over {@code case_fact f}: the group, NULL where the case doesn't count. */
    String dimSql() {
        if (dimColumn == null) {
            return "CAST('' AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_bin";
        }
        String value = "CAST(f." + dimColumn + " AS CHAR CHARACTER SET utf8mb4) COLLATE utf8mb4_bin";
        return skipUnknown ? value : "COALESCE(" + value + ", '')";
    }
}
