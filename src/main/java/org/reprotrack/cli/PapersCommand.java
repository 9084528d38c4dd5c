package org.reprotrack.cli;

import java.util.List;
import java.util.function.Consumer;
import org.reprotrack.App;
import org.reprotrack.store.PaperRow;
import picocli.CommandLine.Command;

/** {@code reprotrack papers}: lists the papers in the store. */
@Command(name = "papers", mixinStandardHelpOptions = true, description = "Lists the papers in the store, ordered by id.")
final class PapersCommand extends ListCommand<PaperRow> {

    private static final List<Column<PaperRow>> COLUMNS = List.of(
            new Column<>("paper_id", 16, PaperRow::id),
            new Column<>("version", 7, PaperRow::version),
            new Column<>("status", 16, p -> p.status().name()), // PROMISED_NO_LINK in full
            new Column<>("title", 50, PaperRow::title),
            new Column<>("published", 10, p -> p.published() == null ? null : p.published().toString().substring(0, 10)),
            new Column<>("code_links", 10, PaperRow::codeLinks),
            new Column<>("other_links", 11, PaperRow::otherLinks),
            new Column<>("promised", 8, PaperRow::promised),
            new Column<>("authors", 40, PaperRow::authors));

    @Override
    List<Column<PaperRow>> columns() {
        return COLUMNS;
    }

    @Override
    void rows(App app, Consumer<PaperRow> sink) {
        app.paperStore().forEachPaper(sink);
    }

    @Override
    String emptyHint() {
        return "no papers yet: run `reprotrack ingest PATH` first";
    }
}
