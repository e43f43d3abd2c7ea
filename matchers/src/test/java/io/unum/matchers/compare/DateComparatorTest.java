package io.unum.matchers.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.unum.rules.LevelCondition;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DateComparatorTest {

    private final DateComparator dates = Comparators.date(30);

    @Test
    void levels() {
        assertEquals(DateLevel.EXACT, dates.level("1984-03-07", "1984-03-07"));
        assertEquals(DateLevel.DAY_MONTH_SWAPPED, dates.level("1984-03-07", "1984-07-03"));
        assertEquals(DateLevel.YEAR_OFF_BY_ONE, dates.level("1984-03-07", "1985-03-07"));
        assertEquals(DateLevel.WITHIN_DAYS, dates.level("1984-03-07", "1984-03-27"));
        assertEquals(DateLevel.WITHIN_DAYS, dates.level("1984-12-31", "1985-01-02"), "across a year boundary");
        assertEquals(DateLevel.DIFFERENT, dates.level("1984-03-07", "1984-05-07"));
        assertEquals(DateLevel.DIFFERENT, dates.level("1984-03-07", "1986-03-07"));
        assertEquals(DateLevel.PARTIAL_AGREEMENT, dates.level("1984-03", "1984-03-07"));
        assertEquals(DateLevel.PARTIAL_AGREEMENT, dates.level("1984", "1984-03-07"));
        assertEquals(DateLevel.PARTIAL_AGREEMENT, dates.level("1984", "1984-11"));
        assertEquals(DateLevel.DIFFERENT, dates.level("1984-04", "1984-03-07"));
        assertEquals(DateLevel.DIFFERENT, dates.level("1985", "1984-03-07"));
        assertEquals(DateLevel.EXACT, dates.level("not a date", "not a date"));
        assertEquals(DateLevel.DIFFERENT, dates.level("not a date", "1984-03-07"));
        assertEquals(DateLevel.DIFFERENT, dates.level("1984-13-01", "1984-01-13"), "month 13 is not a date");
        assertEquals(DateLevel.DIFFERENT, Comparators.date(0).level("1984-03-07", "1984-03-08"), "window disabled");
    }

    @Test
    void similaritiesFollowTheLevels() {
        assertEquals(1.0, dates.compare("1984-03-07", "1984-03-07"), 0.0);
        assertEquals(0.9, dates.compare("1984-03-07", "1984-07-03"), 0.0);
        assertEquals(0.8, dates.compare("1984-03-07", "1983-03-07"), 0.0);
        assertEquals(0.7, dates.compare("1984-03-07", "1984-03-08"), 0.0);
        assertEquals(0.5, dates.compare("1984", "1984-03-08"), 0.0);
        assertEquals(0.0, dates.compare("1984-03-07", "2001-09-11"), 0.0);
    }

    @Test
    void conditionsSelectLevels() {
        LevelCondition typo = dates.condition(DateLevel.DAY_MONTH_SWAPPED, DateLevel.YEAR_OFF_BY_ONE);
        assertTrue(typo.test("1984-03-07", "1984-07-03"));
        assertTrue(typo.test("1984-03-07", "1983-03-07"));
        assertFalse(typo.test("1984-03-07", "1984-03-07"));
        assertFalse(typo.test("1984-03-07", "1984-03-08"));
        assertTrue(typo.toString().contains("DAY_MONTH_SWAPPED"));
    }

    @Test
    void epochDayAgreesWithJavaTime() {
        Random random = new Random(5);
        for (int i = 0; i < 100_000; i++) {
            LocalDate date = LocalDate.ofEpochDay(random.nextInt(200_000) - 100_000);
            assertEquals(date.toEpochDay(), DateComparator.epochDay(date.getYear(), date.getMonthValue(), date.getDayOfMonth()));
        }
    }
}
