package org.defensefund.tracker.retention;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * A client past the retention rule: all their cases ended, the last on {@code lastEnded}; {@code held} when a legal hold
 * in force keeps them (then the job leaves them). Only ids and case numbers: the list is about records, not people.
 */
public record RetentionDue(long clientId, String caseNumbers, LocalDate lastEnded, boolean held) implements Serializable {
}
