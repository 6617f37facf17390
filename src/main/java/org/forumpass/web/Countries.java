package org.forumpass.web;

import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** ISO 3166-1 countries named in the page's language by the JDK's CLDR data, sorted for that language. */
public final class Countries {
    public record Country(String code, String name) {
    }

    private static final Map<String, List<Country>> BY_LANG = new ConcurrentHashMap<>();

    private Countries() {
    }

    public static List<Country> list(String lang) {
        return BY_LANG.computeIfAbsent(lang, l -> {
            Locale locale = Lang.locale(l);
            Collator collator = Collator.getInstance("zh".equals(l) ? Locale.SIMPLIFIED_CHINESE : locale);
            return Arrays.stream(Locale.getISOCountries())
                    .map(code -> new Country(code, new Locale("", code).getDisplayCountry(locale)))
                    .sorted(Comparator.comparing(Country::name, collator))
                    .toList();
        });
    }

    public static String name(String code, String lang) {
        return code == null ? null : new Locale("", code).getDisplayCountry(Lang.locale(lang));
    }
}
