package org.defensefund.tracker.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CaseLoadTest {

    @Test
    void fullAtCapacityAndOverPastIt() {
        assertFalse(new CaseLoad(24, 25).full());
        assertTrue(new CaseLoad(25, 25).full());
        assertFalse(new CaseLoad(25, 25).over());
        assertTrue(new CaseLoad(216, 25).over());
        assertEquals(-191, new CaseLoad(216, 25).roomLeft());
        assertEquals(1, new CaseLoad(24, 25).roomLeft());
    }
}
