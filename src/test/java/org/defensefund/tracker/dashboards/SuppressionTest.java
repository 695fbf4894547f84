package org.defensefund.tracker.dashboards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Small-cell suppression and secondary suppression on crafted counts. */
class SuppressionTest {

    private static final Suppression ON = new Suppression(5, true);

    private static List<Cell> cells(long... values) {
        return java.util.stream.IntStream.range(0, values.length).mapToObj(i -> Cell.shown("k" + i, "L" + i, values[i])).toList();
    }

    private static String shown(Breakdown b) {
        return b.cells().stream().map(c -> c.shownAs(5)).collect(Collectors.joining(" ")) + " | " + b.total().shownAs(5);
    }

    @Test
    void aSmallCountIsShownAsLessThanTheThreshold() {
        assertEquals("<5", ON.single(Cell.shown("x", "x", 4)).shownAs(5));
        assertEquals("5", ON.single(Cell.shown("x", "x", 5)).shownAs(5));
        assertNull(ON.single(Cell.shown("x", "x", 1)).value(), "the hidden value does not leave the service");
    }

    @Test
    void oneSmallCellBesideATotalHidesTheNextSmallestToo() {
        // 3 could be worked out as 40 - 20 - 9 - 8: the 8 is hidden as well.
        Breakdown b = ON.group("t", cells(20, 3, 9, 8), Cell.shown("total", "Total", 40));
        assertEquals("20 <5 9 * | 40", shown(b));
    }

    @Test
    void twoSmallCellsWhoseSumTellsThemApartAreProtectedFurther() {
        // 4 and 4 hidden: total - shown = 8 = 2 x 4, so both are known; a third is hidden.
        Breakdown b = ON.group("t", cells(4, 4, 10, 12), Cell.shown("total", "Total", 30));
        assertEquals("<5 <5 * 12 | 30", shown(b));
        // 2 and 3 hidden: their sum 5 does not tell them apart; nothing more is hidden.
        assertEquals("<5 <5 10 12 | 27", shown(ON.group("t", cells(2, 3, 10, 12), Cell.shown("total", "Total", 27))));
    }

    @Test
    void aSmallTotalIsHiddenAndAPairOfHiddenCellsKeepsItsTotal() {
        assertEquals("<5 <5 | <5", shown(ON.group("t", cells(1, 2), Cell.shown("total", "Total", 3))));
        assertEquals("<5 * | 10", shown(ON.group("t", cells(4, 6), Cell.shown("total", "Total", 10))), "4 and 6 both hidden: the total no longer tells either");
    }

    @Test
    void withoutSmallCountsOrWithSuppressionOffEverythingIsShown() {
        assertEquals("5 6 7 | 18", shown(ON.group("t", cells(5, 6, 7), Cell.shown("total", "Total", 18))));
        Breakdown off = new Suppression(5, false).group("t", cells(1, 9), Cell.shown("total", "Total", 10));
        assertEquals("1 9 | 10", shown(off));
        assertFalse(off.cells().get(0).isHidden());
    }
}
