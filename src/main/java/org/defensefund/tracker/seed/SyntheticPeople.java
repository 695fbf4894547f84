package org.defensefund.tracker.seed;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Invented clients that look like the fund's: names from the countries its clients come from (many from
 * Guatemala, Honduras, El Salvador, Brazil, Haiti, Cape Verde, with accents as people write them), the
 * languages of the {@code language} table, homes in Massachusetts cities with their ZIP codes, fictional
 * 555-01xx phone numbers. Pure functions of the random source: the same draws give the same person.
 */
final class SyntheticPeople {

    /** A country of birth, the languages spoken there (codes of the {@code language} table), and its names. */
    record Origin(String country, int weight, List<String> languages, List<String> firstNames, List<String> lastNames) {
    }

    /** A city of the service area, how many clients live there, its area codes and ZIP codes. */
    record City(String name, int weight, List<String> areaCodes, List<String> zips) {
    }

    /** One invented person. */
    record Person(String firstName, String lastName, String country, String language, boolean interpreter,
                  LocalDate birthDate, String phone, String street, String city, String postalCode) {
    }

    private static final List<String> LATIN_FIRST = List.of("José", "María", "Juan", "Ana", "Luis", "Carlos", "Jorge", "Rosa",
            "Marta", "Sofía", "Andrés", "Óscar", "Yesenia", "Wendy", "Kevin", "Brayan", "Dulce", "Guadalupe", "Ángel", "Héctor",
            "Iván", "Lucía", "Ximena", "Fernando", "Byron", "Ingrid", "Miguel", "Carmen", "Francisco", "Elena", "Josué", "Nayeli",
            "Santiago", "Valeria", "Edwin", "Maricela", "Julio César", "Ana Lucía", "José Luis", "María José");
    private static final List<String> LATIN_LAST = List.of("Garcia", "Hernandez", "Lopez", "Martinez", "Gonzalez", "Rodriguez",
            "Perez", "Sanchez", "Ramirez", "Flores", "Cruz", "Morales", "Reyes", "Gutierrez", "Ortiz", "Castillo", "Chávez",
            "Ramos", "Núñez", "Jiménez", "Vásquez", "Álvarez", "Domínguez", "Mejía", "Peña", "Rosales", "Calderón", "Aguilar",
            "Juárez", "Méndez", "García López", "Hernández Pérez", "Díaz", "Romero", "Torres", "Rivera", "Gómez", "Muñoz",
            "Velásquez", "Argueta", "Orellana", "Portillo", "Zelaya", "Escobar", "Ordóñez", "Cifuentes", "Quiñónez");
    private static final List<String> MAYAN_LAST = List.of("Tzul", "Xicará", "Batz", "Ixcoy", "Coc", "Tum", "Chitay", "Pérez Tzoc",
            "López Ajanel", "Cuc", "Sapón", "Mateo", "Pascual", "Francisco");

    static final List<Origin> ORIGINS = List.of(
            new Origin("GT", 16, List.of("es", "es", "quc", "mam", "kjb"), LATIN_FIRST, concat(LATIN_LAST, MAYAN_LAST)),
            new Origin("HN", 13, List.of("es"), LATIN_FIRST, LATIN_LAST),
            new Origin("SV", 13, List.of("es"), LATIN_FIRST, LATIN_LAST),
            new Origin("MX", 6, List.of("es"), LATIN_FIRST, LATIN_LAST),
            new Origin("DO", 5, List.of("es"), LATIN_FIRST, LATIN_LAST),
            new Origin("CO", 3, List.of("es"), LATIN_FIRST, LATIN_LAST),
            new Origin("EC", 4, List.of("es"), LATIN_FIRST, LATIN_LAST),
            new Origin("VE", 4, List.of("es"), LATIN_FIRST, LATIN_LAST),
            new Origin("NI", 2, List.of("es"), LATIN_FIRST, LATIN_LAST),
            new Origin("BR", 9, List.of("pt"), List.of("João", "Ana", "Thiago", "Larissa", "Mateus", "Gabriela", "Leandro",
                    "Camila", "Luíza", "Vinícius", "Rafael", "Fernanda"),
                    List.of("Silva", "Santos", "Oliveira", "Souza", "Pereira", "Costa", "Rodrigues", "Almeida", "Araújo",
                            "Conceição", "Gonçalves", "Ribeiro")),
            new Origin("HT", 8, List.of("ht", "ht", "fr"), List.of("Jean", "Marie", "Wilner", "Fabiola", "Rose", "Jacques",
                    "Nadège", "Frantz", "Woodly", "Mirlande", "Jean-Claude", "Roseline"),
                    List.of("Jean", "Pierre", "Joseph", "Louis", "Charles", "Baptiste", "Étienne", "Dorvil", "Jean-Baptiste",
                            "Célestin", "Désir", "Fleurant")),
            new Origin("CV", 4, List.of("kea", "kea", "pt"), List.of("Ailton", "Djamila", "Nilton", "Edson", "Ivanilda",
                    "Carla", "Adilson", "Elisângela"),
                    List.of("Barros", "Fernandes", "Gomes", "Lopes", "Monteiro", "Tavares", "Semedo", "Varela", "Cabral")),
            new Origin("SO", 2, List.of("so"), List.of("Abdi", "Amina", "Hodan", "Mohamed", "Faduma", "Ahmed"),
                    List.of("Mohamed", "Ali", "Hassan", "Abdi", "Warsame", "Farah")),
            new Origin("ET", 1, List.of("am"), List.of("Tesfaye", "Selam", "Dawit", "Meron"),
                    List.of("Bekele", "Haile", "Tadesse", "Girma")),
            new Origin("ER", 1, List.of("ti"), List.of("Yonas", "Senait", "Filmon", "Helen"),
                    List.of("Tekle", "Gebremedhin", "Kidane", "Berhane")),
            new Origin("CD", 1, List.of("ln", "fr"), List.of("Patrick", "Grâce", "Christian", "Nathalie"),
                    List.of("Mukendi", "Ilunga", "Mbuyi", "Tshibanda")),
            new Origin("SN", 1, List.of("wo", "fr"), List.of("Moussa", "Awa", "Cheikh", "Fatou"),
                    List.of("Diop", "Ndiaye", "Fall", "Sow")),
            new Origin("GN", 1, List.of("ff", "fr"), List.of("Mamadou", "Aissatou", "Alpha", "Kadiatou"),
                    List.of("Barry", "Diallo", "Bah", "Baldé")),
            new Origin("CN", 2, List.of("zh", "yue"), List.of("Wei", "Jing", "Hao", "Mei", "Jun", "Xiu"),
                    List.of("Chen", "Wang", "Li", "Zhang", "Liu", "Huang", "Lin")),
            new Origin("VN", 1, List.of("vi"), List.of("Minh", "Lan", "Tuấn", "Hương"), List.of("Nguyễn", "Trần", "Lê", "Phạm")),
            new Origin("AF", 2, List.of("prs", "ps"), List.of("Ahmad", "Farishta", "Mohammad", "Zainab", "Habib"),
                    List.of("Ahmadi", "Rahimi", "Hakimi", "Sultani", "Noori")),
            new Origin("IN", 1, List.of("hi", "pa"), List.of("Gurpreet", "Harjit", "Priya", "Amandeep"),
                    List.of("Singh", "Kaur", "Patel", "Sharma")),
            new Origin("NP", 1, List.of("ne"), List.of("Pasang", "Sita", "Ram", "Dawa"), List.of("Gurung", "Tamang", "Sherpa", "Thapa")),
            new Origin("BD", 1, List.of("bn"), List.of("Rahim", "Nasrin", "Karim", "Shirin"), List.of("Rahman", "Hossain", "Akter", "Islam")),
            new Origin("UA", 2, List.of("uk", "ru"), List.of("Olena", "Andriy", "Iryna", "Oleksandr"),
                    List.of("Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko")),
            new Origin("RU", 1, List.of("ru"), List.of("Dmitri", "Natalia", "Sergei", "Olga"), List.of("Ivanov", "Smirnova", "Kuznetsov", "Popova")),
            new Origin("TR", 1, List.of("tr"), List.of("Mehmet", "Ayşe", "Emre", "Zeynep"), List.of("Yılmaz", "Kaya", "Demir", "Şahin", "Çelik")),
            new Origin("SY", 1, List.of("ar"), List.of("Ahmad", "Rania", "Omar", "Layla"), List.of("Haddad", "Khalil", "Nasser", "Saleh")),
            new Origin("IR", 1, List.of("fa"), List.of("Reza", "Maryam", "Ali", "Shirin"), List.of("Hosseini", "Rezaei", "Moradi", "Karimi")));

    static final List<City> CITIES = List.of(
            new City("Boston", 30, List.of("617", "857"), List.of("02118", "02119", "02120", "02121", "02122", "02124", "02125", "02126", "02128", "02130", "02136")),
            new City("Chelsea", 8, List.of("617", "857"), List.of("02150")),
            new City("Revere", 5, List.of("781", "339"), List.of("02151")),
            new City("Everett", 5, List.of("617", "857"), List.of("02149")),
            new City("Lynn", 5, List.of("781", "339"), List.of("01901", "01902", "01905")),
            new City("Lawrence", 6, List.of("978", "351"), List.of("01840", "01841", "01843")),
            new City("Lowell", 4, List.of("978", "351"), List.of("01850", "01851", "01852", "01854")),
            new City("Brockton", 5, List.of("508", "774"), List.of("02301", "02302")),
            new City("Framingham", 4, List.of("508", "774"), List.of("01701", "01702")),
            new City("Worcester", 5, List.of("508", "774"), List.of("01603", "01604", "01610")),
            new City("Somerville", 3, List.of("617", "857"), List.of("02143", "02144", "02145")),
            new City("Cambridge", 2, List.of("617", "857"), List.of("02138", "02139", "02141")),
            new City("Malden", 3, List.of("781", "339"), List.of("02148")),
            new City("Quincy", 2, List.of("617", "857"), List.of("02169", "02170")),
            new City("New Bedford", 3, List.of("508", "774"), List.of("02740", "02744", "02746")),
            new City("Fall River", 1, List.of("508", "774"), List.of("02720", "02721")),
            new City("Springfield", 2, List.of("413"), List.of("01105", "01107", "01109")),
            new City("Waltham", 1, List.of("781", "339"), List.of("02451", "02453")),
            new City("Marlborough", 1, List.of("508", "774"), List.of("01752")),
            new City("Milford", 1, List.of("508", "774"), List.of("01757")),
            new City("Chicopee", 1, List.of("413"), List.of("01013", "01020")));

    private static final List<String> STREETS = List.of("Washington St", "Blue Hill Ave", "Broadway", "Main St", "Dorchester Ave",
            "Centre St", "Essex St", "Hancock St", "Bennington St", "Chestnut St", "Union St", "Elm St", "Pleasant St", "Meridian St",
            "Shawmut Ave", "Columbia Rd", "Hyde Park Ave", "Saratoga St", "Park St", "Summer St", "School St", "High St",
            "Water St", "Maple Ave", "Prospect St", "Cedar St", "Walnut St", "Adams St", "Bowdoin St", "Geneva Ave");

    private static final int TOTAL_ORIGIN_WEIGHT = ORIGINS.stream().mapToInt(Origin::weight).sum();
    private static final int TOTAL_CITY_WEIGHT = CITIES.stream().mapToInt(City::weight).sum();

    private SyntheticPeople() {
    }

    /** A person referred on {@code referred}; {@code child} for the young clients of SIJS cases. */
    static Person person(SplittableRandom random, LocalDate referred, boolean child) {
        Origin origin = origin(random);
        String first = pick(random, origin.firstNames());
        String last = pick(random, origin.lastNames());
        if (isLatin(origin) && random.nextInt(8) == 0) {
            last = last + " " + pick(random, origin.lastNames());
        }
        String language = pick(random, origin.languages());
        boolean interpreter = !"en".equals(language) && random.nextInt(10) != 0;
        int age = child ? 8 + random.nextInt(10) : 18 + (int) Math.min(57, Math.abs(random.nextGaussian() * 14));
        LocalDate birth = referred.minusYears(age).minusDays(random.nextInt(365));
        City city = city(random);
        String phone = pick(random, city.areaCodes()) + "-555-01" + twoDigits(random.nextInt(100));
        String street = (1 + random.nextInt(480)) + " " + pick(random, STREETS)
                + (random.nextInt(3) == 0 ? ", Apt " + (1 + random.nextInt(12)) : "");
        return new Person(first, last, origin.country(), language, interpreter, birth, phone, street, city.name(),
                pick(random, city.zips()));
    }

    private static boolean isLatin(Origin origin) {
        return origin.languages().contains("es");
    }

    static Origin origin(SplittableRandom random) {
        int draw = random.nextInt(TOTAL_ORIGIN_WEIGHT);
        for (Origin origin : ORIGINS) {
            draw -= origin.weight();
            if (draw < 0) {
                return origin;
            }
        }
        return ORIGINS.get(0);
    }

    static City city(SplittableRandom random) {
        int draw = random.nextInt(TOTAL_CITY_WEIGHT);
        for (City city : CITIES) {
            draw -= city.weight();
            if (draw < 0) {
                return city;
            }
        }
        return CITIES.get(0);
    }

    /**
     * A-number digits for a client id: a bijection of [0, 800,000,000) (multiplication by a number prime to
     * it), offset by the seed, so distinct ids give distinct nine-digit numbers from 100000000 up.
     */
    static String aNumberDigits(long clientId, long seed) {
        long space = 800_000_000L;
        long mixed = Math.floorMod(Math.floorMod(clientId, space) * 387_420_489L + Math.floorMod(seed * 7_919L, space), space);
        return Long.toString(100_000_000L + mixed);
    }

    static <T> T pick(SplittableRandom random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    private static String twoDigits(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
