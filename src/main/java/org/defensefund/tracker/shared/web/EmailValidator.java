package org.defensefund.tracker.shared.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.validator.Validator;
import jakarta.faces.validator.ValidatorException;
import org.defensefund.tracker.shared.EmailAddress;

/**
 * Every e-mail field ({@code t:text type="email"}) takes one address by {@link EmailAddress}'s rule, so a list,
 * a line break or an over-long text gets a message beside the field before any service sees it.
 */
public class EmailValidator implements Validator<Object> {

    @Override
    public void validate(FacesContext context, UIComponent component, Object value) {
        if (value == null) {
            return;
        }
        String typed = value.toString().replaceAll("^ +| +$", "");
        if (!typed.isEmpty() && !EmailAddress.isValid(typed)) {
            String text = PageMessages.text("field.email.invalidAddress");
            throw new ValidatorException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
        }
    }
}
