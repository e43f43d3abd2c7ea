package io.unum.matchers.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.matchers.compare.Samples;
import io.unum.spi.NormalizedValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmailNormalizerTest {

    private final EmailNormalizer standard = Emails.normalizer();

    private String valid(String raw) {
        NormalizedValue v = standard.normalize(raw);
        return assertInstanceOf(NormalizedValue.Valid.class, v, raw).value();
    }

    private NormalizedValue.NonIdentifying nonIdentifying(EmailNormalizer n, String raw) {
        return assertInstanceOf(NormalizedValue.NonIdentifying.class, n.normalize(raw), raw);
    }

    @Test
    void trimsLowerCasesAndUnwraps() {
        assertEquals("jane.doe@shop.example.net", valid("  Jane.Doe@Shop.Example.NET "));
        assertEquals("jane@acme.io", valid("mailto:jane@acme.io"));
        assertEquals("jane@acme.io", valid("Jane Doe <JANE@acme.io>"));
        assertEquals("jane@acme.io", valid("jane@acme.io."));
        assertEquals("ingrid@acme.io", valid("INGRID@ACME.IO"), "no Turkish dotless i");
    }

    @Test
    void gmailRules() {
        assertEquals("johnsmith@gmail.com", valid("John.Smith+newsletter@gmail.com"));
        assertEquals("johnsmith@gmail.com", valid("j.o.h.n.s.m.i.t.h@googlemail.com"));
        EmailNormalizer plain = EmailNormalizer.builder().gmailRules(false).build();
        assertEquals("john.smith+x@googlemail.com",
                assertInstanceOf(NormalizedValue.Valid.class, plain.normalize("john.smith+x@googlemail.com")).value());
    }

    @Test
    void plusTagPolicies() {
        assertEquals("jane@outlook.com", valid("jane+shop@outlook.com"));
        assertEquals("jane+shop@acme.io", valid("jane+shop@acme.io"), "unknown providers keep their tags by default");
        EmailNormalizer all = EmailNormalizer.builder().plusTags(EmailNormalizer.PlusTags.ALL).build();
        assertEquals("jane@acme.io", assertInstanceOf(NormalizedValue.Valid.class, all.normalize("jane+shop@acme.io")).value());
        EmailNormalizer none = EmailNormalizer.builder().plusTags(EmailNormalizer.PlusTags.NONE).build();
        assertEquals("jane+shop@outlook.com",
                assertInstanceOf(NormalizedValue.Valid.class, none.normalize("jane+shop@outlook.com")).value());
        assertEquals("jane@gmail.com", assertInstanceOf(NormalizedValue.Valid.class, none.normalize("jane+x@gmail.com")).value());
        assertInstanceOf(NormalizedValue.Invalid.class, standard.normalize("+tag@gmail.com"));
    }

    @Test
    void internationalizedDomainsBecomeAscii() {
        assertEquals("jose@xn--mnchen-3ya.de", valid("jose@münchen.de"));
        assertEquals(valid("jose@xn--mnchen-3ya.de"), valid("JOSE@MÜNCHEN.DE"));
        assertEquals("jösé@acme.io", valid("JÖSÉ@acme.io"), "internationalized local parts are kept");
    }

    @Test
    void syntaxErrorsAreInvalid() {
        for (String raw : List.of("jane", "jane@", "@acme.io", "jane@@acme.io", "jane@acme", "jane@acme.",
                "jane doe@acme.io", ".jane@acme.io", "jane.@acme.io", "ja..ne@acme.io", "jane@-acme.io",
                "jane@acme-.io", "jane@acme.i", "jane@acme.123", "jane@[127.0.0.1]", "\"jane\"@acme.io",
                "x".repeat(65) + "@acme.io", "jane@" + "a".repeat(64) + ".io", "jane@acme..io")) {
            NormalizedValue v = standard.normalize(raw);
            NormalizedValue.Invalid invalid = assertInstanceOf(NormalizedValue.Invalid.class, v, raw);
            assertEquals(EmailNormalizer.EXPECTED, invalid.expected());
        }
    }

    @Test
    void placeholdersNeverIdentify() {
        for (String raw : List.of("test@test.com", "noemail@shop.com", "NoEmail@gmail.com", "none@none.com",
                "noreply@brand.com", "no-reply@brand.com", "donotreply@brand.com", "unknown@gmail.com",
                "jane@example.com", "jane@mail.example", "jane@shop.test", "jane@x.invalid", "xxx@gmail.com",
                "aaaa@yahoo.com", "abc@abc.de", "n/a@gmail.com", "test+1@gmail.com", "t.e.s.t@gmail.com", "no@email.com",
                "noname@hotmail.com")) {
            NormalizedValue.NonIdentifying v = nonIdentifying(standard, raw);
            assertEquals(EmailNormalizer.PLACEHOLDER, v.reason());
        }
    }

    @Test
    void roleAddressesAreNonIdentifyingByDefault() {
        NormalizedValue.NonIdentifying v = nonIdentifying(standard, "info@acme.io");
        assertEquals(EmailNormalizer.ROLE, v.reason());
        assertEquals("info@acme.io", v.value());
        nonIdentifying(standard, "Sales@acme.io");
        EmailNormalizer business = EmailNormalizer.builder().roleAddressesIdentify(true).build();
        assertInstanceOf(NormalizedValue.Valid.class, business.normalize("info@acme.io"));
    }

    @Test
    void customPlaceholders() {
        EmailNormalizer custom = EmailNormalizer.builder().placeholderLocalParts("kunde")
                .placeholderDomains("Our-Shop.de").build();
        nonIdentifying(custom, "kunde@gmx.de");
        nonIdentifying(custom, "jane@our-shop.de");
        assertInstanceOf(NormalizedValue.Valid.class, custom.normalize("jane@gmx.de"));
        assertThrows(IllegalArgumentException.class, () -> EmailNormalizer.builder().placeholderDomains("localhost"));
        assertThrows(IllegalStateException.class, () -> EmailNormalizer.builder().gmailRules(true).gmailRules(false));
    }

    @Test
    void messagesNeverContainTheValue() {
        for (String raw : List.of("secret.person@acme.io", "secret.person", "secretperson@test.com",
                "info@secretcompany.io", "secret..person@acme.io")) {
            NormalizedValue v = standard.normalize(raw);
            String message = v instanceof NormalizedValue.Invalid i ? i.expected()
                    : v instanceof NormalizedValue.NonIdentifying n ? n.reason() : "";
            assertFalse(message.contains("secret"), message);
            assertFalse(v.toString().contains("secret"), v.toString());
        }
    }

    @Test
    void featureStages() {
        assertEquals("johnsmith@gmail.com", Emails.feature().normalize("John.Smith@gmail.com"));
        assertNull(Emails.feature().normalize("test@test.com"));
        assertNull(Emails.feature().normalize("not an address"));
        assertEquals("john.smith", Emails.localPart().normalize("john.smith@acme.io"));
        assertEquals("acme.io", Emails.domain().normalize("john.smith@acme.io"));
        assertNull(Emails.localPart().normalize("nope"));
    }

    @Test
    void hostileInputNeverThrows() {
        for (String raw : Samples.hostile()) {
            NormalizedValue v = standard.normalize(raw);
            assertInstanceOf(NormalizedValue.Invalid.class, v);
            standard.normalize(raw + "@acme.io");
            standard.normalize("jane@" + raw);
        }
        assertInstanceOf(NormalizedValue.Invalid.class, standard.normalize("jane@a\u202Ecme.io"));
        assertInstanceOf(NormalizedValue.Invalid.class, standard.normalize("ja\u200Bne@acme.io"));
    }

    @Test
    void settingsAreReadableAndDecideEquality() {
        EmailNormalizer std = EmailNormalizer.standard();
        assertEquals(EmailNormalizer.PlusTags.KNOWN_PROVIDERS, std.plusTags());
        assertTrue(std.gmailRules());
        assertFalse(std.roleAddressesIdentify());
        assertTrue(std.placeholderLocalParts().isEmpty());
        assertTrue(std.placeholderDomains().isEmpty());
        assertEquals(std, EmailNormalizer.builder().build());
        assertEquals(std.hashCode(), EmailNormalizer.builder().build().hashCode());

        EmailNormalizer custom = EmailNormalizer.builder().plusTags(EmailNormalizer.PlusTags.ALL).gmailRules(false)
                .roleAddressesIdentify(true).placeholderLocalParts("Zed", "anon").placeholderDomains("Shop.Example.IO", "acme.io")
                .build();
        assertEquals(List.of("anon", "zed"), List.copyOf(custom.placeholderLocalParts()), "lower-case, sorted");
        assertEquals(List.of("acme.io", "shop.example.io"), List.copyOf(custom.placeholderDomains()), "lower-case, sorted");
        EmailNormalizer same = EmailNormalizer.builder().placeholderDomains("acme.io").placeholderDomains("shop.example.io")
                .placeholderLocalParts("anon", "zed").roleAddressesIdentify(true).gmailRules(false)
                .plusTags(EmailNormalizer.PlusTags.ALL).build();
        assertEquals(custom, same, "order of the calls does not matter");
        assertEquals(custom.hashCode(), same.hashCode());
        assertNotEquals(std, custom);
        assertNotEquals(custom, EmailNormalizer.builder().plusTags(EmailNormalizer.PlusTags.ALL).gmailRules(false)
                .roleAddressesIdentify(true).placeholderLocalParts("anon").placeholderDomains("shop.example.io", "acme.io")
                .build());
        assertThrows(UnsupportedOperationException.class, () -> custom.placeholderDomains().add("x.io"));
        assertTrue(custom.toString().contains("2 placeholder domains"), custom.toString());
    }
}
