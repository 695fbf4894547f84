package org.defensefund.tracker.reminders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.defensefund.tracker.shared.Languages;
import org.junit.jupiter.api.Test;

class ReminderMailTest {

    private static final ZoneId BOSTON = ZoneId.of("America/New_York");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    private static ReminderMail.Context context(String tag, String formats) {
        ResourceBundle texts = ResourceBundle.getBundle(Languages.BUNDLE, Locale.forLanguageTag(tag),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new ReminderMail.Context(texts, Locale.forLanguageTag(formats), BOSTON, "Test Fund", "http://tracker.test/", "Ana", TODAY);
    }

    private static ReminderItem hearingTomorrow(String caseNumber) {
        LocalDateTime at = TODAY.plusDays(1).atTime(9, 30);
        return new ReminderItem(ReminderKind.HEARING_TOMORROW, 1L, caseNumber, at.toLocalDate(), at.atZone(BOSTON).toInstant(),
                "MASTER_CALENDAR", 1, "HEARING:1");
    }

    private static ReminderItem deadline(String caseNumber, long days) {
        return new ReminderItem(ReminderKind.DEADLINE, 2L, caseNumber, TODAY.plusDays(days), null, "BIA_APPEAL", days, "DEADLINE:" + caseNumber);
    }

    @Test
    void aDigestHasASectionPerKindInTheirOrderWithItsLines() {
        Findings findings = new Findings(List.of(deadline("2026-00007", 7), hearingTomorrow("2026-00001"), deadline("2026-00003", 3)), Map.of(), List.of());
        ReminderMail.Composed mail = ReminderMail.digest(findings, context("en", "en-US"));
        assertEquals("Test Fund: your reminders for Tuesday, December 1, 2026", mail.subject());
        String body = mail.body();
        assertTrue(body.startsWith("Hello Ana,\n"), body);
        assertTrue(body.indexOf("Hearings tomorrow (1)") < body.indexOf("Deadlines in 7, 3 or 1 days (2)"), body);
        assertTrue(body.contains("- Case 2026-00001: Master calendar hearing, Wednesday, December 2, 2026"), body);
        assertTrue(body.contains("9:30"), body);
        assertTrue(body.contains("- Case 2026-00007: BIA appeal (EOIR-26), due Tuesday, December 8, 2026 (in 7 days)"), body);
        assertTrue(body.contains("(in 3 days)"), body);
        assertTrue(body.contains("http://tracker.test/"), body);
        assertFalse(body.contains("Offers"), "no section without lines");
    }

    @Test
    void aDigestWithNothingToTellIsNotWritten() {
        assertNull(ReminderMail.digest(new Findings(List.of(), Map.of(), List.of()), context("en", "en-US")));
    }

    @Test
    void aLongSectionIsCutAndCountsTheRest() {
        List<ReminderItem> many = new ArrayList<>();
        for (int i = 0; i < ReminderMail.LINES + 5; i++) {
            many.add(new ReminderItem(ReminderKind.DETAINED_NO_ATTORNEY, (long) i, "2026-" + (10000 + i), null, null, null, 0, "D:" + i));
        }
        String body = ReminderMail.digest(new Findings(many.subList(0, ReminderMail.LINES), Map.of(ReminderKind.DETAINED_NO_ATTORNEY, 137L), List.of()),
                context("en", "en-US")).body();
        assertTrue(body.contains("Detained people without an attorney (137)"), body);
        assertEquals(ReminderMail.LINES, body.lines().filter(l -> l.startsWith("- Case ")).count());
        assertTrue(body.contains("… and 117 more"), body);
    }

    @Test
    void aSpanishReadersDigestIsInSpanish() {
        Findings findings = new Findings(List.of(hearingTomorrow("2026-00001"), deadline("2026-00002", 1)), Map.of(), List.of());
        ReminderMail.Composed mail = ReminderMail.digest(findings, context("es", "es-US"));
        assertTrue(mail.subject().startsWith("Test Fund: sus recordatorios del "), mail.subject());
        assertTrue(mail.subject().contains("diciembre"), mail.subject());
        assertTrue(mail.body().startsWith("Hola, Ana:"), mail.body());
        assertTrue(mail.body().contains("Audiencias mañana (1)"), mail.body());
        assertTrue(mail.body().contains("- Caso 2026-00001: Audiencia preliminar (master calendar), miércoles, 2 de diciembre de 2026"), mail.body());
        assertTrue(mail.body().contains("(en 1 día)"), mail.body());
    }

    @Test
    void anImmediateReminderNamesTheCaseByItsNumber() {
        ReminderItem due = new ReminderItem(ReminderKind.DEADLINE_SOON, 5L, "2026-00005", TODAY, null, "NOTICE_OF_APPEARANCE", 0, "DEADLINE:5");
        ReminderMail.Composed mail = ReminderMail.soon(due, context("en", "en-US"));
        assertEquals("Due within 24 hours: case 2026-00005", mail.subject());
        assertTrue(mail.body().contains("Case 2026-00005: Notice of appearance (EOIR-28), due Tuesday, December 1, 2026"), mail.body());
    }

    @Test
    void aSubAwardsShareIsAPercentageInTheReadersFormats() {
        ReminderItem alert = new ReminderItem(ReminderKind.SUB_AWARD_ALERT, null, "City Grant — Legal Aid", null, null, "93.0", 0, "S:1");
        assertEquals("City Grant — Legal Aid: 93% of the sub-award spent", ReminderMail.line(alert, context("en", "en-US")));
    }
}
