package org.forumpass.registration;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.forumpass.common.RequestValidator.Violations;
import org.forumpass.common.Text;

/** Checks and normalises what delegates type: country, e-mail, phone, organization. */
public final class DelegateInput {
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    /** A pragmatic address check: one @, a dot in the domain, no spaces or angle brackets. */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>\"(),;:]+@[^@\\s<>\"(),;:]+\\.[^@\\s<>\"(),;:.]{2,}$");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private DelegateInput() {
    }

    /** ISO 3166-1 alpha-2, upper case; null and a violation when unknown. */
    public static String country(String raw, String field, Violations v) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String c = raw.strip().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(c)) {
            v.rule(field, "country");
            return null;
        }
        return c;
    }

    public static String email(String raw, String field, Violations v) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        if (Text.hasControlOrInvisible(raw)) {
            v.rule(field, "control_characters");
            return null;
        }
        String e = Text.clean(raw);
        if (e.length() > 254 || !EMAIL.matcher(e).matches()) {
            v.rule(field, "email");
            return null;
        }
        return e;
    }

    /** Case-insensitive identity of an e-mail address: one registration per address per event. */
    public static String emailKey(String email) {
        return email.toLowerCase(Locale.ROOT);
    }

    /** E.164 (+8613800138000); a national number is read in the delegate's country. */
    public static String phone(String raw, String country, String field, Violations v) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            Phonenumber.PhoneNumber n = PHONES.parse(raw.strip(), country == null ? "ZZ" : country);
            if (!PHONES.isPossibleNumber(n) || !PHONES.isValidNumber(n)) {
                v.rule(field, "phone");
                return null;
            }
            return PHONES.format(n, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            v.rule(field, "phone");
            return null;
        }
    }

    /** "Alibaba Group", " alibaba  group " and "ALIBABA GROUP" fold to one key. */
    public static String organizationKey(String organization) {
        String t = Text.clean(organization);
        if (t == null) {
            return "";
        }
        return t.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
