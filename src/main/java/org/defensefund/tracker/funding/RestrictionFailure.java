package org.defensefund.tracker.funding;

import java.io.Serializable;

/**
 * One restriction a case or cost fails, with what the restriction allows (names of case types, the
 * municipalities, the maximum) for the message; pages show it as {@code restriction.KIND}.
 */
public record RestrictionFailure(RestrictionKind kind, String allowed) implements Serializable {
}
