package org.defensefund.tracker.shared.list;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Filter text is taken literally and typed as its attribute. */
class ListSpecTest {

    enum Colour { RED }

    @Test
    void likeWildcardsInUserInputAreEscaped() {
        assertEquals("100\\%", ListSpec.escapeLike("100%"));
        assertEquals("a\\_b", ListSpec.escapeLike("a_b"));
        assertEquals("c:\\\\x", ListSpec.escapeLike("c:\\x"));
    }

    @Test
    void textFilterValuesAreConvertedToTheAttributeType() {
        assertEquals(Boolean.TRUE, ListSpec.asType(Boolean.class, "true"));
        assertEquals(Boolean.FALSE, ListSpec.asType(boolean.class, "false"));
        assertEquals(Colour.RED, ListSpec.asType(Colour.class, "RED"));
        assertEquals("Boston", ListSpec.asType(String.class, "Boston"));
        assertEquals(7, ListSpec.asType(Integer.class, 7));
    }
}
