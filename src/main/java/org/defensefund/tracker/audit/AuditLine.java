package org.defensefund.tracker.audit;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One audit entry as a person reads it: when (in the fund's zone, to the second), who, what, the record by its
 * kind and name ("Partner", "Demo Immigrant Legal Services"), and field by field what changed.
 */
public final class AuditLine implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long id;
    private final LocalDateTime when;
    private final String actor;
    private final AuditAction action;
    private final String recordType;
    private final String recordId;
    private final String recordName;
    private final List<FieldChange> changes;

    /**
     * @param recordName the record's name ({@link org.defensefund.tracker.shared.NamedRecord}), or null when it has
     *                   none or no longer exists (the page then shows its id)
     * @param changes    for a creation every field given a value, for a change the fields that changed, for a
     *                   deletion every field it had; for a view, what was viewed
     */
    public AuditLine(long id, LocalDateTime when, String actor, AuditAction action, String recordType, String recordId,
                     String recordName, List<FieldChange> changes) {
        this.id = id;
        this.when = when;
        this.actor = actor;
        this.action = action;
        this.recordType = recordType;
        this.recordId = recordId;
        this.recordName = recordName;
        this.changes = List.copyOf(changes);
    }

    public long getId() {
        return id;
    }

    public LocalDateTime getWhen() {
        return when;
    }

    public String getActor() {
        return actor;
    }

    public AuditAction getAction() {
        return action;
    }

    public String getRecordType() {
        return recordType;
    }

    public String getRecordId() {
        return recordId;
    }

    public String getRecordName() {
        return recordName;
    }

    public List<FieldChange> getChanges() {
        return changes;
    }

    /** One field: its name, its value before and after (null: none). */
    public static final class FieldChange implements Serializable {

        private static final long serialVersionUID = 1L;

        private final String field;
        private final String before;
        private final String after;

        public FieldChange(String field, String before, String after) {
            this.field = field;
            this.before = before;
            this.after = after;
        }

        public String getField() {
            return field;
        }

        public String getBefore() {
            return before;
        }

        public String getAfter() {
            return after;
        }

        /**
         * The bundle key of what the page shows in place of the value before, when it is one of the trail's markers
         * rather than a value ("personal data, not recorded", "personal data erased"); null for a value.
         */
        public String getBeforeNote() {
            return note(before);
        }

        /** As {@link #getBeforeNote()}, for the value after. */
        public String getAfterNote() {
            return note(after);
        }

        static String note(String value) {
            if (Snapshots.PERSONAL_DATA.equals(value)) {
                return "admin_audit.personalDataNotRecorded";
            }
            return SealedTexts.ERASED.equals(value) ? "admin_audit.personalDataErased" : null;
        }

        /** The field's name in words: "referralDate" → "referral date", "address.city" → "address city". */
        public String getWords() {
            return field.replace('.', ' ').replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof FieldChange change && field.equals(change.field) && Objects.equals(before, change.before)
                    && Objects.equals(after, change.after);
        }

        @Override
        public int hashCode() {
            return Objects.hash(field, before, after);
        }

        @Override
        public String toString() {
            return field + ": " + before + " → " + after;
        }
    }
}
