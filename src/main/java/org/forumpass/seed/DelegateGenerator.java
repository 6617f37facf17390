package org.forumpass.seed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.forumpass.event.Category;

/**
 * Makes invented delegates from the name pools in seeds/delegates/: names in their own script and in
 * Latin letters, organizations of government, diplomacy, academia, industry and media, valid mobile
 * numbers and unique e-mail addresses under {@code .example}. The same seed gives the same delegates.
 *
 * <p>From the command line it writes CSV in the import format (see seeds/README.md):
 * {@code seeds/generate-delegates.sh 500 42 > delegates.csv}
 */
public final class DelegateGenerator {
    private static final Data DATA = Data.load();

    private final Random random;
    private int sequence;

    public DelegateGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** The next delegate; e-mail addresses stay unique for the life of this generator. */
    public SyntheticDelegate next() {
        Country c = pick(DATA.countries, DATA.countryWeights);
        String[] given = c.given.get(random.nextInt(c.given.size()));
        String[] family = c.family.get(random.nextInt(c.family.size()));
        Category category = pick(DATA.categories, DATA.categoryWeights);
        String city = c.cities.get(random.nextInt(c.cities.size()));
        String brand = DATA.brands.get(random.nextInt(DATA.brands.size()));
        String organization = fill(anyOf(DATA.organizations.get(category)), c.name, city, brand,
                DATA.sectors.get(random.nextInt(DATA.sectors.size())));
        String jobTitle = anyOf(DATA.jobTitles.get(category));
        String nativeName = c.familyFirst ? family[0] + c.joiner + given[0] : given[0] + c.joiner + family[0];
        String latin = given[1] + " " + family[1];
        if (nativeName.equals(latin)) {
            nativeName = null; // nothing to add to the Latin form
        }
        int n = ++sequence;
        String email = ascii(given[1]) + "." + ascii(family[1]) + "." + n + "@" + domain(category, c.code, brand);
        return new SyntheticDelegate(given[1], family[1], nativeName, jobTitle, organization, c.code, email,
                phone(c.phone), category, anyOf(c.languages));
    }

    public List<SyntheticDelegate> generate(int count) {
        List<SyntheticDelegate> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(next());
        }
        return out;
    }

    /** CSV with the columns the import endpoint reads, header first. */
    public static void writeCsv(List<SyntheticDelegate> delegates, Appendable out) throws IOException {
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader("givenName", "familyName",
                "nativeName", "jobTitle", "organization", "country", "email", "phone", "category", "sessions", "language").get());
        for (SyntheticDelegate d : delegates) {
            csv.printRecord(d.givenName(), d.familyName(), d.nativeName(), d.jobTitle(), d.organization(), d.country(),
                    d.email(), d.phone(), d.category(), "", d.language());
        }
        csv.flush(); // the caller owns (and closes) the output
    }

    /** {@code DelegateGenerator COUNT [SEED]}: writes COUNT delegates as CSV to standard output. */
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: DelegateGenerator COUNT [SEED]");
            System.exit(2);
        }
        int count = Integer.parseInt(args[0]);
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        Writer out = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
        writeCsv(new DelegateGenerator(seed).generate(count), out);
        out.flush();
    }

    private String phone(String pattern) {
        StringBuilder sb = new StringBuilder(pattern.length());
        for (char ch : pattern.toCharArray()) {
            sb.append(ch == '#' ? (char) ('0' + random.nextInt(10)) : ch);
        }
        return sb.toString();
    }

    private String anyOf(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private <T> T pick(List<T> values, int[] weights) {
        int total = weights[weights.length - 1];
        int r = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            if (r < weights[i]) {
                return values.get(i);
            }
        }
        throw new IllegalStateException("weights");
    }

    private static String fill(String template, String country, String city, String brand, String sector) {
        return template.replace("{country}", country).replace("{city}", city).replace("{brand}", brand)
                .replace("{sector}", sector);
    }

    private static String domain(Category category, String country, String brand) {
        String cc = country.toLowerCase(Locale.ROOT);
        return switch (category) {
            case GOVERNMENT -> "gov-" + cc + ".example";
            case DIPLOMATIC -> "mfa-" + cc + ".example";
            case ACADEMIC -> "univ-" + cc + ".example";
            case MEDIA -> "press-" + cc + ".example";
            default -> ascii(brand) + "-" + cc + ".example";
        };
    }

    /** Latin letters without accents, lower case, for e-mail local parts and domains. */
    static String ascii(String s) {
        String folded = Normalizer.normalize(s.replace("Đ", "D").replace("đ", "d").replace("ı", "i"), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "");
        return folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
    }

    private record Country(String code, String name, boolean familyFirst, String joiner, List<String> languages,
                           List<String> cities, String phone, List<String[]> given, List<String[]> family) {
    }

    private record Data(List<Country> countries, int[] countryWeights, List<Category> categories, int[] categoryWeights,
                        Map<Category, List<String>> organizations, Map<Category, List<String>> jobTitles,
                        List<String> brands, List<String> sectors) {

        static Data load() {
            ObjectMapper mapper = new ObjectMapper();
            JsonNode countries = read(mapper, "countries.json").path("countries");
            JsonNode orgs = read(mapper, "organizations.json");
            List<Country> list = new ArrayList<>();
            int[] weights = new int[countries.size()];
            int sum = 0;
            for (JsonNode c : countries) {
                String code = c.path("code").asText();
                sum += c.path("weight").asInt(1);
                weights[list.size()] = sum;
                list.add(new Country(code, new Locale("", code).getDisplayCountry(Locale.ENGLISH),
                        c.path("familyFirst").asBoolean(), c.path("joiner").asText(" "), strings(c.path("languages")),
                        strings(c.path("cities")), c.path("phone").asText(), pairs(c.path("given")), pairs(c.path("family"))));
            }
            List<Category> categories = new ArrayList<>();
            JsonNode cw = orgs.path("categoryWeights");
            int[] catWeights = new int[cw.size()];
            int catSum = 0;
            Map<Category, List<String>> organizations = new LinkedHashMap<>();
            Map<Category, List<String>> titles = new LinkedHashMap<>();
            for (var it = cw.fields(); it.hasNext(); ) {
                var e = it.next();
                Category cat = Category.valueOf(e.getKey());
                catSum += e.getValue().asInt();
                catWeights[categories.size()] = catSum;
                categories.add(cat);
                organizations.put(cat, strings(orgs.path("organizations").path(e.getKey())));
                titles.put(cat, strings(orgs.path("jobTitles").path(e.getKey())));
            }
            return new Data(List.copyOf(list), weights, List.copyOf(categories), catWeights, organizations, titles,
                    strings(orgs.path("brands")), strings(orgs.path("sectors")));
        }

        private static JsonNode read(ObjectMapper mapper, String file) {
            try (InputStream in = DelegateGenerator.class.getResourceAsStream("/seeds/delegates/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("Missing seed file seeds/delegates/" + file);
                }
                return mapper.readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static List<String> strings(JsonNode array) {
            List<String> out = new ArrayList<>();
            array.forEach(n -> out.add(Normalizer.normalize(n.asText(), Normalizer.Form.NFC)));
            return List.copyOf(out);
        }

        private static List<String[]> pairs(JsonNode array) {
            List<String[]> out = new ArrayList<>();
            array.forEach(n -> out.add(new String[] {Normalizer.normalize(n.get(0).asText(), Normalizer.Form.NFC),
                    Normalizer.normalize(n.get(1).asText(), Normalizer.Form.NFC)}));
            return List.copyOf(out);
        }
    }
}
