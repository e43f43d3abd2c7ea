package io.unum.matchers.address;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Word tables for addresses: street types, directions, unit designators, ordinals and state
 * names, each variant mapped to one canonical abbreviation. Street types follow the common
 * abbreviations of USPS Publication 28 (appendix C1) and of Australia Post / AS 4590
 * (e.g. {@code crescent → cres}, {@code circuit → cct}, {@code parade → pde}).
 */
final class AddressWords {

    /** Variant → canonical street type (also for words that are types only in some places). */
    static final Map<String, String> STREET_TYPES = table(
            "st", "street,str,strt,st",
            "ave", "avenue,av,ave,avn,aven,avenu",
            "rd", "road,rd",
            "dr", "drive,dr,drv,driv",
            "ln", "lane,ln",
            "ct", "court,ct,crt,cour",
            "pl", "place,pl,plc",
            "blvd", "boulevard,blvd,boul,bvd,blv",
            "pkwy", "parkway,pkwy,pky,parkwy",
            "hwy", "highway,hwy,hiway,hway",
            "cir", "circle,cir,circ,crcl",
            "cres", "crescent,cres,crsnt,crescnt,cresent,cr",
            "cct", "circuit,cct,crct,cirt",
            "tce", "terrace,terr,ter,tce",
            "pde", "parade,pde",
            "cl", "close,cl",
            "gr", "grove,gr,grv",
            "sq", "square,sq,sqr",
            "esp", "esplanade,esp",
            "wy", "way,wy",
            "trl", "trail,trl",
            "aly", "alley,aly,ally",
            "expy", "expressway,expy,expwy",
            "fwy", "freeway,fwy",
            "plz", "plaza,plz",
            "hts", "heights,hts",
            "gdns", "gardens,gdns,garden,gdn",
            "mt", "mount,mt,mnt",
            "ft", "fort,ft",
            "pt", "point,pt",
            "jct", "junction,jct",
            "ctr", "center,centre,ctr,cntr",
            "rte", "route,rte",
            "vlg", "village,vlg,vlge,vill",
            "pk", "park,pk",
            "rdg", "ridge,rdg",
            "vw", "view,vw",
            "crk", "creek,crk",
            "est", "estate,est",
            "cnr", "corner,cnr",
            "ret", "retreat,ret,rtt",
            "wk", "walk,wk",
            "rise", "rise",
            "loop", "loop,lp",
            "mews", "mews",
            "st", "saint");

    /** Variant → canonical direction. */
    static final Map<String, String> DIRECTIONS = table(
            "n", "north,n,nth",
            "s", "south,s,sth",
            "e", "east,e",
            "w", "west,w",
            "ne", "northeast,ne",
            "nw", "northwest,nw",
            "se", "southeast,se",
            "sw", "southwest,sw");

    /** Ordinal words → numerals ({@code fifth avenue} and {@code 5th ave}). */
    static final Map<String, String> ORDINALS = table(
            "1st", "first", "2nd", "second", "3rd", "third", "4th", "fourth", "5th", "fifth", "6th", "sixth",
            "7th", "seventh", "8th", "eighth", "9th", "ninth", "10th", "tenth", "11th", "eleventh",
            "12th", "twelfth");

    /** Words introducing a unit, apartment, flat, suite, … and its number. */
    static final Set<String> UNIT_DESIGNATORS = Set.of("apt", "apartment", "unit", "u", "flat", "fl", "suite", "ste",
            "room", "rm", "shop", "villa", "lot", "no", "number", "bldg", "building", "level", "lvl", "floor",
            "dept", "department", "office", "ofc", "townhouse", "th", "site", "kiosk", "stall", "box", "po",
            "pobox", "pmb", "space", "spc", "trlr", "trailer", "hngr", "hangar", "pier", "slip", "rear", "front",
            "upper", "lower", "lbby", "lobby", "ph", "penthouse", "bsmt", "basement");

    /** US states and territories and Australian states and territories → postal abbreviation. */
    static final Map<String, String> STATES = table(
            "al", "alabama", "ak", "alaska", "az", "arizona", "ar", "arkansas", "ca", "california",
            "co", "colorado", "ct", "connecticut", "de", "delaware", "dc", "district of columbia,washington dc",
            "fl", "florida", "ga", "georgia", "hi", "hawaii", "id", "idaho", "il", "illinois", "in", "indiana",
            "ia", "iowa", "ks", "kansas", "ky", "kentucky", "la", "louisiana", "me", "maine", "md", "maryland",
            "ma", "massachusetts", "mi", "michigan", "mn", "minnesota", "ms", "mississippi", "mo", "missouri",
            "mt", "montana", "ne", "nebraska", "nv", "nevada", "nh", "new hampshire", "nj", "new jersey",
            "nm", "new mexico", "ny", "new york", "nc", "north carolina", "nd", "north dakota", "oh", "ohio",
            "ok", "oklahoma", "or", "oregon", "pa", "pennsylvania", "ri", "rhode island", "sc", "south carolina",
            "sd", "south dakota", "tn", "tennessee", "tx", "texas", "ut", "utah", "vt", "vermont",
            "va", "virginia", "wa", "washington", "wv", "west virginia", "wi", "wisconsin", "wy", "wyoming",
            "pr", "puerto rico", "gu", "guam", "vi", "virgin islands,us virgin islands",
            "nsw", "new south wales", "vic", "victoria", "qld", "queensland", "sa", "south australia",
            "tas", "tasmania", "act", "australian capital territory", "nt", "northern territory",
            "wa", "western australia");

    private AddressWords() {
    }

    /** Pairs of (canonical, comma-separated variants) → a variant-to-canonical map. */
    private static Map<String, String> table(String... pairs) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            String canonical = pairs[i];
            map.put(canonical, canonical);
            for (String variant : pairs[i + 1].split(",")) {
                map.put(variant, canonical);
            }
        }
        return Map.copyOf(map);
    }
}
