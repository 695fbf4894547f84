package org.defensefund.tracker.shared.web;

import org.defensefund.tracker.shared.RecordNotFoundException;

/** The record id a page takes from its address ({@code ?id=}): a number, or the page answers 404. */
public final class PageIds {

    private PageIds() {
    }

    public static Long required(String text, String recordType) {
        try {
            return Long.valueOf(text == null ? "" : text.trim());
        } catch (NumberFormatException e) {
            throw new RecordNotFoundException(recordType, text);
        }
    }
}
