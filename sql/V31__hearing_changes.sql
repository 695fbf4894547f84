-- A hearing rescheduled or cancelled (issue: hearings change). A rescheduled hearing keeps its row: its time (and
-- court) change and the timeline says from what to what and why. A cancelled hearing keeps its row too, marked with
-- when, by whom and why: it stays on the case's list, marked cancelled, and is no longer anyone's next hearing, nor
-- reminded, nor in a calendar. The three columns are set together or not at all.
ALTER TABLE hearing
    ADD COLUMN cancelled_at  DATETIME(6)   NULL,
    ADD COLUMN cancelled_by  VARCHAR(254)  NULL,
    ADD COLUMN cancel_reason VARCHAR(1000) NULL,
    ADD CONSTRAINT ck_hearing_cancelled CHECK ((cancelled_at IS NULL) = (cancelled_by IS NULL)
        AND (cancelled_at IS NULL) = (cancel_reason IS NULL));

-- Rescheduling and cancelling are timeline entries.
ALTER TABLE case_event DROP CONSTRAINT ck_event_kind;
ALTER TABLE case_event
    ADD CONSTRAINT ck_event_kind CHECK (BINARY kind IN ('REFERRED', 'SCREENED', 'OFFERED', 'OFFER_ACCEPTED', 'OFFER_DECLINED',
        'OFFER_WITHDRAWN', 'RETURNED_TO_QUEUE', 'HEARING_RECORDED', 'CUSTODY_CHANGED', 'RELIEF_RECORDED', 'NOTICE_OF_APPEARANCE',
        'NOTE', 'CONFLICT_RECORDED', 'CLOSED', 'APPEAL_OPENED', 'CHARGED', 'BUDGET_OVERRIDE', 'MARKED_CONFIDENTIAL',
        'CONFIDENTIALITY_LIFTED', 'DEADLINE_MET', 'DEADLINE_WAIVED', 'REMINDER_CONSENT_GIVEN', 'REMINDER_CONSENT_WITHDRAWN',
        'CLIENT_REMINDER_SENT', 'HEARING_RESCHEDULED', 'HEARING_CANCELLED'));

-- A reminder of a hearing's old time, still pending when the hearing moved or was cancelled, is withdrawn: never sent,
-- kept (the outbox page shows it), and its dedupe key set free (suffixed with '~withdrawn:' and its id) so that a
-- hearing moved back to that time gets its reminders again.
ALTER TABLE outbox_message DROP CONSTRAINT ck_outbox_status;
ALTER TABLE outbox_message
    ADD CONSTRAINT ck_outbox_status CHECK (BINARY status IN ('PENDING', 'SENT', 'FAILED', 'WITHDRAWN'));
