package org.defensefund.tracker.shared.web;

import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.context.FacesContext;
import org.primefaces.component.inputtext.InputTextRenderer;
import org.primefaces.component.inputtextarea.InputTextareaRenderer;

/**
 * PrimeFaces' text fields cut what was sent to the field's maxlength when they read it, and a field's limit
 * reaches them even as a passthrough attribute: a 5,000-character note was kept as its first 1,000. These
 * renderers (faces-config.xml) read the text as sent, so the field's length validator refuses it beside the
 * field and nothing is cut without a word. Everything else is PrimeFaces' own.
 */
public final class UncutTextRenderers {

    private UncutTextRenderers() {
    }

    /** {@code p:inputText}. */
    public static class Text extends InputTextRenderer {
        @Override
        public void decode(FacesContext context, UIComponent component) {
            super.decode(context, component);
            restore(context, (UIInput) component, false);
        }
    }

    /** {@code p:inputTextarea}; line breaks as PrimeFaces reads them (CR LF as LF). */
    public static class Textarea extends InputTextareaRenderer {
        @Override
        public void decode(FacesContext context, UIComponent component) {
            super.decode(context, component);
            restore(context, (UIInput) component, true);
        }
    }

    /** The text as sent, where PrimeFaces read one (not for a disabled or read-only field). */
    private static void restore(FacesContext context, UIInput input, boolean lines) {
        if (input.getSubmittedValue() == null) {
            return;
        }
        String sent = context.getExternalContext().getRequestParameterMap().get(input.getClientId(context));
        if (sent != null) {
            input.setSubmittedValue(lines ? sent.replaceAll("\\r\\n?", "\n") : sent);
        }
    }
}
