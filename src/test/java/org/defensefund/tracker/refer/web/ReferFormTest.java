package org.defensefund.tracker.refer.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.defensefund.tracker.cases.OnlineReferral;
import org.defensefund.tracker.cases.ReferrerKind;
import org.junit.jupiter.api.Test;

/** The public form reads strictly: a date from three parts that is a real day, only the choices offered, texts within their length. */
class ReferFormTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private static final ReferForm.Choices CHOICES = new ReferForm.Choices(Set.of("SV", "HT"), Map.of(), Map.of(), Map.of());

    @Test
    void aDateIsThreePartsThatMakeARealDayOrNothingAtAll() {
        Map<String, ReferForm.Problem> problems = ReferForm.problems();
        assertEquals(Optional.of(LocalDate.of(1990, 3, 31)), ReferForm.date("31", "3", "1990", TODAY, "birthDate", problems));
        assertEquals(Optional.empty(), ReferForm.date("", " ", null, TODAY, "birthDate", problems), "none given: no date");
        assertTrue(problems.isEmpty());
        for (String[] wrong : new String[][] {{"30", "2", "1990"}, {"31", "3", ""}, {"٣١", "3", "1990"}, {"31", "3", "90"},
                {"+3", "3", "1990"}, {"1", "1", "1899"}, {"1", "1", "2099"}, {"00031", "3", "1990"}}) {
            Map<String, ReferForm.Problem> found = ReferForm.problems();
            assertEquals(Optional.empty(), ReferForm.date(wrong[0], wrong[1], wrong[2], TODAY, "birthDate", found), String.join("/", wrong));
            assertEquals("error.date", found.get("birthDate").key(), String.join("/", wrong));
        }
    }

    @Test
    void onlyOfferedChoicesAndTextsWithinTheirLengthAreRead() {
        ReferForm form = new ReferForm();
        form.setFirstName(" Ana ");
        form.setLastName("Ruiz");
        form.setCountry("XX");
        form.setReferrerKind("ADMIN");
        form.setReferrerName("x".repeat(ReferForm.REFERRER_MAX + 1));
        form.setDetained(false);
        form.setFacility("999");
        Map<String, ReferForm.Problem> problems = ReferForm.problems();
        OnlineReferral referral = form.read(TODAY, CHOICES, problems);
        assertEquals("Ana", referral.getClient().getFirstName());
        assertEquals("error.choice", problems.get("country").key());
        assertEquals("error.choice", problems.get("referrerKind").key());
        assertEquals("error.tooLong", problems.get("referrerName").key());
        assertEquals(Set.of("country", "referrerKind", "referrerName"), problems.keySet(), "a facility is read only for a detained person");
        assertNull(referral.getClient().getCountryOfBirth());

        form.setCountry("SV");
        form.setReferrerKind("FAMILY_OR_FRIEND");
        form.setReferrerName("Rosa");
        Map<String, ReferForm.Problem> none = ReferForm.problems();
        OnlineReferral read = form.read(TODAY, CHOICES, none);
        assertTrue(none.isEmpty(), none.toString());
        assertEquals("SV", read.getClient().getCountryOfBirth());
        assertEquals(ReferrerKind.FAMILY_OR_FRIEND, read.getReferrerKind());
    }

    @Test
    void theTrapIsSprungByAnyText() {
        ReferForm form = new ReferForm();
        assertTrue(!form.trapped());
        form.setWebsite("http://spam.example");
        assertTrue(form.trapped());
    }
}
