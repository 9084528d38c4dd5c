package org.reprotrack.cli;

import java.util.List;
import java.util.function.Consumer;
import org.reprotrack.App;
import org.reprotrack.store.LinkRow;
import picocli.CommandLine.Command;

/** {@code reprotrack links}: lists every link found, code and other. */
@Command(name = "links", mixinStandardHelpOptions = true,
        description = {"Lists the links found in the papers, ordered by paper and position.",
                "kind is code (a repository on a code host, with its repo_key) or other."})
final class LinksCommand extends ListCommand<LinkRow> {

    private static final List<Column<LinkRow>> COLUMNS = List.of(
            new Column<>("paper_id", 16, LinkRow::paperId),
            new Column<>("kind", 5, LinkRow::kind),
            new Column<>("repo_key", 45, LinkRow::repoKey),
            new Column<>("status", 11, LinkRow::status),
            new Column<>("promised", 8, LinkRow::promised),
            new Column<>("in_comments", 11, LinkRow::inComments),
            new Column<>("host", 22, LinkRow::host),
            new Column<>("url", 70, LinkRow::url),
            new Column<>("context", 60, LinkRow::context));

    @Override
    List<Column<LinkRow>> columns() {
        return COLUMNS;
    }

    @Override
    void rows(App app, Consumer<LinkRow> sink) {
        app.paperStore().forEachLink(sink);
    }
}
