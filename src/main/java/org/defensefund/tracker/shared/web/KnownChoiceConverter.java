package org.defensefund.tracker.shared.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.ConverterException;
import org.omnifaces.converter.SelectItemsConverter;

/**
 * The converter of every choice from a list of records or enums ({@code t:select}): a choice the list offers
 * becomes its value, as OmniFaces' converter does, but a value the list doesn't offer is refused with a message
 * beside the field instead of becoming "nothing chosen" (and being saved as empty).
 */
public class KnownChoiceConverter extends SelectItemsConverter {

    @Override
    public Object getAsObject(FacesContext context, UIComponent component, String submittedValue) {
        if (submittedValue == null || submittedValue.isEmpty()) {
            return null;
        }
        Object chosen;
        try {
            chosen = super.getAsObject(context, component, submittedValue);
        } catch (ConverterException | IllegalArgumentException e) {
            chosen = null;
        }
        if (chosen == null) {
            Object label = component.getAttributes().get("label");
            String text = PageMessages.text("field.choice.unknown", label == null ? "" : label);
            throw new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        }
        return chosen;
    }
}
