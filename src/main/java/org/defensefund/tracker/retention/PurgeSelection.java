package org.defensefund.tracker.retention;

/** Whose personal data an emergency purge erases: every client, or those whose cases have all ended. */
public enum PurgeSelection {
    ALL, ENDED
}
