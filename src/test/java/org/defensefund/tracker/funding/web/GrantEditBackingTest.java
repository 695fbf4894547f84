package org.defensefund.tracker.funding.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The grant form's municipality line, read into names the grant keeps (trimmed, empty ones dropped). */
class GrantEditBackingTest {

    @Test
    void commasSemicolonsAndLineBreaksSeparateNamesAndRepeatsDoNotBreakTheForm() {
        assertEquals(Set.of("Boston", "Chelsea", "Revere"), GrantEditBacking.municipalities("Boston, Chelsea; Revere\n"));
        assertEquals(Set.of("Boston", "Chelsea"), GrantEditBacking.municipalities(" ,Boston,,, ;Chelsea"), "empty pieces repeat without an error");
        assertEquals(Set.of(), GrantEditBacking.municipalities(null));
    }
}
