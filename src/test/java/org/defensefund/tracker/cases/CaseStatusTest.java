package org.defensefund.tracker.cases;

import static org.defensefund.tracker.cases.CaseStatus.ASSIGNED;
import static org.defensefund.tracker.cases.CaseStatus.CLOSED;
import static org.defensefund.tracker.cases.CaseStatus.ELIGIBLE;
import static org.defensefund.tracker.cases.CaseStatus.INELIGIBLE;
import static org.defensefund.tracker.cases.CaseStatus.OFFERED;
import static org.defensefund.tracker.cases.CaseStatus.PENDING_DOCUMENTS;
import static org.defensefund.tracker.cases.CaseStatus.REFERRED;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every pair of statuses: the allowed moves succeed, every other move is refused with a message. */
class CaseStatusTest {

    /** The domain's case path, written out independently of the enum. */
    private static final Map<CaseStatus, Set<CaseStatus>> ALLOWED = Map.of(
            REFERRED, EnumSet.of(PENDING_DOCUMENTS, ELIGIBLE, INELIGIBLE),
            PENDING_DOCUMENTS, EnumSet.of(ELIGIBLE, INELIGIBLE, CLOSED),
            ELIGIBLE, EnumSet.of(OFFERED, CLOSED),
            OFFERED, EnumSet.of(ASSIGNED, ELIGIBLE),
            ASSIGNED, EnumSet.of(CLOSED, ELIGIBLE),
            INELIGIBLE, EnumSet.noneOf(CaseStatus.class),
            CLOSED, EnumSet.noneOf(CaseStatus.class));

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (CaseStatus from : CaseStatus.values()) {
            for (CaseStatus to : CaseStatus.values()) {
                pairs.add(Arguments.of(from, to, ALLOWED.get(from).contains(to)));
            }
        }
        return pairs.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}: allowed {2}")
    @MethodSource("everyPair")
    void eachMoveIsAllowedOrRefusedAsTheDomainSays(CaseStatus from, CaseStatus to, boolean allowed) {
        assertEquals(allowed, from.canMoveTo(to));
        if (allowed) {
            assertDoesNotThrow(() -> from.requireMoveTo(to));
        } else {
            IllegalTransitionException refused = assertThrows(IllegalTransitionException.class, () -> from.requireMoveTo(to));
            assertEquals("case.transition.illegal", refused.messageKey());
            assertEquals(from, refused.from());
            assertEquals(to, refused.to());
        }
    }

    @Test
    void everyStatusIsCovered() {
        assertEquals(EnumSet.allOf(CaseStatus.class), ALLOWED.keySet());
        assertEquals(49, everyPair().count());
    }

    @Test
    void onlyIneligibleAndClosedAreFinal() {
        for (CaseStatus status : CaseStatus.values()) {
            assertEquals(status != INELIGIBLE && status != CLOSED, status.isOpen(), status.name());
            assertEquals(!status.isOpen(), status.next().isEmpty(), status.name());
        }
        assertFalse(CLOSED.canMoveTo(REFERRED), "an appeal is a new case, not a reopening");
        assertTrue(OFFERED.canMoveTo(ELIGIBLE), "a declined offer goes back to the queue");
    }
}
