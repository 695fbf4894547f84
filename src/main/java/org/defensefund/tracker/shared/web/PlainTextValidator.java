package org.defensefund.tracker.shared.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIViewParameter;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.Validator;
import jakarta.faces.validator.ValidatorException;

/**
 * Every typed text of every form is text: a control character (NUL, escape, bell, the C1 range...) gets a
 * message beside its field and nothing is saved. Tabs and line breaks are text. A default validator
 * (faces-config.xml), so a new field is covered without a word in its page; an address's parameters are left
 * to their page's own check, which answers "not found" for a value it doesn't know.
 */
public class PlainTextValidator implements Validator<Object> {

    public static final String ID = "tracker.PlainText";

    @Override
    public void validate(FacesContext context, UIComponent component, Object value) {
        if (!(value instanceof String text) || component instanceof UIViewParameter) {
            return;
        }
        if (!isPlainText(text)) {
            String shown = PageMessages.text("field.controlCharacter");
            throw new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR, shown, shown));
        }
    }

    /** No control character but tab, line feed and carriage return. */
    public static boolean isPlainText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
        }
        return true;
    }
}
