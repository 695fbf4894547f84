package org.defensefund.tracker.shared.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The converters Faces uses for every {@code Integer}, {@code Long} and {@code BigDecimal} field (registered for
 * those classes in faces-config.xml, in place of the standard ones): {@link NumberInput}'s ASCII-only rule, and
 * the standard messages of the message bundle when it refuses.
 */
public final class NumberConverters {

    private NumberConverters() {
    }

    /** Whole numbers in an {@code Integer} or {@code int}. */
    public static class Whole implements Converter<Integer> {

        @Override
        public Integer getAsObject(FacesContext context, UIComponent component, String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            return NumberInput.whole(value).filter(n -> n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE).map(Long::intValue)
                    .orElseThrow(() -> refusal(context, component, value, "jakarta.faces.converter.IntegerConverter.INTEGER", "12"));
        }

        @Override
        public String getAsString(FacesContext context, UIComponent component, Integer value) {
            return value == null ? "" : value.toString();
        }
    }

    /** Whole numbers in a {@code Long} or {@code long}. */
    public static class Long64 implements Converter<Long> {

        @Override
        public Long getAsObject(FacesContext context, UIComponent component, String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            return NumberInput.whole(value)
                    .orElseThrow(() -> refusal(context, component, value, "jakarta.faces.converter.LongConverter.LONG", "12"));
        }

        @Override
        public String getAsString(FacesContext context, UIComponent component, Long value) {
            return value == null ? "" : value.toString();
        }
    }

    /** Amounts and other decimals in a {@code BigDecimal}. */
    public static class Decimal implements Converter<BigDecimal> {

        @Override
        public BigDecimal getAsObject(FacesContext context, UIComponent component, String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            return NumberInput.decimal(value)
                    .orElseThrow(() -> refusal(context, component, value, "jakarta.faces.converter.BigDecimalConverter.DECIMAL", "1250.00"));
        }

        @Override
        public String getAsString(FacesContext context, UIComponent component, BigDecimal value) {
            return value == null ? "" : value.toPlainString();
        }
    }

    private static ConverterException refusal(FacesContext context, UIComponent component, String value, String key, String example) {
        Object label = Optional.ofNullable(component.getAttributes().get("label")).orElse(component.getClientId(context));
        ResourceBundle bundle = ResourceBundle.getBundle(context.getApplication().getMessageBundle(), context.getViewRoot().getLocale());
        String text = new MessageFormat(bundle.getString(key), context.getViewRoot().getLocale()).format(new Object[] {value, example, label});
        return new ConverterException(new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
    }
}
