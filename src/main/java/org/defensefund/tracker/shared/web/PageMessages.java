package org.defensefund.tracker.shared.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.defensefund.tracker.shared.BusinessException;

/** Puts bundle texts on the page as Faces messages, beside a field or for the whole page. */
public final class PageMessages {

    private PageMessages() {
    }

    /**
     * The bundle text for a key, formatted with the arguments, in the view's language. An enum argument
     * is shown by its own bundle text, {@code caseStatus.REFERRED} for {@code CaseStatus.REFERRED}.
     */
    public static String text(String key, Object... arguments) {
        FacesContext context = FacesContext.getCurrentInstance();
        ResourceBundle bundle = context.getApplication().getResourceBundle(context, "msg");
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            pattern = key;
        }
        if (arguments.length == 0) {
            return pattern;
        }
        Object[] shown = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            shown[i] = shown(arguments[i]);
        }
        return new MessageFormat(pattern, context.getViewRoot().getLocale()).format(shown);
    }

    /** An argument as messages show it: an enum by its bundle text, money as "$1,250.00", a date as pages do. */
    private static Object shown(Object argument) {
        if (argument instanceof Enum<?> value) {
            return text(enumKey(value));
        }
        if (argument instanceof java.math.BigDecimal amount) {
            return Money.of(amount, LanguageView.formats());
        }
        if (argument instanceof java.time.LocalDate date) {
            return Dates.of(date, java.time.ZoneOffset.UTC, LanguageView.formats());
        }
        return argument;
    }

    /** The bundle key of an enum constant: {@code caseStatus.REFERRED}. */
    public static String enumKey(Enum<?> value) {
        String type = value.getDeclaringClass().getSimpleName();
        return Character.toLowerCase(type.charAt(0)) + type.substring(1) + "." + value.name();
    }

    /** A message beside the field with this client id, or for the whole page when it is null. */
    public static void error(String clientId, String key, Object... arguments) {
        add(clientId, FacesMessage.SEVERITY_ERROR, text(key, arguments));
    }

    /** A page-wide note on the page being shown (no redirect follows). */
    public static void note(String key, Object... arguments) {
        add(null, FacesMessage.SEVERITY_INFO, text(key, arguments));
    }

    /** A page-wide confirmation that survives a redirect. */
    public static void done(String key, Object... arguments) {
        FacesContext context = FacesContext.getCurrentInstance();
        context.getExternalContext().getFlash().setKeepMessages(true);
        add(null, FacesMessage.SEVERITY_INFO, text(key, arguments));
    }

    /** Shows a broken rule beside its field in the given form, or for the whole page. */
    public static void show(BusinessException problem, String formId) {
        String clientId = problem.field() == null ? null : formId + ":" + problem.field();
        error(clientId, problem.messageKey(), problem.arguments());
        FacesContext.getCurrentInstance().validationFailed();
    }

    /**
     * Shows the broken Bean Validation rules of a record a service refused, each beside the field of the given
     * form named by its property (its message from ValidationMessages, in the view's language: the service
     * validated it in the server's), or for the whole page.
     */
    public static void show(ConstraintViolationException problem, String formId) {
        java.util.Locale language = FacesContext.getCurrentInstance().getViewRoot().getLocale();
        for (ConstraintViolation<?> violation : problem.getConstraintViolations()) {
            String property = violation.getPropertyPath() == null ? "" : violation.getPropertyPath().toString();
            add(property.isEmpty() ? null : formId + ":" + property, FacesMessage.SEVERITY_ERROR, in(violation, language));
        }
        FacesContext.getCurrentInstance().validationFailed();
    }

    /** A broken rule's message in the given language, from its template (the message a service got is in the server's). */
    static String in(ConstraintViolation<?> violation, java.util.Locale language) {
        if (language == null || violation.getMessageTemplate() == null) {
            return violation.getMessage();
        }
        jakarta.validation.MessageInterpolator.Context context = new jakarta.validation.MessageInterpolator.Context() {
            @Override
            public jakarta.validation.metadata.ConstraintDescriptor<?> getConstraintDescriptor() {
                return violation.getConstraintDescriptor();
            }

            @Override
            public Object getValidatedValue() {
                return violation.getInvalidValue();
            }

            @Override
            public <T> T unwrap(Class<T> type) {
                throw new jakarta.validation.ValidationException("no provider context to unwrap to " + type);
            }
        };
        try {
            jakarta.validation.ValidatorFactory factory =
                    (jakarta.validation.ValidatorFactory) new javax.naming.InitialContext().lookup("java:comp/ValidatorFactory");
            return factory.getMessageInterpolator().interpolate(violation.getMessageTemplate(), context, language);
        } catch (javax.naming.NamingException e) {
            return violation.getMessage();
        }
    }

    private static void add(String clientId, FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, text));
    }
}
