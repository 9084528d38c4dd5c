package org.reprotrack.survival;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Grouping of links: natural orders, the largest categories with the rest as "other", the 1/3/5-year estimates. */
class SurvivalFiguresTest {

    static final Instant AT = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    void yearsPromiseAndScoreBandsKeepTheirNaturalOrder() {
        List<Subject> s = List.of(
                new Subject(400, true, 2021, "cs.LG", "github.com", true, 5),
                new Subject(900, false, 2019, "cs.CV", "gitlab.com", false, null),
                new Subject(100, false, 2020, "cs.LG", "github.com", false, 1),
                new Subject(2000, false, 2019, null, "github.com", false, 3));
        SurvivalFigures f = SurvivalFigures.of(s, 2, 3, AT);
        assertEquals(List.of("2019", "2020", "2021"), groups(f, Grouping.YEAR));
        assertEquals(List.of("not promised", "promised"), groups(f, Grouping.PROMISED));
        assertEquals(List.of("score 0–1", "score 2–3", "score 4–5", "no signals"), groups(f, Grouping.SCORE));
        assertEquals(List.of("cs.LG", "cs.CV", "unknown"), groups(f, Grouping.CATEGORY), "largest first");
        assertEquals(4, f.links());
        assertEquals(2, f.undated());
        assertEquals(3, f.unchecked());
    }

    @Test
    void beyondTheTwelfthCategoryTheRestIsOneGroupOther() {
        List<Subject> s = new ArrayList<>();
        for (int c = 0; c < 20; c++) {
            for (int i = 0; i <= 20 - c; i++) {
                s.add(new Subject(10 + i, i % 3 == 0, 2022, "cat" + (char) ('a' + c), "github.com", false, null));
            }
        }
        List<GroupFigures> g = SurvivalFigures.of(s, 0, 0, AT).of(Grouping.CATEGORY);
        assertEquals(SurvivalFigures.MAX_GROUPS, g.size());
        assertEquals(SurvivalFigures.OTHER, g.get(g.size() - 1).group());
        assertEquals(s.size(), g.stream().mapToInt(x -> x.curve().subjects()).sum(), "no link lost");
    }

    @Test
    void theOneThreeAndFiveYearFiguresAreReadOffTheCurveAndUnknownBeyondTheData() {
        List<Subject> s = List.of(
                new Subject(200, true, 2020, null, "github.com", false, null),
                new Subject(500, false, 2020, null, "github.com", false, null),
                new Subject(800, true, 2020, null, "github.com", false, null),
                new Subject(1500, false, 2020, null, "github.com", false, null));
        GroupFigures all = SurvivalFigures.of(s, 0, 0, AT).of(Grouping.ALL).get(0);
        assertEquals(0.75, all.oneYear().value(), 1e-12);
        assertEquals(0.75 * 0.5, all.threeYears().value(), 1e-12);
        assertFalse(all.fiveYears().known(), "nobody was followed for five years");
        assertEquals(800, all.median().value(), "S falls to 0.375 at day 800");
        assertTrue(all.oneYear().lower() < 0.75 && all.oneYear().upper() < 1);
    }

    private static List<String> groups(SurvivalFigures f, Grouping g) {
        return f.of(g).stream().map(GroupFigures::group).toList();
    }
}
