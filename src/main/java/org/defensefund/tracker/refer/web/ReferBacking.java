package org.defensefund.tracker.refer.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.text.Collator;
import java.text.MessageFormat;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.defensefund.tracker.cases.IntakeService;
import org.defensefund.tracker.cases.OnlineReferral;
import org.defensefund.tracker.cases.Receipts;
import org.defensefund.tracker.clients.Client;
import org.defensefund.tracker.refer.ReferralLimits;
import org.defensefund.tracker.reference.Language;
import org.defensefund.tracker.reference.ReferenceDataService;
import org.defensefund.tracker.reference.ReferenceItem;
import org.defensefund.tracker.reference.ReferenceList;
import org.defensefund.tracker.shared.Address;
import org.defensefund.tracker.shared.BusinessException;
import org.defensefund.tracker.shared.FundClock;
import org.defensefund.tracker.shared.LogText;
import org.primefaces.context.PrimeFacesContext;

/**
 * {@code /refer/}: the public referral form, for anyone, without signing in. The visitor chooses the language
 * (the address's {@code lang}, carried by the form when it is posted), which sets the page's locale, its
 * {@code <html lang>} and {@code dir}, and every text, problems included, from the {@code refer} bundle. The form
 * is plain HTML that works without script. A submission passes the limits ({@link ReferralLimits}; 429 when met),
 * is read strictly ({@link ReferForm}), and goes to {@link IntakeService#referOnline}; the answer is only the
 * receipt number. A filled-in trap field gets the same answer with a receipt that was never recorded.
 */
@Named
@RequestScoped
public class ReferBacking {

    private static final Logger LOG = Logger.getLogger(ReferBacking.class.getName());
    private static final String BUNDLE = "org.defensefund.tracker.refer";
    /** Too many requests. */
    static final int TOO_MANY = 429;

    @Inject
    private IntakeService intake;

    @Inject
    private ReferenceDataService referenceData;

    @Inject
    private ReferralLimits limits;

    @Inject
    private FundClock clock;

    @Inject
    private Validator validator;

    @Inject
    private HttpServletRequest request;

    private final ReferForm form = new ReferForm();
    private ReferLanguage language;
    private ResourceBundle texts;
    private Map<String, ReferForm.Problem> problems = ReferForm.problems();
    private String receipt;
    private String refusal;
    private List<SelectItem> countries;
    private List<SelectItem> languages;
    private List<ReferenceItem> facilities;
    private List<ReferenceItem> courts;

    /** The chosen language: the {@code lang} parameter of the address or of the posted form; English otherwise. */
    public ReferLanguage getLanguage() {
        if (language == null) {
            language = ReferLanguage.of(request.getParameter("lang")).orElse(ReferLanguage.DEFAULT);
        }
        return language;
    }

    public Locale getLocale() {
        return getLanguage().locale();
    }

    /** The form's texts in the chosen language; no fallback to the server's own language, only to English. */
    public ResourceBundle getTexts() {
        if (texts == null) {
            texts = ResourceBundle.getBundle(BUNDLE, getLocale(), ReferBacking.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        }
        return texts;
    }

    /** A text with its arguments, in the chosen language. */
    public String text(String key, Object... arguments) {
        String pattern = getTexts().getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, getLocale()).format(arguments);
    }

    /** The languages of the chooser, each in its own name. */
    public List<ReferLanguage> getLanguages() {
        return ReferLanguage.ALL;
    }

    public ReferForm getForm() {
        return form;
    }

    /** Sends the referral: the limits, the trap, then the reading and the intake service's rules. */
    public String submit() {
        String address = request.getRemoteAddr();
        Optional<ReferralLimits.Limit> limit = limits.reached(address, clock.now());
        if (limit.isPresent()) {
            refuse(limit.get(), address);
            return null;
        }
        if (form.trapped()) {
            limits.counted(address, clock.now());
            LOG.warning(() -> "Public referral form: trap field filled in from " + LogText.of(address) + "; nothing recorded");
            receipt = Receipts.next();
            return null;
        }
        Map<String, ReferForm.Problem> found = ReferForm.problems();
        OnlineReferral referral = form.read(clock.today(), choices(), found);
        referral.setFormLanguage(getLanguage().tag());
        checkClient(referral.getClient(), found);
        if (found.isEmpty()) {
            try {
                String given = intake.referOnline(referral);
                limits.counted(address, clock.now());
                receipt = given;
                return null;
            } catch (BusinessException e) {
                String key = "rule." + e.messageKey();
                String field = e.field() != null && FIELDS.contains(e.field()) ? e.field() : "form";
                found.put(field, new ReferForm.Problem(getTexts().containsKey(key) ? key : "error.general"));
            }
        }
        problems = order(found);
        return null;
    }

    /** The client's own rules (required names, lengths, the phone's characters, a birth date in the past), beside the fields. */
    private void checkClient(Client client, Map<String, ReferForm.Problem> found) {
        check(validator.validateValue(Client.class, "firstName", client.getFirstName()), "firstName", found);
        check(validator.validateValue(Client.class, "lastName", client.getLastName()), "lastName", found);
        check(validator.validateValue(Client.class, "birthDate", client.getBirthDate()), "birthDate", found);
        check(validator.validateValue(Client.class, "phone", client.getPhone()), "phone", found);
        check(validator.validateValue(Address.class, "city", client.getAddress().getCity()), "city", found);
    }

    private static <T> void check(Set<ConstraintViolation<T>> violations, String field, Map<String, ReferForm.Problem> found) {
        for (ConstraintViolation<T> violation : violations) {
            Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
            ReferForm.Problem problem;
            if (constraint instanceof NotBlank) {
                problem = new ReferForm.Problem("error.required");
            } else if (constraint instanceof Size size) {
                problem = new ReferForm.Problem("error.tooLong", size.max());
            } else if (constraint instanceof Pattern) {
                problem = new ReferForm.Problem("error.phone");
            } else if (constraint instanceof Past) {
                problem = new ReferForm.Problem("error.birthDate.past");
            } else {
                problem = new ReferForm.Problem("error.general");
            }
            found.putIfAbsent(field, problem);
        }
    }

    /** The problems in the order of the fields on the page. */
    private static Map<String, ReferForm.Problem> order(Map<String, ReferForm.Problem> found) {
        Map<String, ReferForm.Problem> ordered = new LinkedHashMap<>();
        for (String field : FIELDS) {
            if (found.containsKey(field)) {
                ordered.put(field, found.get(field));
            }
        }
        found.forEach(ordered::putIfAbsent);
        return ordered;
    }

    /** The fields of the page, in order; a problem's summary links to each. */
    static final List<String> FIELDS = List.of("firstName", "lastName", "birthDate", "country", "language", "phone", "city",
            "facility", "nextHearingDate", "court", "referrerKind", "referrerName", "referrerContact", "reminders", "reminderEmail", "consent", "form");

    private void refuse(ReferralLimits.Limit limit, String address) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.setResponseStatus(TOO_MANY);
        external.setResponseHeader("Retry-After", String.valueOf(limits.window().toSeconds()));
        refusal = text(limit == ReferralLimits.Limit.ADDRESS ? "limit.address" : "limit.everyone");
        LOG.warning(() -> "Public referral form: limit " + limit + " reached, refused a submission from " + LogText.of(address));
    }

    private ReferForm.Choices choices() {
        return new ReferForm.Choices(Set.of(Locale.getISOCountries()),
                referenceData.activeLanguages().stream().collect(Collectors.toMap(Language::getCode, Function.identity())),
                byId(getFacilities()), byId(getCourts()));
    }

    private static Map<String, ReferenceItem> byId(List<ReferenceItem> items) {
        return items.stream().collect(Collectors.toMap(item -> String.valueOf(item.getId()), Function.identity()));
    }

    /** The page's title: the form's, or the thanks once it is sent. */
    public String getTitle() {
        return getTexts().getString(isDone() ? "done.title" : "page.title");
    }

    /** The link from the summary of problems to the first control of a field. */
    public String anchor(String field) {
        return "#refer:" + switch (field) {
            case "birthDate" -> "birthDay";
            case "nextHearingDate" -> "hearingDay";
            case "referrerKind" -> "referrerKind:0";
            case "form" -> "send";
            default -> field;
        };
    }

    /** The problem beside a field, in the chosen language, or empty. */
    public String problem(String field) {
        ReferForm.Problem problem = problems.get(field);
        return problem == null ? "" : text(problem.key(), problem.arguments());
    }

    public boolean hasProblem(String field) {
        return problems.containsKey(field);
    }

    public boolean isProblems() {
        return !problems.isEmpty();
    }

    /** The fields with a problem, in the page's order, for the summary at the top. */
    public List<String> getProblemFields() {
        return List.copyOf(problems.keySet());
    }

    /** The receipt number after a submission; null before. */
    public String getReceipt() {
        return receipt;
    }

    public boolean isDone() {
        return receipt != null;
    }

    /** Why a submission was refused (a limit), or null. */
    public String getRefusal() {
        return refusal;
    }

    /** Countries by their ISO code, named in the chosen language (where Java knows the language; English otherwise). */
    public List<SelectItem> getCountries() {
        if (countries == null) {
            Collator order = Collator.getInstance(getLocale());
            countries = java.util.Arrays.stream(Locale.getISOCountries())
                    .map(code -> new SelectItem(code, new Locale("", code).getDisplayCountry(getLocale())))
                    .sorted(Comparator.comparing(SelectItem::getLabel, order))
                    .toList();
        }
        return countries;
    }

    /** The fund's languages, each named in the chosen language where Java can, and in its own name beside it. */
    public List<SelectItem> getSpokenLanguages() {
        if (languages == null) {
            Collator order = Collator.getInstance(getLocale());
            languages = referenceData.activeLanguages().stream()
                    .map(spoken -> new SelectItem(spoken.getCode(), languageName(spoken)))
                    .sorted(Comparator.comparing(SelectItem::getLabel, order))
                    .toList();
        }
        return languages;
    }

    private String languageName(Language spoken) {
        Locale locale = Locale.forLanguageTag(spoken.getCode());
        String inChosen = locale.getDisplayLanguage(getLocale());
        String own = locale.getDisplayLanguage(locale);
        if (inChosen.isBlank() || inChosen.equalsIgnoreCase(spoken.getCode())) {
            inChosen = spoken.getName();
        }
        boolean ownKnown = !own.isBlank() && !own.equalsIgnoreCase(spoken.getCode()) && !own.equalsIgnoreCase(inChosen);
        return ownKnown ? inChosen + " (" + own + ")" : inChosen;
    }

    /** The detention facilities as the form offers them (by id, named as the fund names them). */
    public List<SelectItem> getFacilityItems() {
        return items(getFacilities());
    }

    /** The immigration courts as the form offers them. */
    public List<SelectItem> getCourtItems() {
        return items(getCourts());
    }

    private static List<SelectItem> items(List<ReferenceItem> places) {
        return places.stream().map(place -> new SelectItem(String.valueOf(place.getId()), place.getName())).toList();
    }

    List<ReferenceItem> getFacilities() {
        if (facilities == null) {
            facilities = referenceData.active(ReferenceList.DETENTION_FACILITY);
        }
        return facilities;
    }

    List<ReferenceItem> getCourts() {
        if (courts == null) {
            courts = referenceData.active(ReferenceList.COURT);
        }
        return courts;
    }

    /**
     * This response's script nonce, as a hidden field of the form: the server refuses a form posted without it
     * ({@code FormNonceCheck}), and without script nothing else would add it.
     */
    public String getNonce() {
        return PrimeFacesContext.getCspState(FacesContext.getCurrentInstance()).getNonce();
    }
}
