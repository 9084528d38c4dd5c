package org.reprotrack.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * /survival, its JSON and CSV over the fixture store: alpha (two papers) and gamma alive, beta
 * confirmed dead two days after T0; papers of 1999, 2021 and 2022.
 */
class SurvivalRoutesTest {

    static DashboardServer server;

    @BeforeAll
    static void start() {
        server = DashboardServer.withSignals();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void thePageDrawsOneStepCurveWithItsBandPerYearAndATableOfEstimates() {
        HttpResponse<String> r = server.get("/survival?by=year");
        assertEquals(200, r.statusCode());
        String html = r.body();
        assertEquals(3, count(html, "<polyline class=\"km"), "1999, 2021, 2022");
        assertEquals(3, count(html, "<polygon class=\"band"));
        assertTrue(html.contains("<td><span class=\"key s1\"></span>2021</td><td>2</td><td>1</td>"), html);
        assertTrue(html.contains("class=\"active\">Publication year</a>"));
        assertTrue(server.get("/survival").body().contains("class=\"active\">Publication year</a>"), "by year unless told");
    }

    @Test
    void theApiGivesEachGroupsEstimatesAndSteps() throws Exception {
        JsonNode j = new ObjectMapper().readTree(server.get("/api/v1/survival?by=promised").body());
        assertEquals("promised", j.get("by").asText());
        assertEquals(4, j.get("links").asInt());
        JsonNode groups = j.get("groups");
        assertEquals("not promised", groups.get(0).get("group").asText());
        assertEquals(3, groups.get(0).get("links").asInt());
        assertEquals(1, groups.get(0).get("deaths").asInt());
        assertEquals("promised", groups.get(1).get("group").asText(), "2104.00004's link to gamma");
        JsonNode step = groups.get(0).get("steps").get(0);
        assertEquals(3, step.get(1).asInt(), "three links at risk at beta's death");
        assertEquals(2.0 / 3, step.get(4).asDouble(), 1e-9);
        assertTrue(groups.get(0).get("median_days").isNull(), "S never falls to one half");
    }

    @Test
    void theCsvHasAHeaderAndOneRowPerGroup() {
        HttpResponse<String> r = server.get("/api/v1/survival.csv?by=host");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/csv"));
        String[] lines = r.body().split("\r\n");
        assertEquals("by,group,links,deaths,median_days,median_lower,median_upper,s_1y,s_1y_lower,s_1y_upper,s_3y,s_3y_lower,s_3y_upper,"
                + "s_5y,s_5y_lower,s_5y_upper", lines[0]);
        assertEquals(2, lines.length);
        assertTrue(lines[1].startsWith("host,github.com,4,1,,1802.333333,,1,1,1,"), lines[1] + ": no median, but the lower band falls to one half at beta's death (as R prints an LCL)");
        String steps = server.get("/api/v1/survival.csv?by=all&table=steps").body();
        assertTrue(steps.split("\r\n")[1].startsWith("all,all,"), steps);
    }

    @Test
    void anUnknownGroupingIsABadRequestThatNamesTheChoices() {
        HttpResponse<String> r = server.get("/api/v1/survival?by=colour");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("year, category, host, promised, score"));
        assertEquals(400, server.get("/survival?by=colour").statusCode());
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
