package org.defensefund.tracker.funding;

import java.util.List;
import org.defensefund.tracker.shared.BusinessException;

/**
 * A case or cost fails one or more restrictions. The message is the first failure's
 * ({@code restriction.KIND}, with what the restriction allows); {@link #failures()} has them all.
 */
public class RestrictionException extends BusinessException {

    private static final long serialVersionUID = 1L;

    private final transient List<RestrictionFailure> failures;

    public RestrictionException(String field, List<RestrictionFailure> failures) {
        super("restriction." + failures.get(0).kind().name(), field, failures.get(0).allowed());
        this.failures = List.copyOf(failures);
    }

    public List<RestrictionFailure> failures() {
        return failures;
    }
}
