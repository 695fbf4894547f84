package org.defensefund.tracker.deadlines;

import java.io.Serializable;

/**
 * A deadline as the caller sees it today: whether it is overdue, how many days are left (negative when overdue), and
 * whether the caller may mark it met or waive it ({@link DeadlineAccess}).
 */
public record DeadlineView(Deadline deadline, boolean overdue, long daysLeft, boolean closable) implements Serializable {
}
