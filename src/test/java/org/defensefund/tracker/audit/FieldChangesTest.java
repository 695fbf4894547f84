package org.defensefund.tracker.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.defensefund.tracker.audit.AuditLine.FieldChange;
import org.junit.jupiter.api.Test;

class FieldChangesTest {

    @Test
    void aChangeShowsOnlyTheFieldsWhoseValueDiffers() {
        assertEquals(List.of(new FieldChange("address.city", null, "Chelsea"), new FieldChange("capacity", "12", "15")),
                FieldChanges.between("{\"address.city\":null,\"capacity\":\"12\",\"name\":\"Legal\"}",
                        "{\"address.city\":\"Chelsea\",\"capacity\":\"15\",\"name\":\"Legal\"}"));
    }

    @Test
    void aCreationShowsTheValuesGivenAndADeletionTheValuesItHad() {
        assertEquals(List.of(new FieldChange("name", null, "Legal")), FieldChanges.between(null, "{\"name\":\"Legal\",\"note\":null}"));
        assertEquals(List.of(new FieldChange("name", "Legal", null)), FieldChanges.between("{\"name\":\"Legal\"}", null));
    }

    @Test
    void textThatIsNotAnObjectIsShownAsItIs() {
        assertEquals(List.of(new FieldChange("", null, "not json")), FieldChanges.between("", "not json"));
        assertEquals(List.of(), FieldChanges.between("[]", "  "));
    }

    @Test
    void fieldNamesReadAsWords() {
        assertEquals("referral date", new FieldChange("referralDate", null, null).getWords());
        assertEquals("address city", new FieldChange("address.city", null, null).getWords());
    }
}
