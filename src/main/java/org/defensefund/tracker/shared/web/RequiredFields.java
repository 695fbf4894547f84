package org.defensefund.tracker.shared.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIInput;
import jakarta.faces.component.UISelectBoolean;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.metadata.ConstraintDescriptor;
import java.lang.annotation.Annotation;
import java.util.Set;
import org.primefaces.context.PrimeApplicationContext;
import org.primefaces.el.ValueExpressionAnalyzer;
import org.primefaces.metadata.BeanValidationMetadataExtractor;

/**
 * Whether a field must be filled in, as its label shows it with an asterisk: the input is {@code required}, or its
 * value's property carries {@code @NotBlank}, {@code @NotEmpty} or {@code @NotNull} (a checkbox {@code @AssertTrue}),
 * the same reading as PrimeFaces' {@code p:outputLabel}. The form tags write it as {@code aria-required}, so a screen
 * reader says "required" where a sighted person sees the asterisk.
 */
@Named
@ApplicationScoped
public class RequiredFields {

    /**
     * {@code "true"} for an input required by Bean Validation alone, null otherwise (no attribute written):
     * {@code pt:aria-required="#{requiredFields.of(component)}"}. An input with {@code required="true"} gets
     * {@code aria-required} from PrimeFaces itself, so it is not written twice.
     */
    public String of(UIComponent component) {
        return component instanceof UIInput input && !input.isRequired() && required(input, FacesContext.getCurrentInstance()) ? "true" : null;
    }

    static boolean required(UIInput input, FacesContext context) {
        if (input.isRequired()) {
            return true;
        }
        PrimeApplicationContext primefaces = PrimeApplicationContext.getCurrentInstance(context);
        if (primefaces == null || !primefaces.getConfig().isBeanValidationEnabled() || input.getValueExpression("value") == null) {
            return false;
        }
        Set<ConstraintDescriptor<?>> constraints = BeanValidationMetadataExtractor.extractDefaultConstraintDescriptors(context, primefaces,
                ValueExpressionAnalyzer.getExpression(context.getELContext(), input.getValueExpression("value")));
        if (constraints == null) {
            return false;
        }
        for (ConstraintDescriptor<?> constraint : constraints) {
            Class<? extends Annotation> type = constraint.getAnnotation().annotationType();
            if (type == NotBlank.class || type == NotEmpty.class
                    || type == NotNull.class && primefaces.getConfig().isInterpretEmptyStringAsNull()
                    || type == AssertTrue.class && input instanceof UISelectBoolean) {
                return true;
            }
        }
        return false;
    }
}
