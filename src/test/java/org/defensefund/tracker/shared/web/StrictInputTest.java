package org.defensefund.tracker.shared.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Typed dates, numbers and paging requests are read strictly: what isn't exactly right is refused, never bent. */
class StrictInputTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Test
    void aDateMustExistNotBeMovedToANearbyDay() {
        assertEquals(Optional.of(LocalDate.of(2026, 2, 28)), DateInput.date("02/28/2026", TODAY));
        assertEquals(Optional.of(LocalDate.of(2024, 2, 29)), DateInput.date("2/29/2024", TODAY), "a leap day");
        for (String wrong : new String[] {"02/30/2026", "02/29/2026", "13/01/2026", "00/10/2026", "04/31/2026", "2026-02-01", "02/01/26x"}) {
            assertEquals(Optional.empty(), DateInput.date(wrong, TODAY), wrong);
        }
    }

    @Test
    void aDateMustBeInPlausibleYearsAndAsciiDigits() {
        assertEquals(Optional.of(LocalDate.of(1900, 1, 1)), DateInput.date("01/01/1900", TODAY));
        assertEquals(Optional.of(LocalDate.of(2036, 12, 1)), DateInput.date("12/01/2036", TODAY), "ten years ahead");
        for (String wrong : new String[] {"01/01/0001", "12/31/9999", "12/31/1899", "12/02/2036", "01/02/26",
                "٠١/٠٢/٢٠٢٦", "０１/０２/２０２６"}) {
            assertEquals(Optional.empty(), DateInput.date(wrong, TODAY), wrong);
        }
    }

    @Test
    void aDateAndTimeIsStrictToo() {
        assertEquals(Optional.of(LocalDateTime.of(2026, 3, 2, 10, 30)), DateInput.dateTime("03/02/2026 10:30 AM", TODAY));
        assertEquals(Optional.of(LocalDateTime.of(2026, 3, 2, 13, 5)), DateInput.dateTime("03/02/2026 01:05 pm", TODAY));
        for (String wrong : new String[] {"02/30/2026 10:00 AM", "03/02/2026 13:00 PM", "03/02/9999 10:00 AM", "03/02/2026"}) {
            assertEquals(Optional.empty(), DateInput.dateTime(wrong, TODAY), wrong);
        }
    }

    @Test
    void typedTextHoldsNoControlCharacterButTabsAndLineBreaks() {
        for (String text : new String[] {"", "Ana María", "line one\r\nline two\tend", "\u202Eright to left\u200B", "\uD83D\uDE00 emoji",
                "#{1+1} <b>markup</b> ' OR 1=1 --"}) {
            assertTrue(PlainTextValidator.isPlainText(text), text);
        }
        for (String text : new String[] {"a\u0000b", "\u0001", "bell\u0007", "\u001b[31mred", "del\u007f", "next line\u0085", "\u009b"}) {
            assertEquals(false, PlainTextValidator.isPlainText(text), text.codePoints().mapToObj(c -> Integer.toHexString(c)).toList().toString());
        }
    }

    @Test
    void numbersTakeAsciiDigitsOnly() {
        assertEquals(Optional.of(12L), NumberInput.whole(" 12 "));
        assertEquals(Optional.of(-3L), NumberInput.whole("-3"));
        assertEquals(Optional.of(new BigDecimal("1250.00")), NumberInput.decimal("1250.00"));
        assertEquals(Optional.of(new BigDecimal(".5")), NumberInput.decimal(".5"));
        for (String wrong : new String[] {"١٢", "１２", "۱۲", "12a", "1e5", "1,250", "", "99999999999999999999"}) {
            assertEquals(Optional.empty(), NumberInput.whole(wrong), wrong);
        }
        for (String wrong : new String[] {"١٢٥٠.٠٠", "１２５０", "1E+3", "1,250.00", "12.5.1", "NaN", "."}) {
            assertEquals(Optional.empty(), NumberInput.decimal(wrong), wrong);
        }
    }

    @Test
    void aTamperedPagingRequestBecomesAPageTheTableOffers() {
        List<Integer> offered = PagingRequest.offered("10,20,50,100");
        assertEquals(List.of(10, 20, 50, 100), offered);
        assertEquals(50, PagingRequest.rows("50", offered, 20));
        for (String rows : new String[] {"7", "0", "-3", "100000", "abc", null, "*"}) {
            assertEquals(20, PagingRequest.rows(rows, offered, 20), "rows " + rows);
        }
        assertEquals(40, PagingRequest.first("40", 20));
        assertEquals(40, PagingRequest.first("45", 20), "the start of its page");
        assertEquals(0, PagingRequest.first("-5", 20));
        assertEquals(0, PagingRequest.first("abc", 20));
        assertTrue(PagingRequest.first("2147483647", 20) <= PagingRequest.MAX_FIRST);
        assertTrue(PagingRequest.first("999999999999", 20) <= PagingRequest.MAX_FIRST);
    }
}
