package org.reprotrack.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.reprotrack.audit.AuditListener.SignalsProgress;

/** The progress line after the verdicts shows both: verdicts done, signals read and left. */
class ProgressPrinterSignalsTest {

    @Test
    void theSignalsLineShowsVerdictsSignalsAndWhatIsLeftForTheNextRun() {
        StringWriter out = new StringWriter();
        ProgressPrinter p = new ProgressPrinter(new PrintWriter(out), false,
                Clock.fixed(Instant.parse("2026-01-10T10:00:00Z"), ZoneOffset.UTC));

        p.signals(new SignalsProgress(2000, 500, 1990, 0, 43));
        p.signals(new SignalsProgress(2000, 1500, 1990, 490, 71));

        assertEquals("audit: verdicts 2,000 done  signals 500/1,990  requests 43\n"
                + "audit: verdicts 2,000 done  signals 1,500/1,990 (490 left for the next run)  requests 71\n",
                out.toString().replace(System.lineSeparator(), "\n"));
    }
}
