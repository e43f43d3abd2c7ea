package io.unum.matchers.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.unum.matchers.compare.Samples;
import io.unum.spi.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressesTest {

    @Test
    void streetTypesAndDirectionsAreAbbreviated() {
        Normalizer street = Addresses.street();
        assertEquals("123 n main st", street.normalize("123 North Main Street"));
        assertEquals("123 n main st", street.normalize("123 N. Main St."));
        assertEquals("123 n main st", street.normalize("123 NORTH MAIN STR"));
        assertEquals("5th ave", street.normalize("Fifth Avenue"));
        assertEquals("5th ave", street.normalize("5th Ave"));
        assertEquals("7 wallaby pl", street.normalize("7 wallaby place"));
        assertEquals("12 banksia cres", street.normalize("12 Banksia Crescent"));
        assertEquals("3 hawkesbury cct", street.normalize("3 Hawkesbury Circuit"));
        assertEquals("st kilda rd", street.normalize("Saint Kilda Road"));
        assertEquals("st kilda rd", street.normalize("St Kilda Rd"));
        assertEquals("10 ocean pde", street.normalize("10 Ocean Parade"));
        assertEquals("1 rue de la paix", street.normalize("1, Rue de la Paix"));
    }

    @Test
    void aWholeAddressInOneLineGivesItsStreet() {
        Normalizer street = Addresses.street();
        assertEquals("18 danver pl", street.normalize("18 Danver Place, Loughborough, Leicestershire, LE11 1UU, United Kingdom"));
        assertEquals("18 danver pl", street.normalize("18 Danver Place, Loughborough, United Kingdom, LE11 1UU"));
        assertEquals("123 main st", street.normalize("123 Main Street, Las Vegas NV 89132"));
        assertEquals("1450 n city rd", street.normalize("Suite 900, 1450 N City Rd"));
        assertEquals("900", Addresses.unit().normalize("Suite 900, 1450 N City Rd"));
        assertEquals("4 hillview rise", street.normalize("#01-11, HillV2, 4 Hillview Rise, 667979"));
    }

    @Test
    void aBuildingsNameBeforeTheNumberIsNotTheStreet() {
        Normalizer street = Addresses.street();
        assertEquals("638 downey st", street.normalize("Adventura Aparments 638 Downey St, Salem, OR"));
        assertEquals("405 lexington ave", street.normalize("Chrysler Building, 405 Lexington Avenue"));
        assertEquals("12 oak st", street.normalize("Sunset Towers 12 Oak Street"));
        assertEquals("rue de la paix 12 bis", street.normalize("Rue de la Paix 12 bis"), "a street before its number");
        assertEquals("hardenbergstrasse 87", street.normalize("Hardenbergstrasse 87"));
        assertEquals("main st 12 n", street.normalize("Main St 12 North"), "a street type before the number");
    }

    @Test
    void unitsAreSplitOff() {
        assertEquals("123 main st", Addresses.street().normalize("123 Main St, Apt 4B"));
        assertEquals("4b", Addresses.unit().normalize("123 Main St, Apt 4B"));
        assertEquals("12", Addresses.unit().normalize("123 Main St #12"));
        assertEquals("123 main st", Addresses.street().normalize("123 Main St #12"));
        assertEquals("5", Addresses.unit().normalize("Unit 5, 23 Smith Street"));
        assertEquals("23 smith st", Addresses.street().normalize("Unit 5, 23 Smith Street"));
        assertEquals("5", Addresses.unit().normalize("5/23 Smith Street"));
        assertEquals("5a", Addresses.unit().normalize("5A / 23 Smith Street"));
        assertEquals("23 smith st", Addresses.street().normalize("5/23 Smith Street"));
        assertEquals("2", Addresses.unit().normalize("Flat 2, 10 High Street"));
        assertEquals("100", Addresses.unit().normalize("Suite 100, 1 Market St"));
        assertNull(Addresses.unit().normalize("123 Main St"));
    }

    @Test
    void houseNumberAndName() {
        assertEquals("123a", Addresses.houseNumber().normalize("123a Main St"));
        assertEquals("23", Addresses.houseNumber().normalize("5/23 Smith St"));
        assertEquals("n main st", Addresses.streetName().normalize("123 North Main Street Apt 4"));
        assertNull(Addresses.houseNumber().normalize("Main Street"));
    }

    @Test
    void postcodesKeepLeadingZeros() {
        assertEquals("02134", Addresses.postcode().normalize("02134"));
        assertEquals("SW1A1AA", Addresses.postcode().normalize("sw1a 1aa"));
        assertEquals("02134", Addresses.postcodeUs().normalize("02134-1234"));
        assertEquals("02134", Addresses.postcodeUs().normalize("021341234"));
        assertEquals("02134", Addresses.postcodeUs().normalize("2134"), "zero lost by a spreadsheet");
        assertNull(Addresses.postcodeUs().normalize("12"));
        assertEquals("0800", Addresses.postcodeAu().normalize("0800"));
        assertEquals("0800", Addresses.postcodeAu().normalize("800"));
        assertEquals("2119", Addresses.postcodeAu().normalize(" 2119 "));
        assertNull(Addresses.postcodeAu().normalize("21190"));
        assertNull(Addresses.postcode().normalize(" - "));
    }

    @Test
    void statesAndCities() {
        assertEquals("nsw", Addresses.state().normalize("New South Wales"));
        assertEquals("vic", Addresses.state().normalize("Vic."));
        assertEquals("ca", Addresses.state().normalize("California"));
        assertEquals("wa", Addresses.state().normalize("Western Australia"));
        assertEquals("nws", Addresses.state().normalize("NWS"), "unknown values are cleaned and kept");
        assertEquals("st kilda", Addresses.city().normalize("Saint Kilda"));
        assertEquals("st kilda", Addresses.city().normalize("St. Kilda"));
        assertEquals("n sydney", Addresses.city().normalize("North Sydney"));
        assertEquals("mt druitt", Addresses.city().normalize("Mount Druitt"));
        assertEquals("sao paulo", Addresses.city().normalize("São Paulo"));
    }

    @Test
    void coordinates() {
        assertEquals("52.520000,13.405000", Addresses.coordinates().normalize(" 52.52 , 13.405 "));
        assertEquals("-33.868800,151.209300", Addresses.coordinates().normalize("-33.8688 151.2093"));
        assertNull(Addresses.coordinates().normalize("91,0"));
        assertNull(Addresses.coordinates().normalize("north"));
        assertNull(Addresses.coordinates().normalize("1,2,3"));
    }

    @Test
    void hostileInputNeverThrows() {
        List<Normalizer> stages = List.of(Addresses.street(), Addresses.streetName(), Addresses.houseNumber(),
                Addresses.unit(), Addresses.postcode(), Addresses.postcodeUs(), Addresses.postcodeAu(),
                Addresses.state(), Addresses.city(), Addresses.coordinates());
        for (String value : Samples.hostile()) {
            for (Normalizer stage : stages) {
                stage.normalize(value);
                stage.normalize("5/" + value);
            }
        }
    }
}
