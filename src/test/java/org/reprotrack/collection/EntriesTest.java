package org.reprotrack.collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EntriesTest {

    private static Path resource(String name) {
        return Path.of("src/test/resources/collections", name);
    }

    @Test
    void a_csv_export_yields_the_first_cell_naming_a_paper_of_every_row_without_repeats() throws IOException {
        Entries.Resolution r = Entries.read(resource("accepted.csv"));
        assertEquals(List.of("2101.00001", "2102.00002", "2104.00004", "hep-th/9901001", "2405.01234"), r.ids());
    }

    @Test
    void rows_naming_no_paper_are_reported_with_line_and_reason_never_dropped() throws IOException {
        Entries.Resolution r = Entries.read(resource("accepted.csv"));
        assertEquals(3, r.unresolved().size(), r.unresolved().toString());
        Entries.Unresolved doi = r.unresolved().get(0);
        assertEquals(6, doi.line());
        assertTrue(doi.reason().contains("DOI not known to the store"), doi.reason());
        assertEquals(8, r.unresolved().get(1).line());
        assertEquals("not an arXiv id, arXiv URL or DOI", r.unresolved().get(1).reason());
        assertEquals(9, r.unresolved().get(2).line());
        assertTrue(r.unresolved().get(2).reason().contains("arXiv URL without a valid paper id"));
    }

    @Test
    void a_plain_list_takes_ids_and_arxiv_doi_urls_and_skips_comments_and_blank_lines() throws IOException {
        Entries.Resolution r = Entries.read(resource("ids.txt"));
        assertEquals(List.of("2101.00001", "2102.00002", "2104.00004"), r.ids());
        assertEquals(List.of(), r.unresolved());
    }

    @Test
    void a_first_line_naming_no_paper_is_a_header_but_later_ones_are_reported() {
        Entries.Resolution r = Entries.resolve(List.of("paper", "2101.00001", "paper"));
        assertEquals(List.of("2101.00001"), r.ids());
        assertEquals(1, r.unresolved().size());
        assertEquals(3, r.unresolved().get(0).line());
    }

    @Test
    void quoted_cells_with_commas_and_doubled_quotes_are_one_cell() {
        assertEquals(List.of("a, \"b\"", "2101.00001"), Entries.cells("\"a, \"\"b\"\"\",2101.00001"));
    }

    @Test
    void a_binary_file_is_a_clear_error(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("papers.bin");
        Files.write(file, new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, (byte) 0xc3});
        IOException e = assertThrows(IOException.class, () -> Entries.read(file));
        assertTrue(e.getMessage().contains("is not UTF-8 text"), e.getMessage());
    }

    @Test
    void a_missing_file_is_named() {
        IOException e = assertThrows(IOException.class, () -> Entries.read(Path.of("no/such/list.txt")));
        assertTrue(e.getMessage().contains("file not found: no/such/list.txt"), e.getMessage());
    }

    @Test
    void collection_names_are_url_safe() {
        assertTrue(CollectionName.valid("neurips-2026"));
        assertTrue(CollectionName.valid("lab.a_b"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CollectionName.require("NeurIPS 2026/<x>"));
        assertTrue(e.getMessage().contains("lower-case"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CollectionName.require("-x"));
        assertThrows(IllegalArgumentException.class, () -> CollectionName.require(""));
    }
}
