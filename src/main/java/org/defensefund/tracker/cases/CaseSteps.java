package org.defensefund.tracker.cases;

import java.io.Serializable;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The steps a caller may take in one case now, computed by the one rule of {@link CaseStep}: what the case
 * page offers. A page asks {@link #allows(CaseStep)} (in EL, {@code steps.allows('CLOSE')}) or, by the word
 * it has used, {@link #allowsNamed(String)}; it never restates a status or a role.
 */
public final class CaseSteps implements Serializable {

    private static final long serialVersionUID = 1L;

    private final EnumSet<CaseStep> steps;

    private CaseSteps(EnumSet<CaseStep> steps) {
        this.steps = steps;
    }

    /** The steps open to a caller in this role in the case. */
    static CaseSteps available(LegalCase legalCase, CaseRole role) {
        EnumSet<CaseStep> open = EnumSet.noneOf(CaseStep.class);
        for (CaseStep step : CaseStep.values()) {
            if (step.isOpen(role, legalCase)) {
                open.add(step);
            }
        }
        return new CaseSteps(open);
    }

    /** No step at all. */
    public static CaseSteps none() {
        return new CaseSteps(EnumSet.noneOf(CaseStep.class));
    }

    public boolean allows(CaseStep step) {
        return steps.contains(step);
    }

    /** Whether any step the word stands for ({@link CaseStep#named}) is open. */
    public boolean allowsNamed(String word) {
        return CaseStep.named(word).stream().anyMatch(steps::contains);
    }

    /** The open steps, in the order of {@link CaseStep}. */
    public Set<CaseStep> asSet() {
        return Collections.unmodifiableSet(steps);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    @Override
    public String toString() {
        return steps.toString();
    }
}
