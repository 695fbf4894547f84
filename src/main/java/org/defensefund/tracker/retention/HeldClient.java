package org.defensefund.tracker.retention;

import java.io.Serializable;

/** A legal hold in force, with the case numbers of its client (for the administrators' page). */
public record HeldClient(LegalHold hold, String caseNumbers) implements Serializable {
}
