package io.unum.generator;

import java.util.HashMap;
import java.util.Map;

/**
 * The generator's embedded reference tables: given names, surnames, nicknames, streets, cities,
 * e-mail domains and placeholder junk. Written for this project (plain lists of common US
 * names and places, no external data set). Earlier entries of the name lists are drawn more
 * often (a Zipf-like weighting in {@link Rng#skewed(int)}), so common names collide as they do
 * in real data; half of the surnames are composed from syllables ({@link #surname(Rng)}), so
 * that most surnames are rare, as they are in real data.
 */
final class Tables {

    private Tables() {
    }

    private static String[] words(String text) {
        return text.strip().split("\\s+");
    }

    static final String[] MALE_FIRST = words("""
            James Robert John Michael David William Richard Joseph Thomas Christopher Charles Daniel
            Matthew Anthony Mark Donald Steven Andrew Paul Joshua Kenneth Kevin Brian George Timothy
            Ronald Jason Edward Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin
            Scott Brandon Benjamin Samuel Gregory Alexander Patrick Frank Raymond Jack Dennis Jerry
            Tyler Aaron José Adam Nathan Henry Zachary Douglas Peter Kyle Noah Ethan Jeremy Walter
            Christian Keith Roger Terry Austin Sean Gerald Carl Harold Dylan Arthur Lawrence Jordan
            Jesse Bryan Billy Bruce Gabriel Joe Logan Alan Juan Albert Willie Elijah Wayne Randy Vincent
            Mason Roy Ralph Bobby Russell Bradley Philip Eugene Luis Carlos Miguel Alejandro Francisco
            Jorge Ramón Raúl Héctor Joaquín André François Björn Jürgen Søren Noël Théo Mateo Diego
            Ahmed Omar Wei Hiroshi Raj Arjun Dmitri Lukas Tomás Andrés Frederick Theodore Leonard
            """);

    static final String[] FEMALE_FIRST = words("""
            Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty
            Sandra Margaret Ashley Kimberly Emily Donna Michelle Carol Amanda Melissa Deborah Stephanie
            Dorothy Rebecca Sharon Laura Cynthia Amy Kathleen Angela Shirley Brenda Emma Anna Pamela
            Nicole Samantha Katherine Christine Helen Debra Rachel Carolyn Janet Maria Catherine Heather
            Diane Olivia Julie Joyce Victoria Ruth Virginia Lauren Kelly Christina Joan Evelyn Judith
            Andrea Hannah Megan Cheryl Jacqueline Martha Madison Teresa Gloria Sara Janice Ann Kathryn
            Abigail Sophia Frances Jean Alice Judy Isabella Julia Grace Amber Denise Danielle Marilyn
            Beverly Charlotte Natalie Theresa Diana Brittany Doris Kayla Alexis Lori Marie Zoë Renée
            Chloé Sofía Inés Lucía María Ángela Béatrice Léa Mónica Dolores Josephine Abril Yuki Priya
            Mei Fatima Aisha Ingrid Astrid Agnès Hélène Noémie Valentina Camila Ximena Guadalupe
            """);

    static final String[] SURNAMES = words("""
            Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez
            Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris
            Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill
            Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips
            Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers
            Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson
            Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo
            Sanders Patel Myers Long Ross Foster Jimenez Powell Jenkins Perry Russell Sullivan Bell
            Coleman Butler Henderson Barnes Gonzales Fisher Vasquez Simmons Romero Jordan Patterson
            Müller García Hernández López Martínez González Pérez Sánchez Ramírez Gómez Núñez Peña
            Schäfer Böhm Søndergaard Dvořák Bjørnsson Çelik Fernández Rodríguez Jiménez Ibáñez
            O'Brien O'Connor McDonald MacLeod VanDyke Smith-Jones Becker Schmidt Schneider Weber
            Fischer Wagner Kowalski Nowak Novak Horvat Rossi Russo Ferrari Esposito Bianchi Romano
            Costa Silva Santos Oliveira Pereira Almeida Tanaka Suzuki Watanabe Chen Wang Zhang Liu
            Singh Kumar Shah Khan Ali Cohen Levy Friedman Goldberg Katz Murray Ford Hamilton Graham
            """);

    /**
     * Share of people whose surname comes from {@link #SURNAMES}; the others get a composed one
     * ({@link #surname(Rng)}). Real surnames have a long tail (the 2010 US census counted
     * 6.3 million distinct surnames, and even the most common, Smith, is held by under 1 % of
     * people), so a few hundred names alone would make strangers share a surname far more
     * often at scale than they do in a real customer base.
     */
    static final double LISTED_SURNAME_SHARE = 0.5;

    /** First parts of composed surnames, more common first. */
    static final String[] SURNAME_ONSETS = words("""
            Har Wal Ash Bran Cal Dun Ell Fair Gar Hol Kin Lang Mar Nor Pen Rad Sel Tal Wes Brad
            Carl Dal Eck Fen Gil Hal Ing Kes Lind Mor Ost Prest Quen Rob Stan Thorn Ul Vand Wint Yar
            Ab Bel Cor Dren Em Farn Gold Hart Ives Jar Kell Lor Mel Nash Orm Pax Ren Sut Tren Ver
            Wick Bex Crom Dor Eld Fitz Grim Heb Isel Jost Kran Lud Merr Nev Oak Pell Rook Stil Tull
            Bog Cas Dov Fal Gresh Hask Kov Lam Mos Nuss Pet Rask Sor Tam Vol Zab Bor Dag Lev Mik
            """);

    /** Optional middle syllables of composed surnames. */
    static final String[] SURNAME_LINKS = words("""
            er en in ing el an ow ert am is ley ton ver ner ber ri ma lo de sa
            """);

    /** Last parts of composed surnames, more common first. */
    static final String[] SURNAME_ENDINGS = words("""
            son ton ley ford man sen berg well wood field more stone worth wick by ham dale land
            ridge brook ing ers ett ard ock ow ey ins ström gaard stein mann ski ová ek ić ov enko
            ez ini etti ato ides opoulos oglu quist holm lund hurst combe thwaite garth
            """);

    /**
     * A surname: from {@link #SURNAMES} with probability {@link #LISTED_SURNAME_SHARE}, otherwise
     * composed of an onset, an optional link and an ending, each drawn with {@link Rng#skewed}
     * so that composed names have a long tail of rare ones and some common ones.
     */
    static String surname(Rng rng) {
        if (rng.chance(LISTED_SURNAME_SHARE)) {
            return SURNAMES[rng.skewed(SURNAMES.length)];
        }
        String onset = SURNAME_ONSETS[rng.skewed(SURNAME_ONSETS.length)];
        String link = rng.chance(0.4) ? SURNAME_LINKS[rng.skewed(SURNAME_LINKS.length)] : "";
        return onset + link + SURNAME_ENDINGS[rng.skewed(SURNAME_ENDINGS.length)];
    }

    /** Names shared by so many people that strangers with them meet in one city. */
    static final String[][] COMMON_FULL_NAMES = {
        {"John", "Smith"}, {"Michael", "Johnson"}, {"James", "Brown"}, {"Robert", "Jones"},
        {"David", "Miller"}, {"Maria", "Garcia"}, {"Mary", "Smith"}, {"Jennifer", "Davis"},
        {"William", "Wilson"}, {"Linda", "Martinez"}, {"Jose", "Rodriguez"}, {"Elizabeth", "Taylor"},
    };

    /** Formal given name to its nicknames; every key is a given name of the lists above. */
    static final Map<String, String[]> NICKNAMES = nicknames("""
            Robert=Bob,Rob,Bobby William=Bill,Will,Billy,Liam Elizabeth=Liz,Beth,Betty,Eliza
            Richard=Rick,Dick,Richie James=Jim,Jimmy,Jamie John=Jack,Johnny Michael=Mike,Mikey
            Margaret=Maggie,Peggy,Meg Katherine=Kate,Kathy,Katie Catherine=Cathy,Cat Jennifer=Jen,Jenny
            Christopher=Chris,Topher Matthew=Matt Joseph=Joe,Joey Thomas=Tom,Tommy Charles=Charlie,Chuck
            Daniel=Dan,Danny Anthony=Tony Edward=Ed,Ted,Eddie Patricia=Pat,Patty,Trish Susan=Sue,Susie
            Rebecca=Becky,Becca Samantha=Sam Alexander=Alex,Xander Benjamin=Ben,Benny Nicholas=Nick
            Jonathan=Jon Andrew=Andy,Drew Steven=Steve Timothy=Tim Gregory=Greg Jessica=Jess,Jessie
            Deborah=Deb,Debbie Victoria=Vicky,Tori Dorothy=Dot,Dottie Theodore=Teddy,Theo
            Abigail=Abby Alejandro=Alex Francisco=Paco,Pancho José=Pepe Dolores=Lola Josephine=Jo,Josie
            Kimberly=Kim Stephanie=Steph Zachary=Zach Frederick=Fred,Freddy Harold=Hal,Harry
            Henry=Hank Lawrence=Larry Ronald=Ron,Ronnie Donald=Don,Donnie Kenneth=Ken,Kenny
            Gerald=Jerry Raymond=Ray Peter=Pete Samuel=Sam,Sammy Douglas=Doug Jeffrey=Jeff
            Leonard=Len,Leo Eugene=Gene Walter=Walt Albert=Al,Bert Pamela=Pam Christine=Chris,Tina
            Christina=Tina Barbara=Barb Judith=Judy Kathleen=Kathy Cynthia=Cindy Sandra=Sandy
            Jacqueline=Jackie Gabriel=Gabe Nathan=Nate Joshua=Josh Vincent=Vince Bradley=Brad
            Philip=Phil Russell=Russ Frances=Fran Theresa=Tess Teresa=Terri Natalie=Nat Valentina=Vale
            Guadalupe=Lupe Isabella=Bella,Izzy Madison=Maddie Olivia=Liv Evelyn=Evie Virginia=Ginny
            """);

    private static Map<String, String[]> nicknames(String text) {
        Map<String, String[]> map = new HashMap<>();
        for (String entry : words(text)) {
            int eq = entry.indexOf('=');
            map.put(entry.substring(0, eq), entry.substring(eq + 1).split(","));
        }
        return Map.copyOf(map);
    }

    static final String[] STREET_NAMES = words("""
            Main Oak Pine Maple Cedar Elm Washington Lake Hill Park Walnut Sunset Lincoln Jackson
            Church Highland Willow River Meadow Forest Spring Ridge Chestnut Madison Franklin Jefferson
            Adams Union Center Mill Valley Cherry Birch Hickory Poplar Dogwood Magnolia Sycamore Aspen
            Laurel Prospect Broad Market Water Bridge Liberty Grove College Academy Orchard Garden
            Harbor Bay Shore Canyon Mesa Vista Summit Fairview Pleasant Greenwood Lakeview Riverside
            Woodland Brookside Hillcrest Kingston Hamilton Monroe Evergreen Juniper Cypress Redwood
            Sequoia Alder Beech Holly Ivy Rose Lilly Jasmine Heritage Colonial Victoria Windsor
            """);

    /** Street suffixes: full form, then abbreviations real data mixes in. */
    static final String[][] STREET_SUFFIXES = {
        {"Street", "St", "St."}, {"Avenue", "Ave", "Ave."}, {"Road", "Rd", "Rd."},
        {"Drive", "Dr", "Dr."}, {"Lane", "Ln", "Ln."}, {"Boulevard", "Blvd", "Blvd."},
        {"Court", "Ct", "Ct."}, {"Place", "Pl", "Pl."}, {"Way", "Way", "Wy"}, {"Terrace", "Ter", "Ter."},
    };

    /** A city: name, state, first three zip digits, area codes. */
    record City(String name, String state, int zip3, int[] areaCodes) {
    }

    /** Cities; the first three are crowded (drawn much more often). */
    static final City[] CITIES = {
        new City("Springfield", "IL", 627, new int[] {217}),
        new City("Houston", "TX", 770, new int[] {713, 281, 832}),
        new City("Chicago", "IL", 606, new int[] {312, 773, 872}),
        new City("New York", "NY", 100, new int[] {212, 646, 917}),
        new City("Los Angeles", "CA", 900, new int[] {213, 310, 323}),
        new City("Phoenix", "AZ", 850, new int[] {602, 480}),
        new City("Philadelphia", "PA", 191, new int[] {215, 267}),
        new City("San Antonio", "TX", 782, new int[] {210}),
        new City("San Diego", "CA", 921, new int[] {619, 858}),
        new City("Dallas", "TX", 752, new int[] {214, 469, 972}),
        new City("San Jose", "CA", 951, new int[] {408, 669}),
        new City("Austin", "TX", 787, new int[] {512, 737}),
        new City("Jacksonville", "FL", 322, new int[] {904}),
        new City("Columbus", "OH", 432, new int[] {614}),
        new City("Charlotte", "NC", 282, new int[] {704, 980}),
        new City("San Francisco", "CA", 941, new int[] {415, 628}),
        new City("Indianapolis", "IN", 462, new int[] {317}),
        new City("Seattle", "WA", 981, new int[] {206}),
        new City("Denver", "CO", 802, new int[] {303, 720}),
        new City("Boston", "MA", 21, new int[] {617, 857}),
        new City("Nashville", "TN", 372, new int[] {615}),
        new City("Portland", "OR", 972, new int[] {503, 971}),
        new City("Las Vegas", "NV", 891, new int[] {702}),
        new City("Detroit", "MI", 482, new int[] {313}),
        new City("Memphis", "TN", 381, new int[] {901}),
        new City("Louisville", "KY", 402, new int[] {502}),
        new City("Baltimore", "MD", 212, new int[] {410, 443}),
        new City("Milwaukee", "WI", 532, new int[] {414}),
        new City("Albuquerque", "NM", 871, new int[] {505}),
        new City("Tucson", "AZ", 857, new int[] {520}),
        new City("Sacramento", "CA", 958, new int[] {916}),
        new City("Atlanta", "GA", 303, new int[] {404, 678}),
        new City("Miami", "FL", 331, new int[] {305, 786}),
        new City("Minneapolis", "MN", 554, new int[] {612}),
        new City("Springfield", "MO", 658, new int[] {417}),
        new City("Springfield", "MA", 11, new int[] {413}),
        new City("Portland", "ME", 41, new int[] {207}),
        new City("Columbia", "SC", 292, new int[] {803}),
        new City("Salt Lake City", "UT", 841, new int[] {801, 385}),
        new City("Saint Paul", "MN", 551, new int[] {651}),
    };

    static final String[] FREE_MAIL = {"gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "aol.com",
        "icloud.com", "comcast.net", "protonmail.com", "att.net", "live.com"};

    static final String[] WORK_MAIL = {"acme-corp.com", "globex.com", "initech.com", "umbrella-inc.com",
        "northwind.com", "contoso.com", "stark-ind.com", "wayne-ent.com", "cyberdyne.com", "hooli.com"};

    /** Misspelt domains as typed into web forms, keyed by the correct domain. */
    static final Map<String, String[]> DOMAIN_TYPOS = Map.of(
            "gmail.com", new String[] {"gmial.com", "gamil.com", "gmail.co", "gmai.com"},
            "yahoo.com", new String[] {"yaho.com", "yahooo.com", "yahoo.co"},
            "hotmail.com", new String[] {"hotmial.com", "hotmail.co", "hotmal.com"},
            "outlook.com", new String[] {"outlok.com", "outloo.com"},
            "icloud.com", new String[] {"iclod.com", "icloud.co"});

    /** Placeholder e-mails that staff and users type to get past a required field. */
    static final String[] JUNK_EMAILS = {"test@test.com", "noemail@noemail.com", "none@none.com", "na@na.com",
        "customer@example.com", "no@email.com"};

    /** Placeholder phone numbers, ten digits. */
    static final String[] JUNK_PHONES = {"0000000000", "5555555555", "1234567890", "9999999999"};

    /** Placeholder dates of birth as {year, month, day}. */
    static final int[][] JUNK_DATES = {{1900, 1, 1}, {1901, 1, 1}, {1911, 11, 11}};

    static final String[] MONTH_SHORT = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};

    static final String[] MONTH_LONG = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};

    /** Keys next to each other on a QWERTY keyboard, for typos. */
    static final String[] KEYBOARD_ROWS = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
}
